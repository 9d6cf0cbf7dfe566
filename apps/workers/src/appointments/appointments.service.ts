import { Injectable } from '@nestjs/common';
import { addDays, conflict, DomainError, notFound, validationError, type Principal } from '@cws/kernel';
import { OutboxService } from '@cws/messaging';
import { AuditService } from '@cws/platform';
import {
  AppointmentEndedEvent, AppointmentStartedEvent, bandOfRole, isElectedPost, ROLES_BY_BODY, type AppointmentRole, type AppointmentView,
  type BodyKind, type CommunityPostsOnView, type CrossAppointmentOnView, type WorkerPostsOnView,
} from '@cws/workers-contracts';
import { crossAppointmentStats, voidedEnd, wasHeld } from '@cws/workers-core';
import { inTransaction } from '@cws/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { communityInScope } from '../common/org-scope';
import { today } from '../common/sql';
import { GradesService } from '../grades/grades.service';
import { CommunityBodyRepository } from '../org/community-body.repository';
import { WorkerEventRepository, type EventVoiding } from '../workers/worker-event.repository';
import { refOf, WorkersService } from '../workers/workers.service';
import type { CreateAppointmentDto, EndAppointmentDto } from './appointments.dto';
import { AppointmentRepository } from './appointment.repository';

/** The longest span one read of a community's posts covers: two months, enough for any roster month. */
const MAX_POSTS_RANGE_DAYS = 62;

/** 422: the party organisation's and the committee's posts are filled by election only (the field at fault is named). */
export function electedPostError(bodyKind: BodyKind, role: AppointmentRole, path: string): DomainError {
  const label = `${bodyKind}/${role}`;
  return new DomainError('UNPROCESSABLE', 'ELECTED_POST', `${label} is an elected post: fill it by election (POST elections), not by recruitment`, [
    { path, issue: `${label} is filled by election (公推直选 / 直接选举), not by recruitment` },
  ]);
}

/** What a re-election (换届) writes as the end reason of the posts it ends; its withdrawal finds them by it. */
export const newTermReason = (electionId: number): string => `换届 (election ${electionId})`;

/** What a withdrawal writes as the end reason of the posts it voids: its whole reason (up to 300 characters; the column holds 400). */
const voidReason = (electionId: number, reason: string): string => `撤销选举登记 (election ${electionId}): ${reason}`;

/** What voiding an election's posts did: the posts, their PROMOTION events marked voided, and the workers whose grade was put back or needs a person. */
export interface VoidedPosts {
  voided: number[];
  voidedEvents: number[];
  gradesRestored: number[];
  gradesToReview: number[];
}

