import { Injectable } from '@nestjs/common';
import { addDays, conflict, notFound, parseResidentId, validationError, type ErrorDetail, type Principal } from '@cws/kernel';
import { OutboxService } from '@cws/messaging';
import { inTransaction, PiiCipher, rethrowDuplicate } from '@cws/persistence';
import { AuditService, KeysetCursor } from '@cws/platform';
import {
  WorkerChangedEvent, WorkerCreatedEvent, WorkerLeftEvent, type CareerEventKind, type PostBand,
  type IncomingTransfersView, type WorkerDetailView, type WorkerListPage, type WorkerLookupResultView, type WorkerPiiView, type WorkerRef,
} from '@cws/workers-contracts';
import { isPlannedTransfer, leftPeriodOf } from '@cws/workers-core';
import { DataSource, type EntityManager } from 'typeorm';
import { communityInScope } from '../common/org-scope';
import { assertResidentId, checkBankAccount, protectBankAccount, protectResidentId } from '../common/pii';
import { today } from '../common/sql';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { SecondmentRepository } from '../secondments/secondment.repository';
import { GradesService, type GradeWorker } from '../grades/grades.service';
import { RegisterCountCache } from './register-count-cache';
import { WorkerEventRepository } from './worker-event.repository';
import { WorkerLeaveRepository } from './worker-leave.repository';
import { WorkerPlaceRepository, type PlaceCodes } from './worker-place.repository';
import { WorkerReadRepository, type WorkerView } from './worker-read.repository';
import { WorkerRepository, type WorkerChanges } from './worker.repository';
import type { CareerEventDto, CreateWorkerDto, LeaveWorkerDto, UpdateWorkerDto, WorkerQueryDto } from './workers.dto';

/** The record's plain fields an update may change (the bank account and the community have their own rules). */
const PLAIN_FIELDS = ['name', 'phone', 'education', 'politicalStatus', 'qualificationLevel', 'qualificationCert', 'employmentType'] as const;

