import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, DomainError, eachAtMost, notFound, validationError, type Principal } from '@cws/kernel';
import { OutboxService } from '@cws/messaging';
import { AuditService, FILE_MEDIA_TYPES, type FileOut } from '@cws/platform';
import { type CoverageView, type GenerationPublishedView, RosterHoursPublishedEvent, type RosterSummaryPageView, type WorkerRosterMonthView, type RosterView, SolveRosterJob, type WorkerRequestView } from '@cws/scheduler-contracts';
import { assertServesCommunity, carriedOut, monthDates, requestDays } from '@cws/scheduler-solver';
import { inTransaction, isLockContention } from '@cws/persistence';
import { WorkforceClient } from '../workforce/workforce.client';
import { coverageView, hoursOf, rosterSummaryView, rosterView } from './roster-view';
import { RosterChecksService } from './roster-checks.service';
import { rosterWorkbook } from './roster-workbook';
import { retryTakenVersion, RosterRepository, type NewRoster, type RosterListFilter, type RosterReason, type RosterRow, type SwapRequest } from './roster.repository';
import { WorkerRequestRepository, type RequestKind } from './worker-request.repository';

/**
 * Roster versions of a community's month: queue a generation, read it, publish it (immutable
 * from then on: any change is a new version), re-plan after leave, record a swap both workers
 * accepted. Every change runs under a lock on the month's rows, taken first.
 */
/** A request as HR records it: one day, or a span of days ending on `until`. */
export interface NewWorkerRequest {
  workerId: number;
  date: string;
  until?: string;
  kind: RequestKind;
  shift?: string;
  note?: string;
}

/** Drafts of a generation published at once (each its own transaction, on its own community's month). */
const PUBLISHES_AT_ONCE = 4;

@Injectable()
export class RostersService {
  private readonly logger = new Logger('Rosters');

  constructor(
    private readonly dataSource: DataSource,
    private readonly rosters: RosterRepository,
    private readonly requests: WorkerRequestRepository,
    private readonly workforce: WorkforceClient,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly checks: RosterChecksService,
  ) {}

  /** A new version of the month, queued for the solver (the community must be in the caller's scope). */
  async create(p: Principal, token: string | undefined, community: string, month: string, seed = 1): Promise<RosterView> {
    const place = await this.workforce.community(community, token);
    const id = await this.newVersion(p, { communityCode: place.code, districtCode: place.districtCode, streetCode: place.streetCode, month, reason: 'GENERATE', basedOnId: null, generationId: null, seed, swap: null, createdBy: p.name });
    return this.get(p, id);
  }

  /** Versions in the caller's scope, newest first, narrowed by month, community, status or generation. */
  async list(p: Principal, f: RosterListFilter, page: { limit: number; after?: string }): Promise<RosterSummaryPageView> {
    const rows = await this.rosters.list(this.dataSource.manager, p.scope, f, page);
    return { items: rows.items.map(rosterSummaryView), nextAfter: rows.nextAfter };
  }

  /** One worker's shifts of a month in the published rosters the caller may see, with their hours there. */
  async workerMonth(p: Principal, workerId: number, month: string): Promise<WorkerRosterMonthView> {
    const rows = await this.rosters.publishedWithWorker(this.dataSource.manager, month, workerId, p.scope);
    return {
      workerId,
      month,
      rosters: rows.map((r) => {
        const v = rosterView(r);
        return { rosterId: r.id, community: r.communityCode, version: r.version, shifts: v.assignments.filter((a) => a.workerId === workerId), hours: v.hours.find((h) => h.workerId === workerId) ?? null };
      }),
    };
  }

  async get(p: Principal, id: number): Promise<RosterView> {
    return rosterView(await this.visible(this.dataSource.manager, p, id));
  }

