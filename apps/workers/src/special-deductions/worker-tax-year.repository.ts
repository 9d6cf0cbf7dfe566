/** The only owner of `worker_tax_year` SQL: a worker's withholding flags per year, and a snapshot page's. */
import type { WorkerTaxYearView } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';
import { workerRangeSql, type WorkerRange } from '../common/worker-range';

type Flags = Pick<WorkerTaxYearView, 'firstJobOfYear' | 'lowIncomeLastYear'>;
const flag = (v: number | string | null): boolean | null => (v === null ? null : Number(v) === 1);

export class WorkerTaxYearRepository {
  /** The flags set for the year, or null (none set); `lock` takes the row (or, absent, the gap) for a write. */
  static async find(m: EntityManager, workerId: number, year: number, opts: { lock?: boolean } = {}): Promise<WorkerTaxYearView | null> {
    const [r] = await m.query(
      `SELECT first_job_of_year AS f, low_income_last_year AS l, note, updated_by AS updatedBy, updated_at AS updatedAt
         FROM worker_tax_year WHERE worker_id = ? AND year = ?${opts.lock ? ' FOR UPDATE' : ''}`,
      [workerId, year],
    );
    return r ? { workerId, year, firstJobOfYear: flag(r.f), lowIncomeLastYear: flag(r.l), note: r.note, updatedBy: r.updatedBy, updatedAt: new Date(r.updatedAt).toISOString() } : null;
  }

  static async save(m: EntityManager, v: Flags & { workerId: number; year: number; note: string | null; updatedBy: string }): Promise<WorkerTaxYearView> {
    const updatedAt = new Date();
    await m.query(
      `INSERT INTO worker_tax_year (worker_id, year, first_job_of_year, low_income_last_year, note, updated_by, updated_at) VALUES (?,?,?,?,?,?,?)
       ON DUPLICATE KEY UPDATE first_job_of_year = VALUES(first_job_of_year), low_income_last_year = VALUES(low_income_last_year),
         note = VALUES(note), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)`,
      [v.workerId, v.year, v.firstJobOfYear, v.lowIncomeLastYear, v.note, v.updatedBy, updatedAt],
    );
    return { ...v, updatedAt: updatedAt.toISOString() };
  }

  /** The flags of workers `first`..`last` (a snapshot page) for `year`, by worker id. */
  static async forRange(m: EntityManager, range: WorkerRange, year: number): Promise<Map<number, Flags>> {
    const params: unknown[] = [];
    const workers = workerRangeSql('worker_id', range, params);
    const rows: Array<{ workerId: number; f: number | null; l: number | null }> = await m.query(
      `SELECT worker_id AS workerId, first_job_of_year AS f, low_income_last_year AS l FROM worker_tax_year WHERE ${workers} AND year = ?`,
      [...params, year],
    );
    return new Map(rows.map((r) => [Number(r.workerId), { firstJobOfYear: flag(r.f), lowIncomeLastYear: flag(r.l) }]));
  }
}
