/** The only owner of `worker_event` writes: one career event (the API) or many (import, seed) through one INSERT. */
import { insertRows } from '@cws/persistence';
import type { CareerEventKind } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';

export interface NewWorkerEvent {
  workerId: number;
  kind: CareerEventKind;
  date: string;
  note: string | null;
  /** Stored as JSON; null for none. */
  data: object | null;
}

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
}
