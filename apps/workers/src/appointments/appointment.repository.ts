/** The only owner of `appointment` inserts: a post from the API, or many from the import and the demo seed, through one INSERT. */
import { insertRows, selectIn } from '@cws/persistence';
import type { AppointmentRole, BodyKind, ObtainedBy, PostBand } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';

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

const values = (a: NewAppointment, now: Date): unknown[] => [
  a.workerId, a.bodyId, a.communityCode, a.bodyKind, a.role, a.band, a.primary ? 1 : 0, a.obtainedBy, a.from, a.to, a.electionId, a.termEnd, now,
];

export class AppointmentRepository {
  /** Inserts one post and returns its id. */
  static async insert(m: EntityManager, a: NewAppointment): Promise<number> {
    return insertRows(m, INSERT_APPOINTMENT, [values(a, new Date())]);
  }

  static async insertMany(m: EntityManager, posts: readonly NewAppointment[]): Promise<void> {
    const now = new Date();
    await insertRows(m, INSERT_APPOINTMENT, posts.map((a) => values(a, now)));
  }

  /** worker id → appointment id, for workers holding exactly one post (the import's new workers). */
  static async idByWorker(m: EntityManager, workerIds: readonly number[]): Promise<Map<number, number>> {
    const rows = await selectIn<{ id: number; workerId: number }>(m, workerIds, (list) => `SELECT id, worker_id AS workerId FROM appointment WHERE worker_id IN (${list})`);
    return new Map(rows.map((r) => [Number(r.workerId), Number(r.id)]));
  }
}
