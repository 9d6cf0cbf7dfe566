import { Injectable } from '@nestjs/common';
import { copyOf, defineJob } from '@cws/kernel';
import { JobHandler, jobSchedule } from '@cws/messaging';
import { SecondmentEndedEvent, SecondmentStartedEvent, WorkerChangedEvent, WorkerLeftEvent, WORKERS_EVENTS_SCHEDULER_COPY } from '@cws/workers-contracts';
import { RosterChecksService } from './roster-checks.service';

/** The scheduler's own upkeep: consumed by the scheduler service only, so defined here, not in contracts. */
export const SCHEDULER_MAINTENANCE_QUEUE = 'scheduler-maintenance';
export const CheckPublishedRostersJob = defineJob<Record<string, never>>(SCHEDULER_MAINTENANCE_QUEUE, 'check-published-rosters');

/**
 * Every hour: one read of the workers service per published centre-month of this month and later (city-wide,
 * about 2,600 with every centre planned two months ahead), so a change the register's events did not carry (or
 * carried while the scheduler was down, past the queue's retries) shows on the dashboard within the hour.
 */
export const CHECK_PUBLISHED_ROSTERS_SCHEDULE = jobSchedule(CheckPublishedRostersJob, 'hourly-check-published-rosters', { every: 3600_000 }, {}, {
  removeOnComplete: { count: 24 }, removeOnFail: { count: 24 },
});

/** The register's events that can break a published roster's shifts ahead, read from the scheduler's copy queue. */
export const REGISTER_CHANGE_EVENTS = [WorkerChangedEvent, WorkerLeftEvent, SecondmentStartedEvent, SecondmentEndedEvent].map((e) =>
  copyOf<{ workerId: number }>(e, WORKERS_EVENTS_SCHEDULER_COPY),
);
const [workerChanged, workerLeft, secondmentStarted, secondmentEnded] = REGISTER_CHANGE_EVENTS;
/** The `worker.changed` fields that can change the days a worker is available: the rest are the record's details. */
const AVAILABILITY_FIELDS: ReadonlySet<unknown> = new Set(['status', 'communityCode', 'plannedTransfer', 'leave']);

@Injectable()
export class CheckPublishedRostersHandler {
  constructor(private readonly checks: RosterChecksService) {}

  @JobHandler(CheckPublishedRostersJob)
  handle(): Promise<{ checked: number; toReplan: number; failed: number }> {
    return this.checks.checkPublished();
  }

  @JobHandler(workerChanged) workerChanged(payload: unknown) {
    const fields = (payload as { fields?: unknown } | null)?.fields;
    // a phone number or a qualification edited changes no one's days
    if (Array.isArray(fields) && !fields.some((f) => AVAILABILITY_FIELDS.has(f))) return Promise.resolve({ checked: 0, toReplan: 0 });
    return this.recheck(payload);
  }
  @JobHandler(workerLeft) workerLeft(payload: unknown) { return this.recheck(payload); }
  @JobHandler(secondmentStarted) secondmentStarted(payload: unknown) { return this.recheck(payload); }
  @JobHandler(secondmentEnded) secondmentEnded(payload: unknown) { return this.recheck(payload); }

  /** The worker's published rosters checked again; an event without a worker id fails (kept with the failed jobs). */
  private recheck(payload: unknown): Promise<{ checked: number; toReplan: number }> {
    const workerId = (payload as { workerId?: unknown } | null)?.workerId;
    if (!Number.isSafeInteger(workerId) || (workerId as number) < 1) throw new Error('a register event without a worker id');
    return this.checks.recheckWorker(workerId as number);
  }
}
