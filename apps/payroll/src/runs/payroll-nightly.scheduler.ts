import { jobSchedule } from '@cws/messaging';
import { NightlyRecomputeJob } from '@cws/payroll-contracts';
import type { ServiceConfig } from '@cws/platform';

/** The nightly recompute; cron from config (PAYROLL_NIGHTLY_CRON, default 01:30 Asia/Shanghai). */
export const nightlyRecomputeSchedule = (config: ServiceConfig) =>
  jobSchedule(NightlyRecomputeJob, 'nightly-payroll-recompute', { pattern: config.payrollNightlyCron, tz: 'Asia/Shanghai' }, { reason: 'nightly' }, {
    attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 },
  });
