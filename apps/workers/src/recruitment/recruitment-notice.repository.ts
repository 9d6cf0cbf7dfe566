/** SQL for the public-notice step: the candidate's notice columns and recruitment_objection (its only owner). */
import type { EntityManager } from 'typeorm';

export interface ObjectionRow {
  id: number;
  candidateId: number;
  receivedOn: string;
  summary: string;
  status: 'OPEN' | 'UPHELD' | 'DISMISSED';
  resolution: string | null;
  resolvedOn: string | null;
}

const OBJECTION_COLUMNS = `id, candidate_id AS candidateId, received_on AS receivedOn, summary, status, resolution, resolved_on AS resolvedOn`;
const objection = (r: Record<string, unknown>): ObjectionRow => ({ ...(r as unknown as ObjectionRow), id: Number(r.id), candidateId: Number(r.candidateId) });

export class RecruitmentNoticeRepository {
  /** Every candidate of a vacancy with what ranking needs, plus open objections. */
  static async candidatesOf(m: EntityManager, vacancyId: number) {
    const rows = await m.query(
      `SELECT c.id, c.name, c.resident_id_masked AS residentIdMasked, c.written_score AS written, c.interview_score AS interview, c.status, c.worker_id AS workerId,
              c.notice_start AS noticeStart, c.notice_end AS noticeEnd, c.skip_reason AS skipReason,
              (SELECT COUNT(*) FROM recruitment_objection o WHERE o.candidate_id = c.id AND o.status = 'OPEN') AS openObjections
         FROM candidate c WHERE c.vacancy_id = ? ORDER BY c.id`,
      [vacancyId],
    );
    return rows.map((r: Record<string, unknown>) => ({
      ...r, id: Number(r.id), workerId: r.workerId === null ? null : Number(r.workerId), openObjections: Number(r.openObjections),
      written: r.written === null ? null : String(r.written), interview: r.interview === null ? null : String(r.interview), status: String(r.status),
    })) as Array<{
      id: number; name: string; residentIdMasked: string; written: string | null; interview: string | null; status: string; workerId: number | null;
      noticeStart: string | null; noticeEnd: string | null; skipReason: string | null; openObjections: number;
    }>;
  }

  /** Candidates holding or filling a place: selected (in or past the notice) and hired. */
  static async placesTaken(m: EntityManager, vacancyId: number): Promise<number> {
    const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM candidate WHERE vacancy_id = ? AND status IN ('SELECTED', 'HIRED')`, [vacancyId]);
    return Number(n);
  }

  static async markSelected(
    m: EntityManager, id: number, notice: { start: string; end: string }, skipReason: string | null, passedOver: Array<{ candidateId: number; rank: number; total: string }>,
  ): Promise<void> {
    await m.query(
      `UPDATE candidate SET status = 'SELECTED', notice_start = ?, notice_end = ?, skip_reason = ?, passed_over = ?, selected_at = ? WHERE id = ?`,
      [notice.start, notice.end, skipReason, passedOver.length ? JSON.stringify(passedOver) : null, new Date(), id],
    );
  }

  static async setStatus(m: EntityManager, id: number, status: string): Promise<void> {
    await m.query('UPDATE candidate SET status = ? WHERE id = ?', [status, id]);
  }

  static async markHired(m: EntityManager, id: number, workerId: number, priorServiceMonths: number): Promise<void> {
    await m.query(`UPDATE candidate SET status = 'HIRED', worker_id = ?, prior_service_months = ? WHERE id = ?`, [workerId, priorServiceMonths, id]);
  }

  static async insertObjection(m: EntityManager, candidateId: number, receivedOn: string, summary: string): Promise<ObjectionRow> {
    const res = await m.query(`INSERT INTO recruitment_objection (candidate_id, received_on, summary, status, created_at) VALUES (?,?,?,'OPEN',?)`, [candidateId, receivedOn, summary, new Date()]);
    return { id: Number(res.insertId), candidateId, receivedOn, summary, status: 'OPEN', resolution: null, resolvedOn: null };
  }

  static async objection(m: EntityManager, id: number, lock = false): Promise<ObjectionRow | null> {
    const [r] = await m.query(`SELECT ${OBJECTION_COLUMNS} FROM recruitment_objection WHERE id = ?${lock ? ' FOR UPDATE' : ''}`, [id]);
    return r ? objection(r) : null;
  }

  static async objectionsOf(m: EntityManager, candidateId: number): Promise<ObjectionRow[]> {
    const rows = await m.query(`SELECT ${OBJECTION_COLUMNS} FROM recruitment_objection WHERE candidate_id = ? ORDER BY id`, [candidateId]);
    return rows.map(objection);
  }

  static async resolveObjection(m: EntityManager, id: number, outcome: 'UPHELD' | 'DISMISSED', resolution: string, resolvedOn: string): Promise<void> {
    await m.query('UPDATE recruitment_objection SET status = ?, resolution = ?, resolved_on = ? WHERE id = ?', [outcome, resolution, resolvedOn, id]);
  }
}
