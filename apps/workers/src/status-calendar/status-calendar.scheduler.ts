import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobProducer } from '@cws/messaging';
import { ApplyStatusCalendarJob } from '@cws/workers-contracts';

/** Registers the nightly status calendar just after midnight, China time (idempotent upsert by scheduler id). */
@Injectable()
export class StatusCalendarScheduler implements OnApplicationBootstrap {
  constructor(private readonly producer: JobProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.producer
      .queue(ApplyStatusCalendarJob.queue)
      .upsertJobScheduler('nightly-status-calendar', { pattern: '5 0 * * *', tz: 'Asia/Shanghai' }, {
        name: ApplyStatusCalendarJob.name,
        data: { payload: {}, meta: {} },
      });
  }
}
