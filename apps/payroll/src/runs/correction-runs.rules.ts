import { Injectable } from '@nestjs/common';
import { conflict, DomainError, notFound, validationError, type Principal } from '@cws/kernel';
import type { EntityManager } from 'typeorm';
import { PayrollRunReadsService } from './payroll-run-reads.service';
import type { PayrollRunEntity } from './payroll-run.entities';
import { PayrollRunRepository } from './payroll-run.repository';
import { PayslipRepository } from './payslip.repository';
import { carriedInputs } from './run-carried-inputs';

/**
 * What a CORRECTION run may correct, checked at creation under the period lock (so two creations
 * cannot both pass): a settled REGULAR run of the same period, visible to the caller, over the
 * same or a narrower scope; each named worker has a computed slip there, within the correction's
 * scope; and no open correction (not yet paid, not cancelled) of that run already names the worker.
 */
@Injectable()
export class CorrectionRunsRules {
  constructor(
    private readonly payslips: PayslipRepository,
    private readonly reads: PayrollRunReadsService,
    private readonly runs: PayrollRunRepository,
  ) {}

  async check(p: Principal, m: EntityManager, correctsRunId: string, period: string, scopeCode: string | null, workerIds: number[]): Promise<void> {
    const target = await this.runs.findById(correctsRunId, m);
    if (!target) throw notFound('payroll_run', correctsRunId);
    await this.reads.runInScope(p, correctsRunId, m);
    if (target.type !== 'REGULAR') {
      throw new DomainError('UNPROCESSABLE', 'PAYROLL_CORRECTION_TARGET', `run ${correctsRunId} is a ${target.type} run; a CORRECTION corrects a REGULAR run`, [{ path: 'correctsRunId', issue: 'not a REGULAR run' }]);
    }
    if (target.status !== 'PAID' && target.status !== 'APPROVED') throw conflict('PAYROLL_RUN_NOT_SETTLED', `run ${correctsRunId} is ${target.status}; only an approved or paid run is corrected`, { runId: correctsRunId });
    if (target.period !== period) throw validationError('VALIDATION_FAILED', 'period', `run ${correctsRunId} is for ${target.period}`);
    if (target.scopeCode !== null && (scopeCode === null || !scopeCode.startsWith(target.scopeCode))) throw validationError('VALIDATION_FAILED', 'scope', `must lie within run ${correctsRunId}'s scope ${target.scopeCode}`);
    const slips = await this.payslips.correctable(correctsRunId, workerIds, m);
    workerIds.forEach((id, i) => {
      const s = slips.get(id);
      if (!s) throw validationError('VALIDATION_FAILED', `workerIds[${i}]`, `worker ${id} has no computed slip in run ${correctsRunId}`);
      if (scopeCode !== null && !s.communityCode.startsWith(scopeCode)) throw validationError('VALIDATION_FAILED', `workerIds[${i}]`, `worker ${id} was paid outside this run's scope`);
    });
    const wanted = new Set(workerIds);
    for (const open of await this.runs.openCorrectionsOf(m, correctsRunId)) {
      const clash = (carriedInputs(open.inputs).correction?.workerIds ?? []).find((id) => wanted.has(id));
      if (clash !== undefined) {
        throw conflict('PAYROLL_CORRECTION_OPEN', `correction run ${open.id} (${open.status}) already corrects worker ${clash}'s slip of run ${correctsRunId}; pay or cancel it first`, { runId: String(open.id), workerId: clash });
      }
    }
  }

  /**
   * Every worker a run names (a CORRECTION's workers, a BONUS run's per-worker amounts) must have a
   * slip: one not in the period's snapshot of the scope has none, and the run is not submitted. The refusal
   * names them (`workerIds`, the first 50; `missing`, how many), so HR can correct the list.
   */
  async checkComplete(m: EntityManager, run: PayrollRunEntity, done: number, failed: number): Promise<void> {
    const c = carriedInputs(run.inputs);
    const named = c.correction?.workerIds ?? c.bonus?.amounts?.map((a) => a.workerId) ?? [];
    if (done + failed >= named.length) return;
    const paid = await this.payslips.workersOf(m, String(run.id));
    const missing = named.filter((id) => !paid.has(id));
    throw conflict(
      'PAYROLL_RUN_WORKERS_MISSING',
      `run ${run.id} has no slip for ${missing.length} of the ${named.length} workers it names (not in the period's snapshot of the scope): ${missing.slice(0, 50).join(', ')}`,
      { runId: String(run.id), workerIds: missing.slice(0, 50), missing: missing.length },
    );
  }
}
