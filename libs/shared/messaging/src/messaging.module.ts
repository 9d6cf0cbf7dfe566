/**
 * BullMQ for one service: the connection (prefix from config), its queues, one worker per queue
 * that dispatches by job name, the producer, the periodic schedules, the outbox relay (and its tick
 * queue) and the inbox.
 */
import { BullModule, Processor, WorkerHost } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, type DynamicModule, Global, Inject, Injectable, Module, type OnModuleDestroy, type Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { jobKey, type JobDefinition } from '@cws/kernel';
import { redisOptionsFromUrl, type ServiceConfig, settledWithin } from '@cws/platform';
import type { Job, Worker } from 'bullmq';
import { JobDispatcher, JOB_REGISTRY } from './job-dispatcher';
import { JobProducer } from './job-producer';
import { JOB_SCHEDULES, JobSchedules, type JobSchedule } from './job-schedules';
import { InboxService, OUTBOX_RELAY_QUEUE, OutboxRelay, outboxRelayQueue, OutboxService } from './outbox';

export interface MessagingOptions {
  /** Jobs this service consumes: each must have exactly one @JobHandler. */
  consumes: JobDefinition<unknown>[];
  /** Queues this service only produces to. */
  producesTo?: string[];
  /** Worker concurrency per queue. */
  concurrency?: number;
  /** Per-queue overrides, e.g. 1 for a CPU-bound queue whose jobs would only block each other's event loop. */
  queueConcurrency?: Record<string, number>;
  /** Periodic work (`jobSchedule(def, id, repeat, payload)`): each job must be one this service consumes. */
  schedules?: JobSchedule[];
}

/** BullMQ's own connection options (workers block, so no per-request retry limit). */
export function bullConnection(url: string): Record<string, unknown> {
  const { host, port, username, password, db, tls } = redisOptionsFromUrl(url);
  return { host, port, username, password, db, tls, maxRetriesPerRequest: null };
}

/**
 * How long shutdown waits for a BullMQ connection still on its way (Redis down: not for ever). One closed
 * mid-handshake (a service that failed at start) was dropped, and ioredis's failing ready check dropped
 * it again after its socket had gone, leaving a 2 s timer behind.
 */
const HANDSHAKE_WAIT_MS = 2000;

/**
 * A queue's worker, closed at the first step of Nest's shutdown (onModuleDestroy): no new job starts and
 * the running ones finish. @nestjs/bullmq closes workers only at onApplicationShutdown, the step in which
 * the data source, the queues and the Redis connections close too, in module order (the data source
 * first), so a running job lost its database half-way.
 */
abstract class DrainedWorkerHost extends WorkerHost implements OnModuleDestroy {
  async onModuleDestroy(): Promise<void> {
    let worker: Worker;
    try {
      worker = this.worker;
    } catch {
      return; // the start-up failed before the worker was made
    }
    await settledWithin(worker.waitUntilReady(), HANDSHAKE_WAIT_MS);
    await worker.close();
  }
}

function processorFor(queue: string, concurrency: number, lockMs: number): Type<unknown> {
  @Processor(queue, { concurrency, lockDuration: lockMs, stalledInterval: lockMs })
  class QueueProcessor extends DrainedWorkerHost {
    constructor(private readonly dispatcher: JobDispatcher) {
      super();
    }
    process(job: Job): Promise<unknown> {
      return this.dispatcher.dispatch(job);
    }
  }
  Object.defineProperty(QueueProcessor, 'name', { value: `QueueProcessor_${queue}` });
  return QueueProcessor;
}

/** The relay's ticks bypass the job registry: they carry no payload, no request id and log nothing per tick. */
function relayTickProcessor(queue: string): Type<unknown> {
  @Processor(queue, { concurrency: 1 })
  class OutboxRelayTicks extends DrainedWorkerHost {
    constructor(private readonly relay: OutboxRelay) {
      super();
    }
    process(): Promise<number> {
      return this.relay.relayScheduled();
    }
  }
  return OutboxRelayTicks;
}

const QUEUE_NAMES = Symbol('QUEUE_NAMES');

/** Lets the queues' connections finish connecting (as the workers' above) before @nestjs/bullmq closes the queues (onApplicationShutdown). */
@Injectable()
class QueueHandshakes implements BeforeApplicationShutdown {
  constructor(
    private readonly producer: JobProducer,
    @Inject(QUEUE_NAMES) private readonly names: string[],
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.names.map((name) => settledWithin(this.producer.queue(name).waitUntilReady(), HANDSHAKE_WAIT_MS)));
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(config: ServiceConfig, options: MessagingOptions): DynamicModule {
    const consumed = [...new Set(options.consumes.map((d) => d.queue))];
    const consumedJobs = new Set(options.consumes.map(jobKey));
    const unconsumed = (options.schedules ?? []).filter((s) => !consumedJobs.has(jobKey(s.def)));
    if (unconsumed.length) throw new Error(`scheduled jobs this service does not consume: ${unconsumed.map((s) => s.id).join(', ')}`);
    const relayQueue = outboxRelayQueue(config.service);
    const queues = [...new Set([...consumed, ...(options.producesTo ?? []), relayQueue])];
    return {
      module: MessagingModule,
      imports: [
        DiscoveryModule,
        BullModule.forRootAsync({
          useFactory: () => ({
            connection: bullConnection(config.redisUrl),
            prefix: config.queuePrefix,
          }),
        }),
        ...queues.map((name) => BullModule.registerQueue({ name })),
      ],
      providers: [
        { provide: JOB_REGISTRY, useValue: options.consumes },
        { provide: OUTBOX_RELAY_QUEUE, useValue: relayQueue },
        { provide: JOB_SCHEDULES, useValue: options.schedules ?? [] },
        { provide: QUEUE_NAMES, useValue: queues },
        QueueHandshakes,
        JobDispatcher,
        JobProducer,
        JobSchedules,
        OutboxService,
        OutboxRelay,
        InboxService,
        ...consumed.map((q) => processorFor(q, options.queueConcurrency?.[q] ?? options.concurrency ?? 4, config.queueLockMs)),
        relayTickProcessor(relayQueue),
      ],
      exports: [JobProducer, OutboxService, OutboxRelay, InboxService, BullModule],
    };
  }
}
