/**
 * A service's periodic work, declared beside the jobs it consumes: each schedule is a BullMQ job
 * scheduler upserted at boot by its id, so every process may register it and one run fires per
 * tick for the whole service; a process that is not up registers nothing.
 */
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { JobDefinition } from '@cws/kernel';
import type { JobSchedulerTemplateOptions } from 'bullmq';
import type { JobEnvelope } from './job-handler';
import { JobProducer } from './job-producer';

export interface JobSchedule {
  def: JobDefinition<unknown>;
  /** The upsert key: a restart or a second process changes nothing. */
  id: string;
  /** A cron pattern in a time zone (the suite's is Asia/Shanghai), or a fixed period in ms. */
  repeat: { pattern: string; tz: string } | { every: number };
  payload: unknown;
  opts?: JobSchedulerTemplateOptions;
}

/** A schedule for `def`, its payload typed by the job (a scheduled run carries no request id). */
export function jobSchedule<P>(def: JobDefinition<P>, id: string, repeat: JobSchedule['repeat'], payload: P, opts?: JobSchedulerTemplateOptions): JobSchedule {
  return { def, id, repeat, payload, opts };
}

export const JOB_SCHEDULES = Symbol('JOB_SCHEDULES');

@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  constructor(
    @Inject(JOB_SCHEDULES) private readonly schedules: readonly JobSchedule[],
    private readonly producer: JobProducer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { def, id, repeat, payload, opts } of this.schedules) {
      const data: JobEnvelope<unknown> = { payload, meta: {} };
      await this.producer.queue(def.queue).upsertJobScheduler(id, repeat, opts ? { name: def.name, data, opts } : { name: def.name, data });
    }
  }
}
