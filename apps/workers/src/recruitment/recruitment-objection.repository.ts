/** The only owner of `recruitment_objection` SQL: objections received during a candidate's public notice (公示). */
import type { ObjectionView } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';

/** An objection as the API answers it: the workers contract. */
export type ObjectionRow = ObjectionView;

const OBJECTION_COLUMNS = `id, candidate_id AS candidateId, received_on AS receivedOn, summary, status, resolution, resolved_on AS resolvedOn`;
const objection = (r: Record<string, unknown>): ObjectionRow => ({ ...(r as unknown as ObjectionRow), id: Number(r.id), candidateId: Number(r.candidateId) });

export class RecruitmentObjectionRepository {
  static async insert(m: EntityManager, candidateId: number, receivedOn: string, summary: string): Promise<ObjectionRow> {
    const res = await m.query(`INSERT INTO recruitment_objection (candidate_id, received_on, summary, status, created_at) VALUES (?,?,?,'OPEN',?)`, [candidateId, receivedOn, summary, new Date()]);
    return { id: Number(res.insertId), candidateId, receivedOn, summary, status: 'OPEN', resolution: null, resolvedOn: null };
  }

  static async find(m: EntityManager, id: number, lock = false): Promise<ObjectionRow | null> {
    const [r] = await m.query(`SELECT ${OBJECTION_COLUMNS} FROM recruitment_objection WHERE id = ?${lock ? ' FOR UPDATE' : ''}`, [id]);
    return r ? objection(r) : null;
  }

  static async ofCandidate(m: EntityManager, candidateId: number): Promise<ObjectionRow[]> {
    const rows = await m.query(`SELECT ${OBJECTION_COLUMNS} FROM recruitment_objection WHERE candidate_id = ? ORDER BY id`, [candidateId]);
    return rows.map(objection);
  }

  static async resolve(m: EntityManager, id: number, outcome: 'UPHELD' | 'DISMISSED', resolution: string, resolvedOn: string): Promise<void> {
    await m.query('UPDATE recruitment_objection SET status = ?, resolution = ?, resolved_on = ? WHERE id = ?', [outcome, resolution, resolvedOn, id]);
  }
}
