/** The only owner of election and election_result SQL (and of the election columns on appointment). */
import type { Scope } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import type { AppointmentRole, BodyKind, ElectionKind, ElectionMethod, ElectionView } from '@cws/workers-contracts';
import type { ElectionFacts, WithdrawalBlockers } from '@cws/workers-core';
import type { EntityManager } from 'typeorm';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { WorkerRepository } from '../workers/worker.repository';

export interface NewElection {
  bodyId: number;
  bodyKind: BodyKind;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  kind: ElectionKind;
  method: ElectionMethod;
  electionDate: string;
  termYears: number;
  termStart: string;
  termEnd: string;
  eligibleVoters: number;
  votesCast: number;
  regularElectionId: number | null;
  note: string | null;
}

const COLUMNS = `e.id AS id, e.community_code AS communityCode, e.street_code AS streetCode, e.district_code AS districtCode, e.body_kind AS bodyKind,
  e.kind AS kind, e.method AS method, e.election_date AS electionDate, e.term_years AS termYears, e.term_start AS termStart, e.term_end AS termEnd,
  e.eligible_voters AS eligibleVoters, e.votes_cast AS votesCast, e.regular_election_id AS regularElectionId, e.backfilled AS backfilled, e.note AS note,
  e.withdrawn_at AS withdrawnAt, e.withdrawn_by AS withdrawnBy, e.withdrawn_by_name AS withdrawnByName, e.withdraw_reason AS withdrawReason`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function electionView(r: Record<string, unknown>, results: ElectionView['results']): ElectionView {
  const { withdrawnAt, withdrawnBy, withdrawnByName, withdrawReason, ...facts } = r;
  return {
    ...(facts as unknown as ElectionView), id: Number(r.id), termYears: Number(r.termYears), eligibleVoters: num(r.eligibleVoters), votesCast: num(r.votesCast),
    regularElectionId: num(r.regularElectionId), backfilled: !!Number(r.backfilled), results,
    withdrawn: withdrawnAt == null ? null : { at: new Date(withdrawnAt as string).toISOString(), by: String(withdrawnBy), byName: String(withdrawnByName), reason: String(withdrawReason) },
  };
}

export class ElectionRepository {
  /** How many elections (withdrawn or not) the community's bodies have on record. */
  static async countInCommunity(m: EntityManager, communityCode: string): Promise<number> {
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM election WHERE community_code = ?', [communityCode]);
    return Number(n);
  }

  /**
   * Posts obtained by ELECTION without an election record (made before elections were recorded, or by
   * the demo seed) get one back-filled REGULAR election per body and start date: term from the post's
   * start to its end (or five years), method and votes unknown, `backfilled = 1`. Set-based SQL; used
   * by the migration and the seed. Returns how many elections it wrote.
   */
  static async backfill(m: EntityManager): Promise<number> {
    const res = await m.query(`INSERT INTO election (body_id, body_kind, community_code, street_code, district_code, kind, method, election_date, term_years,
        term_start, term_end, backfilled, note, created_at)
      SELECT a.body_id, a.body_kind, a.community_code, c.street_code, c.district_code, 'REGULAR', NULL, a.start_date, 5,
             a.start_date, COALESCE(MAX(a.end_date), DATE_SUB(DATE_ADD(a.start_date, INTERVAL 5 YEAR), INTERVAL 1 DAY)), 1, 'back-filled from existing elected posts', UTC_TIMESTAMP(3)
        FROM appointment a JOIN community c ON c.code = a.community_code
       WHERE a.obtained_by = 'ELECTION' AND a.election_id IS NULL
       GROUP BY a.body_id, a.body_kind, a.community_code, c.street_code, c.district_code, a.start_date`);
    if (!Number(res.affectedRows)) return 0;
    await AppointmentRepository.linkBackfilledElections(m);
    await m.query(`INSERT INTO election_result (election_id, worker_id, role, votes, appointment_id)
      SELECT a.election_id, a.worker_id, a.role, NULL, a.id FROM appointment a JOIN election e ON e.id = a.election_id
       WHERE e.backfilled = 1 AND NOT EXISTS (SELECT 1 FROM election_result r WHERE r.appointment_id = a.id)`);
    return Number(res.affectedRows);
  }

