/**
 * The only owner of `appointment` SQL (the election back-fill links its posts through `linkBackfilledElections`):
 * a post from the API, or many from the import and the demo seed, through one INSERT; the rule checks'
 * reads, the ends of posts and the views the appointments API returns.
 */
import type { Scope } from '@cws/kernel';
import { insertRows, selectIn } from '@cws/persistence';
import type { AppointmentRole, BodyKind, ObtainedBy, PostBand } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';
import { FAR_FUTURE } from '../common/sql';
import { registerWritten } from '../workers/register-generation';
import { WorkerRepository } from '../workers/worker.repository';
import { workerRangeSql, type WorkerRange } from '../common/worker-range';

export interface NewAppointment {
  workerId: number;
  bodyId: number;
  communityCode: string;
  bodyKind: BodyKind;
  role: AppointmentRole;
  band: PostBand;
  primary: boolean;
  obtainedBy: ObtainedBy;
  from: string;
  to: string | null;
  electionId: number | null;
  termEnd: string | null;
}

const INSERT_APPOINTMENT = `INSERT INTO appointment (worker_id, body_id, community_code, body_kind, role, band, is_primary, obtained_by, start_date, end_date,
  election_id, term_end, created_at)`;

/** A post as the API shows it. */
export interface AppointmentView {
  id: number;
  workerId: number;
  communityCode: string;
  bodyKind: BodyKind;
  role: AppointmentRole;
  band: PostBand;
  isPrimary: boolean;
  obtainedBy: ObtainedBy;
  from: string;
  to: string | null;
  endReason: string | null;
  electionId: number | null;
  termEnd: string | null;
}

/** A post with its worker's district and street (scope checks, audit rows, events). */
export type PlacedAppointment = AppointmentView & { districtCode: string; streetCode: string };

const COLUMNS = `a.id AS id, a.worker_id AS workerId, a.community_code AS communityCode, a.body_kind AS bodyKind, a.role AS role,
  a.band AS band, a.is_primary AS isPrimary, a.obtained_by AS obtainedBy, a.start_date AS \`from\`, a.end_date AS \`to\`, a.end_reason AS endReason,
  a.election_id AS electionId, a.term_end AS termEnd`;

/** MySQL returns ids and flags as strings / 0-1. */
function view<T extends Record<string, unknown>>(row: T): T & AppointmentView {
  return { ...row, id: Number(row.id), workerId: Number(row.workerId), isPrimary: !!Number(row.isPrimary), electionId: row.electionId == null ? null : Number(row.electionId) } as T & AppointmentView;
}

/**
 * A post that was in force on some day: not voided by a withdrawn election (workers-core `voidedEnd` ends
 * those the day before they start). Reads of a date need no such guard; reads of a period or of "any time" do.
 */
const HELD = '(a.end_date IS NULL OR a.end_date >= a.start_date)';

/** Posts overlapping [from, to ?? open end]. */
const OVERLAP = `a.start_date <= ? AND COALESCE(a.end_date, ?) >= ? AND ${HELD}`;
const overlapParams = (from: string, to: string | null) => [to ?? FAR_FUTURE, FAR_FUTURE, from];

const values = (a: NewAppointment, now: Date): unknown[] => [
  a.workerId, a.bodyId, a.communityCode, a.bodyKind, a.role, a.band, a.primary ? 1 : 0, a.obtainedBy, a.from, a.to, a.electionId, a.termEnd, now,
];

export class AppointmentRepository {
  /** Inserts one post and returns its id. */
  static async insert(m: EntityManager, a: NewAppointment): Promise<number> {
    const id = await insertRows(m, INSERT_APPOINTMENT, [values(a, new Date())]);
    await registerWritten(m);
    return id;
  }

  static async insertMany(m: EntityManager, posts: readonly NewAppointment[]): Promise<void> {
    const now = new Date();
    await insertRows(m, INSERT_APPOINTMENT, posts.map((a) => values(a, now)));
    await registerWritten(m);
  }

  /** worker id → appointment id, for workers holding exactly one post (the import's new workers). */
  static async idByWorker(m: EntityManager, workerIds: readonly number[]): Promise<Map<number, number>> {
    const rows = await selectIn<{ id: number; workerId: number }>(m, workerIds, (list) => `SELECT id, worker_id AS workerId FROM appointment WHERE worker_id IN (${list})`);
    return new Map(rows.map((r) => [Number(r.workerId), Number(r.id)]));
  }

