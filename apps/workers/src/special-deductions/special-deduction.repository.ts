/** The only owner of `special_deduction` SQL: a worker's declarations, one ended or withdrawn, and a snapshot page's. */
import { parseMoney, type Scope } from '@cws/kernel';
import type { DeductionMonths } from '@cws/workers-core';
import type { SpecialDeductionType, SpecialDeductionView } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';
import { WorkerRepository } from '../workers/worker.repository';
import { workerRangeSql, type WorkerRange } from '../common/worker-range';

export interface NewSpecialDeduction {
  workerId: number;
  type: SpecialDeductionType;
  monthlyAmount: string;
  fromMonth: string;
  toMonth: string | null;
  note: string | null;
  createdBy: string;
}

const COLUMNS = `id, worker_id AS workerId, type, monthly_amount AS monthlyAmount, from_month AS fromMonth, to_month AS toMonth,
  note, created_by AS createdBy, created_at AS createdAt`;

type Row = Omit<SpecialDeductionView, 'createdAt'> & { createdAt: Date };
const view = (r: Row): SpecialDeductionView => ({ ...r, id: Number(r.id), workerId: Number(r.workerId), createdAt: new Date(r.createdAt).toISOString() });

/** A declaration as the month rules read it. */
export const monthsOf = (d: Pick<SpecialDeductionView, 'type' | 'monthlyAmount' | 'fromMonth' | 'toMonth'>): DeductionMonths =>
  ({ type: d.type, monthlyFen: parseMoney(d.monthlyAmount), fromMonth: d.fromMonth, toMonth: d.toMonth });

export class SpecialDeductionRepository {
  static async insert(m: EntityManager, d: NewSpecialDeduction): Promise<SpecialDeductionView> {
    const createdAt = new Date();
    const res = await m.query(
      `INSERT INTO special_deduction (worker_id, type, monthly_amount, from_month, to_month, note, created_by, created_at) VALUES (?,?,?,?,?,?,?,?)`,
      [d.workerId, d.type, d.monthlyAmount, d.fromMonth, d.toMonth, d.note, d.createdBy, createdAt],
    );
    return view({ ...d, id: Number(res.insertId), createdAt });
  }

  /** A worker's declarations, newest first. */
  static async ofWorker(m: EntityManager, workerId: number): Promise<SpecialDeductionView[]> {
    const rows: Row[] = await m.query(`SELECT ${COLUMNS} FROM special_deduction WHERE worker_id = ? ORDER BY from_month DESC, id DESC`, [workerId]);
    return rows.map(view);
  }

  /** One declaration, if the scope sees its worker (else 404, as for one that does not exist); `lock` takes its row. */
  static async inScope(m: EntityManager, scope: Scope, id: number, opts: { lock?: boolean } = {}): Promise<SpecialDeductionView> {
    const [row]: Row[] = await m.query(`SELECT ${COLUMNS} FROM special_deduction WHERE id = ?${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
    await WorkerRepository.placeInScope(m, scope, row, 'special_deduction', id);
    return view(row);
  }

  static async end(m: EntityManager, id: number, toMonth: string): Promise<void> {
    await m.query('UPDATE special_deduction SET to_month = ? WHERE id = ?', [toMonth, id]);
  }

  static async remove(m: EntityManager, id: number): Promise<void> {
    await m.query('DELETE FROM special_deduction WHERE id = ?', [id]);
  }

  /** The declarations of workers `first`..`last` (a snapshot page) that touch `year`, by worker id. */
  static async forRange(m: EntityManager, range: WorkerRange, year: string): Promise<Map<number, DeductionMonths[]>> {
    const params: unknown[] = [];
    const workers = workerRangeSql('worker_id', range, params);
    const rows: Array<{ workerId: number; type: string; monthlyAmount: string; fromMonth: string; toMonth: string | null }> = await m.query(
      `SELECT worker_id AS workerId, type, monthly_amount AS monthlyAmount, from_month AS fromMonth, to_month AS toMonth
         FROM special_deduction WHERE ${workers} AND from_month <= ? AND (to_month IS NULL OR to_month >= ?)`,
      [...params, `${year}-12`, `${year}-01`],
    );
    const out = new Map<number, DeductionMonths[]>();
    for (const r of rows) {
      const id = Number(r.workerId);
      const list = out.get(id) ?? [];
      list.push(monthsOf(r as Pick<SpecialDeductionView, 'type' | 'monthlyAmount' | 'fromMonth' | 'toMonth'>));
      out.set(id, list);
    }
    return out;
  }
}
