import { Injectable } from '@nestjs/common';
import { conflict, notFound, validationError, type Principal } from '@cws/kernel';
import { PiiCipher } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import { ROLES_BY_BODY } from '@cws/workers-contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AppointmentsService } from '../appointments/appointments.service';
import { communityInScope, rawOneInScope } from '../common/org-scope';
import { assertResidentId, protectResidentId } from '../common/pii';
import { rethrowDuplicate } from '../common/sql';
import { WorkersService } from '../workers/workers.service';
import type { CreateCandidateDto, CreateVacancyDto, HireDto, ScoresDto } from './recruitment.dto';

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
    if (dto.closesOn < dto.opensOn) throw validationError('VACANCY_CLOSES_BEFORE_OPENING', 'closesOn', 'must not be before opensOn');
    return this.dataSource.transaction(async (m) => {
      const c = await communityInScope(m, p, dto.communityCode);
      const res = await m.query(
        `INSERT INTO vacancy (community_code, street_code, district_code, body_kind, role, headcount, opens_on, closes_on, status, written_weight, created_at)
         VALUES (?,?,?,?,?,?,?,?,'OPEN',?,?)`,
        [c.code, c.streetCode, c.districtCode, dto.bodyKind, dto.role, dto.headcount, dto.opensOn, dto.closesOn, dto.writtenWeight ?? '0.50', new Date()],
      );
      const id = Number(res.insertId);
      await this.audit.record(m, { entity: 'vacancy', entityId: id, action: 'CREATE', after: dto, districtCode: c.districtCode });
      return { id, ...dto, status: 'OPEN' };
    });
  }

  async vacancyInScope(m: EntityManager, p: Principal, id: number, lock = false) {
    const qb = m.createQueryBuilder()
      .select(`v.id AS id, v.community_code AS communityCode, v.street_code AS streetCode, v.district_code AS districtCode, v.body_kind AS bodyKind,
        v.role AS role, v.headcount AS headcount, v.opens_on AS opensOn, v.closes_on AS closesOn, v.status AS status, v.written_weight AS writtenWeight`)
      .from('vacancy', 'v').where('v.id = :id', { id });
    const v = await rawOneInScope(qb, p.scope, { district: 'v.district_code', street: 'v.street_code' }, 'vacancy', id, { lock });
    return { ...v, id: Number(v.id), headcount: Number(v.headcount) };
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

  /** Ranked by total = written × weight + interview × (1 − weight); ties by interview, then by application order. */
  async ranking(p: Principal, vacancyId: number) {
    const v = await this.vacancyInScope(this.dataSource.manager, p, vacancyId);
    const rows = await this.dataSource.query(
      `SELECT id, name, resident_id_masked AS residentIdMasked, written_score AS written, interview_score AS interview, status, worker_id AS workerId,
              CAST(ROUND(COALESCE(written_score, 0) * ? + COALESCE(interview_score, 0) * (1 - ?), 2) AS DECIMAL(6,2)) AS total
         FROM candidate WHERE vacancy_id = ? ORDER BY total DESC, interview_score DESC, id`,
      [v.writtenWeight, v.writtenWeight, vacancyId],
    );
    return { vacancy: v, candidates: rows.map((r: Record<string, unknown>, i: number) => ({ rank: i + 1, ...r, id: Number(r.id), total: String(r.total) })) };
  }

  /** Hire: the worker and the appointment are created in one transaction, or neither is. */
  hire(p: Principal, candidateId: number, dto: HireDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const { c, v } = await this.candidateInScope(m, p, candidateId, true, true);
      if (c.status !== 'APPLIED') throw conflict('CANDIDATE_CLOSED', `candidate ${candidateId} is ${c.status}`);
      if (c.written_score === null || c.interview_score === null) throw conflict('CANDIDATE_NOT_SCORED', 'Both scores are needed before hiring');
      const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM candidate WHERE vacancy_id = ? AND status = 'HIRED'`, [v.id]);
      if (Number(n) >= v.headcount) throw conflict('VACANCY_FILLED', `vacancy ${v.id} has filled its ${v.headcount} place(s)`);
      const residentId = this.cipher.decrypt(c.resident_id_enc);
      const { worker, warnings } = await this.workers.createInTx(m, p, {
        name: c.name, residentId, phone: c.phone ?? undefined, education: c.education, politicalStatus: c.political_status,
        qualificationLevel: c.qualification_level, hireDate: dto.hireDate, employmentType: 'FULL_TIME', communityCode: v.communityCode, bankAccount: dto.bankAccount,
      });
      const appointment = await this.appointments.createInTx(m, p, {
        workerId: worker.id, communityCode: v.communityCode, bodyKind: v.bodyKind, role: v.role, obtainedBy: 'RECRUITMENT', from: dto.hireDate, primary: dto.primary ?? true,
      });
      await m.query(`UPDATE candidate SET status = 'HIRED', worker_id = ? WHERE id = ?`, [worker.id, candidateId]);
      if (Number(n) + 1 >= v.headcount) await m.query(`UPDATE vacancy SET status = 'FILLED' WHERE id = ?`, [v.id]);
      await this.audit.record(m, { entity: 'candidate', entityId: candidateId, action: 'HIRE', after: { workerId: worker.id, appointmentId: appointment.id }, districtCode: v.districtCode });
      return { candidateId, worker, appointment, warnings };
    });
  }
}
