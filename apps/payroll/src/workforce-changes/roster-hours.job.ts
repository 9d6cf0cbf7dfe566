/**
 * The consumer of the scheduler's `roster.hours-published` (scheduler-events queue). Hours of a
 * month that a REGULAR run already paid (or computed, not cancelled) are late: each worker they
 * concern gets a workforce_change row effective the month's first day, so the next open run pays
 * the roster-pay difference as arrears (or claws it back) referencing that month. Hours of a month
 * no run has paid need nothing: its run reads them. Recorded once per event (inbox keyed by the
 * scheduler outbox id), so a redelivery adds nothing.
 */
import { Injectable } from '@nestjs/common';
import { InboxService, JobHandler, type JobEnvelope } from '@cws/messaging';
import { RosterHoursPublishedEvent, type CommunityMonthHours } from '@cws/scheduler-contracts';
import type { Job } from 'bullmq';
import { PayslipRepository } from '../runs/payslip.repository';
import { rosterChangesOf, rosterEventKey } from './workforce-change-of';
import { WorkforceChangeRepository } from './workforce-change.repository';

@Injectable()
export class RosterHoursJobs {
  constructor(
    private readonly changes: WorkforceChangeRepository,
    private readonly inbox: InboxService,
    private readonly payslips: PayslipRepository,
  ) {}

  @JobHandler(RosterHoursPublishedEvent)
  async hoursPublished(payload: CommunityMonthHours, job: Job): Promise<{ recorded: number }> {
    const eventKey = rosterEventKey((job.data as JobEnvelope<unknown> | undefined)?.meta, job.id);
    // The roster's workers, and those paid in the community it may have dropped.
    const affected = await this.payslips.regularSlipWorkers(payload.month, payload.communityCode, (payload.workers ?? []).map((w) => w.workerId));
    const rows = rosterChangesOf(eventKey, payload, affected);
    const { done } = await this.inbox.once(eventKey, (m) => this.changes.insert(m, rows));
    return { recorded: done ? rows.length : 0 };
  }
}
