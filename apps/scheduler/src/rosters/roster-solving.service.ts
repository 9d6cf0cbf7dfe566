import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FinishGenerationJob, SolveRosterJob } from '@cws/scheduler-contracts';
import { JobHandler } from '@cws/messaging';
import { inTransaction } from '@cws/persistence';
import { addDays, cityToday, type PayloadOf } from '@cws/kernel';
import { CARRIED_DAYS, carriedOut, monthHours, rosterProblem, solveRoster, withPastWorkers, type Assignment, type CarriedShift, type RosterProblem, type RosterWorker } from '@cws/scheduler-solver';
import type { Job } from 'bullmq';
import { CalendarService } from '../calendar/calendar.service';
import { CentresService } from '../centres/centres.service';
import { WorkforceClient } from '../workforce/workforce.client';
import { RosterGenerationRepository } from './roster-generation.repository';
import { RosterRepository, type RosterRow } from './roster.repository';
import { WorkerRequestRepository } from './worker-request.repository';

/** Wall-clock cap per centre; the iteration budget normally ends the search long before. */
const SOLVE_TIME_LIMIT_MS = 20_000;

/**
 * Solves queued rosters (single requests and the city-wide flow's children). The job re-reads its
 * row and stops when it is no longer QUEUED, so a redelivery changes nothing. Input: the calendar
 * and centre set-up from this schema, the workforce from the workers API, the worker requests, the
 * last days of the previous month's published roster (rest rules and the week's count look back
 * across the boundary), and for a re-plan the version it is based on (least change against it).
 */
@Injectable()
export class RosterSolvingService {
  private readonly logger = new Logger('RosterSolving');

  constructor(
    private readonly dataSource: DataSource,
    private readonly rosters: RosterRepository,
    private readonly generations: RosterGenerationRepository,
    private readonly requests: WorkerRequestRepository,
    private readonly calendar: CalendarService,
    private readonly centres: CentresService,
    private readonly workforce: WorkforceClient,
  ) {}

  @JobHandler(SolveRosterJob)
  async handle(payload: PayloadOf<typeof SolveRosterJob>, job?: Job): Promise<{ status: string }> {
    const m = this.dataSource.manager;
    const row = await this.rosters.find(m, payload.rosterId, { light: true });
    if (!row || row.status !== 'QUEUED') return { status: 'SKIPPED' };
    try {
      return { status: (await this.solve(row)) ? 'SOLVED' : 'SKIPPED' };
    } catch (e) {
      const lastAttempt = !job || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (!lastAttempt) throw e;
      this.logger.warn({ msg: 'roster failed', rosterId: row.id, error: (e as Error).message });
      await this.rosters.markFailed(m, row.id, (e as Error).message);
      return { status: 'FAILED' };
    }
  }

  @JobHandler(FinishGenerationJob)
  async finish(payload: PayloadOf<typeof FinishGenerationJob>): Promise<{ status: string }> {
    await this.generations.finish(this.dataSource.manager, payload.generationId);
    return { status: 'DONE' };
  }

