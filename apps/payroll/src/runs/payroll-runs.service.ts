import { Injectable } from '@nestjs/common';
import { addDays, cityToday, conflict, DomainError, placeOfCode, validationError, type Principal } from '@cws/kernel';
import type { RunStatus, RunView } from '@cws/payroll-contracts';
import { actor, AuditService } from '@cws/platform';
import { rethrowDuplicate } from '@cws/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { effectiveScope } from '../common/access';
import { PayrollRunComputeQueue } from './payroll-run-compute.queue';
import { PayrollRunReadsService } from './payroll-run-reads.service';
import { PAY_DAY_BATCH, REGULAR_RUN_KEY, type PayrollRunEntity } from './payroll-run.entities';
import { PayrollRunRepository } from './payroll-run.repository';
import { PayslipRepository } from './payslip.repository';
import type { CreateRunDto } from './payroll-runs.dto';
import { CorrectionRunsRules } from './correction-runs.rules';
import type { CarriedInputs } from './run-carried-inputs';
import { RunPaidHook } from './run-paid.hook';

/** How far ahead a payment may be scheduled. */
const MAX_DAYS_AHEAD = 90;

/**
 * The run lifecycle: create (one REGULAR run per period and scope; no overlapping scopes),
 * recalculate, submit, approve (four eyes), reject, pay (the budget postings' hook runs in the
 * same transaction) and cancel. Every transition locks the run row, checks the status on the
 * locked row and writes an audit row in the same transaction.
 */
@Injectable()
export class PayrollRunsService {
  constructor(
    private readonly audit: AuditService,
    private readonly compute: PayrollRunComputeQueue,
    private readonly corrections: CorrectionRunsRules,
    private readonly dataSource: DataSource,
    private readonly paidHook: RunPaidHook,
    private readonly payslips: PayslipRepository,
    private readonly reads: PayrollRunReadsService,
    private readonly runs: PayrollRunRepository,
  ) {}

  async create(p: Principal, dto: CreateRunDto): Promise<RunView> {
    const scopeCode = effectiveScope(p, dto.scope);
    const { district, street } = scopeCode ? placeOfCode(scopeCode) : { district: null, street: null }; // no code: the whole city
    if (dto.type === 'CORRECTION' && !dto.correctsRunId) throw validationError('VALIDATION_FAILED', 'correctsRunId', 'a CORRECTION run names the paid run it corrects');
    if (dto.type !== 'CORRECTION' && dto.correctsRunId) throw validationError('VALIDATION_FAILED', 'correctsRunId', 'only a CORRECTION run corrects another run');
    if (dto.type === 'BONUS' && !dto.bonus) throw validationError('VALIDATION_FAILED', 'bonus', 'a BONUS run names the bonus it pays');
    if (dto.type !== 'BONUS' && dto.bonus) throw validationError('VALIDATION_FAILED', 'bonus', 'only a BONUS run pays a bonus');
    if (dto.type === 'CORRECTION' && !dto.workerIds) throw validationError('VALIDATION_FAILED', 'workerIds', 'a CORRECTION run names the workers whose slips it reverses and re-issues');
    if (dto.type !== 'CORRECTION' && dto.workerIds) throw validationError('VALIDATION_FAILED', 'workerIds', 'only a CORRECTION run names workers');
    const carried: CarriedInputs = {};
    if (dto.bonus) carried.bonus = bonusInputs(dto.bonus);
    if (dto.workerIds) carried.correction = { workerIds: dto.workerIds };
    const who = actor(p);
    let id: string;
    try {
      id = await this.dataSource.transaction('READ COMMITTED', async (m) => {
        await this.runs.lockPeriod(m, dto.period);
        // the year's TOP_UP runs are checked across its months: they serialise behind December's row
        if (dto.type === 'TOP_UP' && !dto.period.endsWith('-12')) await this.runs.lockPeriod(m, `${dto.period.slice(0, 4)}-12`);
        if (dto.correctsRunId) await this.corrections.check(p, m, dto.correctsRunId, dto.period, scopeCode, dto.workerIds!);
        if (dto.type !== 'CORRECTION') {
          const clash = await this.runs.overlapping(m, dto.period, dto.type, scopeCode);
          const same = clash.find((r) => r.scopeCode === scopeCode);
          const when = dto.type === 'TOP_UP' ? `the year ${dto.period.slice(0, 4)}` : dto.period;
          if (same) throw conflict('PAYROLL_RUN_EXISTS', `a ${dto.type} run for ${when} and this scope already exists (run ${same.id})`, { runId: String(same.id) });
          if (clash.length) {
            throw conflict('PAYROLL_RUN_OVERLAPS', `run ${clash[0].id} (${clash[0].scopeCode ?? 'the city'}) already covers part of this scope for ${when}`, { runId: String(clash[0].id) });
          }
        }
        const newId = await this.runs.insert(m, {
          period: dto.period, type: dto.type, scopeCode, districtCode: district, streetCode: street, correctsRunId: dto.correctsRunId ?? null,
          createdBy: who.id, createdByName: who.name,
        });
        await this.runs.update(m, newId, { generation: 1, inputs: carried.bonus || carried.correction ? carried : null });
        await this.audit.record(m, { entity: 'payroll_run', entityId: newId, action: 'CREATE', before: null, after: { period: dto.period, type: dto.type, scope: scopeCode }, districtCode: district ?? undefined });
        return newId;
      });
    } catch (e) {
      rethrowDuplicate(e, conflict('PAYROLL_RUN_EXISTS', `a REGULAR run for ${dto.period} and this scope already exists`), REGULAR_RUN_KEY);
    }
    await this.compute.enqueue((await this.runs.findById(id))!, 1);
    return this.reads.get(p, id);
  }

