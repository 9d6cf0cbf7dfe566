import { defineJob } from '@cws/kernel';

export const WORKERS_MAINTENANCE_QUEUE = 'workers-maintenance';

/** Deletes refresh tokens that expired or were revoked more than `olderThanDays` ago. */
export const PruneRefreshTokensJob = defineJob<{ olderThanDays: number }>(WORKERS_MAINTENANCE_QUEUE, 'prune-refresh-tokens');
