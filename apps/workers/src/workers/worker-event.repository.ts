/**
 * The only owner of `worker_event` writes: one career event (the API) or many (import, seed) through one INSERT,
 * and the void marker a withdrawn election puts on the PROMOTION its post wrote (events are never deleted).
 */
import { insertRows } from '@cws/persistence';
import type { CareerEventKind, CareerEventView } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';

export interface NewWorkerEvent {
  workerId: number;
  kind: CareerEventKind;
  date: string;
  note: string | null;
  /** Stored as JSON; null for none. */
  data: object | null;
}

/** A PROMOTION's void marker (`data.voided`): the withdrawn election that made its post, why, and when. */
export type EventVoiding = NonNullable<CareerEventView['voided']>;

const INSERT_EVENT = 'INSERT INTO worker_event (worker_id, kind, event_date, note, data, created_at)';

const values = (e: NewWorkerEvent, now: Date): unknown[] => [e.workerId, e.kind, e.date, e.note, e.data ? JSON.stringify(e.data) : null, now];

export class WorkerEventRepository {
  /** Adds one event and returns its id. */
  static async add(m: EntityManager, e: NewWorkerEvent): Promise<number> {
    return insertRows(m, INSERT_EVENT, [values(e, new Date())]);
  }

  static async addMany(m: EntityManager, events: readonly NewWorkerEvent[]): Promise<void> {
    const now = new Date();
    await insertRows(m, INSERT_EVENT, events.map((e) => values(e, now)));
  }

  /**
   * Marks voided the PROMOTION event post `appointmentId` wrote (`data.appointmentId`, appointments.service `create`):
   * `data.voided` says which withdrawal, why and when; the row stays in the worker's history. Returns the ids
   * marked — none when the post wrote no PROMOTION (not a primary leader post) or it is marked already.
   */
  static async voidForAppointment(
    m: EntityManager, post: { workerId: number; appointmentId: number }, voided: EventVoiding,
  ): Promise<number[]> {
    const rows: Array<{ id: unknown }> = await m.query(
      `SELECT id FROM worker_event WHERE worker_id = ? AND kind = 'PROMOTION' AND JSON_VALUE(data, '$.appointmentId') = ?
          AND JSON_EXTRACT(data, '$.voided') IS NULL FOR UPDATE`,
      [post.workerId, post.appointmentId],
    );
    const ids = rows.map((r) => Number(r.id));
    if (!ids.length) return ids;
    await m.query(
      `UPDATE worker_event SET data = JSON_SET(data, '$.voided', JSON_OBJECT('electionId', ?, 'reason', ?, 'at', ?))
        WHERE id IN (${ids.map(() => '?').join(', ')})`,
      [voided.electionId, voided.reason, voided.at, ...ids],
    );
    return ids;
  }
}