  /** Freezes the inputs again and recomputes a DRAFT (a new generation; older jobs then do nothing). */
  async recalculate(p: Principal, id: string): Promise<RunView> {
    const generation = await this.transition(p, id, ['DRAFT'], 'RECALCULATE', async (m) => this.runs.nextGeneration(m, id));
    await this.compute.enqueue((await this.runs.findById(id))!, generation);
    return this.reads.get(p, id);
  }

  async submit(p: Principal, id: string): Promise<RunView> {
    const who = actor(p);
    await this.transition(p, id, ['DRAFT'], 'SUBMIT', async (m, run) => {
      const a = await this.reads.view(run, m);
      if (run.computeState !== 'DONE') throw conflict('PAYROLL_RUN_NOT_COMPUTED', `run ${id} is still being computed (${a.progress.done + a.progress.failed}/${a.progress.total})`, { runId: id });
      await this.corrections.checkComplete(m, run, a.progress.done, a.progress.failed);
      if (a.progress.failed > 0) {
        throw conflict('PAYROLL_RUN_HAS_FAILURES', `${a.progress.failed} payslip(s) of run ${id} failed; fix the data and recalculate before submitting`, { runId: id, failed: a.progress.failed });
      }
      await this.runs.update(m, id, { status: 'SUBMITTED', submittedBy: who.id, submittedByName: who.name, submittedAt: new Date(), rejectReason: null, rejectedBy: null, rejectedAt: null });
    });
    return this.reads.get(p, id);
  }

