import { jobSchedule } from '@cws/messaging';
import { PruneRefreshTokensJob } from '@cws/workers-contracts';

/** The nightly maintenance: refresh tokens expired over a day ago are pruned at 02:30 China time. */
export const PRUNE_REFRESH_TOKENS_SCHEDULE = jobSchedule(PruneRefreshTokensJob, 'nightly-prune-refresh-tokens', { pattern: '30 2 * * *', tz: 'Asia/Shanghai' }, { olderThanDays: 1 });
