import { Injectable } from '@nestjs/common';
import { addDays, conflict, DomainError, notFound, validationError, type Principal } from '@cws/kernel';
import { PiiCipher } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import { bandOfRole, isElectedPost, ROLES_BY_BODY } from '@cws/workers-contracts';
import { passedOver, rankCandidates } from '@cws/workers-core';
import { DataSource, type EntityManager } from 'typeorm';
import { AppointmentsService, electedPostError } from '../appointments/appointments.service';
import { communityInScope, rawOneInScope } from '../common/org-scope';
import { assertResidentId, protectResidentId } from '../common/pii';
import { rethrowDuplicate, today } from '../common/sql';
import { WorkersService } from '../workers/workers.service';
import { RecruitmentNoticeRepository as Notice } from './recruitment-notice.repository';
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

  createVacancy(p: Principal, dto: CreateVacancyDto) {
    if (!ROLES_BY_BODY[dto.bodyKind].includes(dto.role)) throw validationError('ROLE_NOT_IN_BODY', 'role', `is not a role of the ${dto.bodyKind} body`);
    // 居委会主任, party secretary and the other posts of the two bodies are elected (422, the role named)
    if (isElectedPost(dto.bodyKind)) throw electedPostError(dto.bodyKind, dto.role, 'role');
    if (dto.closesOn < dto.opensOn) throw validationError('VACANCY_CLOSES_BEFORE_OPENING', 'closesOn', 'must not be before opensOn');
    return this.dataSource.transaction(async (m) => {
      const c = await communityInScope(m, p, dto.communityCode);
      const res = await m.query(
        `INSERT INTO vacancy (community_code, street_code, district_code, body_kind, role, headcount, opens_on, closes_on, status, written_weight, notice_days, created_at)
         VALUES (?,?,?,?,?,?,?,?,'OPEN',?,?,?)`,
        [c.code, c.streetCode, c.districtCode, dto.bodyKind, dto.role, dto.headcount, dto.opensOn, dto.closesOn, dto.writtenWeight ?? '0.50', dto.noticeDays ?? 7, new Date()],
      );
      const id = Number(res.insertId);
      await this.audit.record(m, { entity: 'vacancy', entityId: id, action: 'CREATE', after: dto, districtCode: c.districtCode });
      return { id, ...dto, noticeDays: dto.noticeDays ?? 7, status: 'OPEN' };
    });
  }

  listVacancies(p: Principal, q: VacancyListQueryDto) {
    return VacancyRepository.page(this.dataSource.manager, p.scope, { status: q.status, communityCode: q.communityCode, after: q.after, limit: q.limit ?? 50 });
  }

  async vacancyInScope(m: EntityManager, p: Principal, id: number, lock = false) {
    const qb = m.createQueryBuilder()
      .select(`v.id AS id, v.community_code AS communityCode, v.street_code AS streetCode, v.district_code AS districtCode, v.body_kind AS bodyKind,
        v.role AS role, v.headcount AS headcount, v.opens_on AS opensOn, v.closes_on AS closesOn, v.status AS status, v.written_weight AS writtenWeight,
        v.notice_days AS noticeDays`)
      .from('vacancy', 'v').where('v.id = :id', { id });
    const v = await rawOneInScope(qb, p.scope, { district: 'v.district_code', street: 'v.street_code' }, 'vacancy', id, { lock });
    return { ...v, id: Number(v.id), headcount: Number(v.headcount), noticeDays: Number(v.noticeDays), writtenWeight: String(v.writtenWeight) };
  }

  addCandidate(p: Principal, vacancyId: number, dto: CreateCandidateDto) {
    assertResidentId(dto.residentId);
    return this.dataSource.transaction(async (m) => {
      const v = await this.vacancyInScope(m, p, vacancyId);
      if (v.status !== 'OPEN') throw conflict('VACANCY_CLOSED', `vacancy ${vacancyId} is ${v.status}`);
      const rid = protectResidentId(this.cipher, dto.residentId);
      const res = await m.query(
        `INSERT INTO candidate (vacancy_id, name, resident_id_enc, resident_id_hash, resident_id_masked, phone, education, political_status, qualification_level, status, created_at)
         VALUES (?,?,?,?,?,?,?,?,?,'APPLIED',?)`,
        [vacancyId, dto.name, rid.enc, rid.hash, rid.masked, dto.phone ?? null, dto.education, dto.politicalStatus, dto.qualificationLevel ?? 'NONE', new Date()],
      ).catch((e) => rethrowDuplicate(e, 'CANDIDATE_EXISTS', 'This person already applied for this vacancy'));
      const id = Number(res.insertId);
      await this.audit.record(m, { entity: 'candidate', entityId: id, action: 'CREATE', after: { vacancyId, name: dto.name, residentIdMasked: rid.masked }, districtCode: v.districtCode });
      return { id, vacancyId, name: dto.name, residentIdMasked: rid.masked, status: 'APPLIED' };
    });
  }

  /** The candidate (locked with `lock`) and its vacancy (locked too with `lockVacancy`), or 404 when the vacancy is out of scope. */
  private async candidateInScope(m: EntityManager, p: Principal, id: number, lock = false, lockVacancy = false) {
    const [c] = await m.query(`SELECT * FROM candidate WHERE id = ?${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!c) throw notFound('candidate', id);
    const v = await this.vacancyInScope(m, p, Number(c.vacancy_id), lockVacancy).catch(() => {
      throw notFound('candidate', id);
    });
    return { c, v };
  }

  score(p: Principal, id: number, dto: ScoresDto) {
    return this.dataSource.transaction(async (m) => {
      const { c, v } = await this.candidateInScope(m, p, id, true);
      if (c.status !== 'APPLIED') throw conflict('CANDIDATE_CLOSED', `candidate ${id} is ${c.status}`);
      for (const [k, s] of Object.entries(dto)) if (s !== undefined && Number(s) > 100) throw validationError('SCORE_OUT_OF_RANGE', k, 'must be between 0 and 100');
      await m.query('UPDATE candidate SET written_score = COALESCE(?, written_score), interview_score = COALESCE(?, interview_score) WHERE id = ?', [dto.written ?? null, dto.interview ?? null, id]);
      await this.audit.record(m, { entity: 'candidate', entityId: id, action: 'SCORE', before: { written: c.written_score, interview: c.interview_score }, after: dto, districtCode: v.districtCode });
      return { id, ...dto };
    });
  }

  /**
   * Ranked by total = written × weight + interview × (1 − weight), two places half up; ties by
   * interview, then by application order (rules in @cws/workers-core). Each row shows its notice.
   */
  async ranking(p: Principal, vacancyId: number) {
    const v = await this.vacancyInScope(this.dataSource.manager, p, vacancyId);
    const ranked = rankCandidates(v.writtenWeight, await Notice.candidatesOf(this.dataSource.manager, vacancyId));
    return { vacancy: v, candidates: ranked.map((r) => ({ rank: r.rank, ...r.candidate, total: r.total })) };
  }

  /**
   * Selection opens the public notice (公示) of `noticeDays` days from `noticeStart` (default today).
   * Choosing a candidate below someone still in contention (applied, scored) needs `skipReason`;
   * the passed-over ranks are recorded with it.
   */
  select(p: Principal, candidateId: number, dto: SelectCandidateDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const { c, v } = await this.candidateInScope(m, p, candidateId, true, true);
      if (c.status !== 'APPLIED') throw conflict('CANDIDATE_CLOSED', `candidate ${candidateId} is ${c.status}`);
      if (c.written_score === null || c.interview_score === null) throw conflict('CANDIDATE_NOT_SCORED', 'Both scores are needed before selecting');
      if ((await Notice.placesTaken(m, v.id)) >= v.headcount) throw conflict('VACANCY_FILLED', `vacancy ${v.id} has selected or hired its ${v.headcount} place(s)`);
      const ranked = rankCandidates(v.writtenWeight, await Notice.candidatesOf(m, v.id));
      const skipped = passedOver(ranked, candidateId).map((r) => ({ candidateId: r.candidate.id, rank: r.rank, total: r.total }));
      if (skipped.length && !dto.skipReason) {
        throw new DomainError('UNPROCESSABLE', 'RANKING_SKIP_REASON_REQUIRED', `selecting out of ranking order passes over rank ${skipped.map((s) => s.rank).join(', ')}: record the reason`, [
          { path: 'skipReason', issue: `required: higher-ranked candidate(s) ${skipped.map((s) => `#${s.rank} (id ${s.candidateId}, ${s.total})`).join(', ')} are passed over` },
        ]);
      }
      const start = dto.noticeStart ?? today();
      const notice = { start, end: addDays(start, v.noticeDays - 1) };
      await Notice.markSelected(m, candidateId, notice, skipped.length ? dto.skipReason! : null, skipped);
      const after = { status: 'SELECTED', noticeStart: notice.start, noticeEnd: notice.end, skipReason: skipped.length ? dto.skipReason : null, passedOver: skipped };
      await this.audit.record(m, { entity: 'candidate', entityId: candidateId, action: 'SELECT', before: { status: c.status }, after, districtCode: v.districtCode });
      return { id: candidateId, vacancyId: v.id, noticeDays: v.noticeDays, ...after };
    });
  }

  /** An objection received during the notice; an open one blocks the hire. */
  addObjection(p: Principal, candidateId: number, dto: ObjectionDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const { c, v } = await this.candidateInScope(m, p, candidateId, true);
      if (c.status !== 'SELECTED') throw conflict('CANDIDATE_NOT_SELECTED', `candidate ${candidateId} is ${c.status}: objections are taken during the public notice`);
      if (dto.receivedOn < c.notice_start || dto.receivedOn > c.notice_end) {
        throw validationError('OBJECTION_OUTSIDE_NOTICE', 'receivedOn', `must fall within the public notice (${c.notice_start} – ${c.notice_end})`);
      }
      const row = await Notice.insertObjection(m, candidateId, dto.receivedOn, dto.summary);
      await this.audit.record(m, { entity: 'recruitment_objection', entityId: row.id, action: 'CREATE', after: row, districtCode: v.districtCode });
      return row;
    });
  }

  async objections(p: Principal, candidateId: number) {
    await this.candidateInScope(this.dataSource.manager, p, candidateId);
    return Notice.objectionsOf(this.dataSource.manager, candidateId);
  }

  /** Upheld: the candidate is disqualified and the place frees up. Dismissed: the hire may go ahead. */
  resolveObjection(p: Principal, objectionId: number, dto: ResolveObjectionDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const found = await Notice.objection(m, objectionId);
      if (!found) throw notFound('objection', objectionId);
      const { v } = await this.candidateInScope(m, p, found.candidateId, true).catch(() => {
        throw notFound('objection', objectionId);
      });
      const before = (await Notice.objection(m, objectionId, true))!;
      if (before.status !== 'OPEN') throw conflict('OBJECTION_RESOLVED', `objection ${objectionId} is already ${before.status}`);
      const resolvedOn = dto.resolvedOn ?? today();
      await Notice.resolveObjection(m, objectionId, dto.outcome, dto.resolution, resolvedOn);
      if (dto.outcome === 'UPHELD') await Notice.setStatus(m, before.candidateId, 'DISQUALIFIED');
      const after = { ...before, status: dto.outcome, resolution: dto.resolution, resolvedOn };
      await this.audit.record(m, { entity: 'recruitment_objection', entityId: objectionId, action: 'RESOLVE', before, after, districtCode: v.districtCode });
      return after;
    });
  }

  /** Hire: the worker and the appointment are created in one transaction, or neither is. */
  hire(p: Principal, candidateId: number, dto: HireDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const { c, v } = await this.candidateInScope(m, p, candidateId, true, true);
      if (c.status === 'APPLIED') throw conflict('CANDIDATE_NOT_SELECTED', `candidate ${candidateId} has not been selected: select them and let the public notice run first`);
      if (c.status !== 'SELECTED') throw conflict('CANDIDATE_CLOSED', `candidate ${candidateId} is ${c.status}`);
      if (dto.hireDate <= c.notice_end || today() <= c.notice_end) {
        throw conflict('PUBLIC_NOTICE_RUNNING', `the public notice runs until ${c.notice_end}: hire from the day after`, { noticeEnd: c.notice_end });
      }
      const open = (await Notice.objectionsOf(m, candidateId)).filter((o) => o.status === 'OPEN');
      if (open.length) throw conflict('OBJECTION_OPEN', `objection(s) ${open.map((o) => o.id).join(', ')} received during the notice are not resolved`);
      const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM candidate WHERE vacancy_id = ? AND status = 'HIRED'`, [v.id]);
      if (Number(n) >= v.headcount) throw conflict('VACANCY_FILLED', `vacancy ${v.id} has filled its ${v.headcount} place(s)`);
      const residentId = this.cipher.decrypt(c.resident_id_enc);
      const { worker, warnings } = await this.workers.createInTx(m, p, {
        name: c.name, residentId, phone: c.phone ?? undefined, education: c.education, politicalStatus: c.political_status,
        qualificationLevel: c.qualification_level, hireDate: dto.hireDate, employmentType: 'FULL_TIME', communityCode: v.communityCode, bankAccount: dto.bankAccount,
        priorServiceMonths: dto.priorServiceMonths ?? 0,
      }, (dto.primary ?? true) ? bandOfRole(v.role) : 'OTHER');
      const appointment = await this.appointments.createInTx(m, p, {
        workerId: worker.id, communityCode: v.communityCode, bodyKind: v.bodyKind, role: v.role, obtainedBy: 'RECRUITMENT', from: dto.hireDate, primary: dto.primary ?? true,
      });
      await Notice.markHired(m, candidateId, worker.id, dto.priorServiceMonths ?? 0);
      if (Number(n) + 1 >= v.headcount) await m.query(`UPDATE vacancy SET status = 'FILLED' WHERE id = ?`, [v.id]);
      await this.audit.record(m, { entity: 'candidate', entityId: candidateId, action: 'HIRE', after: { workerId: worker.id, appointmentId: appointment.id }, districtCode: v.districtCode });
      return { candidateId, worker, appointment, warnings };
    });
  }
}