  async approve(p: Principal, id: string): Promise<RunView> {
    const who = actor(p);
    await this.transition(p, id, ['SUBMITTED'], 'APPROVE', async (m, run) => {
      if (run.submittedBy === who.id) {
        throw new DomainError('FORBIDDEN', 'PAYROLL_FOUR_EYES', `run ${id} was submitted by ${run.submittedByName}; another approver must approve it`, []);
      }
      if (run.type === 'BONUS' || run.type === 'TOP_UP') await this.regularApprovedFirst(m, run);
      if (run.type !== 'CORRECTION') {
        const earlier = await this.runs.earlierRegularOpen(m, run);
        if (earlier) {
          throw conflict('PAYROLL_EARLIER_RUN_OPEN', `the ${earlier.period} REGULAR run ${earlier.id} is ${earlier.status}: months are approved in order, so its pay is in the year-to-date tax state this run's slips start from`, { runId: String(earlier.id) });
        }
      }
      if (run.type === 'REGULAR') {
        // computed while another run of the month, since approved, also held some of its workers (both computing at once)
        const twice = await this.payslips.regularSettledElsewhere(m, id);
        if (twice.length) {
          throw conflict('PAYROLL_WORKERS_PAID_ELSEWHERE', `${twice.length === 50 ? '50 or more' : twice.length} worker(s) of run ${id} are paid for ${run.period} by another approved run (${twice[0].runId}): reject and recalculate run ${id}, which leaves them out`, {
            runId: twice[0].runId, workerIds: twice.map((x) => x.workerId),
          });
        }
      }
      const stale = await this.runs.settledSinceComputed(m, run);
      if (stale) {
        throw conflict('PAYROLL_RUN_STALE', `run ${stale.id} (${stale.period} ${stale.type}) was approved after run ${id} was computed: reject and recalculate run ${id} so its year-to-date tax state includes it`, { runId: String(stale.id) });
      }
      await this.runs.update(m, id, { status: 'APPROVED', approvedBy: who.id, approvedByName: who.name, approvedAt: new Date() });
    });
    return this.reads.get(p, id);
  }

  async reject(p: Principal, id: string, reason: string): Promise<RunView> {
    const who = actor(p);
    await this.transition(p, id, ['SUBMITTED'], 'REJECT', async (m) => {
      await this.runs.update(m, id, { status: 'DRAFT', rejectReason: reason, rejectedBy: who.name, rejectedAt: new Date(), submittedBy: null, submittedByName: null, submittedAt: null });
    });
    return this.reads.get(p, id);
  }

  async pay(p: Principal, id: string): Promise<RunView> {
    const who = actor(p);
    await this.transition(p, id, ['APPROVED'], 'PAY', (m, run) => this.markPaid(m, run, who));
    return this.reads.get(p, id);
  }

  /**
   * Finance schedules the payment of an APPROVED run: `payOn` is the value date it gave the bank with
   * the transfer file, today or later (the city's date). The pay-day batch marks the run PAID on that
   * date (`payDue`). Scheduling again moves the date; `unschedulePayment` takes it back.
   */
  async schedulePayment(p: Principal, id: string, payOn: string): Promise<RunView> {
    const today = cityToday();
    if (payOn < today) throw validationError('PAY_DATE_PAST', 'payOn', `${payOn} is before today (${today}, Asia/Shanghai)`);
    if (payOn > addDays(today, MAX_DAYS_AHEAD)) throw validationError('PAY_DATE_TOO_FAR', 'payOn', `${payOn} is more than ${MAX_DAYS_AHEAD} days ahead`);
    const who = actor(p);
    await this.transition(p, id, ['APPROVED'], 'SCHEDULE_PAYMENT', async (m) => {
      await this.runs.update(m, id, { payOn, payScheduledBy: who.id, payScheduledByName: who.name, payScheduledAt: new Date() });
    });
    return this.reads.get(p, id);
  }

  async unschedulePayment(p: Principal, id: string): Promise<RunView> {
    await this.transition(p, id, ['APPROVED'], 'UNSCHEDULE_PAYMENT', async (m, run) => {
      if (!run.payOn) throw conflict('PAYROLL_PAYMENT_NOT_SCHEDULED', `run ${id} has no scheduled payment`, { runId: id });
      await this.runs.update(m, id, { payOn: null, payScheduledBy: null, payScheduledByName: null, payScheduledAt: null });
    });
    return this.reads.get(p, id);
  }

  /**
   * The pay-day batch: every APPROVED run whose pay day is `today` or earlier becomes PAID, as `pay`
   * does (cost postings in the same transaction), each in its own transaction on the locked row, so a
   * retry or a second process pays nothing twice and a run unscheduled or paid meanwhile is left alone.
   */
  async payDue(today: string): Promise<string[]> {
    const paid: string[] = [];
    for (const id of await this.runs.dueForPayment(today)) {
      const done = await this.dataSource.transaction('READ COMMITTED', async (m) => {
        const run = await this.runs.findById(id, m, true);
        if (!run || run.status !== 'APPROVED' || !run.payOn || run.payOn > today) return false;
        await this.markPaid(m, run, PAY_DAY_BATCH);
        await this.audit.record(m, { entity: 'payroll_run', entityId: id, action: 'PAY', before: { status: run.status }, after: { status: 'PAID', payOn: run.payOn, scheduledBy: run.payScheduledByName }, districtCode: run.districtCode ?? undefined }, PAY_DAY_BATCH);
        return true;
      });
      if (done) paid.push(id);
    }
    return paid;
  }