  /** The version as a workbook (排班表), its workers named as the register shows them to the caller. */
  async workbook(p: Principal, token: string | undefined, id: number): Promise<FileOut> {
    const r = await this.visible(this.dataSource.manager, p, id);
    const ids = [...new Set([...(r.problem?.workers ?? []).map((w) => w.id), ...(r.assignments ?? []).map((a) => a.workerId)])];
    const [place, names] = await Promise.all([this.workforce.community(r.communityCode, token), this.workforce.names(r.communityCode, r.month, ids, token)]);
    const buffer = await rosterWorkbook(r, place.name, (workerId) => names.get(workerId) ?? `#${workerId}`);
    return { buffer, filename: `roster-${r.communityCode}-${r.month}-v${r.version}.xlsx`, type: FILE_MEDIA_TYPES.xlsx };
  }

  async coverage(p: Principal, id: number): Promise<CoverageView> {
    return coverageView(await this.visible(this.dataSource.manager, p, id));
  }

  /** DRAFT → PUBLISHED; the month's previous published version becomes SUPERSEDED; payroll hears of the hours through the outbox. */
  async publish(p: Principal, id: number): Promise<RosterView> {
    await this.publishOne(p, id);
    return this.get(p, id);
  }

  /**
   * Publishes every draft a (finished) generation made in the caller's scope, each as `publish` does, in its own
   * transaction: a draft publish refuses (a newer version published since, say) is named with its code, and the
   * others are published. A few at a time: each locks only its own community's month.
   */
  async publishGeneration(p: Principal, generationId: number): Promise<GenerationPublishedView> {
    const drafts = await this.rosters.draftsOfGeneration(this.dataSource.manager, generationId, p.scope);
    const skipped: GenerationPublishedView['skipped'] = [];
    let published = 0;
    await eachAtMost(drafts, PUBLISHES_AT_ONCE, async (d) => {
      try {
        await this.publishOne(p, d.id);
        published++;
      } catch (e) {
        // the others go on: an unexpected failure (the database gone a moment, a lock held past its timeout) is named
        // with the draft like a refusal, instead of a 500 that hides which drafts were published; a retry publishes it
        if (!(e instanceof DomainError)) this.logger.error({ msg: 'publishing a generation draft failed', rosterId: d.id, err: (e as Error).message });
        const code = e instanceof DomainError ? e.code : isLockContention(e) ? 'BUSY' : 'INTERNAL_ERROR';
        skipped.push({ rosterId: d.id, community: d.communityCode, code });
      }
    });
    return { generationId, published, skipped: skipped.sort((a, b) => a.rosterId - b.rosterId) };
  }

  private async publishOne(p: Principal, id: number): Promise<void> {
    // publishing drafts side by side, two of a street may deadlock on the month locks: the victim runs again
    const place = await inTransaction(this.dataSource, async (m) => {
      const head = await this.visible(m, p, id, { light: true });
      const month = await this.rosters.lockMonth(m, head.communityCode, head.month);
      const r = (await this.rosters.find(m, id))!;
      if (r.status === 'PUBLISHED' || r.status === 'SUPERSEDED') throw conflict('ROSTER_PUBLISHED', `version ${r.version} was already published; a change makes a new version`);
      if (r.status !== 'DRAFT') throw conflict('ROSTER_NOT_SOLVED', `roster ${id} is ${r.status}: only a solved draft can be published`);
      const newer = month.find((o) => o.status === 'PUBLISHED' && o.version > r.version);
      if (newer) throw conflict('ROSTER_OUTDATED', `version ${newer.version} of this month is already published; re-plan from it instead`);
      // a re-plan or swap was solved from the version published then: if another has been published since, this one
      // would silently drop that version's changes (a swap recorded in between)
      const current = month.find((o) => o.status === 'PUBLISHED');
      if (r.basedOnId !== null && current && current.id !== r.basedOnId) {
        throw conflict('ROSTER_OUTDATED', `version ${r.version} was planned from an earlier version; version ${current.version} has been published since: re-plan from it instead`);
      }
      for (const other of month) if (other.status === 'PUBLISHED') await this.rosters.setStatus(m, other.id, 'SUPERSEDED');
      await this.rosters.setStatus(m, id, 'PUBLISHED', p.name);
      const published = (await this.rosters.find(m, id))!;
      await this.outbox.add(m, RosterHoursPublishedEvent, hoursOf(published));
      await this.audit.record(m, { entity: 'roster', entityId: id, action: 'PUBLISH', before: { status: r.status }, after: { status: 'PUBLISHED', version: r.version }, districtCode: r.districtCode }, p);
      // the workers the month after's first days look back on: those with shifts in this month's carried days
      const lastDaysWorkers = published.problem ? [...carriedOut(published.problem, published.assignments ?? []).keys()] : [];
      return { community: r.communityCode, month: r.month, lastDaysWorkers };
    }, { isolation: 'READ COMMITTED' });
    await this.recheckMonthAfter(place);
  }

