import { Injectable, Logger } from '@nestjs/common';
import { defineJob } from '@cws/kernel';
import { JobHandler, jobSchedule } from '@cws/messaging';
import { IdempotencyService } from './idempotency.service';

/** The budget's own upkeep: consumed by the budget service only, so defined here, not in contracts. */
export const BUDGET_MAINTENANCE_QUEUE = 'budget-maintenance';
export const PruneIdempotencyKeysJob = defineJob<Record<string, never>>(BUDGET_MAINTENANCE_QUEUE, 'prune-idempotency-keys');
export const PRUNE_IDEMPOTENCY_KEYS_SCHEDULE = jobSchedule(PruneIdempotencyKeysJob, 'hourly-prune-idempotency-keys', { every: 3600_000 }, {}, {
  removeOnComplete: { count: 24 }, removeOnFail: { count: 24 },
});

/**
 * Deletes expired idempotency keys every hour, through a BullMQ job scheduler like the suite's other
 * periodic work (the schedule above, listed in the budget definition): one run per hour across all
 * budget processes, where each process's own timer ran it once per process.
 */
@Injectable()
export class IdempotencyPruneHandler {
  private readonly logger = new Logger('Idempotency');

  constructor(private readonly idempotency: IdempotencyService) {}

  @JobHandler(PruneIdempotencyKeysJob)
  async handle(): Promise<{ deleted: number }> {
    const deleted = await this.idempotency.prune();
    if (deleted) this.logger.log({ msg: 'pruned idempotency keys', deleted });
    return { deleted };
  }
}