  /** APPROVED → PAID, with the payment's one-time work (the cost postings) in the same transaction. */
  private async markPaid(m: EntityManager, run: PayrollRunEntity, who: { id: string; name: string }): Promise<void> {
    const paid = { status: 'PAID' as const, paidBy: who.id, paidByName: who.name, paidAt: new Date() };
    await this.runs.update(m, run.id, paid);
    await this.paidHook.onPaid(m, { ...run, ...paid });
  }

  async cancel(p: Principal, id: string): Promise<RunView> {
    const who = actor(p);
    await this.transition(p, id, ['DRAFT', 'SUBMITTED'], 'CANCEL', async (m) => {
      await this.runs.update(m, id, { status: 'CANCELLED', cancelledBy: who.id, cancelledByName: who.name, cancelledAt: new Date() });
    });
    return this.reads.get(p, id);
  }

  /** Locks the run (404 outside the caller's scope), checks its status on the locked row, applies, audits. */
  private async transition<T>(p: Principal, id: string, from: RunStatus[], action: string, apply: (m: EntityManager, run: PayrollRunEntity) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const run = await this.reads.runInScope(p, id, m, true);
      if (!from.includes(run.status)) {
        throw conflict('PAYROLL_RUN_STATUS', `run ${id} is ${run.status}; ${action.toLowerCase()} needs ${from.join(' or ')}`, { runId: id, status: run.status });
      }
      const result = await apply(m, run);
      const after = await this.runs.findById(id, m);
      await this.audit.record(m, { entity: 'payroll_run', entityId: id, action, before: { status: run.status }, after: { status: after?.status, reason: after?.rejectReason ?? undefined }, districtCode: run.districtCode ?? undefined });
      return result;
    });
  }

  /**
   * A BONUS run is approved only after its month's REGULAR run of the same or an enclosing scope
   * (the city, or the district of a street run): the bonus's withholding then starts from the
   * month's wages, and the month is not paid twice over in the wrong order.
   */
  private async regularApprovedFirst(m: EntityManager, run: PayrollRunEntity): Promise<void> {
    const regular = await this.runs.regularCovering(m, run.period, run.districtCode, run.streetCode);
    if (regular && (regular.status === 'APPROVED' || regular.status === 'PAID')) return;
    throw conflict(
      'PAYROLL_REGULAR_NOT_APPROVED',
      regular
        ? `the ${run.period} REGULAR run ${regular.id} covering this scope is ${regular.status}: approve it before the ${run.type} run`
        : `no ${run.period} REGULAR run covers this scope yet: create and approve it before the ${run.type} run`,
      { runId: regular ? String(regular.id) : null },
    );
  }
}

/** A BONUS run's bonus: one amount for all, or per-worker amounts (each worker once). */
function bonusInputs(b: CreateRunDto['bonus'] & object): NonNullable<CarriedInputs['bonus']> {
  if ((b.amount === undefined) === (b.amounts === undefined)) throw validationError('VALIDATION_FAILED', 'bonus.amount', 'give either `amount` (everyone) or `amounts` (per worker)');
  if (b.amount !== undefined) return { amount: b.amount, method: b.method };
  const seen = new Set<number>();
  b.amounts!.forEach((a, i) => {
    if (seen.has(a.workerId)) throw validationError('VALIDATION_FAILED', `bonus.amounts[${i}].workerId`, `worker ${a.workerId} is listed twice`);
    seen.add(a.workerId);
  });
  return { method: b.method, amounts: b.amounts!.map((a) => ({ workerId: a.workerId, amount: a.amount })) };
}
