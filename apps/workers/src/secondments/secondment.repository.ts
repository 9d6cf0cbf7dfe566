/** The only owner of `secondment` SQL: a secondment's row, its ends, the overlap check and the nightly calendar's announcements. */
import type { Scope } from '@cws/kernel';
import type { SecondmentDirection, SecondmentPayer } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';
import { FAR_FUTURE } from '../common/sql';
import { WorkerRepository } from '../workers/worker.repository';
import { workerRangeSql, type WorkerRange } from '../common/worker-range';

export interface NewSecondment {
  workerId: number;
  direction: SecondmentDirection;
  organisation: string;
  communityCode: string;
  from: string;
  to: string | null;
  payer: SecondmentPayer;
  note: string | null;
}

/** A secondment whose start or end the status calendar has still to announce (1 / 0 flags). */
export interface DueSecondment {
  id: number;
  direction: SecondmentDirection;
  payer: SecondmentPayer;
  from: string;
  to: string | null;
  status: string;
  startDue: number;
  endDue: number;
}

export class SecondmentRepository {
  /** Inserts an ACTIVE secondment and returns its id. */
  static async insert(m: EntityManager, s: NewSecondment): Promise<number> {
    const res = await m.query(
      `INSERT INTO secondment (worker_id, direction, organisation, community_code, start_date, end_date, payer, status, note, created_at)
       VALUES (?,?,?,?,?,?,?,'ACTIVE',?,?)`,
      [s.workerId, s.direction, s.organisation, s.communityCode, s.from, s.to, s.payer, s.note, new Date()],
    );
    return Number(res.insertId);
  }

  /** A secondment of the worker (not cancelled) overlapping [from, to ?? open end]: its id, or null. */
  static async overlapping(m: EntityManager, workerId: number, from: string, to: string | null, exceptId = 0): Promise<number | null> {
    const [rival] = await m.query(
      `SELECT id FROM secondment WHERE worker_id = ? AND id <> ? AND status <> 'CANCELLED' AND start_date <= ? AND COALESCE(end_date, ?) >= ? LIMIT 1`,
      [workerId, exceptId, to ?? FAR_FUTURE, FAR_FUTURE, from],
    );
    return rival ? Number(rival.id) : null;
  }

  /** The secondment if the scope sees its worker (else 404). */
  static async inScope(m: EntityManager, scope: Scope, id: number) {
    const row = await m
      .createQueryBuilder()
      .select(`s.id AS id, s.worker_id AS workerId, s.direction AS direction, s.organisation AS organisation, s.start_date AS \`from\`,
        s.end_date AS \`to\`, s.payer AS payer, s.status AS status`)
      .from('secondment', 's')
      .where('s.id = :id', { id })
      .getRawOne();
    await WorkerRepository.placeInScope(m, scope, row, 'secondment', id);
    return { ...row, id: Number(row.id), workerId: Number(row.workerId) };
  }

  /** The worker's secondments, latest first. */
  static ofWorker(m: EntityManager, workerId: number) {
    return m.query(
      `SELECT id, worker_id AS workerId, direction, organisation, community_code AS communityCode, start_date AS \`from\`, end_date AS \`to\`, payer, status, note
         FROM secondment WHERE worker_id = ? ORDER BY start_date DESC`, [workerId]);
  }

