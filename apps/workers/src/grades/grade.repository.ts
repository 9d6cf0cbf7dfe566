/** The only owner of grade_policy and worker_grade SQL. */
import { addDays, cityToday, DomainError } from '@cws/kernel';
import type { GradeCause, PostBand } from '@cws/workers-contracts';
import type { GradePolicy } from '@cws/workers-core';
import type { EntityManager } from 'typeorm';
import { today } from '../common/sql';
import { workerRangeSql, type WorkerRange } from '../common/worker-range';

export interface GradeRow {
  id: number;
  workerId: number;
  grade: number;
  band: PostBand;
  from: string;
  anchorDate: string;
  cause: GradeCause;
  derived: boolean;
  eventId: number | null;
  policyRefs: string[] | null;
  note: string | null;
}

export type NewGradeRow = Omit<GradeRow, 'id'>;

const COLUMNS = `g.id AS id, g.worker_id AS workerId, g.grade AS grade, g.band AS band, g.valid_from AS \`from\`, g.anchor_date AS anchorDate,
  g.cause AS cause, g.derived AS derived, g.event_id AS eventId, g.policy_refs AS policyRefs, g.note AS note`;

export function gradeRow(r: Record<string, unknown>): GradeRow {
  const refs = r.policyRefs;
  return {
    id: Number(r.id), workerId: Number(r.workerId), grade: Number(r.grade), band: r.band as PostBand, from: String(r.from),
    anchorDate: String(r.anchorDate), cause: r.cause as GradeCause, derived: !!Number(r.derived),
    eventId: r.eventId === null ? null : Number(r.eventId), policyRefs: typeof refs === 'string' ? JSON.parse(refs) : (refs as string[] | null), note: (r.note as string) ?? null,
  };
}

export class GradeRepository {
  /** The grade policy in force on `date`; 422 GRADE_POLICY_INCOMPLETE naming what is missing. */
  static async policyOn(m: EntityManager, date: string): Promise<GradePolicy> {
    const rows: Array<{ id: number; kind: string; band: PostBand | null; education: string | null; data: unknown }> = await m.query(
      `SELECT id, kind, band, education, data FROM grade_policy WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from, id`,
      [date, date],
    );
    const policy: GradePolicy = { entry: [], bands: [], progression: { id: '', yearsPerStep: 0 } };
    for (const r of rows) {
      const data = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as Record<string, number>;
      const id = `grade_policy:${r.id}`;
      // later rows of the same key (band × education, band, progression) replace earlier ones
      if (r.kind === 'ENTRY_GRADE' && r.band) {
        policy.entry = policy.entry.filter((e) => !(e.band === r.band && e.education === r.education));
        policy.entry.push({ id, band: r.band, education: String(r.education), baseGrade: Number(data.baseGrade) });
      } else if (r.kind === 'BAND_RANGE' && r.band) {
        policy.bands = policy.bands.filter((b) => b.band !== r.band);
        policy.bands.push({ id, band: r.band, minGrade: Number(data.minGrade), maxGrade: Number(data.maxGrade) });
      } else if (r.kind === 'GRADE_PROGRESSION') {
        policy.progression = { id, yearsPerStep: Number(data.yearsPerStep) };
      }
    }
    const missing = [!policy.entry.length && 'ENTRY_GRADE', !policy.bands.length && 'BAND_RANGE', !policy.progression.id && 'GRADE_PROGRESSION'].filter(Boolean) as string[];
    if (missing.length) {
      throw new DomainError('UNPROCESSABLE', 'GRADE_POLICY_INCOMPLETE', `no grade policy rows in force on ${date}: ${missing.join(', ')}`, missing.map((k) => ({ path: k, issue: 'no row in force' })));
    }
    return policy;
  }

  /** The policy in force on `date`, or the earliest policy for dates before its first row (a worker hired in 1995). */
  static async policyOnOrFirst(m: EntityManager, date: string): Promise<GradePolicy> {
    const [{ first }] = await m.query('SELECT MIN(valid_from) AS first FROM grade_policy');
    return GradeRepository.policyOn(m, first && String(first) > date ? String(first) : date);
  }

  /** The row in force on `date` (latest valid_from ≤ date, then latest id); `lock` is for writers that hold the worker row lock already. */
  static async inForce(m: EntityManager, workerId: number, date: string): Promise<GradeRow | null> {
    const [r] = await m.query(`SELECT ${COLUMNS} FROM worker_grade g WHERE g.worker_id = ? AND g.valid_from <= ? ORDER BY g.valid_from DESC, g.id DESC LIMIT 1`, [workerId, date]);
    return r ? gradeRow(r) : null;
  }

