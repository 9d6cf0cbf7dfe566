import { Injectable } from '@nestjs/common';
import { addDays, conflict, DomainError, notFound, validationError, type Principal } from '@cws/kernel';
import { PiiCipher, rethrowDuplicate } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import {
  bandOfRole, type CandidateScoresView, type CandidateSelectionView, type CandidateView, type HireResultView, isElectedPost, type ObjectionView, type RankingView,
  ROLES_BY_BODY, type VacancyPageView, type VacancyView,
} from '@cws/workers-contracts';
import { passedOver, rankCandidates } from '@cws/workers-core';
import { DataSource, type EntityManager } from 'typeorm';
import { AppointmentsService, electedPostError } from '../appointments/appointments.service';
import { communityInScope } from '../common/org-scope';
import { assertResidentId, protectResidentId } from '../common/pii';
import { today } from '../common/sql';
import { WorkersService } from '../workers/workers.service';
import { CandidateRepository as Candidate } from './candidate.repository';
import { RecruitmentObjectionRepository as Objection } from './recruitment-objection.repository';
import type { CreateCandidateDto, CreateVacancyDto, HireDto, ObjectionDto, ResolveObjectionDto, ScoresDto, SelectCandidateDto, VacancyListQueryDto } from './recruitment.dto';
import { VacancyRepository } from './vacancy.repository';

