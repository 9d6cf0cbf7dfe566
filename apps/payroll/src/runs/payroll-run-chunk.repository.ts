import { Injectable } from '@nestjs/common';
import { formatMoney, type Fen } from '@cws/kernel';
import type { FrozenWorker } from '@cws/payroll-engine';
import { DataSource, type EntityManager } from 'typeorm';
import { PayrollRunChunkEntity } from './payroll-run.entities';

export interface ChunkTotals {
  computeMs?: number;
  persistMs?: number;
  done: number;
  failed: number;
  gross: Fen;
  employeeContributions: Fen;
  tax: Fen;
  recoveries: Fen;
  net: Fen;
  employerContributions: Fen;
}

type SlipSums = Pick<ChunkTotals, 'gross' | 'employeeContributions' | 'tax' | 'recoveries' | 'net' | 'employerContributions'>;

/** An empty chunk's totals. */
export const noTotals = (): ChunkTotals => ({ done: 0, failed: 0, gross: 0n, employeeContributions: 0n, tax: 0n, recoveries: 0n, net: 0n, employerContributions: 0n });

/** Adds one computed slip's sums to a chunk's totals (the count of done slips is the caller's). */
export function addSlip(totals: ChunkTotals, slip: SlipSums): void {
  totals.gross += slip.gross;
  totals.employeeContributions += slip.employeeContributions;
  totals.tax += slip.tax;
  totals.recoveries += slip.recoveries;
  totals.net += slip.net;
  totals.employerContributions += slip.employerContributions;
}

export interface RunAggregate extends ChunkTotals {
  total: number;
  chunks: number;
  pendingChunks: number;
}

/** The only owner of `payroll_run_chunk` SQL: frozen inputs per chunk, its progress and totals. */
@Injectable()
export class PayrollRunChunkRepository {
  constructor(private readonly dataSource: DataSource) {}

  async deleteForRun(m: EntityManager, runId: string): Promise<void> {
    await m.query('DELETE FROM payroll_run_chunk WHERE run_id = ?', [runId]);
  }

  /** Writes one chunk of a generation's frozen inputs (JSON text of its workers). */
  async insert(m: EntityManager, runId: string, chunkNo: number, generation: number, workerCount: number, inputs: string): Promise<void> {
    await m.query('INSERT INTO payroll_run_chunk (run_id, chunk_no, generation, worker_count, inputs, state) VALUES (?, ?, ?, ?, ?, ?)', [runId, chunkNo, generation, workerCount, inputs, 'PENDING']);
  }

  /** How many chunk rows the generation has (0 = not frozen yet). */
  async countOf(runId: string, generation: number): Promise<number> {
    const [r] = await this.dataSource.query('SELECT COUNT(*) AS n FROM payroll_run_chunk WHERE run_id = ? AND generation = ?', [runId, generation]);
    return Number(r.n);
  }

  async get(runId: string, chunkNo: number, manager?: EntityManager): Promise<PayrollRunChunkEntity | null> {
    return (manager ?? this.dataSource.manager).findOneBy(PayrollRunChunkEntity, { runId, chunkNo });
  }

  /** Records a chunk's result, only for the generation it was computed for. */
  /**
   * Locks the chunk's row if it is still of `generation`: a recalculation replaces the rows (deleteForRun), so a job of
   * an older generation finds none and writes nothing, and a replacement waits for a write already under way.
   */
  async lockCurrent(m: EntityManager, runId: string, chunkNo: number, generation: number): Promise<boolean> {
    const rows: unknown[] = await m.query('SELECT chunk_no FROM payroll_run_chunk WHERE run_id = ? AND chunk_no = ? AND generation = ? FOR UPDATE', [runId, chunkNo, generation]);
    return rows.length > 0;
  }

  async markDone(m: EntityManager, runId: string, chunkNo: number, generation: number, t: ChunkTotals): Promise<boolean> {
    const r = await m.query(
      `UPDATE payroll_run_chunk SET state = 'DONE', done = ?, failed = ?, gross = ?, employee_contributions = ?, tax = ?, recoveries = ?, net = ?,
         employer_contributions = ?, compute_ms = ?, persist_ms = ?, computed_at = UTC_TIMESTAMP(3) WHERE run_id = ? AND chunk_no = ? AND generation = ?`,
      [t.done, t.failed, formatMoney(t.gross), formatMoney(t.employeeContributions), formatMoney(t.tax), formatMoney(t.recoveries), formatMoney(t.net), formatMoney(t.employerContributions), t.computeMs ?? 0, t.persistMs ?? 0, runId, chunkNo, generation],
    );
    return Number((r as { affectedRows?: number }).affectedRows ?? 0) > 0;
  }

  /** The frozen workers of a run's generation, chunk by chunk (outputs read who a slip was computed for: primary body, dates). */
  async *frozenWorkers(runId: string, generation: number, manager?: EntityManager): AsyncGenerator<FrozenWorker[]> {
    const m = manager ?? this.dataSource.manager;
    const nos: Array<{ chunk_no: number }> = await m.query('SELECT chunk_no FROM payroll_run_chunk WHERE run_id = ? AND generation = ? ORDER BY chunk_no', [runId, generation]);
    for (const { chunk_no } of nos) {
      const [row] = await m.query('SELECT inputs FROM payroll_run_chunk WHERE run_id = ? AND chunk_no = ?', [runId, chunk_no]);
      if (row) yield JSON.parse(row.inputs) as FrozenWorker[];
    }
  }

  /** Progress and totals of a run's current chunks: one aggregate over at most a few hundred rows. */
  async aggregate(runId: string, manager?: EntityManager): Promise<RunAggregate> {
    const [r] = await (manager ?? this.dataSource.manager).query(
      `SELECT COUNT(*) AS chunks, COALESCE(SUM(worker_count), 0) AS total, COALESCE(SUM(state = 'PENDING'), 0) AS pendingChunks,
         COALESCE(SUM(done), 0) AS done, COALESCE(SUM(failed), 0) AS failed, COALESCE(SUM(gross), 0) AS gross,
         COALESCE(SUM(employee_contributions), 0) AS employeeContributions, COALESCE(SUM(tax), 0) AS tax, COALESCE(SUM(recoveries), 0) AS recoveries,
         COALESCE(SUM(net), 0) AS net, COALESCE(SUM(employer_contributions), 0) AS employerContributions
       FROM payroll_run_chunk WHERE run_id = ?`,
      [runId],
    );
    const fen = (v: unknown) => decimalToFen(String(v));
    return {
      chunks: Number(r.chunks), total: Number(r.total), pendingChunks: Number(r.pendingChunks), done: Number(r.done), failed: Number(r.failed),
      gross: fen(r.gross), employeeContributions: fen(r.employeeContributions), tax: fen(r.tax), recoveries: fen(r.recoveries), net: fen(r.net),
      employerContributions: fen(r.employerContributions),
    };
  }
}

/** A DECIMAL sum as MySQL returns it ("123.45", "0", "-5.10") to fen. */
export function decimalToFen(s: string): Fen {
  const neg = s.startsWith('-');
  const [whole, frac = ''] = (neg ? s.slice(1) : s).split('.');
  const fen = BigInt(whole || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  return neg ? -fen : fen;
}