  /** The row in force just before `row` took over (an earlier date, or the same date written before it). */
  static async previous(m: EntityManager, row: GradeRow): Promise<GradeRow | null> {
    const [r] = await m.query(
      `SELECT ${COLUMNS} FROM worker_grade g WHERE g.worker_id = ? AND (g.valid_from < ? OR (g.valid_from = ? AND g.id < ?)) ORDER BY g.valid_from DESC, g.id DESC LIMIT 1`,
      [row.workerId, row.from, row.from, row.id],
    );
    return r ? gradeRow(r) : null;
  }

  /** The rows that take over on dates after `from` (the last written of each date), oldest first: what a back-dated row re-derives. */
  static async takingOverAfter(m: EntityManager, workerId: number, from: string): Promise<GradeRow[]> {
    const rows = await m.query(
      `SELECT ${COLUMNS} FROM worker_grade g WHERE g.worker_id = ? AND g.valid_from > ?
          AND NOT EXISTS (SELECT 1 FROM worker_grade n WHERE n.worker_id = g.worker_id AND n.valid_from = g.valid_from AND n.id > g.id)
        ORDER BY g.valid_from`,
      [workerId, from],
    );
    return rows.map(gradeRow);
  }

  /**
   * The first day the yearly run covers the worker: the day after their first grade row was recorded (a hire, the
   * backfill), which recorded every step due up to that day on its anniversary. Tomorrow when there is no row.
   */
  static async yearlyRunsFrom(m: EntityManager, workerId: number): Promise<string> {
    const [r] = await m.query('SELECT MIN(created_at) AS at FROM worker_grade WHERE worker_id = ?', [workerId]);
    return addDays(r?.at ? cityToday(new Date(r.at)) : today(), 1);
  }

  /** Whether the worker has a BAND_CHANGE row into `band` from `from` (what a primary post of that band starting then wrote). */
  static async hasBandChange(m: EntityManager, workerId: number, band: PostBand, from: string): Promise<boolean> {
    const [r] = await m.query(`SELECT 1 AS x FROM worker_grade WHERE worker_id = ? AND cause = 'BAND_CHANGE' AND band = ? AND valid_from = ? LIMIT 1`, [workerId, band, from]);
    return !!r;
  }

  /** The row in force on `date` for every worker with id in [first, last] (snapshot pages), ordered by worker. */
  static async inForceForRange(m: EntityManager, range: WorkerRange, date: string): Promise<GradeRow[]> {
    const params: unknown[] = [];
    const workers = workerRangeSql('g.worker_id', range, params);
    const rows = await m.query(
      `SELECT ${COLUMNS} FROM worker_grade g
        WHERE ${workers} AND g.valid_from <= ?
          AND NOT EXISTS (SELECT 1 FROM worker_grade n WHERE n.worker_id = g.worker_id AND n.valid_from <= ?
                            AND (n.valid_from > g.valid_from OR (n.valid_from = g.valid_from AND n.id > g.id)))
        ORDER BY g.worker_id`,
      [...params, date, date],
    );
    return rows.map(gradeRow);
  }

  /** Latest rows (by valid_from ≤ date) of workers employed on `date`, one keyset chunk after `afterWorkerId`: the yearly job's input. */
  static async latestOfEmployed(m: EntityManager, date: string, afterWorkerId: number, limit: number): Promise<GradeRow[]> {
    const rows = await m.query(
      `SELECT ${COLUMNS} FROM worker w JOIN worker_grade g ON g.worker_id = w.id
        WHERE w.id > ? AND w.hire_date <= ? AND (w.left_date IS NULL OR w.left_date >= ?) AND g.valid_from <= ?
          AND NOT EXISTS (SELECT 1 FROM worker_grade n WHERE n.worker_id = g.worker_id AND n.valid_from <= ?
                            AND (n.valid_from > g.valid_from OR (n.valid_from = g.valid_from AND n.id > g.id)))
        ORDER BY w.id LIMIT ?`,
      [afterWorkerId, date, date, date, date, limit],
    );
    return rows.map(gradeRow);
  }