  static async insert(m: EntityManager, e: NewElection): Promise<number> {
    const res = await m.query(
      `INSERT INTO election (body_id, body_kind, community_code, street_code, district_code, kind, method, election_date, term_years, term_start, term_end,
         eligible_voters, votes_cast, regular_election_id, backfilled, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?)`,
      [e.bodyId, e.bodyKind, e.communityCode, e.streetCode, e.districtCode, e.kind, e.method, e.electionDate, e.termYears, e.termStart, e.termEnd,
        e.eligibleVoters, e.votesCast, e.regularElectionId, e.note, new Date()],
    );
    return Number(res.insertId);
  }

  static async insertResult(m: EntityManager, electionId: number, r: { workerId: number; role: AppointmentRole; votes: number; appointmentId: number }): Promise<void> {
    await m.query('INSERT INTO election_result (election_id, worker_id, role, votes, appointment_id) VALUES (?,?,?,?,?)', [electionId, r.workerId, r.role, r.votes, r.appointmentId]);
  }

  /** Writes a corrected record's facts (workers-core `correctElection`); who was elected is not among them. */
  static async updateFacts(m: EntityManager, id: number, f: ElectionFacts): Promise<void> {
    await m.query('UPDATE election SET method = ?, eligible_voters = ?, votes_cast = ?, note = ? WHERE id = ?', [f.method, f.eligibleVoters, f.votesCast, f.note, id]);
    for (const r of f.results) await m.query('UPDATE election_result SET votes = ? WHERE election_id = ? AND worker_id = ?', [r.votes, id, r.workerId]);
  }

  /** The regular election whose term covers `date` for the body (the latest one starting on or before it). */
  static async regularInForce(m: EntityManager, bodyId: number, date: string): Promise<{ id: number; termYears: number; termEnd: string } | null> {
    const [r] = await m.query(
      `SELECT id, term_years AS termYears, term_end AS termEnd FROM election
        WHERE body_id = ? AND kind = 'REGULAR' AND withdrawn_at IS NULL AND term_start <= ? AND term_end >= ? ORDER BY term_start DESC, id DESC LIMIT 1`,
      [bodyId, date, date],
    );
    return r ? { id: Number(r.id), termYears: Number(r.termYears), termEnd: String(r.termEnd) } : null;
  }

  /** What stands in the way of withdrawing election `id` (workers-core `assertWithdrawable`): read under the body's lock. */
  static async withdrawalBlockers(m: EntityManager, id: number): Promise<WithdrawalBlockers & { bodyId: number }> {
    const [e] = await m.query('SELECT body_id AS bodyId, withdrawn_at AS withdrawnAt FROM election WHERE id = ?', [id]);
    const ids = async (sql: string) => (await m.query(sql, [id])).map((r: { id: unknown }) => Number(r.id));
    return {
      bodyId: Number(e.bodyId),
      withdrawnAt: e.withdrawnAt == null ? null : new Date(e.withdrawnAt).toISOString(),
      byElectionIds: await ids('SELECT id FROM election WHERE regular_election_id = ? AND withdrawn_at IS NULL ORDER BY id'),
      laterRegularIds: await ids(`SELECT l.id FROM election e JOIN election l ON l.body_id = e.body_id AND l.kind = 'REGULAR' AND l.term_start > e.term_start
                                   AND l.withdrawn_at IS NULL WHERE e.id = ? ORDER BY l.id`),
    };
  }

  /** Marks an election withdrawn (its posts are voided by the caller, in the same transaction). */
  static async markWithdrawn(m: EntityManager, id: number, who: { id: string; name: string }, reason: string, at: Date): Promise<void> {
    await m.query('UPDATE election SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_by_name = ?, withdraw_reason = ? WHERE id = ?', [at, who.id, who.name, reason, id]);
  }

