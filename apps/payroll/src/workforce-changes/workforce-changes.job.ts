/**
 * The consumer of the workers service's `workers-events` queue: every event becomes one
 * workforce_change row, recorded once per event (inbox keyed by the workers outbox id), so a
 * redelivery — a relay retried after a crash, a duplicate job — changes nothing.
 */
import { Injectable } from '@nestjs/common';
import { InboxService, JobHandler, type JobEnvelope } from '@cws/messaging';
import {
  AppointmentEndedEvent, AppointmentStartedEvent, GradeChangedEvent, SecondmentEndedEvent, SecondmentStartedEvent, TrainingCompletedEvent,
  WorkerChangedEvent, WorkerCreatedEvent, WorkerLeftEvent,
} from '@cws/workers-contracts';
import type { Job } from 'bullmq';
import { workforceChangeOf, workforceEventKey } from './workforce-change-of';
import { WorkforceChangeRepository } from './workforce-change.repository';

@Injectable()
export class WorkforceChangeJobs {
  constructor(
    private readonly changes: WorkforceChangeRepository,
    private readonly inbox: InboxService,
  ) {}

  @JobHandler(WorkerCreatedEvent) workerCreated(payload: unknown, job: Job) { return this.record(payload, job); }
  @JobHandler(WorkerChangedEvent) workerChanged(payload: unknown, job: Job) { return this.record(payload, job); }
  @JobHandler(WorkerLeftEvent) workerLeft(payload: unknown, job: Job) { return this.record(payload, job); }
  @JobHandler(AppointmentStartedEvent) appointmentStarted(payload: unknown, job: Job) { return this.record(payload, job); }
  @JobHandler(AppointmentEndedEvent) appointmentEnded(payload: unknown, job: Job) { return this.record(payload, job); }
  @JobHandler(SecondmentStartedEvent) secondmentStarted(payload: unknown, job: Job) { return this.record(payload, job); }
  @JobHandler(SecondmentEndedEvent) secondmentEnded(payload: unknown, job: Job) { return this.record(payload, job); }
  @JobHandler(TrainingCompletedEvent) trainingCompleted(payload: unknown, job: Job) { return this.record(payload, job); }
  @JobHandler(GradeChangedEvent) gradeChanged(payload: unknown, job: Job) { return this.record(payload, job); }

  /** Records the event once; returns whether this delivery was the one that recorded it. */
  private async record(payload: unknown, job: Job): Promise<{ recorded: boolean }> {
    const meta = (job.data as JobEnvelope<unknown> | undefined)?.meta;
    const eventKey = workforceEventKey(meta, job.id);
    const fields = workforceChangeOf(job.name, payload);
    const { done } = await this.inbox.once(eventKey, (m) => this.changes.insert(m, [{ ...fields, eventKey }]));
    return { recorded: done };
  }
}