@Injectable()
export class RecruitmentService {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly dataSource: DataSource,
    private readonly workers: WorkersService,
  ) {}

  createVacancy(p: Principal, dto: CreateVacancyDto): Promise<VacancyView> {
    if (!ROLES_BY_BODY[dto.bodyKind].includes(dto.role)) throw validationError('ROLE_NOT_IN_BODY', 'role', `is not a role of the ${dto.bodyKind} body`);
    // 居委会主任, party secretary and the other posts of the two bodies are elected (422, the role named)
    if (isElectedPost(dto.bodyKind)) throw electedPostError(dto.bodyKind, dto.role, 'role');
    if (dto.closesOn < dto.opensOn) throw validationError('VACANCY_CLOSES_BEFORE_OPENING', 'closesOn', 'must not be before opensOn');
    return this.dataSource.transaction(async (m) => {
      const c = await communityInScope(m, p, dto.communityCode, { share: true });
      const id = await VacancyRepository.insert(m, {
        communityCode: c.code, streetCode: c.streetCode, districtCode: c.districtCode, bodyKind: dto.bodyKind, role: dto.role, headcount: dto.headcount,
        opensOn: dto.opensOn, closesOn: dto.closesOn, writtenWeight: dto.writtenWeight ?? '0.50', noticeDays: dto.noticeDays ?? 7,
      });
      await this.audit.record(m, { entity: 'vacancy', entityId: id, action: 'CREATE', after: dto, districtCode: c.districtCode });
      return { id, ...dto, noticeDays: dto.noticeDays ?? 7, status: 'OPEN' };
    });
  }

  listVacancies(p: Principal, q: VacancyListQueryDto): Promise<VacancyPageView> {
    return VacancyRepository.page(this.dataSource.manager, p.scope, { status: q.status, communityCode: q.communityCode, after: q.after, limit: q.limit ?? 50 });
  }

  vacancyInScope(m: EntityManager, p: Principal, id: number, lock = false) {
    return VacancyRepository.inScope(m, p.scope, id, { lock });
  }


  addCandidate(p: Principal, vacancyId: number, dto: CreateCandidateDto): Promise<CandidateView> {
    assertResidentId(dto.residentId);
    return this.dataSource.transaction(async (m) => {
      const v = await this.vacancyInScope(m, p, vacancyId);
      if (v.status !== 'OPEN') throw conflict('VACANCY_CLOSED', `vacancy ${vacancyId} is ${v.status}`);
      const rid = protectResidentId(this.cipher, dto.residentId);
      const id = await Candidate.insert(m, {
        vacancyId, name: dto.name, residentId: rid, phone: dto.phone ?? null, education: dto.education, politicalStatus: dto.politicalStatus,
        qualificationLevel: dto.qualificationLevel ?? 'NONE',
      }).catch((e) => rethrowDuplicate(e, conflict('CANDIDATE_EXISTS', 'This person already applied for this vacancy')));
      await this.audit.record(m, { entity: 'candidate', entityId: id, action: 'CREATE', after: { vacancyId, name: dto.name, residentIdMasked: rid.masked }, districtCode: v.districtCode });
      return { id, vacancyId, name: dto.name, residentIdMasked: rid.masked, status: 'APPLIED' as const };
    });
  }

  /** The candidate (locked with `lock`) and its vacancy (locked too with `lockVacancy`), or 404 when the vacancy is out of scope. */
  private async candidateInScope(m: EntityManager, p: Principal, id: number, lock = false, lockVacancy = false) {
    const c = await Candidate.find(m, id, { lock });
    if (!c) throw notFound('candidate', id);
    const v = await this.vacancyInScope(m, p, c.vacancyId, lockVacancy).catch(() => {
      throw notFound('candidate', id);
    });
    return { c, v };
  }

  score(p: Principal, id: number, dto: ScoresDto): Promise<CandidateScoresView> {
    return this.dataSource.transaction(async (m) => {
      const { c, v } = await this.candidateInScope(m, p, id, true);
      if (c.status !== 'APPLIED') throw conflict('CANDIDATE_CLOSED', `candidate ${id} is ${c.status}`);
      for (const [k, s] of Object.entries(dto)) if (s !== undefined && Number(s) > 100) throw validationError('SCORE_OUT_OF_RANGE', k, 'must be between 0 and 100');
      await Candidate.score(m, id, dto.written ?? null, dto.interview ?? null);
      await this.audit.record(m, { entity: 'candidate', entityId: id, action: 'SCORE', before: { written: c.writtenScore, interview: c.interviewScore }, after: dto, districtCode: v.districtCode });
      return { id, ...dto };
    });
  }

  /**
   * Ranked by total = written × weight + interview × (1 − weight), two places half up; ties by
   * interview, then by application order (rules in @cws/workers-core). Each row shows its notice.
   */
  async ranking(p: Principal, vacancyId: number): Promise<RankingView> {
    const v = await this.vacancyInScope(this.dataSource.manager, p, vacancyId);
    const ranked = rankCandidates(v.writtenWeight, await Candidate.candidatesOf(this.dataSource.manager, vacancyId));
    return { vacancy: v, candidates: ranked.map((r) => ({ rank: r.rank, ...r.candidate, total: r.total })) };
  }

  /**
   * Selection opens the public notice (公示) of `noticeDays` days from `noticeStart` (default today).
   * Choosing a candidate below someone still in contention (applied, scored) needs `skipReason`;
   * the passed-over ranks are recorded with it.
   */
  select(p: Principal, candidateId: number, dto: SelectCandidateDto): Promise<CandidateSelectionView> {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const { c, v } = await this.candidateInScope(m, p, candidateId, true, true);
      if (c.status !== 'APPLIED') throw conflict('CANDIDATE_CLOSED', `candidate ${candidateId} is ${c.status}`);
      if (c.writtenScore === null || c.interviewScore === null) throw conflict('CANDIDATE_NOT_SCORED', 'Both scores are needed before selecting');
      if ((await Candidate.placesTaken(m, v.id)) >= v.headcount) throw conflict('VACANCY_FILLED', `vacancy ${v.id} has selected or hired its ${v.headcount} place(s)`);
      const ranked = rankCandidates(v.writtenWeight, await Candidate.candidatesOf(m, v.id));
      const skipped = passedOver(ranked, candidateId).map((r) => ({ candidateId: r.candidate.id, rank: r.rank, total: r.total }));
      if (skipped.length && !dto.skipReason) {
        throw new DomainError('UNPROCESSABLE', 'RANKING_SKIP_REASON_REQUIRED', `selecting out of ranking order passes over rank ${skipped.map((s) => s.rank).join(', ')}: record the reason`, [
          { path: 'skipReason', issue: `required: higher-ranked candidate(s) ${skipped.map((s) => `#${s.rank} (id ${s.candidateId}, ${s.total})`).join(', ')} are passed over` },
        ]);
      }
      const start = dto.noticeStart ?? today();
      const notice = { start, end: addDays(start, v.noticeDays - 1) };
      await Candidate.markSelected(m, candidateId, notice, skipped.length ? dto.skipReason! : null, skipped);
      const after = { status: 'SELECTED' as const, noticeStart: notice.start, noticeEnd: notice.end, skipReason: skipped.length ? dto.skipReason! : null, passedOver: skipped };
      await this.audit.record(m, { entity: 'candidate', entityId: candidateId, action: 'SELECT', before: { status: c.status }, after, districtCode: v.districtCode });
      return { id: candidateId, vacancyId: v.id, noticeDays: v.noticeDays, ...after };
    });
  }

  /** An objection received during the notice; an open one blocks the hire. */
  addObjection(p: Principal, candidateId: number, dto: ObjectionDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const { c, v } = await this.candidateInScope(m, p, candidateId, true);
      if (c.status !== 'SELECTED') throw conflict('CANDIDATE_NOT_SELECTED', `candidate ${candidateId} is ${c.status}: objections are taken during the public notice`);
      if (dto.receivedOn < c.noticeStart! || dto.receivedOn > c.noticeEnd!) {
        throw validationError('OBJECTION_OUTSIDE_NOTICE', 'receivedOn', `must fall within the public notice (${c.noticeStart} – ${c.noticeEnd})`);
      }
      const row = await Objection.insert(m, candidateId, dto.receivedOn, dto.summary);
      await this.audit.record(m, { entity: 'recruitment_objection', entityId: row.id, action: 'CREATE', after: row, districtCode: v.districtCode });
      return row;
    });
  }

  async objections(p: Principal, candidateId: number): Promise<ObjectionView[]> {
    await this.candidateInScope(this.dataSource.manager, p, candidateId);
    return Objection.ofCandidate(this.dataSource.manager, candidateId);
  }

  /** Upheld: the candidate is disqualified and the place frees up. Dismissed: the hire may go ahead. */
  resolveObjection(p: Principal, objectionId: number, dto: ResolveObjectionDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const found = await Objection.find(m, objectionId);
      if (!found) throw notFound('objection', objectionId);
      const { v } = await this.candidateInScope(m, p, found.candidateId, true).catch(() => {
        throw notFound('objection', objectionId);
      });
      const before = (await Objection.find(m, objectionId, true))!;
      if (before.status !== 'OPEN') throw conflict('OBJECTION_RESOLVED', `objection ${objectionId} is already ${before.status}`);
      const resolvedOn = dto.resolvedOn ?? today();
      await Objection.resolve(m, objectionId, dto.outcome, dto.resolution, resolvedOn);
      if (dto.outcome === 'UPHELD') await Candidate.setStatus(m, before.candidateId, 'DISQUALIFIED');
      const after = { ...before, status: dto.outcome, resolution: dto.resolution, resolvedOn };
      await this.audit.record(m, { entity: 'recruitment_objection', entityId: objectionId, action: 'RESOLVE', before, after, districtCode: v.districtCode });
      return after;
    });
  }

  /** Hire: the worker and the appointment are created in one transaction, or neither is. */
  hire(p: Principal, candidateId: number, dto: HireDto): Promise<HireResultView> {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const { c, v } = await this.candidateInScope(m, p, candidateId, true, true);
      if (c.status === 'APPLIED') throw conflict('CANDIDATE_NOT_SELECTED', `candidate ${candidateId} has not been selected: select them and let the public notice run first`);
      if (c.status !== 'SELECTED') throw conflict('CANDIDATE_CLOSED', `candidate ${candidateId} is ${c.status}`);
      if (dto.hireDate <= c.noticeEnd! || today() <= c.noticeEnd!) {
        throw conflict('PUBLIC_NOTICE_RUNNING', `the public notice runs until ${c.noticeEnd}: hire from the day after`, { noticeEnd: c.noticeEnd });
      }
      const open = (await Objection.ofCandidate(m, candidateId)).filter((o) => o.status === 'OPEN');
      if (open.length) throw conflict('OBJECTION_OPEN', `objection(s) ${open.map((o) => o.id).join(', ')} received during the notice are not resolved`);
      const n = await Candidate.countHired(m, v.id);
      if (n >= v.headcount) throw conflict('VACANCY_FILLED', `vacancy ${v.id} has filled its ${v.headcount} place(s)`);
      const residentId = this.cipher.decrypt(c.residentIdEnc);
      const { worker, warnings } = await this.workers.createInTx(m, p, {
        name: c.name, residentId, phone: c.phone ?? undefined, education: c.education, politicalStatus: c.politicalStatus,
        qualificationLevel: c.qualificationLevel, hireDate: dto.hireDate, employmentType: 'FULL_TIME', communityCode: v.communityCode, bankAccount: dto.bankAccount,
        priorServiceMonths: dto.priorServiceMonths ?? 0,
      }, (dto.primary ?? true) ? bandOfRole(v.role) : 'OTHER');
      const appointment = await this.appointments.createInTx(m, p, {
        workerId: worker.id, communityCode: v.communityCode, bodyKind: v.bodyKind, role: v.role, obtainedBy: 'RECRUITMENT', from: dto.hireDate, primary: dto.primary ?? true,
      });
      await Candidate.markHired(m, candidateId, worker.id, dto.priorServiceMonths ?? 0);
      if (n + 1 >= v.headcount) await VacancyRepository.markFilled(m, v.id);
      await this.audit.record(m, { entity: 'candidate', entityId: candidateId, action: 'HIRE', after: { workerId: worker.id, appointmentId: appointment.id }, districtCode: v.districtCode });
      return { candidateId, worker, appointment, warnings };
    });
  }
}
