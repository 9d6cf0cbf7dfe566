import { Injectable } from '@nestjs/common';
import type { Principal } from '@cws/kernel';
import type { PayslipPage, PayslipView, RunView, WorkerPayslipPage } from '@cws/payroll-contracts';
import { KeysetCursor, visibleRow } from '@cws/platform';
import type { EntityManager } from 'typeorm';
import { PayrollRunChunkRepository } from './payroll-run-chunk.repository';
import type { PayrollRunEntity } from './payroll-run.entities';
import { PayrollRunRepository } from './payroll-run.repository';
import type { PayslipPageQueryDto, RunListQueryDto, WorkerPayslipsQueryDto } from './payroll-runs.dto';
import { payslipListItem, payslipView, runView } from './payroll-run.views';
import { PayslipRepository } from './payslip.repository';

/**
 * Reads of runs and payslips, scoped: a run located outside the caller's scope (or a city-wide run
 * for a district user) does not exist for them (404). Exports (register, bank files, declarations)
 * build on `runInScope` and `PayslipRepository`.
 */
@Injectable()
export class PayrollRunReadsService {
  constructor(
    private readonly chunks: PayrollRunChunkRepository,
    private readonly payslips: PayslipRepository,
    private readonly runs: PayrollRunRepository,
    private readonly cursors: KeysetCursor,
  ) {}

  /** The run, if the caller may see it; else 404 (as for a run that does not exist). */
  async runInScope(p: Principal, id: string, manager?: EntityManager, lock = false): Promise<PayrollRunEntity> {
    return visibleRow(p, await this.runs.findById(id, manager, lock), 'payroll_run', id);
  }

  async view(run: PayrollRunEntity, manager?: EntityManager): Promise<RunView> {
    return runView(run, await this.chunks.aggregate(run.id, manager));
  }

  async get(p: Principal, id: string): Promise<RunView> {
    return this.view(await this.runInScope(p, id));
  }

  async list(p: Principal, q: RunListQueryDto): Promise<{ items: RunView[]; nextAfter: string | null }> {
    const limit = q.limit ?? 50;
    const page = await this.runs.list(p.scope, { period: q.period, status: q.status, after: q.after, limit });
    return { items: await Promise.all(page.items.map((r) => this.view(r))), nextAfter: page.nextAfter };
  }

  async payslipPage(p: Principal, runId: string, q: PayslipPageQueryDto): Promise<PayslipPage> {
    await this.runInScope(p, runId);
    const limit = q.limit ?? 500;
    const page = await this.payslips.page(runId, p.scope, q.after, limit);
    return { items: page.items.map(payslipListItem), nextAfter: page.nextAfter };
  }

  /**
   * One worker's slips across runs, newest period first, in signed keyset pages. Slips outside the
   * caller's scope are not listed (a worker of another district has, for them, no slips).
   */
  async workerPayslips(p: Principal, q: WorkerPayslipsQueryDto): Promise<WorkerPayslipPage> {
    const limit = q.limit ?? 24;
    const page = await this.payslips.pageForWorker(q.workerId, p.scope, q.after, limit, this.cursors);
    const runs = new Map((await this.runs.findByIds([...new Set(page.items.map((s) => String(s.runId)))])).map((r) => [String(r.id), r]));
    const items = page.items.map((s) => {
      const run = runs.get(String(s.runId))!;
      return { ...payslipListItem(s), runType: run.type, runStatus: run.status };
    });
    return { items, nextAfter: page.nextAfter };
  }

  async payslip(p: Principal, id: string): Promise<PayslipView> {
    return payslipView(visibleRow(p, await this.payslips.findById(id), 'payslip', id));
  }
}
