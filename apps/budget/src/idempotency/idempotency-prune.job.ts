import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { defineJob } from '@cws/kernel';
import { JobHandler, JobProducer } from '@cws/messaging';
import { IdempotencyService } from './idempotency.service';

/** The budget's own upkeep: consumed by the budget service only, so defined here, not in contracts. */
export const BUDGET_MAINTENANCE_QUEUE = 'budget-maintenance';
export const PruneIdempotencyKeysJob = defineJob<Record<string, never>>(BUDGET_MAINTENANCE_QUEUE, 'prune-idempotency-keys');

/**
 * Deletes expired idempotency keys every hour, through a BullMQ job scheduler like the suite's other
 * periodic work: one run per hour across all budget processes (an upsert by scheduler id at boot),
 * where each process's own timer ran it once per process.
 */
@Injectable()
export class IdempotencyPruneHandler implements OnApplicationBootstrap {
  private readonly logger = new Logger('Idempotency');

  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly producer: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.producer
      .queue(PruneIdempotencyKeysJob.queue)
      .upsertJobScheduler('hourly-prune-idempotency-keys', { every: 3600_000 }, {
        name: PruneIdempotencyKeysJob.name,
        data: { payload: {}, meta: {} },
        opts: { removeOnComplete: { count: 24 }, removeOnFail: { count: 24 } },
      });
  }

  @JobHandler(PruneIdempotencyKeysJob)
  async handle(): Promise<{ deleted: number }> {
    const deleted = await this.idempotency.prune();
    if (deleted) this.logger.log({ msg: 'pruned idempotency keys', deleted });
    return { deleted };
  }
}
