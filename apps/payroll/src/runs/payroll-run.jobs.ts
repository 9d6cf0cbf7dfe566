import { Injectable, Logger } from '@nestjs/common';
import { cityToday, type PayloadOf } from '@cws/kernel';
import { JobHandler } from '@cws/messaging';
import { ComputeRunChunkJob, ComputeRunJob, FinishRunJob, NightlyRecomputeJob, PayDayJob } from '@cws/payroll-contracts';
import type { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { PayrollRunComputeQueue } from './payroll-run-compute.queue';
import { PayrollRunComputeService } from './payroll-run-compute.service';
import { PayrollRunRepository } from './payroll-run.repository';
import { PayrollRunsService } from './payroll-runs.service';

const lastAttempt = (job: Job): boolean => job.attemptsMade + 1 >= (job.opts.attempts ?? 1);

/** Handlers of the `payroll-runs` queue: every worker process on the queue shares the chunks of a run. */
@Injectable()
export class PayrollRunJobs {
  private readonly logger = new Logger('PayrollRunJobs');

  constructor(
    private readonly compute: PayrollRunComputeService,
    private readonly dataSource: DataSource,
    private readonly queue: PayrollRunComputeQueue,
    private readonly runs: PayrollRunRepository,
    private readonly lifecycle: PayrollRunsService,
  ) {}

  @JobHandler(ComputeRunJob)
  async freeze(p: PayloadOf<typeof ComputeRunJob>, job: Job): Promise<void> {
    await this.guard(p, job, () => this.compute.freeze(p.runId, p.generation));
  }

  @JobHandler(ComputeRunChunkJob)
  async chunk(p: PayloadOf<typeof ComputeRunChunkJob>, job: Job): Promise<void> {
    await this.guard(p, job, () => this.compute.computeChunk(p.runId, p.generation, p.chunkNo));
  }

  @JobHandler(FinishRunJob)
  async finish(p: PayloadOf<typeof FinishRunJob>, job: Job): Promise<void> {
    await this.guard(p, job, () => this.compute.finish(p.runId, p.generation));
  }

  /** The nightly batch: every open DRAFT gets a new generation and is recomputed from fresh inputs. */
  @JobHandler(NightlyRecomputeJob)
  async nightly(): Promise<{ recomputed: string[] }> {
    const ids = await this.runs.openDraftIds();
    const recomputed: string[] = [];
    for (const id of ids) {
      const next = await this.dataSource.transaction('READ COMMITTED', async (m) => {
        const run = await this.runs.findById(id, m, true);
        return run && run.status === 'DRAFT' ? { run, generation: await this.runs.nextGeneration(m, id) } : null;
      });
      if (next === null) continue;
      await this.queue.enqueue(next.run, next.generation);
      recomputed.push(id);
    }
    this.logger.log({ msg: 'nightly payroll recompute', drafts: recomputed.length });
    return { recomputed };
  }

  /** The pay-day batch: the approved runs whose scheduled pay day has come become PAID. */
  @JobHandler(PayDayJob)
  async payDay(p: PayloadOf<typeof PayDayJob>): Promise<{ today: string; paid: string[] }> {
    const today = p.today ?? cityToday();
    const paid = await this.lifecycle.payDue(today);
    this.logger.log({ msg: 'pay-day batch', today, paid: paid.length });
    return { today, paid };
  }

  /** On the last attempt, the run records why its computation stopped before the error goes to BullMQ. */
  private async guard(p: { runId: string; generation: number }, job: Job, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      if (lastAttempt(job)) await this.compute.failed(p.runId, p.generation, e);
      throw e;
    }
  }
}