  /** One election with its results, or null when missing or outside the scope; `lock`: its row FOR UPDATE (a correction). */
  static async findInScope(m: EntityManager, scope: Scope, id: number, opts: { lock?: boolean } = {}): Promise<ElectionView | null> {
    const qb = m.createQueryBuilder().select(COLUMNS).from('election', 'e').where('e.id = :id', { id });
    applyScope(qb, scope, { district: 'e.district_code', street: 'e.street_code' });
    if (opts.lock) qb.setLock('pessimistic_write');
    const row = await qb.getRawOne();
    if (!row) return null;
    return electionView(row, await ElectionRepository.resultsOf(m, [id]).then((map) => map.get(id) ?? []));
  }

  static async list(m: EntityManager, scope: Scope, q: { community?: string; bodyKind?: BodyKind }): Promise<ElectionView[]> {
    const qb = m.createQueryBuilder().select(COLUMNS).from('election', 'e').where('1 = 1').orderBy('e.election_date', 'DESC').addOrderBy('e.id', 'DESC').limit(500);
    if (q.community) qb.andWhere('e.community_code = :c', { c: q.community });
    if (q.bodyKind) qb.andWhere('e.body_kind = :b', { b: q.bodyKind });
    applyScope(qb, scope, { district: 'e.district_code', street: 'e.street_code' });
    const rows = await qb.getRawMany();
    const results = await ElectionRepository.resultsOf(m, rows.map((r) => Number(r.id)));
    return rows.map((r) => electionView(r, results.get(Number(r.id)) ?? []));
  }

  private static async resultsOf(m: EntityManager, ids: number[]): Promise<Map<number, ElectionView['results']>> {
    const map = new Map<number, ElectionView['results']>();
    if (!ids.length) return map;
    const rows = await m.query(
      `SELECT r.election_id AS electionId, r.worker_id AS workerId, r.role AS role, r.votes AS votes, r.appointment_id AS appointmentId
         FROM election_result r WHERE r.election_id IN (${ids.map(() => '?').join(',')}) ORDER BY r.id`,
      ids,
    );
    const names = await WorkerRepository.namesOf(m, rows.map((r: { workerId: unknown }) => Number(r.workerId)));
    for (const r of rows) {
      const list = map.get(Number(r.electionId)) ?? [];
      list.push({ workerId: Number(r.workerId), workerName: names.get(Number(r.workerId))!, role: r.role, votes: num(r.votes), appointmentId: num(r.appointmentId) });
      map.set(Number(r.electionId), list);
    }
    return map;
  }

  /**
   * Per community of the place: the worker elected party secretary and the one elected committee
   * director whose posts (made by a recorded election) are in force on `date`.
   */
  static async electedHeadsOn(m: EntityManager, scope: Scope, date: string, place: { district?: string; street?: string; community?: string }) {
    const qb = m.createQueryBuilder()
      .select(`c.code AS communityCode,
        MAX(CASE WHEN a.role = 'SECRETARY' THEN a.worker_id END) AS secretaryWorkerId,
        MAX(CASE WHEN a.role = 'DIRECTOR' THEN a.worker_id END) AS directorWorkerId,
        MAX(CASE WHEN a.role = 'SECRETARY' THEN a.election_id END) AS partyElectionId,
        MAX(CASE WHEN a.role = 'DIRECTOR' THEN a.election_id END) AS committeeElectionId`)
      .from('community', 'c')
      .leftJoin('appointment', 'a', `a.community_code = c.code AND a.role IN ('SECRETARY', 'DIRECTOR') AND a.obtained_by = 'ELECTION'
        AND a.election_id IS NOT NULL AND a.start_date <= :date AND (a.end_date IS NULL OR a.end_date >= :date)`, { date })
      .where('c.active = 1')
      .groupBy('c.code')
      .orderBy('c.code');
    if (place.district) qb.andWhere('c.district_code = :d', { d: place.district });
    if (place.street) qb.andWhere('c.street_code = :s', { s: place.street });
    if (place.community) qb.andWhere('c.code = :cc', { cc: place.community });
    applyScope(qb, scope, { district: 'c.district_code', street: 'c.street_code' });
    const rows = await qb.getRawMany();
    return rows.map((r) => ({
      communityCode: String(r.communityCode), secretaryWorkerId: num(r.secretaryWorkerId), directorWorkerId: num(r.directorWorkerId),
      partyElectionId: num(r.partyElectionId), committeeElectionId: num(r.committeeElectionId),
    }));
  }
}
