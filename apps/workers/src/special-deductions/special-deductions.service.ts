import { Injectable } from '@nestjs/common';
import { conflict, formatMoney, parseMoney, validationError, type Principal } from '@cws/kernel';
import { AuditService } from '@cws/platform';
import { deductionClash, deductionsYearToDate } from '@cws/workers-core';
import { SPECIAL_DEDUCTION_MONTHLY_CAP, type SpecialDeductionView, type WorkerSpecialDeductionsView, type WorkerTaxYearView } from '@cws/workers-contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { inTransaction } from '@cws/persistence';
import { today } from '../common/sql';
import { WorkersService } from '../workers/workers.service';
import type { CreateSpecialDeductionDto, EndSpecialDeductionDto, PutTaxYearDto } from './special-deductions.dto';
import { WorkerTaxYearRepository } from './worker-tax-year.repository';
import { monthsOf, SpecialDeductionRepository } from './special-deduction.repository';

/**
 * 专项附加扣除 a worker declared: HR records them, payroll withholds by their year-to-date sum (the
 * snapshot's `specialDeductionsYtd`). A change to a month already paid needs no correction run:
 * cumulative withholding takes the new sum in the next run. Writes lock the worker row, so two
 * declarations of one worker cannot both pass the overlap check.
 */
@Injectable()
export class SpecialDeductionsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly workers: WorkersService,
  ) {}

  async list(p: Principal, workerId: number, asOf = today()): Promise<WorkerSpecialDeductionsView> {
    const m = this.dataSource.manager;
    const worker = await this.workers.workerInScope(m, p, workerId);
    const items = await SpecialDeductionRepository.ofWorker(m, workerId);
    const yearToDate = deductionsYearToDate(items.map(monthsOf), asOf.slice(0, 7), worker.hireDate);
    return { workerId, asOf, yearToDate: formatMoney(yearToDate), items };
  }

  create(p: Principal, workerId: number, dto: CreateSpecialDeductionDto): Promise<SpecialDeductionView> {
    if (parseMoney(dto.monthlyAmount) > parseMoney(SPECIAL_DEDUCTION_MONTHLY_CAP[dto.type])) {
      throw validationError('SPECIAL_DEDUCTION_OVER_CAP', 'monthlyAmount', `must not exceed ${SPECIAL_DEDUCTION_MONTHLY_CAP[dto.type]} a month for ${dto.type}`);
    }
    if (dto.toMonth && dto.toMonth < dto.fromMonth) throw validationError('SPECIAL_DEDUCTION_ENDS_BEFORE_START', 'toMonth', 'must not be before fromMonth');
    return inTransaction(this.dataSource, async (m) => {
      const worker = await this.workers.workerInScope(m, p, workerId, { lock: true });
      if (worker.status === 'LEFT') throw conflict('WORKER_LEFT', `worker ${worker.id} has left`);
      const candidate = { type: dto.type, monthlyAmount: dto.monthlyAmount, fromMonth: dto.fromMonth, toMonth: dto.toMonth ?? null };
      this.refuseClash(candidate, await SpecialDeductionRepository.ofWorker(m, workerId));
      const created = await SpecialDeductionRepository.insert(m, { ...candidate, workerId, note: dto.note ?? null, createdBy: p.name });
      await this.audit.record(m, { entity: 'special_deduction', entityId: created.id, action: 'CREATE', after: created, districtCode: worker.districtCode, streetCode: worker.streetCode }, p);
      return created;
    });
  }

  /** Sets the last month (it stops counting after it); before its first month is a 400, into another of its kind a 409. */
  end(p: Principal, id: number, dto: EndSpecialDeductionDto): Promise<SpecialDeductionView> {
    return inTransaction(this.dataSource, async (m) => {
      const { before, worker } = await this.lockedDeclaration(m, p, id);
      if (dto.toMonth < before.fromMonth) throw validationError('SPECIAL_DEDUCTION_ENDS_BEFORE_START', 'toMonth', `must not be before ${before.fromMonth}`);
      // a later last month than before may run into a declaration made since
      this.refuseClash({ ...before, toMonth: dto.toMonth }, (await SpecialDeductionRepository.ofWorker(m, before.workerId)).filter((d) => d.id !== id));
      await SpecialDeductionRepository.end(m, id, dto.toMonth);
      const after = { ...before, toMonth: dto.toMonth };
      await this.audit.record(m, { entity: 'special_deduction', entityId: id, action: 'END', before, after, districtCode: worker.districtCode, streetCode: worker.streetCode }, p);
      return after;
    });
  }

  /** Withdraws a declaration recorded in error; the audit keeps it. */
  remove(p: Principal, id: number): Promise<void> {
    return inTransaction(this.dataSource, async (m) => {
      const { before, worker } = await this.lockedDeclaration(m, p, id);
      await SpecialDeductionRepository.remove(m, id);
      await this.audit.record(m, { entity: 'special_deduction', entityId: id, action: 'DELETE', before, districtCode: worker.districtCode, streetCode: worker.streetCode }, p);
    });
  }

  /** The year's withholding flags: those HR set, or nulls (payroll's defaults). */
  async taxYear(p: Principal, workerId: number, year: number): Promise<WorkerTaxYearView> {
    const m = this.dataSource.manager;
    await this.workers.workerInScope(m, p, workerId);
    return (await WorkerTaxYearRepository.find(m, workerId, year)) ?? { workerId, year, firstJobOfYear: null, lowIncomeLastYear: null, note: null, updatedBy: null, updatedAt: null };
  }

  /** Sets (or, with nulls, clears back to the defaults) the year's flags; the next payroll run withholds by them. */
  putTaxYear(p: Principal, workerId: number, year: number, dto: PutTaxYearDto): Promise<WorkerTaxYearView> {
    return inTransaction(this.dataSource, async (m) => {
      const worker = await this.workers.workerInScope(m, p, workerId, { lock: true });
      const before = await WorkerTaxYearRepository.find(m, workerId, year, { lock: true });
      const after = await WorkerTaxYearRepository.save(m, { workerId, year, firstJobOfYear: dto.firstJobOfYear, lowIncomeLastYear: dto.lowIncomeLastYear, note: dto.note ?? null, updatedBy: p.name });
      await this.audit.record(m, { entity: 'worker_tax_year', entityId: `${workerId}:${year}`, action: before ? 'UPDATE' : 'CREATE', before, after, districtCode: worker.districtCode, streetCode: worker.streetCode }, p);
      return after;
    });
  }

  /** The declaration (404 outside the scope) read again under its worker's lock, the order every write of a worker's declarations takes. */
  private async lockedDeclaration(m: EntityManager, p: Principal, id: number) {
    const { workerId } = await SpecialDeductionRepository.inScope(m, p.scope, id);
    const worker = await this.workers.workerInScope(m, p, workerId, { lock: true });
    return { worker, before: await SpecialDeductionRepository.inScope(m, p.scope, id, { lock: true }) };
  }

  private refuseClash(candidate: Pick<SpecialDeductionView, 'type' | 'monthlyAmount' | 'fromMonth' | 'toMonth'>, existing: SpecialDeductionView[]): void {
    const clash = deductionClash(monthsOf(candidate), existing.map((e) => ({ ...monthsOf(e), id: e.id })));
    if (!clash) return;
    const why = clash.code === 'SPECIAL_DEDUCTION_OVERLAP'
      ? `declaration ${clash.id} of the same kind covers some of these months: end it first`
      : `declaration ${clash.id} claims housing-loan interest or rent in some of these months: the two cannot be combined`;
    throw conflict(clash.code, why, { specialDeductionId: clash.id });
  }
}