@Injectable()
export class AppointmentsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly grades: GradesService,
    private readonly outbox: OutboxService,
    private readonly workers: WorkersService,
  ) {}

  create(p: Principal, dto: CreateAppointmentDto): Promise<AppointmentView> {
    // READ COMMITTED: after waiting for the body lock, the rule checks must see the rival's commit
    // (under REPEATABLE READ they would read the snapshot taken before the wait).
    return inTransaction(this.dataSource, (m) => this.createInTx(m, p, dto), { isolation: 'READ COMMITTED' });
  }

  /**
   * Appoints inside the caller's transaction. The body row is locked first, then the worker row:
   * competing appointments to one body (or of one worker) queue behind each other, so the checks
   * below see every committed rival and the rules hold under concurrency.
   */
  async createInTx(m: EntityManager, p: Principal, dto: CreateAppointmentDto, election?: { id: number; termEnd: string }): Promise<AppointmentView> {
    if (!ROLES_BY_BODY[dto.bodyKind].includes(dto.role)) {
      throw validationError('ROLE_NOT_IN_BODY', 'role', `is not a role of the ${dto.bodyKind} body (${ROLES_BY_BODY[dto.bodyKind].join(', ')})`);
    }
    if (dto.obtainedBy === 'RECRUITMENT' && isElectedPost(dto.bodyKind)) throw electedPostError(dto.bodyKind, dto.role, 'obtainedBy');
    if (dto.to && dto.to < dto.from) throw validationError('APPOINTMENT_ENDS_BEFORE_START', 'to', 'must not be before from');
    const community = await communityInScope(m, p, dto.communityCode);
    if (!community.active) throw conflict('COMMUNITY_INACTIVE', `community ${dto.communityCode} is deactivated`);
    const bodyId = await CommunityBodyRepository.lock(m, dto.communityCode, dto.bodyKind);
    if (bodyId === null) throw notFound('body', `${dto.communityCode}/${dto.bodyKind}`);
    const worker = await this.workers.workerInScope(m, p, dto.workerId, { lock: true });
    if (worker.status === 'LEFT') throw conflict('WORKER_LEFT', `worker ${dto.workerId} has left`);
    if (worker.communityCode !== dto.communityCode) {
      throw conflict('APPOINTMENT_OUTSIDE_COMMUNITY', 'A worker holds posts only in the community they belong to (transfer them first)');
    }
    if (dto.from < worker.hireDate) throw validationError('APPOINTMENT_BEFORE_HIRE', 'from', 'must not be before the hire date');
    if (worker.plannedTransfer && (dto.to === undefined || dto.to === null || dto.to >= worker.plannedTransfer.date)) {
      // a post here ends before the worker moves; one in the new community is made once they are there
      throw conflict('TRANSFER_PLANNED', `worker ${dto.workerId} moves to ${worker.plannedTransfer.communityCode} on ${worker.plannedTransfer.date}: a post here must end before then`, {
        details: [{ path: 'to', issue: `must be before ${worker.plannedTransfer.date}` }],
      });
    }
    const band = bandOfRole(dto.role);
    const to = dto.to ?? null;
    const dup = await AppointmentRepository.sameRoleOverlapping(m, worker.id, bodyId, dto.role, dto.from, to);
    if (dup !== null) throw conflict('DUPLICATE_APPOINTMENT', `The worker already holds this post in that period (appointment ${dup})`, { appointmentId: dup });
    if (band === 'HEAD') {
      const rival = await AppointmentRepository.headOverlapping(m, bodyId, dto.from, to);
      if (rival !== null) throw conflict('BODY_HEAD_TAKEN', `The ${dto.bodyKind} body already has a head in that period (appointment ${rival})`, { appointmentId: rival });
    }
    if (dto.primary) {
      const rival = await AppointmentRepository.primaryOverlapping(m, worker.id, dto.from, to);
      if (rival !== null) throw conflict('PRIMARY_APPOINTMENT_EXISTS', `The worker already has a primary post in that period (appointment ${rival})`, { appointmentId: rival });
    }

    const id = await AppointmentRepository.insert(m, {
      workerId: worker.id, bodyId, communityCode: dto.communityCode, bodyKind: dto.bodyKind, role: dto.role, band, primary: !!dto.primary,
      obtainedBy: dto.obtainedBy, from: dto.from, to: dto.to ?? null, electionId: election?.id ?? null, termEnd: election?.termEnd ?? null,
    });
    const after = {
      id, workerId: worker.id, communityCode: dto.communityCode, bodyKind: dto.bodyKind, role: dto.role, band, isPrimary: !!dto.primary, obtainedBy: dto.obtainedBy,
      from: dto.from, to: dto.to ?? null, electionId: election?.id ?? null, termEnd: election?.termEnd ?? null,
    };
    await this.audit.record(m, { entity: 'appointment', entityId: id, action: 'CREATE', after, districtCode: worker.districtCode });
    if (band !== 'OTHER' && dto.primary) {
      await this.workers.addCareerEvent(m, worker.id, 'PROMOTION', dto.from, null, { appointmentId: id, role: dto.role, bodyKind: dto.bodyKind });
    }
    await this.outbox.add(m, AppointmentStartedEvent, {
      ...refOf(worker), appointmentId: id, bodyKind: dto.bodyKind, role: dto.role, primary: !!dto.primary, from: dto.from, to: dto.to ?? null,
    });
    // the primary post sets the pay band: a grade in another band is re-placed from the post's start
    if (dto.primary) await this.grades.onPrimaryPost(m, await this.workers.gradeSubject(m, worker.id), band, dto.from);
    return after;
  }

  /**
   * 换届: a new term starts on `termStart`, so every post of the body still running then (started
   * before it) ends the day before, with audit rows and `appointment.ended`. The caller holds the body lock.
   */
  async endForNewTerm(m: EntityManager, bodyId: number, termStart: string, electionId: number): Promise<number[]> {
    const rows = await AppointmentRepository.lockRunningForNewTerm(m, bodyId, termStart);
    const lastDay = addDays(termStart, -1);
    const reason = newTermReason(electionId);
    for (const before of rows) {
      await AppointmentRepository.end(m, before.id, lastDay, reason);
      await this.audit.record(m, { entity: 'appointment', entityId: before.id, action: 'END', before, after: { ...before, to: lastDay, endReason: reason }, districtCode: before.districtCode });
      await this.outbox.add(m, AppointmentEndedEvent, {
        workerId: before.workerId, districtCode: before.districtCode, streetCode: before.streetCode, communityCode: before.communityCode, appointmentId: before.id, to: lastDay,
      });
    }
    return rows.map((r) => r.id);
  }

  /**
   * 撤销: voids the posts the withdrawn election made — ended the day before they started, so never in force,
   * still on file — with VOID audit rows and `appointment.ended`; the PROMOTION a post wrote stays in the
   * career history, marked voided. A voided primary post's band change is undone where it is still the
   * worker's latest grade row; else the worker is named for a person to place. The caller holds the body lock.
   */
  async voidMadeBy(m: EntityManager, withdrawal: EventVoiding): Promise<VoidedPosts> {
    const out: VoidedPosts = { voided: [], voidedEvents: [], gradesRestored: [], gradesToReview: [] };
    const reason = voidReason(withdrawal.electionId, withdrawal.reason);
    for (const before of await AppointmentRepository.lockMadeBy(m, withdrawal.electionId)) {
      if (!wasHeld(before)) continue;
      const to = voidedEnd(before.from);
      await AppointmentRepository.end(m, before.id, to, reason);
      await this.audit.record(m, { entity: 'appointment', entityId: before.id, action: 'VOID', before, after: { ...before, to, endReason: reason }, districtCode: before.districtCode });
      await this.outbox.add(m, AppointmentEndedEvent, {
        workerId: before.workerId, districtCode: before.districtCode, streetCode: before.streetCode, communityCode: before.communityCode, appointmentId: before.id, to,
      });
      out.voided.push(before.id);
      out.voidedEvents.push(...await WorkerEventRepository.voidForAppointment(m, { workerId: before.workerId, appointmentId: before.id }, withdrawal));
      if (!before.isPrimary) continue;
      const grade = await this.grades.undoBandChange(m, await this.workers.gradeSubject(m, before.workerId), before.band, before.from, reason);
      if (grade === 'RESTORED') out.gradesRestored.push(before.workerId);
      if (grade === 'MOVED_ON') out.gradesToReview.push(before.workerId);
    }
    return out;
  }

  /**
   * The posts election `electionId`'s 换届 ended run on as they did before it: the end and reason the END
   * audit row it wrote recorded (REOPEN audit rows, `appointment.started` from the day after that end). A post
   * whose END row is not the re-election's (changed outside the service) stays ended and is returned apart.
   */
  async reopenEndedBy(m: EntityManager, bodyId: number, electionId: number): Promise<{ reopened: number[]; toReview: number[] }> {
    const reason = newTermReason(electionId);
    const out = { reopened: [] as number[], toReview: [] as number[] };
    for (const ended of await AppointmentRepository.lockEndedFor(m, bodyId, reason)) {
      const entry = await this.audit.latest(m, 'appointment', ended.id, 'END');
      const prior = entry?.before as { to?: string | null; endReason?: string | null } | undefined;
      if (!prior || (entry?.after as { endReason?: string } | null)?.endReason !== reason) {
        out.toReview.push(ended.id);
        continue;
      }
      const after = { ...ended, to: prior.to ?? null, endReason: prior.endReason ?? null };
      await AppointmentRepository.end(m, ended.id, after.to, after.endReason);
      await this.audit.record(m, { entity: 'appointment', entityId: ended.id, action: 'REOPEN', before: ended, after, districtCode: ended.districtCode });
      await this.outbox.add(m, AppointmentStartedEvent, {
        workerId: ended.workerId, districtCode: ended.districtCode, streetCode: ended.streetCode, communityCode: ended.communityCode, appointmentId: ended.id,
        bodyKind: ended.bodyKind, role: ended.role, primary: ended.isPrimary, from: addDays(ended.to!, 1), to: after.to,
      });
      out.reopened.push(ended.id);
    }
    return out;
  }

  /** Ends a post (history is kept). Ending earlier than a planned end is allowed; reopening is not. */
  async end(p: Principal, id: number, dto: EndAppointmentDto): Promise<AppointmentView> {
    return inTransaction(this.dataSource, async (m) => {
      const before = await AppointmentRepository.inScope(m, p.scope, id);
      await this.workers.workerInScope(m, p, before.workerId, { lock: true });
      if (dto.to < before.from) throw validationError('APPOINTMENT_ENDS_BEFORE_START', 'to', 'must not be before the start date');
      if (before.to && before.to < dto.to) throw conflict('APPOINTMENT_ALREADY_ENDED', `appointment ${id} already ended on ${before.to}`);
      await AppointmentRepository.end(m, id, dto.to, dto.reason);
      const after = { ...before, to: dto.to, endReason: dto.reason };
      await this.audit.record(m, { entity: 'appointment', entityId: id, action: 'END', before, after, districtCode: before.districtCode });
      await this.outbox.add(m, AppointmentEndedEvent, {
        workerId: before.workerId, districtCode: before.districtCode, streetCode: before.streetCode, communityCode: before.communityCode, appointmentId: id, to: dto.to,
      });
      return after;
    }, { isolation: 'READ COMMITTED' });
  }

  /** A worker's posts on a date. */
  async postsOn(p: Principal, workerId: number, date = today()): Promise<WorkerPostsOnView> {
    await this.workers.workerInScope(this.dataSource.manager, p, workerId);
    return { workerId, date, posts: await AppointmentRepository.ofWorkerOn(this.dataSource.manager, workerId, date) };
  }

  /** Each body's current holders (for the community page). */
  /** The posts held on `date`, or on any day of `date`…`through` (at most 62 days: a roster month and its leaders). */
  async communityPosts(p: Principal, code: string, date = today(), through?: string): Promise<CommunityPostsOnView> {
    if (through !== undefined && through < date) throw validationError('THROUGH_BEFORE_DATE', 'through', 'must not be before date');
    if (through !== undefined && through > addDays(date, MAX_POSTS_RANGE_DAYS - 1)) throw validationError('POSTS_RANGE_TOO_LONG', 'through', `at most ${MAX_POSTS_RANGE_DAYS} days in one read`);
    await communityInScope(this.dataSource.manager, p, code);
    const posts = await AppointmentRepository.ofCommunityBetween(this.dataSource.manager, code, date, through ?? date);
    return { communityCode: code, date, ...(through !== undefined ? { through } : {}), posts };
  }

  /**
   * Cross-appointment (交叉任职) on a date: of the community's leaders (heads and deputies of any
   * body), how many hold posts in two or more bodies; and whether one person is both party
   * secretary and committee director (一肩挑).
   */
  async crossAppointment(p: Principal, code: string, date = today()): Promise<CrossAppointmentOnView> {
    await communityInScope(this.dataSource.manager, p, code);
    return { ...crossAppointmentStats(code, await AppointmentRepository.holdersOn(this.dataSource.manager, code, date)), date };
  }
}