  /** The post, with its worker's district and street, if the scope sees it (else 404). */
  static async inScope(m: EntityManager, scope: Scope, id: number): Promise<PlacedAppointment> {
    const row = await m.createQueryBuilder().select(COLUMNS).from('appointment', 'a').where('a.id = :id', { id }).getRawOne();
    const place = await WorkerRepository.placeInScope(m, scope, row, 'appointment', id);
    return { ...view(row), ...place };
  }

  /** The worker already holds this role in this body in the period: that post's id, or null. */
  static async sameRoleOverlapping(m: EntityManager, workerId: number, bodyId: number, role: AppointmentRole, from: string, to: string | null): Promise<number | null> {
    const [dup] = await m.query(`SELECT a.id FROM appointment a WHERE a.worker_id = ? AND a.body_id = ? AND a.role = ? AND ${OVERLAP} LIMIT 1`, [workerId, bodyId, role, ...overlapParams(from, to)]);
    return dup ? Number(dup.id) : null;
  }

  /** The body's head post in the period: its id, or null. */
  static async headOverlapping(m: EntityManager, bodyId: number, from: string, to: string | null): Promise<number | null> {
    const [rival] = await m.query(`SELECT a.id, a.worker_id AS workerId FROM appointment a WHERE a.body_id = ? AND a.band = 'HEAD' AND ${OVERLAP} LIMIT 1`, [bodyId, ...overlapParams(from, to)]);
    return rival ? Number(rival.id) : null;
  }

  /** The worker's primary post in the period: its id, or null. */
  static async primaryOverlapping(m: EntityManager, workerId: number, from: string, to: string | null): Promise<number | null> {
    const [rival] = await m.query(`SELECT a.id FROM appointment a WHERE a.worker_id = ? AND a.is_primary = 1 AND ${OVERLAP} LIMIT 1`, [workerId, ...overlapParams(from, to)]);
    return rival ? Number(rival.id) : null;
  }