  static async insert(m: EntityManager, row: NewGradeRow): Promise<number> {
    const res = await m.query(
      `INSERT INTO worker_grade (worker_id, grade, band, valid_from, anchor_date, cause, derived, event_id, policy_refs, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
      [row.workerId, row.grade, row.band, row.from, row.anchorDate, row.cause, row.derived ? 1 : 0, row.eventId, row.policyRefs ? JSON.stringify(row.policyRefs) : null, row.note, new Date()],
    );
    return Number(res.insertId);
  }

  /** Bulk insert (backfill, import, seed): one multi-row INSERT per call. */
  static async insertMany(m: EntityManager, rows: NewGradeRow[]): Promise<void> {
    if (!rows.length) return;
    const now = new Date();
    await m.query(
      `INSERT INTO worker_grade (worker_id, grade, band, valid_from, anchor_date, cause, derived, event_id, policy_refs, note, created_at) VALUES ${rows.map(() => '(?,?,?,?,?,?,?,?,?,?,?)').join(',')}`,
      rows.flatMap((r) => [r.workerId, r.grade, r.band, r.from, r.anchorDate, r.cause, r.derived ? 1 : 0, r.eventId, r.policyRefs ? JSON.stringify(r.policyRefs) : null, r.note, now]),
    );
  }

  /** Workers (id > after) with no grade row at all, for the backfill: their education, dates, prior service and band on `date` (primary post, else best band held, else OTHER). */
  static async workersWithoutGrade(m: EntityManager, date: string, afterWorkerId: number, limit: number, ids?: number[]) {
    const rows: Array<Record<string, unknown>> = await m.query(
      `SELECT w.id AS id, w.education AS education, w.hire_date AS hireDate, w.left_date AS leftDate, w.prior_service_months AS priorServiceMonths,
              (SELECT a.band FROM appointment a WHERE a.worker_id = w.id AND a.start_date <= LEAST(?, COALESCE(w.left_date, ?))
                  AND (a.end_date IS NULL OR a.end_date >= LEAST(?, COALESCE(w.left_date, ?)))
                ORDER BY a.is_primary DESC, FIELD(a.band, 'HEAD', 'DEPUTY', 'OTHER'), a.id LIMIT 1) AS band
         FROM worker w
        WHERE w.id > ? ${ids ? `AND w.id IN (${ids.map(() => '?').join(',') || 'NULL'})` : ''}
          AND NOT EXISTS (SELECT 1 FROM worker_grade g WHERE g.worker_id = w.id)
        ORDER BY w.id LIMIT ?`,
      [date, date, date, date, afterWorkerId, ...(ids ?? []), limit],
    );
    return rows.map((r) => ({
      id: Number(r.id), education: String(r.education), hireDate: String(r.hireDate), leftDate: r.leftDate === null ? null : String(r.leftDate),
      priorServiceMonths: Number(r.priorServiceMonths), band: ((r.band as PostBand | null) ?? 'OTHER') as PostBand,
    }));
  }
}

/** One grade_policy row as admins see and edit it. */
export interface GradePolicyRow {
  id: number;
  kind: 'ENTRY_GRADE' | 'BAND_RANGE' | 'GRADE_PROGRESSION';
  band: PostBand | null;
  education: string | null;
  data: Record<string, number>;
  validFrom: string;
  validTo: string | null;
  sourceRef: string;
}

export class GradePolicyRepository {
  static rowsOn(m: EntityManager, date: string): Promise<GradePolicyRow[]> {
    return GradePolicyRepository.select(m, 'valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)', [date, date]);
  }

  /** Every row, closed ones too (the policy's history), of one kind when given; a key's rows in date order. */
  static history(m: EntityManager, kind?: GradePolicyRow['kind']): Promise<GradePolicyRow[]> {
    return kind ? GradePolicyRepository.select(m, 'kind = ?', [kind]) : GradePolicyRepository.select(m, '1 = 1', []);
  }

  private static async select(m: EntityManager, where: string, params: unknown[]): Promise<GradePolicyRow[]> {
    const rows = await m.query(
      `SELECT id, kind, band, education, data, valid_from AS validFrom, valid_to AS validTo, source_ref AS sourceRef FROM grade_policy
        WHERE ${where} ORDER BY kind, band, education, valid_from`,
      params,
    );
    return rows.map((r: Record<string, unknown>) => ({ ...r, id: Number(r.id), data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }) as GradePolicyRow);
  }

  /** The rows of one key (kind, band, education) still open on or after `from`, locked. */
  static async openRowsOfKey(m: EntityManager, key: Pick<GradePolicyRow, 'kind' | 'band' | 'education'>, from: string): Promise<Array<{ id: number; validFrom: string }>> {
    const rows = await m.query(
      `SELECT id, valid_from AS validFrom FROM grade_policy WHERE kind = ? AND band <=> ? AND education <=> ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY valid_from FOR UPDATE`,
      [key.kind, key.band, key.education, from],
    );
    return rows.map((r: Record<string, unknown>) => ({ id: Number(r.id), validFrom: String(r.validFrom) }));
  }

  static async close(m: EntityManager, id: number, validTo: string): Promise<void> {
    await m.query('UPDATE grade_policy SET valid_to = ? WHERE id = ?', [validTo, id]);
  }

  static async insert(m: EntityManager, row: Omit<GradePolicyRow, 'id' | 'validTo'>): Promise<number> {
    const res = await m.query(
      'INSERT INTO grade_policy (kind, band, education, data, valid_from, valid_to, source_ref, created_at) VALUES (?,?,?,?,?,NULL,?,?)',
      [row.kind, row.band, row.education, JSON.stringify(row.data), row.validFrom, row.sourceRef, new Date()],
    );
    return Number(res.insertId);
  }
}
