import { Injectable } from '@nestjs/common';
import { conflict, DomainError, notFound, validationError, type Principal } from '@cws/kernel';
import { actor, assertIfMatch, AuditService, etagOf } from '@cws/platform';
import { bandOfRole, formatRate, isElectedPost, ROLES_BY_BODY, type ElectionView, type ElectionWithdrawalView, type OneShoulderReport } from '@cws/workers-contracts';
import { assertMethod, assertNotWithdrawn, assertVotes, assertWithdrawable, correctElection, termEnd } from '@cws/workers-core';
import { inTransaction } from '@cws/persistence';
import { DataSource } from 'typeorm';
import { AppointmentsService } from '../appointments/appointments.service';
import { communityInScope } from '../common/org-scope';
import { today } from '../common/sql';
import { CommunityBodyRepository } from '../org/community-body.repository';
import type { CorrectElectionDto, CreateElectionDto, ElectionQueryDto, OneShoulderQueryDto, WithdrawElectionDto } from './elections.dto';
import { ElectionRepository } from './election.repository';
import { assertPlaceFilterInScope } from '../common/access';

/** An election's entity tag: a hash of its view (every correction changes the facts in it). */
export const electionEtag = (e: ElectionView): string => etagOf(e);

@Injectable()
export class ElectionsService {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Records an election and makes its posts (obtainedBy ELECTION, the term on each appointment) in one
   * transaction. REGULAR opens a new term: the body's posts still running end the day before it.
   * BY_ELECTION fills posts until the end of the regular term in force. Any rule failure (a head
   * still in post, a worker of another community) leaves nothing behind.
   */
  create(p: Principal, dto: CreateElectionDto): Promise<ElectionView> {
    this.check(dto);
    return inTransaction(this.dataSource, async (m) => {
      // shared: a delete of the community waits for this election, then sees it (COMMUNITY_IN_USE)
      const community = await communityInScope(m, p, dto.communityCode, { share: true });
      if (!community.active) throw conflict('COMMUNITY_INACTIVE', `community ${dto.communityCode} is deactivated`);
      // the body row first: elections and appointments of one body queue behind each other
      const bodyId = await CommunityBodyRepository.lock(m, dto.communityCode, dto.bodyKind);
      if (bodyId === null) throw notFound('body', `${dto.communityCode}/${dto.bodyKind}`);
      const termStart = dto.termStart ?? dto.electionDate;
      let term: { years: number; end: string; regularElectionId: number | null };
      if (dto.kind === 'REGULAR') {
        const years = dto.termYears ?? 5;
        term = { years, end: termEnd(termStart, years), regularElectionId: null };
      } else {
        if (dto.termYears !== undefined) throw validationError('TERM_SET_BY_REGULAR_ELECTION', 'termYears', 'a by-election completes the term in force; omit termYears');
        const regular = await ElectionRepository.regularInForce(m, bodyId, termStart);
        if (!regular) throw conflict('NO_TERM_IN_FORCE', `no regular election of the ${dto.bodyKind} body covers ${termStart}: hold a REGULAR election instead`);
        term = { years: regular.termYears, end: regular.termEnd, regularElectionId: regular.id };
      }
      const electionId = await ElectionRepository.insert(m, {
        bodyId, bodyKind: dto.bodyKind, communityCode: community.code, streetCode: community.streetCode, districtCode: community.districtCode,
        kind: dto.kind, method: dto.method, electionDate: dto.electionDate, termYears: term.years, termStart, termEnd: term.end,
        eligibleVoters: dto.eligibleVoters, votesCast: dto.votesCast, regularElectionId: term.regularElectionId, note: dto.note ?? null,
      });
      const ended = dto.kind === 'REGULAR' ? await this.appointments.endForNewTerm(m, bodyId, termStart, electionId) : [];
      for (const r of dto.results) {
        const post = await this.appointments.createInTx(m, p, {
          workerId: r.workerId, communityCode: community.code, bodyKind: dto.bodyKind, role: r.role, obtainedBy: 'ELECTION', from: termStart, to: term.end, primary: r.primary ?? false,
        }, { id: electionId, termEnd: term.end });
        await ElectionRepository.insertResult(m, electionId, { workerId: r.workerId, role: r.role, votes: r.votes, appointmentId: post.id });
      }
      const view = (await ElectionRepository.findInScope(m, p.scope, electionId))!;
      await this.audit.record(m, { entity: 'election', entityId: electionId, action: 'CREATE', after: { ...view, endedAppointments: ended }, districtCode: community.districtCode });
      return view;
    }, { isolation: 'READ COMMITTED' });
  }

  /** Checks that need no database: an elected body, its method, its roles, one head, the vote counts (fields named). */
  private check(dto: CreateElectionDto): void {
    if (!isElectedPost(dto.bodyKind)) {
      throw new DomainError('UNPROCESSABLE', 'NOT_AN_ELECTED_BODY', `${dto.bodyKind} posts are appointed or recruited, not elected`, [{ path: 'bodyKind', issue: 'is not an elected body (PARTY or COMMITTEE)' }]);
    }
    assertMethod(dto.bodyKind, dto.method);
    if (dto.termStart && dto.termStart < dto.electionDate) throw validationError('TERM_STARTS_BEFORE_ELECTION', 'termStart', 'must not be before the election date');
    const seen = new Set<string>();
    let heads = 0;
    dto.results.forEach((r, i) => {
      if (!ROLES_BY_BODY[dto.bodyKind].includes(r.role)) throw validationError('ROLE_NOT_IN_BODY', `results[${i}].role`, `is not a role of the ${dto.bodyKind} body`);
      if (seen.has(`${r.workerId}`)) throw validationError('DUPLICATE_RESULT', `results[${i}].workerId`, 'a worker is elected to one role per election');
      seen.add(`${r.workerId}`);
      if (bandOfRole(r.role) === 'HEAD' && ++heads > 1) throw validationError('ONE_HEAD_PER_BODY', `results[${i}].role`, 'a body has one head');
    });
    assertVotes(dto);
  }

