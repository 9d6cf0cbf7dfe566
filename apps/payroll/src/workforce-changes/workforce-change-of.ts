/** How a `workers-events` job becomes a workforce_change row (pure: unit-tested). */
import {
  AppointmentEndedEvent, AppointmentStartedEvent, GradeChangedEvent, SecondmentEndedEvent, SecondmentStartedEvent, WorkerCreatedEvent, WorkerLeftEvent,
  WORKERS_EVENTS_QUEUE,
} from '@cws/workers-contracts';
import { districtOf, streetOf } from '@cws/kernel';

/** The payload field holding the date a change takes effect, per event (none for worker.changed, training.completed). */
const EFFECTIVE_FIELD: Record<string, string | undefined> = {
  [WorkerCreatedEvent.name]: 'hireDate',
  [WorkerLeftEvent.name]: 'leftDate',
  [AppointmentStartedEvent.name]: 'from',
  [AppointmentEndedEvent.name]: 'to',
  [SecondmentStartedEvent.name]: 'from',
  [SecondmentEndedEvent.name]: 'to',
  [GradeChangedEvent.name]: 'from',
};

export interface WorkforceChangeFields {
  eventName: string;
  workerId: string;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  effectiveDate: string | null;
  payload: object;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const code = (v: unknown, len: number): string | null => (typeof v === 'string' && new RegExp(`^\\d{${len}}$`).test(v) ? v : null);

/** The stable inbox key of a delivery: the workers outbox id when the relay sent it, else the BullMQ job id. */
export function workforceEventKey(meta: { outboxId?: string } | undefined, jobId: string | undefined): string {
  if (meta?.outboxId) return `${WORKERS_EVENTS_QUEUE}:outbox:${meta.outboxId}`;
  if (jobId) return `${WORKERS_EVENTS_QUEUE}:job:${jobId}`;
  throw new Error('a workers event without an outbox id or job id cannot be recorded once');
}

/** The row for one event; district/street/community from the payload's codes, effective date from its date field. */
export function workforceChangeOf(eventName: string, payload: unknown): WorkforceChangeFields {
  const p = (payload ?? {}) as Record<string, unknown>;
  const workerId = p.workerId;
  if (typeof workerId !== 'number' && !(typeof workerId === 'string' && /^\d+$/.test(workerId))) {
    throw new Error(`${eventName}: payload has no workerId`);
  }
  const community = code(p.communityCode, 12);
  const street = code(p.streetCode, 9) ?? (community ? streetOf(community) : null);
  const district = code(p.districtCode, 6) ?? (street ? districtOf(street) : null);
  const field = EFFECTIVE_FIELD[eventName];
  const date = field ? p[field] : undefined;
  return {
    eventName,
    workerId: String(workerId),
    districtCode: district,
    streetCode: street,
    communityCode: community,
    effectiveDate: typeof date === 'string' && DATE.test(date) ? date : null,
    payload: p,
  };
}
