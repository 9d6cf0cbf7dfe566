/**
 * The only owner of `candidate` SQL: an application (its resident ID encrypted), its scores, the
 * public-notice columns set on selection, and the hire. Ranking reads the open objections with it.
 */
import type { EncryptedColumn } from '@cws/platform';
import type { Education, PoliticalStatus, QualificationLevel, RankedCandidateView } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';
import type { ProtectedValue } from '../common/pii';

export interface NewCandidate {
  vacancyId: number;
  name: string;
  residentId: ProtectedValue;
  phone: string | null;
  education: Education;
  politicalStatus: PoliticalStatus;
  qualificationLevel: QualificationLevel;
}

/** A candidate's row as the recruitment steps use it (scores are DECIMAL strings, null until given). */
export interface CandidateRow {
  id: number;
  vacancyId: number;
  name: string;
  residentIdEnc: string;
  phone: string | null;
  education: Education;
  politicalStatus: PoliticalStatus;
  qualificationLevel: QualificationLevel;
  status: string;
  writtenScore: string | null;
  interviewScore: string | null;
  noticeStart: string | null;
  noticeEnd: string | null;
}

export class CandidateRepository {
  /** The encrypted column (key rotation re-encrypts it). */
  static readonly ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [{ table: 'candidate', column: 'resident_id_enc' }];

  /** Inserts an APPLIED candidate and returns its id (the same person twice for a vacancy raises the driver's ER_DUP_ENTRY). */
  static async insert(m: EntityManager, c: NewCandidate): Promise<number> {
    const res = await m.query(
      `INSERT INTO candidate (vacancy_id, name, resident_id_enc, resident_id_hash, resident_id_masked, phone, education, political_status, qualification_level, status, created_at)
       VALUES (?,?,?,?,?,?,?,?,?,'APPLIED',?)`,
      [c.vacancyId, c.name, c.residentId.enc, c.residentId.hash, c.residentId.masked, c.phone, c.education, c.politicalStatus, c.qualificationLevel, new Date()],
    );
    return Number(res.insertId);
  }

  /** The candidate (locked with `lock`), or null. */
  static async find(m: EntityManager, id: number, opts: { lock?: boolean } = {}): Promise<CandidateRow | null> {
    const [c] = await m.query(`SELECT * FROM candidate WHERE id = ?${opts.lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!c) return null;
    return {
      id: Number(c.id), vacancyId: Number(c.vacancy_id), name: c.name, residentIdEnc: c.resident_id_enc, phone: c.phone, education: c.education,
      politicalStatus: c.political_status, qualificationLevel: c.qualification_level, status: c.status, writtenScore: c.written_score,
      interviewScore: c.interview_score, noticeStart: c.notice_start, noticeEnd: c.notice_end,
    };
  }

  /** Sets the given scores (a null keeps the score there is). */
  static async score(m: EntityManager, id: number, written: string | null, interview: string | null): Promise<void> {
    await m.query('UPDATE candidate SET written_score = COALESCE(?, written_score), interview_score = COALESCE(?, interview_score) WHERE id = ?', [written, interview, id]);
  }

  static async countHired(m: EntityManager, vacancyId: number): Promise<number> {
    const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM candidate WHERE vacancy_id = ? AND status = 'HIRED'`, [vacancyId]);
    return Number(n);
  }

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
      id: number; name: string; residentIdMasked: string; written: string | null; interview: string | null; status: RankedCandidateView['status']; workerId: number | null;
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

}
