import { defineJob } from '@cws/kernel';

export const WORKERS_MAINTENANCE_QUEUE = 'workers-maintenance';

/** Deletes refresh tokens that expired or were revoked more than `olderThanDays` ago. */
export const PruneRefreshTokensJob = defineJob<{ olderThanDays: number }>(WORKERS_MAINTENANCE_QUEUE, 'prune-refresh-tokens');

/**
 * The nightly status calendar: applies the status changes due up to `today` (default: the server's
 * date) — OUT secondments starting / ending, leave periods starting / ending — and announces
 * secondment starts and ends once. Idempotent: a second run on the same day changes nothing.
 */
export const ApplyStatusCalendarJob = defineJob<{ today?: string }>(WORKERS_MAINTENANCE_QUEUE, 'apply-status-calendar');
