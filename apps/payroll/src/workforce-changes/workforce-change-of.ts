/** How a `workers-events` job becomes a workforce_change row (pure: unit-tested). */
import {
  AppointmentEndedEvent, AppointmentStartedEvent, GradeChangedEvent, SecondmentEndedEvent, SecondmentStartedEvent, WorkerChangedEvent, WorkerCreatedEvent, WorkerLeftEvent,
  WORKERS_EVENTS_QUEUE,
} from '@cws/workers-contracts';
import { districtOf, streetOf } from '@cws/kernel';
import { RosterHoursPublishedEvent, SCHEDULER_EVENTS_QUEUE, type CommunityMonthHours } from '@cws/scheduler-contracts';

/**
 * The payload field holding the date a change takes effect, per event (none for training.completed; for worker.changed
 * only a transfer's date — a transfer back-dated into a paid month re-measures its roster pay as arrears).
 */
const EFFECTIVE_FIELD: Record<string, string | undefined> = {
  [WorkerCreatedEvent.name]: 'hireDate',
  [WorkerChangedEvent.name]: 'transferDate',
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

/** The stable inbox key of a delivery on `queue`: the sender's outbox id when its relay sent it, else the BullMQ job id. */
function inboxKey(queue: string, sender: string, meta: { outboxId?: string } | undefined, jobId: string | undefined): string {
  if (meta?.outboxId) return `${queue}:outbox:${meta.outboxId}`;
  if (jobId) return `${queue}:job:${jobId}`;
  throw new Error(`a ${sender} event without an outbox id or job id cannot be recorded once`);
}

/** The inbox key of a `workers-events` delivery. */
export const workforceEventKey = (meta: { outboxId?: string } | undefined, jobId: string | undefined): string => inboxKey(WORKERS_EVENTS_QUEUE, 'workers', meta, jobId);

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

/** The inbox key of a `roster.hours-published` delivery (scheduler-events). */
export const rosterEventKey = (meta: { outboxId?: string } | undefined, jobId: string | undefined): string => inboxKey(SCHEDULER_EVENTS_QUEUE, 'scheduler', meta, jobId);

/**
 * The rows of a late roster: one per worker whose pay of the month it may change, effective the
 * month's first day (so arrears re-measure that month's roster pay). Hours stay with the scheduler.
 */
export function rosterChangesOf(eventKey: string, e: CommunityMonthHours, workerIds: number[]): Array<WorkforceChangeFields & { eventKey: string }> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(e.month) || !code(e.communityCode, 12)) throw new Error(`${RosterHoursPublishedEvent.name}: payload has no month or community`);
  return workerIds.map((workerId) => ({
    eventKey: `${eventKey}:w:${workerId}`,
    eventName: RosterHoursPublishedEvent.name,
    workerId: String(workerId),
    districtCode: districtOf(e.communityCode),
    streetCode: streetOf(e.communityCode),
    communityCode: e.communityCode,
    effectiveDate: `${e.month}-01`,
    payload: { workerId, month: e.month, communityCode: e.communityCode, rosterId: e.rosterId, rosterVersion: e.rosterVersion, publishedAt: e.publishedAt },
  }));
}