  /** The month after a newly published one, checked again at once (RosterChecksService.recheckMonthAfter); the publication stands whatever it meets. */
  private async recheckMonthAfter(published: { community: string; month: string; lastDaysWorkers: number[] }): Promise<void> {
    try {
      await this.checks.recheckMonthAfter(published.community, published.month, published.lastDaysWorkers, await this.workforce.jobToken());
    } catch (e) {
      this.logger.warn({ msg: 'checking the month after a publication failed', community: published.community, publishedMonth: published.month, err: (e as Error).message });
    }
  }

  /** Re-plans a published roster with today's availability (new leave, secondments), changing as little as possible. */
  async replan(p: Principal, id: number): Promise<RosterView> {
    const base = await this.publishedBase(p, id);
    const newId = await this.newVersion(p, { ...placeOf(base), month: base.month, reason: 'REPLAN', basedOnId: base.id, generationId: null, seed: base.seed, swap: null, createdBy: p.name });
    return this.get(p, newId);
  }

  /** A swap both workers accepted: a new version with the two days exchanged, repaired with least change if a rule breaks. */
  async swap(p: Principal, id: number, swap: SwapRequest): Promise<RosterView> {
    const base = await this.publishedBase(p, id);
    if (!monthDates(base.month).includes(swap.date)) throw validationError('SWAP_DATE_OUTSIDE_MONTH', 'date', `${swap.date} is not in ${base.month}`);
    if (swap.workerId === swap.withWorkerId) throw validationError('SWAP_SAME_WORKER', 'withWorkerId', 'a worker cannot swap with themself');
    const rostered = new Set(base.problem?.workers.map((w) => w.id) ?? []);
    for (const [path, w] of [['workerId', swap.workerId], ['withWorkerId', swap.withWorkerId]] as const) {
      if (!rostered.has(w)) throw validationError('SWAP_WORKER_NOT_ROSTERED', path, `worker ${w} is not on this centre's roster`);
    }
    const onDay = (base.assignments ?? []).filter((a) => a.date === swap.date && (a.workerId === swap.workerId || a.workerId === swap.withWorkerId));
    if (onDay.length === 0) throw validationError('SWAP_NOTHING_TO_SWAP', 'date', `neither worker works on ${swap.date}`);
    const newId = await this.newVersion(p, { ...placeOf(base), month: base.month, reason: 'SWAP', basedOnId: base.id, generationId: null, seed: base.seed, swap, createdBy: p.name });
    return this.get(p, newId);
  }