  /**
   * 更正: corrects what the record says beside who it elected (method, counts, votes, note), e.g. to complete
   * a back-filled election; the posts it made do not change. Locked, checked as a new election is
   * (workers-core `correctElection`), never once withdrawn, under an optional If-Match, audited with before and after.
   */
  correct(p: Principal, id: number, dto: CorrectElectionDto, ifMatch?: string): Promise<ElectionView> {
    return inTransaction(this.dataSource, async (m) => {
      const before = await ElectionRepository.findInScope(m, p.scope, id, { lock: true });
      if (!before) throw notFound('election', id);
      assertIfMatch(ifMatch, electionEtag(before), 'election', id);
      assertNotWithdrawn(id, before.withdrawn?.at ?? null);
      const facts = correctElection(before.bodyKind, before, dto);
      await ElectionRepository.updateFacts(m, id, facts);
      const after = (await ElectionRepository.findInScope(m, p.scope, id))!;
      await this.audit.record(m, { entity: 'election', entityId: id, action: 'CORRECT', before, after, districtCode: before.districtCode }, p);
      return after;
    }, { isolation: 'READ COMMITTED' });
  }

  /**
   * 撤销: withdraws an election recorded in error (docs/workers.md "Elections"). Under the body's lock, as
   * recording one is: the posts it made are voided (their PROMOTION events marked so) and a band change they made undone, the posts its
   * re-election ended run on as before, and the record is marked withdrawn — kept, with who, when and why.
   * Once, and as the latest act on the term (workers-core `assertWithdrawable`); optional If-Match; audited.
   */
  withdraw(p: Principal, id: number, dto: WithdrawElectionDto, ifMatch?: string): Promise<ElectionWithdrawalView> {
    return inTransaction(this.dataSource, async (m) => {
      const seen = await ElectionRepository.findInScope(m, p.scope, id);
      if (!seen) throw notFound('election', id);
      await CommunityBodyRepository.lock(m, seen.communityCode, seen.bodyKind);
      const before = (await ElectionRepository.findInScope(m, p.scope, id, { lock: true }))!;
      assertIfMatch(ifMatch, electionEtag(before), 'election', id);
      const blockers = await ElectionRepository.withdrawalBlockers(m, id);
      assertWithdrawable(id, blockers);
      // one instant for the record and the void marker of each PROMOTION its posts wrote
      const at = new Date();
      const posts = await this.appointments.voidMadeBy(m, { electionId: id, reason: dto.reason, at: at.toISOString() });
      const ended = before.kind === 'REGULAR' ? await this.appointments.reopenEndedBy(m, blockers.bodyId, id) : { reopened: [], toReview: [] };
      await ElectionRepository.markWithdrawn(m, id, actor(p), dto.reason, at);
      const result: ElectionWithdrawalView = {
        election: (await ElectionRepository.findInScope(m, p.scope, id))!, voidedAppointments: posts.voided, reopenedAppointments: ended.reopened,
        gradesRestored: posts.gradesRestored, gradesToReview: posts.gradesToReview, appointmentsToReview: ended.toReview,
        voidedEvents: posts.voidedEvents,
      };
      await this.audit.record(m, { entity: 'election', entityId: id, action: 'WITHDRAW', before, after: result, districtCode: before.districtCode }, p);
      return result;
    }, { isolation: 'READ COMMITTED' });
  }

  async get(p: Principal, id: number): Promise<ElectionView> {
    const e = await ElectionRepository.findInScope(this.dataSource.manager, p.scope, id);
    if (!e) throw notFound('election', id);
    return e;
  }

  async list(p: Principal, q: ElectionQueryDto): Promise<ElectionView[]> {
    if (q.community) await communityInScope(this.dataSource.manager, p, q.community);
    return ElectionRepository.list(this.dataSource.manager, p.scope, q);
  }

  /** 一肩挑 from the election records: a community counts when its elected secretary is its elected director on the date. */
  async oneShoulder(p: Principal, q: OneShoulderQueryDto): Promise<OneShoulderReport> {
    const date = q.date ?? today();
    assertPlaceFilterInScope(p, q.community ?? q.street ?? q.district);
    const rows = await ElectionRepository.electedHeadsOn(this.dataSource.manager, p.scope, date, q);
    const items = rows.map((r) => ({ ...r, oneShoulder: r.secretaryWorkerId !== null && r.secretaryWorkerId === r.directorWorkerId }));
    const oneShoulder = items.filter((i) => i.oneShoulder).length;
    return {
      date, communities: items.length, withElectedSecretary: items.filter((i) => i.secretaryWorkerId !== null).length,
      withElectedDirector: items.filter((i) => i.directorWorkerId !== null).length, oneShoulder, rate: formatRate(oneShoulder, items.length), items,
    };
  }
}
