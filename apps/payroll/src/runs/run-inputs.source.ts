import { Injectable, Logger } from '@nestjs/common';
import { DomainError, eachAtMost, parseMoney } from '@cws/kernel';
import { PiiCipher } from '@cws/persistence';
import { rosterDaysOf, sumHours, type FrozenHours, type FrozenWorker, type PayCalendar, type PostBand } from '@cws/payroll-engine';
import { MachineToken, ServiceClient } from '@cws/platform';
import type { HolidayCalendarView, MonthHoursResponse, WorkerMonthHours } from '@cws/scheduler-contracts';
import type { RunInputs } from '@cws/payroll-contracts';
import type { WorkerSnapshot } from '@cws/workers-contracts';
import { WorkforceClient } from '../benchmark/workforce.client';

/** Scheduler reads of cut rosters in flight at once while a run is frozen (leavers and transfers of a city-wide month: hundreds). */
const CUT_READS = 8;

/** One community's published roster hours of a worker. */
interface RosterEntry {
  community: string;
  hours: WorkerMonthHours;
  rosterVersion: number;
}

/** The month's published rosters, by the workers they list (`RunInputsSource.hours`). */
export interface MonthRosters {
  period: string;
  byWorker: Map<number, RosterEntry[]>;
}

/** The month's 调休 as a run froze it (`inputs.calendar`). */
export type FrozenCalendar = NonNullable<RunInputs['calendar']>;

/** The engine's pay calendar from what a run froze: none (plain weekdays) unless the scheduler gave one. */
export function payCalendarOf(frozen: FrozenCalendar | undefined): PayCalendar | null {
  return frozen?.source === 'SCHEDULER' ? { restDays: frozen.restDays, adjustedWorkingDays: frozen.adjustedWorkingDays } : null;
}

/**
 * What a run freezes from other services: the workers snapshot, the roster hours and the holiday
 * calendar, all fetched with the payroll service's own machine credential (no user is behind a
 * queued computation).
 */
@Injectable()
export class RunInputsSource {
  private readonly logger = new Logger('RunInputsSource');

  constructor(
    private readonly cipher: PiiCipher,
    private readonly client: ServiceClient,
    private readonly machine: MachineToken,
    private readonly workforce: WorkforceClient,
  ) {}

  /**
   * The workforce a run of `period` pays in `scope`, frozen page by page (bank accounts encrypted at once): the period's last
   * day, then each leaver (`leavers`: id → last day) as of their last day ({@link WorkforceClient.forEachOfPeriod}).
   */
  async periodPages(period: string, scope: string | null, leavers: ReadonlyMap<number, string>, onPage: (workers: FrozenWorker[], last: boolean) => Promise<void>): Promise<void> {
    await this.workforce.forEachOfPeriod(period, scope, leavers, (items, lastDay, last) => onPage(items.map((s) => this.freeze(s, lastDay)), last));
  }

  /** These workers as `period` had them, wherever they were then (one transferred since was elsewhere); one employed on no day of it is not in the result. */
  async workersIn(period: string, ids: ReadonlySet<number>, leavers: ReadonlyMap<number, string>): Promise<Map<number, FrozenWorker>> {
    const out = new Map<number, FrozenWorker>();
    await this.workforce.forEachOfPeriod(period, null, leavers, async (items, lastDay) => {
      for (const s of items) out.set(s.workerId, this.freeze(s, lastDay));
    }, { only: ids });
    return out;
  }

  freeze(s: WorkerSnapshot, leftDate: string | null): FrozenWorker {
    return {
      workerId: s.workerId, name: s.name, districtCode: s.districtCode, streetCode: s.streetCode, communityCode: s.communityCode,
      ...(s.placeSince ? { placeSince: s.placeSince } : {}),
      employmentType: s.employmentType, postBand: (s.grade !== null && s.gradeBand ? s.gradeBand : s.postBand) as PostBand, education: s.education, hireDate: s.hireDate, leftDate,
      qualificationLevel: s.qualificationLevel === 'NONE' ? null : s.qualificationLevel, bodiesHeld: s.bodiesHeld,
      secondment: s.secondment ? { direction: s.secondment.direction, payer: s.secondment.payer, from: s.secondment.from, to: s.secondment.to } : null,
      // a workers service that does not send it yet: the secondment in force on the last day decides, as before
      ...(s.hostPaidInMonth ? { hostPaidInMonth: s.hostPaidInMonth } : {}),
      grade: typeof s.grade === 'number' ? s.grade : null,
      gradeDerived: s.grade !== null && !!s.gradeDerived,
      bankAccountEnc: s.bankAccount ? this.cipher.encrypt(s.bankAccount) : null,
      primaryBody: s.primaryBody ?? null,
      specialDeductionsYtdFen: String(parseMoney(s.specialDeductionsYtd ?? '0.00')),
      taxFlags: s.taxFlags ?? null,
      hours: null,
    };
  }