  /** The OUT secondments (not cancelled) of these workers that touch [first, last], both ends inclusive. */
  static async outIn(m: EntityManager, workerIds: readonly number[], first: string, last: string): Promise<Array<{ workerId: number; from: string; to: string | null }>> {
    if (!workerIds.length) return [];
    const rows: Array<{ workerId: unknown; from: string; to: string | null }> = await m.query(
      `SELECT worker_id AS workerId, start_date AS \`from\`, end_date AS \`to\` FROM secondment
       WHERE worker_id IN (?) AND direction = 'OUT' AND status <> 'CANCELLED' AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
      [workerIds, last, first],
    );
    return rows.map((r) => ({ ...r, workerId: Number(r.workerId) }));
  }

  /** Ends one secondment on `to`. */
  static async end(m: EntityManager, id: number, to: string): Promise<void> {
    await m.query(`UPDATE secondment SET end_date = ?, status = 'ENDED' WHERE id = ?`, [to, id]);
  }

  /** Ends on `date` the worker's ACTIVE secondments running past it (the worker leaves). */
  static async endActiveOf(m: EntityManager, workerId: number, date: string): Promise<void> {
    await m.query(`UPDATE secondment SET end_date = ?, status = 'ENDED' WHERE worker_id = ? AND status = 'ACTIVE' AND start_date <= ? AND (end_date IS NULL OR end_date > ?)`, [date, workerId, date, date]);
  }

  /** Cancels the worker's secondments that would begin after `date` (never begun, so never announced); how many. */
  static async cancelStartingAfter(m: EntityManager, workerId: number, date: string): Promise<number> {
    const r = await m.query(`UPDATE secondment SET status = 'CANCELLED' WHERE worker_id = ? AND status = 'ACTIVE' AND start_date > ?`, [workerId, date]);
    return Number((r as { affectedRows?: number }).affectedRows ?? 0);
  }

  /** `secondment.started` is in the outbox. */
  static async markStartNotified(m: EntityManager, id: number, at: Date = new Date()): Promise<void> {
    await m.query('UPDATE secondment SET started_notified_at = ? WHERE id = ?', [at, id]);
  }

  /** `secondment.ended` is in the outbox; with `closing`, the secondment is ENDED too. */
  static async markEndNotified(m: EntityManager, id: number, opts: { closing: boolean; at?: Date }): Promise<void> {
    const at = opts.at ?? new Date();
    if (opts.closing) await m.query(`UPDATE secondment SET ended_notified_at = ?, status = 'ENDED' WHERE id = ?`, [at, id]);
    else await m.query('UPDATE secondment SET ended_notified_at = ? WHERE id = ?', [at, id]);
  }

  /** The worker's secondments with a start or end due by `today` and not yet announced, oldest first (read after the worker row lock). */
  static dueOf(m: EntityManager, workerId: number, today: string): Promise<DueSecondment[]> {
    return m.query(
      `SELECT id, direction, payer, start_date AS \`from\`, end_date AS \`to\`, status,
              (started_notified_at IS NULL AND start_date <= ?) AS startDue,
              (ended_notified_at IS NULL AND end_date IS NOT NULL AND end_date < ?) AS endDue
         FROM secondment WHERE worker_id = ? AND status <> 'CANCELLED'
          AND ((started_notified_at IS NULL AND start_date <= ?) OR (ended_notified_at IS NULL AND end_date < ?))
        ORDER BY start_date, id`,
      [today, today, workerId, today, today],
    );
  }

  /** Secondments (not cancelled) in force on `asOf` of the workers of `range` (the snapshot). */
  static inForceForRange(m: EntityManager, range: WorkerRange, asOf: string): Promise<Array<{
    workerId: number; direction: SecondmentDirection; payer: SecondmentPayer; from: string; to: string | null;
  }>> {
    const params: unknown[] = [];
    const workers = workerRangeSql('worker_id', range, params);
    return m.query(
      `SELECT worker_id AS workerId, direction, payer, start_date AS \`from\`, end_date AS \`to\`
         FROM secondment WHERE ${workers} AND status <> 'CANCELLED' AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
      [...params, asOf, asOf],
    );
  }

  /** Outward secondments whose host pays, overlapping [monthStart, monthEnd], of the workers of `range` (the snapshot's month), clipped to it. */
  static async hostPaidForRange(m: EntityManager, range: WorkerRange, monthStart: string, monthEnd: string): Promise<Array<{ workerId: number; from: string; to: string }>> {
    const params: unknown[] = [monthStart, monthEnd, monthEnd];
    const workers = workerRangeSql('worker_id', range, params);
    const rows: Array<{ workerId: number; from: string; to: string }> = await m.query(
      `SELECT worker_id AS workerId, GREATEST(start_date, ?) AS \`from\`, LEAST(COALESCE(end_date, ?), ?) AS \`to\`
         FROM secondment WHERE ${workers} AND status <> 'CANCELLED' AND direction = 'OUT' AND payer = 'HOST'
          AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)
        ORDER BY worker_id, start_date`,
      [...params, monthEnd, monthStart],
    );
    return rows.map((r) => ({ workerId: Number(r.workerId), from: String(r.from).slice(0, 10), to: String(r.to).slice(0, 10) }));
  }
}
