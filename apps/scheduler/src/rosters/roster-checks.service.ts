import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { addDays, cityToday, eachAtMost, lastDayOfMonth, notFound, type Principal } from '@cws/kernel';
import type { RosterConflictsView, RostersToReplanView } from '@cws/scheduler-contracts';
import { carriedOutOf, mergeConflicts, restAcrossMonths, rosterConflicts, type RosterConflict } from '@cws/scheduler-solver';
import { pacer } from '../common/pacer';
import { WorkforceClient } from '../workforce/workforce.client';
import { RosterRepository, type CheckableRoster } from './roster.repository';
import { WorkerRequestRepository } from './worker-request.repository';

/** Published versions checked at once by the hourly job: each waits on one workers-service read. */
const CHECKS_AT_ONCE = 4;

/**
 * The hourly job's reads of the workers service a minute, at most: half of what that service allows one client
 * (`RATE_LIMIT_PER_MINUTE`, 1,200 by default), so the scheduler's solves, which read as the same client, keep the
 * other half. A city of 1,300 centres planned two months ahead is checked in about four and a half minutes.
 */
const CHECK_READS_PER_MINUTE = 600;

/**
 * The reads a minute, at most, of the checks that register changes ask for: a night's status calendar may move many
 * workers at once, and the solves and the hourly job share the same client's limit.
 */
const CHANGE_READS_PER_MINUTE = 300;

/**
 * Published rosters against today's register: a leaver, a transfer out, leave or a secondment recorded
 * since, a day asked off, a month before published anew whose last days leave too little rest. The check
 * of one version answers its page; the hourly job checks every published version of this month and later,
 * city-wide, and each check stores how many shifts ahead no longer hold, so the dashboard can name the
 * versions to re-plan without asking about every centre.
 */
@Injectable()
export class RosterChecksService {
  private readonly logger = new Logger('RosterChecks');
  /** Paces every register change's checks in this process, however many arrive at once. */
  private readonly changeTurn = pacer(CHANGE_READS_PER_MINUTE);

  constructor(
    private readonly dataSource: DataSource,
    private readonly rosters: RosterRepository,
    private readonly requests: WorkerRequestRepository,
    private readonly workforce: WorkforceClient,
  ) {}

  /** One version's conflicts, read with the caller's token (the workers service applies their scope too). */
  async conflicts(p: Principal, token: string | undefined, id: number): Promise<RosterConflictsView> {
    const r = await this.rosters.checkable(this.dataSource.manager, id, p.scope);
    if (!r) throw notFound('roster', id);
    return { rosterId: r.id, month: r.month, checkedAt: new Date().toISOString(), conflicts: await this.check(r, token) };
  }

  /** Published versions of this month and later in the caller's scope whose last check found shifts ahead to re-plan. */
  toReplan(p: Principal): Promise<RostersToReplanView> {
    return this.rosters.toReplan(this.dataSource.manager, cityToday().slice(0, 7), p.scope).then((items) => ({ items }));
  }

  /**
   * The published versions of a community's months checked again at once, so the rosters to re-plan follow without
   * waiting for the hour: a day asked off or withdrawn (the user's token). A check that cannot be made now keeps the
   * last result for the hourly job; what asked for it stands.
   */
  async recheck(community: string, months: readonly string[], token: string | undefined): Promise<void> {
    for (const month of new Set(months)) {
      const r = await this.rosters.publishedCheckable(this.dataSource.manager, community, month);
      if (!r) continue;
      await this.check(r, token).catch((e: unknown) => this.logger.warn({ msg: 'roster re-check failed', rosterId: r.id, err: (e as Error).message }));
    }
  }

  /**
   * The month after a newly published one, checked again at once: its first days' rest rules look back into the
   * published month's last six days. This centre's version of it; and another centre's with shifts of a worker who
   * works those six days here but has none in this centre's month after (a transfer on the 1st took them there) —
   * only those are searched for, usually none: a search of a whole city's published month by shifts takes seconds
   * (docs/scheduler.md). The publication stands whatever the checks meet; one that cannot be made now keeps its last
   * result for the hourly job.
   */
  async recheckMonthAfter(community: string, month: string, lastDaysWorkers: readonly number[], token: string | undefined): Promise<void> {
    const m = this.dataSource.manager;
    const after = addDays(lastDayOfMonth(month), 1).slice(0, 7);
    const own = await this.rosters.publishedCheckable(m, community, after);
    const staying = new Set((own?.assignments ?? []).map((a) => a.workerId));
    const moved = lastDaysWorkers.filter((w) => !staying.has(w));
    const elsewhere = await this.rosters.publishedElsewhereWithAny(m, after, community, moved);
    for (const r of [...(own ? [own] : []), ...elsewhere]) {
      await this.check(r, token).catch((e: unknown) => this.logger.warn({ msg: 'roster re-check failed', rosterId: r.id, err: (e as Error).message }));
    }
  }

