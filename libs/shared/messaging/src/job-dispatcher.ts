/**
 * Finds every @JobHandler at start-up and refuses to start unless each registered job has
 * exactly one. Runs handlers inside the request context of whoever enqueued the job.
 */
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { jobKey, type JobDefinition } from '@cws/kernel';
import { requestContext } from '@cws/platform';
import type { Job } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { JOB_HANDLER, type JobEnvelope } from './job-handler';

export const JOB_REGISTRY = Symbol('JOB_REGISTRY');
type Handler = (payload: unknown, job: Job) => Promise<unknown>;

export class JobRegistryError extends Error {}

@Injectable()
export class JobDispatcher implements OnModuleInit {
  private readonly logger = new Logger('JobDispatcher');
  private readonly handlers = new Map<string, Handler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    @Inject(JOB_REGISTRY) private readonly registry: JobDefinition<unknown>[],
  ) {}

  onModuleInit(): void {
    const found = new Map<string, string[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance);
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const def = Reflect.getMetadata(JOB_HANDLER, proto[method]) as JobDefinition<unknown> | undefined;
        if (!def) continue;
        const key = jobKey(def);
        found.set(key, [...(found.get(key) ?? []), `${proto.constructor.name}.${method}`]);
        this.handlers.set(key, (payload, job) => (instance[method] as Handler).call(instance, payload, job));
      }
    }
    const problems: string[] = [];
    const registered = new Set(this.registry.map(jobKey));
    for (const key of registered) {
      const where = found.get(key) ?? [];
      if (where.length === 0) problems.push(`job ${key} has no handler`);
      if (where.length > 1) problems.push(`job ${key} has ${where.length} handlers: ${where.join(', ')}`);
    }
    for (const key of found.keys()) if (!registered.has(key)) problems.push(`handler for unregistered job ${key}`);
    if (problems.length) throw new JobRegistryError(`Job registry is inconsistent:\n  - ${problems.join('\n  - ')}`);
  }

  async dispatch(job: Job<JobEnvelope<unknown>>): Promise<unknown> {
    const key = `${job.queueName}:${job.name}`;
    const handler = this.handlers.get(key);
    if (!handler) throw new JobRegistryError(`no handler for ${key}`);
    const requestId = job.data?.meta?.requestId ?? randomUUID();
    return requestContext.run({ requestId }, async () => {
      this.logger.debug({ msg: 'job start', job: key, id: job.id, attempt: job.attemptsMade + 1 });
      return handler(job.data.payload, job);
    });
  }
}