  /** Head posts in these communities (any period): the import checks its head rows against them. */
  static async headsIn(m: EntityManager, communityCodes: readonly string[]): Promise<Array<{ id: number; communityCode: string; bodyKind: string; to: string | null }>> {
    const rows = await selectIn<{ id: number; communityCode: string; bodyKind: string; to: string | null }>(m, communityCodes, (list) =>
      `SELECT id, community_code AS communityCode, body_kind AS bodyKind, end_date AS \`to\` FROM appointment a WHERE band = 'HEAD' AND ${HELD} AND community_code IN (${list})`);
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  /** Posts of the body running on `termStart` that started before it, locked with their workers' rows, with the workers' district and street. */
  static lockRunningForNewTerm(m: EntityManager, bodyId: number, termStart: string): Promise<PlacedAppointment[]> {
    return AppointmentRepository.lockPlaced(m, 'a.body_id = ? AND a.start_date < ? AND (a.end_date IS NULL OR a.end_date >= ?)', [bodyId, termStart, termStart]);
  }

  /** The posts an election made, locked with their workers' rows (its withdrawal voids them). */
  static lockMadeBy(m: EntityManager, electionId: number): Promise<PlacedAppointment[]> {
    return AppointmentRepository.lockPlaced(m, 'a.election_id = ?', [electionId]);
  }

  /** The body's posts ended for `reason` (a re-election's 换届 reason names it), locked with their workers' rows. */
  static lockEndedFor(m: EntityManager, bodyId: number, reason: string): Promise<PlacedAppointment[]> {
    return AppointmentRepository.lockPlaced(m, 'a.body_id = ? AND a.end_reason = ?', [bodyId, reason]);
  }

  private static async lockPlaced(m: EntityManager, where: string, params: unknown[]): Promise<PlacedAppointment[]> {
    const rows = await m.query(`SELECT ${COLUMNS} FROM appointment a WHERE ${where} ORDER BY a.id FOR UPDATE`, params);
    const places = await WorkerRepository.lockPlaces(m, rows.map((r: { workerId: unknown }) => Number(r.workerId)));
    return rows.map((r: Record<string, unknown>) => ({ ...view(r), ...places.get(Number(r.workerId))! }));
  }

  /** Ends one post on `to` for `reason` (null, null: open again, as a withdrawn re-election leaves the posts it ended). */
  static async end(m: EntityManager, id: number, to: string | null, reason: string | null): Promise<void> {
    await m.query('UPDATE appointment SET end_date = ?, end_reason = ? WHERE id = ?', [to, reason, id]);
    await registerWritten(m);
  }

  /** Links each elected post without an election record to the back-filled election of its body and start (ElectionRepository.backfill). */
  static async linkBackfilledElections(m: EntityManager): Promise<void> {
    await m.query(`UPDATE appointment a JOIN election e ON e.body_id = a.body_id AND e.term_start = a.start_date AND e.backfilled = 1
        SET a.election_id = e.id, a.term_end = e.term_end
      WHERE a.obtained_by = 'ELECTION' AND a.election_id IS NULL`);
    await registerWritten(m);
  }

  /** The worker's posts open on or after `on` (no end, or ending on or after it). */
  static async countOpen(m: EntityManager, workerId: number, on: string): Promise<number> {
    const [open] = await m.query(`SELECT COUNT(*) AS n FROM appointment a WHERE worker_id = ? AND (end_date IS NULL OR end_date >= ?) AND ${HELD}`, [workerId, on]);
    return Number(open.n);
  }

  /** Ends on `date`, for `reason`, every post of the worker running then and past it; returns their ids. */
  static async endRunningOf(m: EntityManager, workerId: number, date: string, reason: string): Promise<number[]> {
    const ended = await m.query(`SELECT id FROM appointment WHERE worker_id = ? AND (end_date IS NULL OR end_date > ?) AND start_date <= ?`, [workerId, date, date]);
    await m.query(`UPDATE appointment SET end_date = ?, end_reason = ? WHERE worker_id = ? AND (end_date IS NULL OR end_date > ?) AND start_date <= ?`, [date, reason, workerId, date, date]);
    await registerWritten(m);
    return ended.map((r: { id: unknown }) => Number(r.id));
  }

  static async countStartingAfter(m: EntityManager, workerId: number, date: string): Promise<number> {
    const [future] = await m.query(`SELECT COUNT(*) AS n FROM appointment a WHERE worker_id = ? AND start_date > ? AND ${HELD}`, [workerId, date]);
    return Number(future.n);
  }

  /** The worker's posts on `date`, primary first. */
  static async ofWorkerOn(m: EntityManager, workerId: number, date: string): Promise<AppointmentView[]> {
    const rows = await m.query(
      `SELECT ${COLUMNS} FROM appointment a WHERE a.worker_id = ? AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?) ORDER BY a.is_primary DESC, a.id`,
      [workerId, date, date],
    );
    return rows.map(view);
  }

  /** The community's posts held on any day of `from`…`through` (one day when they are equal), with their holders' names, by body and band. */
  static async ofCommunityBetween(m: EntityManager, communityCode: string, from: string, through: string): Promise<Array<AppointmentView & { workerName: string }>> {
    const rows: AppointmentView[] = (await m.query(
      `SELECT ${COLUMNS} FROM appointment a
        WHERE a.community_code = ? AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?) ORDER BY a.body_kind, a.band, a.id`,
      [communityCode, through, from],
    )).map(view);
    const names = await WorkerRepository.namesOf(m, rows.map((r) => r.workerId));
    return rows.map((r) => ({ ...r, workerName: names.get(r.workerId)! }));
  }

  /** Who holds which role in which body of the community on `date` (the cross-appointment figures). */
  static async holdersOn(m: EntityManager, communityCode: string, date: string): Promise<Array<{ workerId: number; bodyKind: BodyKind; role: AppointmentRole }>> {
    return m.query(
      `SELECT a.worker_id AS workerId, a.body_kind AS bodyKind, a.role AS role FROM appointment a
        WHERE a.community_code = ? AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)`,
      [communityCode, date, date],
    );
  }

  /** How many posts the community has ever had. */
  static async countInCommunity(m: EntityManager, communityCode: string): Promise<number> {
    const [{ a }] = await m.query('SELECT COUNT(*) AS a FROM appointment WHERE community_code = ?', [communityCode]);
    return Number(a);
  }

  /** Posts in force on `asOf` of the workers of `range`, ordered by worker (the snapshot walks them alongside its page). */
  static inForceForRange(m: EntityManager, range: WorkerRange, asOf: string): Promise<Array<{
    workerId: number; bodyKind: BodyKind; role: AppointmentRole; band: PostBand; isPrimary: number; from: string; to: string | null;
  }>> {
    const params: unknown[] = [];
    const workers = workerRangeSql('worker_id', range, params);
    return m.query(
      `SELECT worker_id AS workerId, body_kind AS bodyKind, role, band, is_primary AS isPrimary, start_date AS \`from\`, end_date AS \`to\`
         FROM appointment WHERE ${workers} AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY worker_id, id`,
      [...params, asOf, asOf],
    );
  }
}
