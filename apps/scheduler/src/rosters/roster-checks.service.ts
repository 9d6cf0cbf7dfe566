import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { cityToday, eachAtMost, notFound, type Principal } from '@cws/kernel';
import type { RosterConflictsView, RostersToReplanView } from '@cws/scheduler-contracts';
import { rosterConflicts, type RosterConflict } from '@cws/scheduler-solver';
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
 * Published rosters against today's register: a leaver, a transfer out, leave or a secondment recorded
 * since, a day asked off. The check of one version answers its page; the hourly job checks every
 * published version of this month and later, city-wide, and each check stores how many shifts ahead
 * no longer hold, so the dashboard can name the versions to re-plan without asking about every centre.
 */
@Injectable()
export class RosterChecksService {
  private readonly logger = new Logger('RosterChecks');

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
   * A day asked off, or withdrawn, in a month with a published version: that version is checked again at once, so the
   * rosters to re-plan follow the request without waiting for the hour. A check that cannot be made now keeps the last
   * result for the hourly job; the request itself is already recorded.
   */
  async recheck(community: string, months: readonly string[], token: string | undefined): Promise<void> {
    for (const month of new Set(months)) {
      const r = await this.rosters.publishedCheckable(this.dataSource.manager, community, month);
      if (!r) continue;
      await this.check(r, token).catch((e: unknown) => this.logger.warn({ msg: 'roster re-check failed', rosterId: r.id, err: (e as Error).message }));
    }
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

  /** Checks a version; a published one keeps the count of its shifts from today on that no longer hold. */
  private async check(r: CheckableRoster, token: string | undefined): Promise<RosterConflict[]> {
    const [available, requests] = await Promise.all([
      this.workforce.availability(r.communityCode, r.month, token),
      this.requests.forMonth(this.dataSource.manager, r.communityCode, r.month),
    ]);
    const off = requests.filter((q) => q.kind === 'UNAVAILABLE');
    const conflicts = rosterConflicts(r.assignments ?? [], available, off, cityToday());
    if (r.status === 'PUBLISHED') await this.rosters.recordCheck(this.dataSource.manager, r.id, conflicts.filter((c) => !c.past).length);
    return conflicts;
  }
}
