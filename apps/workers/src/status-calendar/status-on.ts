import type { WorkerStatus } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';

/**
 * The status the calendar gives a worker on `date` (LEFT is not decided here): SECONDED_OUT if an
 * OUT secondment covers the day, else ON_LEAVE if a leave period covers it, else ACTIVE.
 * A leave covers [start_date, return_date) — the return date is the first day back.
 */
export async function calendarStatusOn(m: EntityManager, workerId: number, date: string): Promise<Exclude<WorkerStatus, 'LEFT'>> {
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
