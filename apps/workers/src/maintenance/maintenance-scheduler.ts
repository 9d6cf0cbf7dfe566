import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobProducer } from '@cws/messaging';
import { PruneRefreshTokensJob } from '@cws/workers-contracts';

/** Registers the nightly maintenance job scheduler (idempotent upsert by scheduler id). */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap {
  constructor(private readonly producer: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.producer
      .queue(PruneRefreshTokensJob.queue)
      .upsertJobScheduler('nightly-prune-refresh-tokens', { pattern: '30 2 * * *', tz: 'Asia/Shanghai' }, {
        name: PruneRefreshTokensJob.name,
        data: { payload: { olderThanDays: 1 }, meta: {} },
      });
  }
}
