import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { bullConnection, JobProducer, type JobEnvelope } from '@cws/messaging';
import { ComputeRunChunkJob, ComputeRunJob, FinishRunJob, PAYROLL_RUNS_QUEUE } from '@cws/payroll-contracts';
import { requestContext, SERVICE_CONFIG, type ServiceConfig } from '@cws/platform';
import { FlowProducer } from 'bullmq';

/** Attempts per job: a killed process or a lost connection is retried, with backoff. */
const ATTEMPTS = 8;

/** The run as its job ids name it: its id and creation time. */
export interface RunJobKey {
  id: string;
  createdAt: Date;
}

/**
 * Job ids name the run by id **and creation time** (ms, base 36): a schema dropped and re-seeded
 * (`npm start -- --reset`) restarts run ids at 1, while Redis, under the same queue prefix, keeps the
 * old runs' completed jobs for a day — a new run 1 would get the id of an old job, BullMQ would add
 * nothing, and the run would stay QUEUED.
 */
export const runJobBase = (run: RunJobKey): string => `run-${run.id}-${new Date(run.createdAt).getTime().toString(36)}`;

/**
 * Enqueues run computations. Job ids are derived from (run, generation[, chunk]), so enqueuing the
 * same computation twice — a retried freeze, a double click — adds nothing: BullMQ keeps one job
 * per id. (BullMQ custom ids may not contain ':'.)
 */
@Injectable()
export class PayrollRunComputeQueue implements OnApplicationShutdown {
  private flows: FlowProducer | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly producer: JobProducer,
  ) {}

  /** Queues the freeze step of a computation. */
  async enqueue(run: RunJobKey, generation: number): Promise<void> {
    await this.producer.enqueue(ComputeRunJob, { runId: run.id, generation }, { jobId: `${runJobBase(run)}-g${generation}`, attempts: ATTEMPTS });
  }

  /** The computation proper: a parent (finish) over one child per chunk, shared by every worker process on the queue. */
  async addFlow(run: RunJobKey, generation: number, chunkCount: number): Promise<void> {
    const runId = String(run.id);
    const base = runJobBase(run);
    const meta = { requestId: requestContext.requestId() };
    const envelope = <P>(payload: P): JobEnvelope<P> => ({ payload, meta });
    const opts = { attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: { age: 24 * 3600, count: 10000 }, removeOnFail: { age: 7 * 24 * 3600 } };
    await this.flowProducer().add({
      name: FinishRunJob.name,
      queueName: PAYROLL_RUNS_QUEUE,
      data: envelope({ runId, generation }),
      opts: { ...opts, jobId: `${base}-g${generation}-finish` },
      children: Array.from({ length: chunkCount }, (_, chunkNo) => ({
        name: ComputeRunChunkJob.name,
        queueName: PAYROLL_RUNS_QUEUE,
        data: envelope({ runId, generation, chunkNo }),
        opts: { ...opts, jobId: `${base}-g${generation}-c${chunkNo}` },
      })),
    });
  }

  private flowProducer(): FlowProducer {
    this.flows ??= new FlowProducer({ connection: bullConnection(this.config.redisUrl), prefix: this.config.queuePrefix });
    return this.flows;
  }

  /** Closed last, after in-flight requests and jobs (which may still add a flow) have finished. */
  async onApplicationShutdown(): Promise<void> {
    await this.flows?.close();
  }
}
