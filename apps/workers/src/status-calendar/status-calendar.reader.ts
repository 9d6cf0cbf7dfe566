/**
 * The status calendar's reads over `secondment` and `worker_leave` (a read model: each table's writes
 * stay with its repository): the status the dates give a worker on a day, and who has something due.
 */
import type { WorkerStatus } from '@cws/workers-contracts';
import type { DataSource, EntityManager } from 'typeorm';

export class StatusCalendarReader {
  /**
   * The status the calendar gives a worker on `date` (LEFT is not decided here): SECONDED_OUT if an
   * OUT secondment covers the day, else ON_LEAVE if a leave period covers it, else ACTIVE.
   * A leave covers [start_date, return_date) — the return date is the first day back.
   */
  static async statusOn(m: EntityManager, workerId: number, date: string): Promise<Exclude<WorkerStatus, 'LEFT'>> {
    const [row] = await m.query(
      `SELECT
         EXISTS (SELECT 1 FROM secondment s WHERE s.worker_id = ? AND s.direction = 'OUT' AND s.status <> 'CANCELLED'
                   AND s.start_date <= ? AND (s.end_date IS NULL OR s.end_date >= ?)) AS seconded,
         EXISTS (SELECT 1 FROM worker_leave l WHERE l.worker_id = ? AND l.start_date <= ? AND (l.return_date IS NULL OR l.return_date > ?)) AS onLeave`,
      [workerId, date, date, workerId, date, date],
    );
    if (Number(row.seconded)) return 'SECONDED_OUT';
    if (Number(row.onLeave)) return 'ON_LEAVE';
    return 'ACTIVE';
  }

  /** Workers with a secondment start / end not yet announced, or a leave start / return not yet applied, due by `today`; by id. */
  static async dueWorkerIds(db: DataSource | EntityManager, today: string): Promise<number[]> {
    const due: Array<{ workerId: number }> = await db.query(
      `SELECT worker_id AS workerId FROM secondment WHERE started_notified_at IS NULL AND start_date <= ? AND status <> 'CANCELLED'
       UNION SELECT worker_id FROM secondment WHERE ended_notified_at IS NULL AND end_date < ? AND status <> 'CANCELLED'
       UNION SELECT worker_id FROM worker_leave WHERE start_applied = 0 AND start_date <= ?
       UNION SELECT worker_id FROM worker_leave WHERE return_applied = 0 AND return_date <= ?
       ORDER BY workerId`,
      [today, today, today, today],
    );
    return due.map((d) => Number(d.workerId));
  }
}
