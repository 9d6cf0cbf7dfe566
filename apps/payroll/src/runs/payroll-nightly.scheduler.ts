import { jobSchedule } from '@cws/messaging';
import { NightlyRecomputeJob, PayDayJob } from '@cws/payroll-contracts';
import type { ServiceConfig } from '@cws/platform';

const BATCH_JOB = { attempts: 3, backoff: { type: 'exponential' as const, delay: 5000 }, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } };

/** The nightly recompute; cron from config (PAYROLL_NIGHTLY_CRON, default 01:30 Asia/Shanghai). */
export const nightlyRecomputeSchedule = (config: ServiceConfig) =>
  jobSchedule(NightlyRecomputeJob, 'nightly-payroll-recompute', { pattern: config.payrollNightlyCron, tz: 'Asia/Shanghai' }, { reason: 'nightly' }, BATCH_JOB);

/** The pay-day batch; cron from config (PAYROLL_PAYDAY_CRON, default 02:00 Asia/Shanghai). */
export const payDaySchedule = (config: ServiceConfig) =>
  jobSchedule(PayDayJob, 'payroll-pay-day', { pattern: config.payrollPayDayCron, tz: 'Asia/Shanghai' }, {}, BATCH_JOB);
