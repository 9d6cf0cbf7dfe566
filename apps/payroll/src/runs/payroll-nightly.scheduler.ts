import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobProducer } from '@cws/messaging';
import { NightlyRecomputeJob } from '@cws/payroll-contracts';
import { SERVICE_CONFIG, type ServiceConfig } from '@cws/platform';

/** Registers (idempotently: an upsert by scheduler id) the nightly job scheduler at boot; cron from config (PAYROLL_NIGHTLY_CRON, default 01:30 Asia/Shanghai). */
@Injectable()
export class PayrollNightlyScheduler implements OnApplicationBootstrap {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly producer: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.producer
      .queue(NightlyRecomputeJob.queue)
      .upsertJobScheduler('nightly-payroll-recompute', { pattern: this.config.payrollNightlyCron, tz: 'Asia/Shanghai' }, {
        name: NightlyRecomputeJob.name,
        data: { payload: { reason: 'nightly' }, meta: {} },
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 5000 }, removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } },
      });
  }
}