  /**
   * The period's 调休 from the scheduler's holiday calendar (`GET /api/scheduler/v1/calendar/{year}`),
   * which decides the paid working days of a partial month. A year not on file is NONE; a scheduler
   * that does not answer is UNAVAILABLE (logged): both pro-rate by plain weekdays, as before there was
   * a calendar, and the run's inputs say which.
   */
  async calendar(period: string): Promise<FrozenCalendar> {
    const inMonth = (days: Array<{ date: string }>) => days.map((d) => d.date).filter((d) => d.startsWith(`${period}-`));
    try {
      const c = await this.client.call<HolidayCalendarView>('scheduler', `/v1/calendar/${period.slice(0, 4)}`, { token: await this.machine.token(), timeoutMs: 30_000 });
      return { source: 'SCHEDULER', restDays: inMonth(c.restDays), adjustedWorkingDays: inMonth(c.adjustedWorkingDays) };
    } catch (e) {
      if (e instanceof DomainError && e.kind === 'NOT_FOUND') return { source: 'NONE', restDays: [], adjustedWorkingDays: [] };
      this.logger.warn({ msg: 'no holiday calendar for the run: plain weekdays', period, error: (e as Error).message });
      return { source: 'UNAVAILABLE', restDays: [], adjustedWorkingDays: [] };
    }
  }

  /**
   * The month's published rosters (`GET /api/scheduler/v1/hours?month=`), the whole city's: a worker transferred during
   * the month has days in a roster of the place they left, maybe outside the run's scope, even when their new place has
   * no roster. `rosters` is null when no roster of the month lists anybody, or when the scheduler does not answer
   * (`unavailable`, logged): no shift or overtime is paid, and the run's inputs say which. A worker's hours come from
   * {@link hoursOf}.
   */
  async hours(period: string): Promise<{ rosters: MonthRosters | null; unavailable: boolean }> {
    const q = new URLSearchParams({ month: period });
    let res: MonthHoursResponse;
    try {
      res = await this.client.call<MonthHoursResponse>('scheduler', `/v1/hours?${q}`, { token: await this.machine.token(), timeoutMs: 30_000 });
    } catch (e) {
      this.logger.warn({ msg: 'no roster hours for the run: the scheduler did not answer', period, error: (e as Error).message });
      return { rosters: null, unavailable: true };
    }
    const byWorker = new Map<number, RosterEntry[]>();
    for (const c of res.communities ?? []) {
      for (const w of c.workers) {
        const list = byWorker.get(w.workerId) ?? [];
        list.push({ community: c.communityCode, hours: w, rosterVersion: c.rosterVersion });
        byWorker.set(w.workerId, list);
      }
    }
    return { rosters: byWorker.size ? { period, byWorker } : null, unavailable: false };
  }

  /** Sets each worker's `hours` ({@link hoursOf}), with at most {@link CUT_READS} scheduler reads at once (most need none). */
  async attachHours(rosters: MonthRosters, workers: FrozenWorker[]): Promise<void> {
    await eachAtMost(workers, CUT_READS, async (w) => {
      w.hours = await this.hoursOf(rosters, w);
    });
  }

  /**
   * A worker's roster hours of the month: every published roster that lists them, each on the days that pay them
   * (`rosterDaysOf`: up to a leaver's last day; a transfer's old and new place split at its date). A roster cut
   * short is read again for that worker and those days (`&worker=&from=&through=`); that read failing fails the
   * freeze, which is retried, so nobody is paid a roster's whole month by default.
   */
  async hoursOf(rosters: MonthRosters, w: FrozenWorker): Promise<FrozenHours | null> {
    const entries = rosters.byWorker.get(w.workerId);
    if (!entries) return null;
    const parts: FrozenHours[] = [];
    for (const e of entries) {
      const days = rosterDaysOf(e.community, w, rosters.period);
      if (!days) continue;
      if (days.from === null && days.through === null) {
        parts.push(frozenHours(e.hours, e.rosterVersion));
        continue;
      }
      const q = new URLSearchParams({ month: rosters.period, community: e.community, worker: String(w.workerId) });
      if (days.from) q.set('from', days.from);
      if (days.through) q.set('through', days.through);
      const one = await this.client.call<MonthHoursResponse>('scheduler', `/v1/hours?${q}`, { token: await this.machine.token(), timeoutMs: 30_000 });
      const [c] = one.communities ?? [];
      const cut = c?.workers.find((x) => x.workerId === w.workerId);
      // the version read first was superseded in between: its successor's days, or none when it no longer lists the worker
      if (cut) parts.push(frozenHours(cut, c.rosterVersion));
    }
    return sumHours(parts);
  }
}

function frozenHours(w: WorkerMonthHours, rosterVersion: number): FrozenHours {
  const o = w.overtimeMinutes;
  return {
    shifts: w.shifts.total,
    overtime: [
      { kind: 'WORKDAY' as const, minutes: o.workday150 },
      { kind: 'REST_DAY' as const, minutes: o.restDay200 },
      { kind: 'HOLIDAY' as const, minutes: o.holiday300 },
    ].filter((x) => x.minutes > 0),
    rosterVersion,
  };
}