@Injectable()
export class WorkersService {
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly dataSource: DataSource,
    private readonly grades: GradesService,
    private readonly outbox: OutboxService,
    private readonly cursors: KeysetCursor,
    private readonly counts: RegisterCountCache,
  ) {}

  /** What the grade rules need of a worker (`lock` takes the worker row lock first). No scope check: for jobs and callers that checked it. */
  async gradeSubject(m: EntityManager, id: number, opts: { lock?: boolean } = {}): Promise<GradeWorker> {
    return WorkerRepository.gradeFacts(m, id, opts);
  }

  /** Loads a worker the caller may see (else 404); `lock` takes a row lock that serialises changes to that worker. */
  async workerInScope(m: EntityManager, p: Principal, id: number, opts: { lock?: boolean } = {}): Promise<WorkerView> {
    return WorkerReadRepository.viewInScope(m, p.scope, id, opts);
  }

  async create(p: Principal, dto: CreateWorkerDto): Promise<{ worker: WorkerView; warnings: ErrorDetail[] }> {
    return inTransaction(this.dataSource, (m) => this.createInTx(m, p, dto));
  }

  /**
   * Creates a worker inside the caller's transaction (recruitment reuses it), with the entry grade
   * for `entryBand` (default OTHER: a primary post of another band re-places it when it starts).
   */
  async createInTx(m: EntityManager, p: Principal, dto: CreateWorkerDto, entryBand: PostBand = 'OTHER'): Promise<{ worker: WorkerView; warnings: ErrorDetail[] }> {
    assertResidentId(dto.residentId);
    const info = parseResidentId(dto.residentId);
    if (dto.birthDate && dto.birthDate !== info.birthDate) throw validationError('BIRTH_DATE_MISMATCH', 'birthDate', 'does not agree with the resident ID');
    if (dto.sex && dto.sex !== info.sex) throw validationError('SEX_MISMATCH', 'sex', 'does not agree with the resident ID');
    if (dto.hireDate <= info.birthDate) throw validationError('HIRE_DATE_BEFORE_BIRTH', 'hireDate', 'must be after the birth date');
    const community = await communityInScope(m, p, dto.communityCode);
    if (!community.active) throw conflict('COMMUNITY_INACTIVE', `community ${dto.communityCode} is deactivated`);
    const rid = protectResidentId(this.cipher, dto.residentId);
    if ((await WorkerRepository.idByResidentHash(m, rid.hash)) !== null) throw conflict('RESIDENT_ID_TAKEN', 'A worker with this resident ID is already on the register', { details: [{ path: 'residentId', issue: 'is already registered' }] });
    let bank: ReturnType<typeof protectBankAccount> | null = null;
    let warnings: ErrorDetail[] = [];
    let luhnOk: boolean | null = null;
    if (dto.bankAccount) {
      ({ luhnOk, warnings } = checkBankAccount(dto.bankAccount));
      bank = protectBankAccount(this.cipher, dto.bankAccount);
    }
    let insertId: number;
    try {
      insertId = await WorkerRepository.insert(m, {
        name: dto.name, sex: info.sex, birthDate: info.birthDate, residentId: rid, phone: dto.phone ?? null, education: dto.education,
        politicalStatus: dto.politicalStatus, qualificationLevel: dto.qualificationLevel ?? 'NONE', qualificationCert: dto.qualificationCert ?? null,
        hireDate: dto.hireDate, employmentType: dto.employmentType, bankAccount: bank, bankLuhnOk: luhnOk, communityCode: community.code,
        streetCode: community.streetCode, districtCode: community.districtCode, priorServiceMonths: dto.priorServiceMonths ?? 0,
      });
    } catch (err) {
      rethrowDuplicate(err, conflict('RESIDENT_ID_TAKEN', 'A worker with this resident ID is already on the register'));
    }
    await this.addCareerEvent(m, insertId, 'HIRE', dto.hireDate, null, { communityCode: community.code, employmentType: dto.employmentType, priorServiceMonths: dto.priorServiceMonths ?? 0 });
    const grade = await this.grades.recordEntry(m, await this.gradeSubject(m, insertId), entryBand);
    const worker = await this.workerInScope(m, p, insertId);
    await this.audit.record(m, { entity: 'worker', entityId: insertId, action: 'CREATE', after: { ...worker, grade: grade.grade, gradeBand: grade.band }, districtCode: worker.districtCode });
    await this.outbox.add(m, WorkerCreatedEvent, { ...refOf(worker), hireDate: worker.hireDate, grade: grade.grade, gradeBand: grade.band });
    return { worker, warnings };
  }

  async update(p: Principal, id: number, dto: UpdateWorkerDto): Promise<{ worker: WorkerView; warnings: ErrorDetail[] }> {
    return inTransaction(this.dataSource, async (m) => {
      const before = await this.workerInScope(m, p, id, { lock: true });
      if (dto.version !== undefined && dto.version !== before.version) {
        throw conflict('STALE_VERSION', `worker ${id} was changed by someone else (version ${before.version})`);
      }
      if (before.status === 'LEFT') throw conflict('WORKER_LEFT', `worker ${id} has left; the record is closed`);
      const changes: WorkerChanges = {};
      const fields: string[] = [];
      for (const field of PLAIN_FIELDS) {
        if (dto[field] === undefined) continue;
        Object.assign(changes, { [field]: dto[field] });
        fields.push(field);
      }
      let warnings: ErrorDetail[] = [];
      if (dto.bankAccount !== undefined) {
        const check = checkBankAccount(dto.bankAccount);
        warnings = check.warnings;
        changes.bankAccount = { value: protectBankAccount(this.cipher, dto.bankAccount), luhnOk: check.luhnOk };
        fields.push('bankAccount');
      }
      const transfer = dto.communityCode !== undefined && dto.communityCode !== before.communityCode;
      if (dto.transferDate !== undefined && !transfer) throw validationError('TRANSFER_DATE_WITHOUT_TRANSFER', 'transferDate', 'a transfer date goes with a new communityCode');
      if (transfer) {
        // held shared: a deactivation waits for this plan and then counts it
        const target = await communityInScope(m, p, dto.communityCode!, { share: true });
        if (!target.active) throw conflict('COMMUNITY_INACTIVE', `community ${dto.communityCode} is deactivated`);
        const date = dto.transferDate ?? today();
        const planned = isPlannedTransfer(date, before.placeSince, today());
        if (!planned && before.plannedTransfer) {
          throw conflict('TRANSFER_PLANNED', `worker ${id} has a transfer planned for ${before.plannedTransfer.date}: cancel it first`, { details: [{ path: 'communityCode', issue: 'a transfer is planned' }] });
        }
        if ((await AppointmentRepository.countOpen(m, id, date)) > 0) {
          throw conflict('WORKER_HAS_OPEN_APPOINTMENTS', 'End the worker’s appointments before transferring them to another community');
        }
        const to: PlaceCodes = { communityCode: target.code, streetCode: target.streetCode, districtCode: target.districtCode };
        if (planned) {
          // a later day: the nightly status calendar moves the worker on it; until then the register and scope keep the current place
          await WorkerPlaceRepository.plan(m, { workerId: id, ...to, date, plannedBy: p.name });
          fields.push('plannedTransfer');
        } else {
          changes.place = await this.leavePlace(m, before, to, date);
          fields.push('communityCode');
        }
      }
      if (!fields.length) return { worker: before, warnings };
      await WorkerRepository.update(m, id, changes);
      const after = await this.workerInScope(m, { ...p, scope: { level: 'CITY' } }, id);
      await this.audit.record(m, { entity: 'worker', entityId: id, action: 'UPDATE', before, after, districtCode: after.districtCode });
      await this.outbox.add(m, WorkerChangedEvent, { ...refOf(after), fields, ...(changes.place ? { transferDate: changes.place.since } : {}) });
      return { worker: after, warnings };
    });
  }

  /**
   * The move a transfer dated `date` makes, the caller holding the worker row lock: the place left becomes a closed
   * period (so a snapshot of an earlier day — payroll's month — still finds the worker where they served then) and a
   * TRANSFER career event is dated; returns the new place for `WorkerRepository.update`.
   */
  private async leavePlace(m: EntityManager, before: WorkerView, to: PlaceCodes, date: string): Promise<NonNullable<WorkerChanges['place']>> {
    const left = leftPeriodOf(date, before.placeSince);
    if (left) await WorkerPlaceRepository.close(m, { workerId: before.id, communityCode: before.communityCode, streetCode: before.streetCode, districtCode: before.districtCode, ...left });
    await this.addCareerEvent(m, before.id, 'TRANSFER', date, null, { from: before.communityCode, to: to.communityCode });
    return { ...to, since: date };
  }

  /** The transfers recorded ahead into the caller's scope: who is coming, from where, when (at most 500). */
  async incomingTransfers(p: Principal): Promise<IncomingTransfersView> {
    return { items: await WorkerPlaceRepository.incoming(this.dataSource.manager, p.scope, 500) };
  }

  /** Drops a worker's planned transfer (404 when there is none). */
  async cancelPlannedTransfer(p: Principal, id: number): Promise<void> {
    await inTransaction(this.dataSource, async (m) => {
      const before = await this.workerInScope(m, p, id, { lock: true });
      if (!before.plannedTransfer) throw notFound('planned transfer of worker', id);
      await WorkerPlaceRepository.cancelPlan(m, id);
      const after = await this.workerInScope(m, p, id);
      await this.audit.record(m, { entity: 'worker', entityId: id, action: 'CANCEL_TRANSFER', before, after, districtCode: before.districtCode });
      await this.outbox.add(m, WorkerChangedEvent, { ...refOf(after), fields: ['plannedTransfer'] });
    });
  }

  /**
   * Moves a worker whose planned transfer is due by `today` (the nightly status calendar, in its transaction, after
   * locking the worker): as a transfer recorded on its date would, by the system. Posts still held past the day before
   * end then (`WORKER_TRANSFERRED`): the plan refused posts open on its date, but HR may have extended one since.
   * A plan of a worker who has left is dropped. Returns whether the worker moved.
   */
  async applyPlannedTransfer(m: EntityManager, id: number, today: string): Promise<boolean> {
    const plan = await WorkerPlaceRepository.plannedOf(m, id);
    if (!plan || plan.date > today) return false;
    await WorkerPlaceRepository.cancelPlan(m, id);
    const before = await WorkerReadRepository.viewInScope(m, { level: 'CITY' }, id);
    if (before.status === 'LEFT') return false;
    const ended = await AppointmentRepository.endRunningOf(m, id, addDays(plan.date, -1), 'WORKER_TRANSFERRED');
    const to: PlaceCodes = { communityCode: plan.communityCode, streetCode: plan.streetCode, districtCode: plan.districtCode };
    const place = await this.leavePlace(m, before, to, plan.date);
    await WorkerRepository.update(m, id, { place });
    const after = await WorkerReadRepository.viewInScope(m, { level: 'CITY' }, id);
    await this.audit.record(m, {
      entity: 'worker', entityId: id, action: 'UPDATE', before, after: { ...after, by: 'status calendar', plannedBy: plan.plannedBy, ...(ended.length ? { endedAppointments: ended } : {}) },
      districtCode: after.districtCode,
    });
    await this.outbox.add(m, WorkerChangedEvent, { ...refOf(after), fields: ['communityCode'], transferDate: plan.date });
    return true;
  }

  /** Leaving closes the record: every open appointment and secondment ends on the last day of service, a later secondment is cancelled. */
  async leave(p: Principal, id: number, dto: LeaveWorkerDto): Promise<WorkerView> {
    return inTransaction(this.dataSource, async (m) => {
      const before = await this.workerInScope(m, p, id, { lock: true });
      if (before.status === 'LEFT') throw conflict('WORKER_LEFT', `worker ${id} has already left`);
      if (dto.date < before.hireDate) throw validationError('LEFT_DATE_BEFORE_HIRE', 'date', 'must not be before the hire date');
      if (before.plannedTransfer && before.plannedTransfer.date <= dto.date) {
        throw conflict('TRANSFER_PLANNED', `worker ${id} moves on ${before.plannedTransfer.date}, before leaving: cancel the planned transfer first`, { details: [{ path: 'date', issue: 'is after a planned transfer' }] });
      }
      // a transfer planned after the last day never happens
      if (before.plannedTransfer) await WorkerPlaceRepository.cancelPlan(m, id);
      const ended = await AppointmentRepository.endRunningOf(m, id, dto.date, 'WORKER_LEFT');
      if ((await AppointmentRepository.countStartingAfter(m, id, dto.date)) > 0) {
        throw conflict('WORKER_HAS_FUTURE_APPOINTMENTS', 'The worker has appointments starting after the leaving date');
      }
      // a running secondment ends with the service; one that would begin later never will
      await SecondmentRepository.endActiveOf(m, id, dto.date);
      const cancelledSecondments = await SecondmentRepository.cancelStartingAfter(m, id, dto.date);
      await WorkerRepository.markLeft(m, id, dto.date, dto.reason);
      await this.addCareerEvent(m, id, 'LEFT', dto.date, dto.reason, { endedAppointments: ended, ...(cancelledSecondments ? { cancelledSecondments } : {}) });
      const after = await this.workerInScope(m, p, id);
      await this.audit.record(m, { entity: 'worker', entityId: id, action: 'LEAVE', before, after, districtCode: after.districtCode });
      await this.outbox.add(m, WorkerLeftEvent, { ...refOf(after), leftDate: dto.date, reason: dto.reason, status: 'LEFT' });
      return after;
    });
  }

  /**
   * Records a career event. LEAVE opens a leave period on its date, RETURN closes the open one (the
   * date is the first day back). Dated today or earlier, the status moves now (ON_LEAVE ⇄ ACTIVE);
   * dated in the future, the nightly status calendar moves it on the day.
   */
  async recordEvent(p: Principal, id: number, dto: CareerEventDto): Promise<{ id: number }> {
    return inTransaction(this.dataSource, async (m) => {
      const before = await this.workerInScope(m, p, id, { lock: true });
      if (before.status === 'LEFT') throw conflict('WORKER_LEFT', `worker ${id} has left; the record is closed`);
      if (dto.date < before.hireDate) throw validationError('EVENT_BEFORE_HIRE', 'date', 'must not be before the hire date');
      const now = today();
      const effective = dto.date <= now;
      let status: string | null = null;
      if (dto.kind === 'LEAVE') {
        const rival = await WorkerLeaveRepository.runningAfter(m, id, dto.date);
        if (rival !== null) throw conflict('LEAVE_OVERLAP', `The worker already has a leave period then (leave ${rival})`, { leaveId: rival });
        if (effective && before.status !== 'ACTIVE') throw conflict('WORKER_NOT_ACTIVE', `worker ${id} is ${before.status}`);
        await WorkerLeaveRepository.insert(m, { workerId: id, startDate: dto.date, note: dto.note ?? null, startApplied: effective });
        if (effective) status = 'ON_LEAVE';
      }
      if (dto.kind === 'RETURN') {
        const open = await WorkerLeaveRepository.latestOpen(m, id);
        if (!open) throw conflict('WORKER_NOT_ON_LEAVE', `worker ${id} is not on leave`);
        if (dto.date <= open.startDate) throw validationError('RETURN_BEFORE_LEAVE', 'date', 'must be after the leave started');
        await WorkerLeaveRepository.close(m, open.id, dto.date, effective);
        if (effective && before.status === 'ON_LEAVE') status = 'ACTIVE';
      }
      if (dto.kind !== 'GRADE_CHANGE' && (dto.grade !== undefined || dto.band !== undefined)) {
        throw validationError('GRADE_ONLY_ON_GRADE_CHANGE', dto.grade !== undefined ? 'grade' : 'band', 'is recorded only with a GRADE_CHANGE event');
      }
      if (dto.kind === 'GRADE_CHANGE' && dto.grade === undefined) throw validationError('GRADE_REQUIRED', 'grade', 'a GRADE_CHANGE event needs the decided grade');
      const data = dto.kind === 'GRADE_CHANGE' ? { grade: dto.grade, band: dto.band ?? null } : null;
      const eventId = await this.addCareerEvent(m, id, dto.kind, dto.date, dto.note ?? null, data);
      if (dto.kind === 'GRADE_CHANGE') {
        await this.grades.recordChange(m, await this.gradeSubject(m, id), eventId, dto.date, dto.grade as number, dto.band, dto.note ?? null);
      }
      if (status) await this.setStatus(m, id, status);
      await this.audit.record(m, { entity: 'worker_event', entityId: eventId, action: 'CREATE', after: { workerId: id, ...dto }, districtCode: before.districtCode });
      // a leave dated ahead moves no status today but changes who can staff the days it covers (the scheduler checks rosters)
      if (status || dto.kind === 'LEAVE' || dto.kind === 'RETURN') await this.outbox.add(m, WorkerChangedEvent, { ...refOf(before), fields: [status ? 'status' : 'leave'] });
      return { id: eventId };
    }, { isolation: 'READ COMMITTED' });
  }

  /** Moves a worker's status (a new version); the caller holds the worker row lock. */
  async setStatus(m: EntityManager, workerId: number, status: string): Promise<void> {
    await WorkerRepository.setStatus(m, workerId, status);
  }

  async addCareerEvent(m: EntityManager, workerId: number, kind: CareerEventKind, date: string, note: string | null, data: object | null): Promise<number> {
    return WorkerEventRepository.add(m, { workerId, kind, date, note, data });
  }

  async list(p: Principal, q: WorkerQueryDto): Promise<WorkerListPage> {
    const m = this.dataSource.manager;
    const query = { ...q, limit: q.limit ?? 50, on: today(), cursors: this.cursors };
    // the first page's count from the cache when nothing it counts has changed since (register-count-cache.ts)
    const counter = query.after ? undefined : WorkerReadRepository.countQuery(m, p.scope, query);
    const cached = counter && (await this.counts.lookup(...counter.getQueryAndParameters()));
    const page = await WorkerReadRepository.page(m, p.scope, query, { known: cached?.count, counter });
    if (cached && cached.count === undefined) cached.store(page.total!);
    return page;
  }

  async detail(p: Principal, id: number): Promise<WorkerDetailView> {
    const { worker, grades, appointments, training, secondments, events } = await WorkerReadRepository.detail(this.dataSource.manager, p.scope, id);
    const on = today();
    const current = grades.find((g) => g.from <= on) ?? null;
    return {
      ...worker,
      grade: current?.grade ?? null,
      gradeBand: current?.band ?? null,
      gradeDerived: current?.derived ?? false,
      gradeSince: current?.from ?? null,
      grades,
      appointments,
      training,
      secondments,
      events,
    };
  }

  /**
   * Workers by full resident ID (HR's sheets carry 身份证号, not our ids): each ID is checked (400 naming its position),
   * hashed with the register's key and matched in one statement, in the caller's scope — a worker outside it is
   * `missing`, as a 404 would say. The IDs are personal data, so the lookup is audited (how many, never which).
   */
  async lookup(p: Principal, residentIds: string[]): Promise<WorkerLookupResultView> {
    residentIds.forEach((id, i) => assertResidentId(id, `residentIds[${i}]`));
    const hashes = residentIds.map((id) => this.cipher.hash(id));
    const found = await WorkerReadRepository.viewsByResidentHash(this.dataSource.manager, p.scope, [...new Set(hashes)]);
    const result: WorkerLookupResultView = { found: [], missing: [] };
    hashes.forEach((h, index) => {
      const worker = found.get(h);
      if (worker) result.found.push({ index, worker });
      else result.missing.push(index);
    });
    await this.audit.record(this.dataSource.manager, {
      entity: 'worker', entityId: 'lookup', action: 'LOOKUP_RESIDENT_ID', after: { sent: residentIds.length, found: result.found.length }, districtCode: p.scope.district ?? null, streetCode: p.scope.street ?? null,
    }, p);
    return result;
  }

  /** The "show" action: the full resident ID, birth date and bank account, for roles that need them; every view is audited. */
  async pii(p: Principal, id: number): Promise<WorkerPiiView> {
    return inTransaction(this.dataSource, async (m) => {
      const worker = await this.workerInScope(m, p, id);
      const row = await WorkerRepository.protectedPii(m, id);
      await this.audit.record(m, {
        entity: 'worker', entityId: id, action: 'VIEW_PII', after: { fields: ['residentId', 'birthDate', 'bankAccount'] }, districtCode: worker.districtCode, streetCode: worker.streetCode,
      });
      return { id, residentId: this.cipher.decrypt(row.residentIdEnc), birthDate: row.birthDate, bankAccount: row.bankAccountEnc ? this.cipher.decrypt(row.bankAccountEnc) : null };
    });
  }
}

export function refOf(w: Pick<WorkerView, 'id' | 'districtCode' | 'streetCode' | 'communityCode'>): WorkerRef {
  return { workerId: w.id, districtCode: w.districtCode, streetCode: w.streetCode, communityCode: w.communityCode };
}