  /**
   * A register change of a worker (the workers service's event): every published version of this month and later with
   * shifts of theirs is checked again with the scheduler's own token, so the rosters to re-plan follow a transfer, a
   * leaver, leave or a secondment within seconds. Versions without them cannot gain a conflict from the change. A
   * failed read throws: the event's job is retried (a check is the same however often it runs).
   */
  async recheckWorker(workerId: number): Promise<{ checked: number; toReplan: number }> {
    const rosters = await this.rosters.publishedCheckableWithWorker(this.dataSource.manager, cityToday().slice(0, 7), workerId);
    const done = { checked: 0, toReplan: 0 };
    if (!rosters.length) return done;
    const token = await this.workforce.jobToken();
    for (const r of rosters) {
      await this.changeTurn();
      const ahead = (await this.check(r, token)).filter((c) => !c.past).length;
      done.checked++;
      if (ahead > 0) done.toReplan++;
    }
    return done;
  }

  /** The hourly job: every published version of this month and later, with the scheduler's own (city-wide) token. */
  async checkPublished(): Promise<{ checked: number; toReplan: number; failed: number }> {
    const ids = await this.rosters.publishedFrom(this.dataSource.manager, cityToday().slice(0, 7));
    const token = await this.workforce.jobToken();
    const done = { checked: 0, toReplan: 0, failed: 0 };
    const turn = pacer(CHECK_READS_PER_MINUTE);
    await eachAtMost(ids, CHECKS_AT_ONCE, async (id) => {
      try {
        const r = await this.rosters.checkable(this.dataSource.manager, id);
        if (!r || r.status !== 'PUBLISHED') return; // superseded since it was listed
        await turn();
        const ahead = (await this.check(r, token)).filter((c) => !c.past).length;
        done.checked++;
        if (ahead > 0) done.toReplan++;
      } catch (e) {
        // one centre the workers service cannot answer for keeps its last result; the others go on
        done.failed++;
        this.logger.warn({ msg: 'roster check failed', rosterId: id, err: (e as Error).message });
      }
    });
    this.logger.log({ msg: 'published rosters checked', ...done });
    return done;
  }

  /** Checks a version; a published one keeps the count of its shifts from today on that no longer hold (unless a later-begun check has). */
  private async check(r: CheckableRoster, token: string | undefined): Promise<RosterConflict[]> {
    const asOf = new Date();
    const today = cityToday(asOf);
    const [available, requests, acrossMonths] = await Promise.all([
      this.workforce.availability(r.communityCode, r.month, token),
      this.requests.forMonth(this.dataSource.manager, r.communityCode, r.month),
      this.restAcrossMonths(r, today),
    ]);
    const off = requests.filter((q) => q.kind === 'UNAVAILABLE');
    const all = mergeConflicts(rosterConflicts(r.assignments ?? [], available, off, today), acrossMonths);
    if (r.status === 'PUBLISHED') await this.rosters.recordCheck(this.dataSource.manager, r.id, all.filter((c) => !c.past).length, asOf);
    return all;
  }

  /**
   * The version's shifts that break a rest rule against the month before as published now: this centre's, and for a
   * worker a transfer brought here, the old centre's. Only versions of that month published after this one was solved
   * (a re-plan or swap of its last days, or a first publication) are read whole; otherwise what the version carried is
   * what that month still says.
   */
  private async restAcrossMonths(r: CheckableRoster, today: string): Promise<RosterConflict[]> {
    const m = this.dataSource.manager;
    const month = addDays(`${r.month}-01`, -1).slice(0, 7);
    // only a worker with shifts this month can break a rule with them
    const rostered = [...new Set((r.assignments ?? []).map((a) => a.workerId))];
    const beforeIds = await this.rosters.publishedSinceSolved(m, r.id, month, rostered);
    if (!beforeIds.length) return [];
    const [mine, ...befores] = await Promise.all([r.id, ...beforeIds].map((id) => this.rosters.find(m, id)));
    if (!mine?.problem) return [];
    const before = befores.flatMap((b) => (b?.problem && b.assignments ? [{ problem: b.problem, assignments: b.assignments }] : []));
    return restAcrossMonths(mine.problem, r.assignments ?? [], carriedOutOf(before), today);
  }
}