  private async solve(row: RosterRow): Promise<boolean> {
    const m = this.dataSource.manager;
    const token = await this.workforce.jobToken();
    const [calendar, centre, people, requests, basedOn] = await Promise.all([
      this.calendar.forYear(Number(row.month.slice(0, 4))),
      this.centres.configFor(row.communityCode),
      this.workforce.month(row.communityCode, row.month, token),
      this.requests.forMonth(m, row.communityCode, row.month),
      row.basedOnId ? this.rosters.find(m, row.basedOnId) : Promise.resolve(null),
    ]);
    // each worker carries the 6 days before their first day here from the centre they were in: this one, or the one a
    // transfer brought them from (`arrivedFrom`) — its roster of the month before and, for a transfer later in this
    // month (`arrivedOn`), of this one
    const first = `${row.month}-01`;
    const movedInLater = people.workers.filter((w) => w.arrivedFrom && w.arrivedOn && w.arrivedOn > first);
    const [monthBefore, thisMonth] = await Promise.all([
      this.publishedByCentre(people.workers.map((w) => w.arrivedFrom ?? row.communityCode), addDays(first, -1).slice(0, 7)),
      this.publishedByCentre(movedInLater.map((w) => w.arrivedFrom!), row.month),
    ]);
    const workers: RosterWorker[] = people.workers.map((w) => {
      const origin = w.arrivedFrom ?? row.communityCode;
      const carried = carriedBefore(w.id, w.arrivedOn ?? first, [monthBefore.get(origin), thisMonth.get(origin)]);
      const mine = requests.filter((r) => r.workerId === w.id);
      return {
        id: w.id,
        roles: w.roles,
        ...(w.roleSpans.length ? { roleSpans: w.roleSpans } : {}),
        unavailable: [...new Set([...w.unavailable, ...mine.filter((r) => r.kind === 'UNAVAILABLE').map((r) => r.date)])].sort(),
        requests: mine.filter((r) => r.kind !== 'UNAVAILABLE').map((r) => ({ date: r.date, want: r.kind === 'OFF' ? 'OFF' : (r.shift ?? 'OFF') })),
        ...(carried ? { carriedIn: carried } : {}),
      };
    });
    let previous: Assignment[] | undefined = basedOn?.assignments ?? undefined;
    if (previous && row.swap) {
      const { date, workerId, withWorkerId } = row.swap;
      const swapped = previous.map((a) => (a.date !== date ? a : a.workerId === workerId ? { ...a, workerId: withWorkerId } : a.workerId === withWorkerId ? { ...a, workerId } : a));
      previous = swapped;
      // Both accepted the swap: ask for it firmly, so the least-change search keeps it when the rules allow.
      for (const w of workers) {
        if (w.id !== workerId && w.id !== withWorkerId) continue;
        const mineOn = swapped.find((a) => a.workerId === w.id && a.date === date);
        w.requests = [...(w.requests ?? []).filter((r) => r.date !== date), { date, want: mineOn ? mineOn.shift : 'OFF' }];
      }
    }
    // A re-plan or swap changes what is still ahead: the days before today were worked as published (a swap recorded after
    // its day is already in `previous`, so it is kept with them).
    // A worker the month's read no longer lists (a leaving or transfer back-dated since) keeps the days they worked.
    const today = cityToday();
    const rostered = previous && basedOn?.problem ? withPastWorkers(workers, basedOn.problem, previous, today) : workers;
    const problem = rosterProblem(row.month, centre, rostered, calendar, previous, previous ? today : undefined);
    const result = solveRoster(problem, { seed: row.seed, timeLimitMs: SOLVE_TIME_LIMIT_MS });
    const hours = monthHours(problem, result.assignments);
    // the shifts and who has them (roster_worker) are written together, or neither is
    const solution = { problem, assignments: result.assignments, uncovered: result.uncovered, hours, objective: result.objective };
    return inTransaction(this.dataSource, (tx) => this.rosters.saveSolution(tx, row.id, solution));
  }

  /** Each of these centres' published roster of the month (problem and assignments), if it has one. */
  private async publishedByCentre(communities: readonly string[], month: string): Promise<Map<string, PublishedRoster>> {
    const centres = [...new Set(communities)];
    const rosters = await Promise.all(centres.map((c) => this.rosters.latestPublished(this.dataSource.manager, c, month)));
    return new Map(centres.flatMap((c, i) => {
      const r = rosters[i];
      return r?.problem && r.assignments ? [[c, { problem: r.problem, assignments: r.assignments }] as const] : [];
    }));
  }
}

interface PublishedRoster {
  problem: RosterProblem;
  assignments: Assignment[];
}

/**
 * A worker's shifts in the 6 days before `firstDay` (their first day here) in the rosters of the centre they were in;
 * null when it published neither (nothing carried: those days off, as problems stored before carrying read).
 */
function carriedBefore(workerId: number, firstDay: string, rosters: ReadonlyArray<PublishedRoster | undefined>): CarriedShift[] | null {
  const published = rosters.filter((r): r is PublishedRoster => r !== undefined);
  if (!published.length) return null;
  const days = Array.from({ length: CARRIED_DAYS }, (_, k) => addDays(firstDay, k - CARRIED_DAYS));
  return published.flatMap((r) => carriedOut(r.problem, r.assignments.filter((a) => a.workerId === workerId), days).get(workerId) ?? []);
}
