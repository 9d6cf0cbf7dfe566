/** The only owner of `worker_leave` SQL: leave periods [start_date, return_date) and whether the status calendar applied their ends. */
import type { EntityManager } from 'typeorm';
import { WorkerLeaveEntity } from './workers.entities';
import { workerRangeSql, type WorkerRange } from '../common/worker-range';

export interface NewLeave {
  workerId: number;
  startDate: string;
  note: string | null;
  /** The start is today or earlier: the status moved already, so the calendar has nothing to apply. */
  startApplied: boolean;
}

/** A leave whose start or return the status calendar has still to apply (1 / 0 flags). */
export interface DueLeave {
  id: number;
  startDue: number;
  returnDue: number;
}

export class WorkerLeaveRepository {
  /** A leave of the worker still running after `date` (open, or returning later): its id, or null. */
  static async runningAfter(m: EntityManager, workerId: number, date: string): Promise<number | null> {
    const rival = await m.createQueryBuilder().select('l.id AS id').from('worker_leave', 'l')
      .where('l.worker_id = :workerId AND (l.return_date IS NULL OR l.return_date > :date)', { workerId, date }).limit(1).getRawOne();
    return rival ? Number(rival.id) : null;
  }

  /** The leave periods of these workers that touch [first, last], as [start, return) (`to` null: not back yet). */
  static async periodsIn(m: EntityManager, workerIds: readonly number[], first: string, last: string): Promise<Array<{ workerId: number; from: string; to: string | null }>> {
    if (!workerIds.length) return [];
    const rows: Array<{ workerId: unknown; from: string; to: string | null }> = await m.query(
      'SELECT worker_id AS workerId, start_date AS `from`, return_date AS `to` FROM worker_leave WHERE worker_id IN (?) AND start_date <= ? AND (return_date IS NULL OR return_date > ?)',
      [workerIds, last, first],
    );
    return rows.map((r) => ({ ...r, workerId: Number(r.workerId) }));
  }

  static async insert(m: EntityManager, l: NewLeave): Promise<void> {
    await m.getRepository(WorkerLeaveEntity).insert({
      workerId: l.workerId, startDate: l.startDate, returnDate: null, note: l.note, startApplied: l.startApplied, returnApplied: false, createdAt: new Date(),
    });
  }

  /** The worker's latest leave without a return date, or null. */
  static async latestOpen(m: EntityManager, workerId: number): Promise<{ id: number; startDate: string } | null> {
    const open = await m.createQueryBuilder().select('l.id AS id, l.start_date AS startDate').from('worker_leave', 'l')
      .where('l.worker_id = :workerId AND l.return_date IS NULL', { workerId }).orderBy('l.start_date', 'DESC').limit(1).getRawOne();
    return open ? { id: Number(open.id), startDate: open.startDate } : null;
  }

  /** Sets the return date; `applied` = the return is today or earlier, so the status moved already (and so had the start). */
  static async close(m: EntityManager, id: number, returnDate: string, applied: boolean): Promise<void> {
    await m.getRepository(WorkerLeaveEntity).update({ id }, { returnDate, returnApplied: applied, ...(applied ? { startApplied: true } : {}) });
  }

  /** The worker's leaves with a start or return due by `today` and not yet applied, oldest first. */
  static async dueOf(m: EntityManager, workerId: number, today: string): Promise<DueLeave[]> {
    return m.query(
      `SELECT id, (start_applied = 0 AND start_date <= ?) AS startDue, (return_applied = 0 AND return_date IS NOT NULL AND return_date <= ?) AS returnDue
         FROM worker_leave WHERE worker_id = ? AND ((start_applied = 0 AND start_date <= ?) OR (return_applied = 0 AND return_date <= ?)) ORDER BY start_date, id`,
      [today, today, workerId, today, today],
    );
  }

  static async markStartApplied(m: EntityManager, id: number): Promise<void> {
    await m.getRepository(WorkerLeaveEntity).update({ id }, { startApplied: true });
  }

  static async markReturnApplied(m: EntityManager, id: number): Promise<void> {
    await m.getRepository(WorkerLeaveEntity).update({ id }, { startApplied: true, returnApplied: true });
  }

  /** Which of workers first..last are on leave on `asOf` (the snapshot). */
  static async onLeaveInRange(m: EntityManager, range: WorkerRange, asOf: string): Promise<number[]> {
    const params: unknown[] = [];
    const workers = workerRangeSql('worker_id', range, params);
    const rows: Array<{ workerId: number }> = await m.query(
      `SELECT DISTINCT worker_id AS workerId FROM worker_leave WHERE ${workers} AND start_date <= ? AND (return_date IS NULL OR return_date > ?)`,
      [...params, asOf, asOf],
    );
    return rows.map((r) => Number(r.workerId));
  }
}
