import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { bullConnection, JobProducer, type JobEnvelope } from '@cws/messaging';
import { ComputeRunChunkJob, ComputeRunJob, FinishRunJob, PAYROLL_RUNS_QUEUE } from '@cws/payroll-contracts';
import { requestContext, SERVICE_CONFIG, type ServiceConfig } from '@cws/platform';
import { FlowProducer } from 'bullmq';

/** Attempts per job: a killed process or a lost connection is retried, with backoff. */
const ATTEMPTS = 8;

/**
 * Enqueues run computations. Job ids are derived from (run, generation[, chunk]), so enqueuing the
 * same computation twice — a retried freeze, a double click — adds nothing: BullMQ keeps one job
 * per id. (BullMQ custom ids may not contain ':'.)
 */
@Injectable()
export class PayrollRunComputeQueue implements OnModuleDestroy {
  private flows: FlowProducer | null = null;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly producer: JobProducer,
  ) {}

  /** Queues the freeze step of a computation. */
  async enqueue(runId: string, generation: number): Promise<void> {
    await this.producer.enqueue(ComputeRunJob, { runId, generation }, { jobId: `run-${runId}-g${generation}`, attempts: ATTEMPTS });
  }

  /** The computation proper: a parent (finish) over one child per chunk, shared by every worker process on the queue. */
  async addFlow(runId: string, generation: number, chunkCount: number): Promise<void> {
    const meta = { requestId: requestContext.requestId() };
    const envelope = <P>(payload: P): JobEnvelope<P> => ({ payload, meta });
    const opts = { attempts: ATTEMPTS, backoff: { type: 'exponential', delay: 500 }, removeOnComplete: { age: 24 * 3600, count: 10000 }, removeOnFail: { age: 7 * 24 * 3600 } };
    await this.flowProducer().add({
      name: FinishRunJob.name,
      queueName: PAYROLL_RUNS_QUEUE,
      data: envelope({ runId, generation }),
      opts: { ...opts, jobId: `run-${runId}-g${generation}-finish` },
      children: Array.from({ length: chunkCount }, (_, chunkNo) => ({
        name: ComputeRunChunkJob.name,
        queueName: PAYROLL_RUNS_QUEUE,
        data: envelope({ runId, generation, chunkNo }),
        opts: { ...opts, jobId: `run-${runId}-g${generation}-c${chunkNo}` },
      })),
    });
  }

  private flowProducer(): FlowProducer {
    this.flows ??= new FlowProducer({ connection: bullConnection(this.config.redisUrl), prefix: this.config.queuePrefix });
    return this.flows;
  }

  async onModuleDestroy(): Promise<void> {
    await this.flows?.close();
  }
}
