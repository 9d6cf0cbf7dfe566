import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import type { JobDefinition } from '@cws/kernel';
import { requestContext } from '@cws/platform';
import type { JobsOptions, Queue } from 'bullmq';
import type { JobEnvelope } from './job-handler';

/** Enqueues typed jobs, carrying the current request id along. */
@Injectable()
export class JobProducer {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  async enqueue<P>(def: JobDefinition<P>, payload: P, opts: JobsOptions = {}, meta: JobEnvelope<P>['meta'] = {}) {
    const envelope: JobEnvelope<P> = { payload, meta: { requestId: requestContext.requestId(), ...meta } };
    return this.queue(def.queue).add(def.name, envelope, {
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600, count: 10000 },
      removeOnFail: { age: 7 * 24 * 3600 },
      ...opts,
    });
  }
}
