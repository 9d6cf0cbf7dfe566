import { defineJob } from '@cws/kernel';

export const WORKERS_MAINTENANCE_QUEUE = 'workers-maintenance';

/** Deletes refresh tokens that expired more than `olderThanDays` ago (revoked ones are kept until then, to recognise reuse). */
export const PruneRefreshTokensJob = defineJob<{ olderThanDays: number }>(WORKERS_MAINTENANCE_QUEUE, 'prune-refresh-tokens');

/**
 * The nightly status calendar: applies the status changes due up to `today` (default: the server's
 * date) — OUT secondments starting / ending, leave periods starting / ending — and announces
 * secondment starts and ends once. Idempotent: a second run on the same day changes nothing.
 */
export const ApplyStatusCalendarJob = defineJob<{ today?: string }>(WORKERS_MAINTENANCE_QUEUE, 'apply-status-calendar');

/**
 * The yearly grade progression (1 January, China time): each employed worker whose latest grade row
 * is `yearsPerStep` years old (grade policy) moves up a step from `asOf` (default: the server's
 * date), capped at the band top. Workers with no grade row get a derived one. Idempotent: a re-run
 * on the same date finds nothing due.
 */
export const ApplyGradeProgressionJob = defineJob<{ asOf?: string }>(WORKERS_MAINTENANCE_QUEUE, 'apply-grade-progression');

/**
 * PII key rotation: re-encrypts every personal-data value still under a retired key (PII_OLD_KEYS)
 * with the current PII_KEY, in locked batches of `batchSize`. Enqueued at start-up while old keys
 * are configured, and by POST /v1/maintenance/pii-reencryption. Idempotent: values already under
 * the current key are left alone.
 */
export const ReencryptPiiJob = defineJob<{ batchSize?: number }>(WORKERS_MAINTENANCE_QUEUE, 'reencrypt-pii');
