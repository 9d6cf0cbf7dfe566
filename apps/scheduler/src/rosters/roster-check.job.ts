import { Injectable } from '@nestjs/common';
import { defineJob } from '@cws/kernel';
import { JobHandler, jobSchedule } from '@cws/messaging';
import { RosterChecksService } from './roster-checks.service';

/** The scheduler's own upkeep: consumed by the scheduler service only, so defined here, not in contracts. */
export const SCHEDULER_MAINTENANCE_QUEUE = 'scheduler-maintenance';
export const CheckPublishedRostersJob = defineJob<Record<string, never>>(SCHEDULER_MAINTENANCE_QUEUE, 'check-published-rosters');

/**
 * Every hour: one read of the workers service per published centre-month of this month and later (city-wide,
 * about 2,600 with every centre planned two months ahead), so a transfer or a leaver recorded in the
 * register shows on the dashboard of the HR who publishes that centre's roster within the hour.
 */
export const CHECK_PUBLISHED_ROSTERS_SCHEDULE = jobSchedule(CheckPublishedRostersJob, 'hourly-check-published-rosters', { every: 3600_000 }, {}, {
  removeOnComplete: { count: 24 }, removeOnFail: { count: 24 },
});

@Injectable()
export class CheckPublishedRostersHandler {
  constructor(private readonly checks: RosterChecksService) {}

  @JobHandler(CheckPublishedRostersJob)
  handle(): Promise<{ checked: number; toReplan: number; failed: number }> {
    return this.checks.checkPublished();
  }
}