  /**
   * Declared unavailability (hard) or a preference (soft) of a worker of the community, used by the next solve: one day,
   * or each day of `date`…`until` (a leave of several days, at most a month) — all written, and audited, in one
   * transaction or none of them.
   */
  async request(p: Principal, token: string | undefined, community: string, r: NewWorkerRequest): Promise<WorkerRequestView> {
    if (r.kind === 'SHIFT' && !r.shift) throw validationError('REQUEST_SHIFT_MISSING', 'shift', 'a SHIFT request names the shift template');
    const days = requestDays(r.date, r.until);
    // the community (404 outside the scope) and the worker from the workers service, side by side
    const [place, worker] = await Promise.all([this.workforce.community(community, token), this.workforce.worker(r.workerId, token)]);
    assertServesCommunity(worker, place.code, days[0], days[days.length - 1]);
    const { until: _span, ...oneDay } = r;
    const row = { workerId: r.workerId, kind: r.kind, shift: r.kind === 'SHIFT' ? r.shift! : null, note: r.note ?? null, communityCode: place.code, districtCode: place.districtCode, streetCode: place.streetCode, createdBy: p.name };
    await this.dataSource.transaction(async (m) => {
      await this.requests.upsertMany(m, days.map((date) => ({ ...row, date })));
      await this.audit.recordMany(m, days.map((date) => ({ entity: 'worker_request', entityId: `${r.workerId}:${date}`, action: 'UPSERT', after: { ...oneDay, date }, districtCode: place.districtCode })), p);
    });
    // a binding day off may break a published roster (a preference does not): its count of shifts to change follows now
    if (r.kind === 'UNAVAILABLE') await this.checks.recheck(place.code, days.map((d) => d.slice(0, 7)), token);
    return { community, ...r };
  }

  /** The month's requests of a community in the caller's scope (404 outside it, as the workers service answers). */
  async requestsOf(token: string | undefined, community: string, month: string): Promise<WorkerRequestView[]> {
    const place = await this.workforce.community(community, token);
    const rows = await this.requests.listMonth(this.dataSource.manager, place.code, month);
    return rows.map((r) => ({ community: place.code, workerId: r.workerId, date: r.date, kind: r.kind, ...(r.shift ? { shift: r.shift } : {}), ...(r.note ? { note: r.note } : {}), createdBy: r.createdBy }));
  }

  /** Withdraws a request (a leave cancelled, a wish taken back); the next solve no longer sees it. 404 when there is none. */
  async withdrawRequest(p: Principal, token: string | undefined, community: string, workerId: number, date: string): Promise<void> {
    const place = await this.workforce.community(community, token);
    const removed = await this.dataSource.transaction(async (m) => {
      const removed = await this.requests.remove(m, place.code, workerId, date);
      if (!removed) throw notFound('worker_request', `${workerId}:${date}`);
      await this.audit.record(m, { entity: 'worker_request', entityId: `${workerId}:${date}`, action: 'DELETE', before: removed, districtCode: place.districtCode }, p);
      return removed;
    });
    if (removed.kind === 'UNAVAILABLE') await this.checks.recheck(place.code, [date.slice(0, 7)], token);
  }

  private async publishedBase(p: Principal, id: number): Promise<RosterRow> {
    const base = await this.visible(this.dataSource.manager, p, id);
    if (base.status !== 'PUBLISHED') throw conflict('ROSTER_NOT_PUBLISHED', `roster ${id} is ${base.status}: re-plans and swaps start from the published version`);
    return base;
  }

  /** The month's next version, queued; a concurrent first version of the same month (no row to lock yet) runs again on the unique key. */
  private newVersion(p: Principal, r: NewRoster): Promise<number> {
    return inTransaction(this.dataSource, async (m) => {
      const versions = await this.rosters.lockMonth(m, r.communityCode, r.month);
      const version = versions.reduce((n, v) => Math.max(n, v.version), 0) + 1;
      const id = await this.rosters.insert(m, r, version);
      await this.outbox.add(m, SolveRosterJob, { rosterId: id });
      await this.audit.record(m, { entity: 'roster', entityId: id, action: reasonAction(r.reason), after: { community: r.communityCode, month: r.month, version, basedOn: r.basedOnId, swap: r.swap }, districtCode: r.districtCode }, p);
      return id;
    }, retryTakenVersion);
  }

  private async visible(m: EntityManager, p: Principal, id: number, opts: { light?: boolean } = {}): Promise<RosterRow> {
    const r = await this.rosters.find(m, id, { scope: p.scope, light: opts.light });
    if (!r) throw notFound('roster', id);
    return r;
  }
}

const placeOf = (r: RosterRow) => ({ communityCode: r.communityCode, districtCode: r.districtCode, streetCode: r.streetCode });
const reasonAction = (reason: RosterReason) => (reason === 'GENERATE' ? 'QUEUE' : reason);
