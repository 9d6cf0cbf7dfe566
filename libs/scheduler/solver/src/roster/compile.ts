import { isWorkingDayType, workingDaysByWeek, type DayType } from './calendar';
import { rolesOn, type RosterProblem } from './model';
import { addDays } from '@cws/kernel';
import { SLOT_MINUTES, isoWeekKey, toMinutes } from './time';

export const SLOTS_PER_DAY = (24 * 60) / SLOT_MINUTES;

export interface CompiledTemplate {
  code: string;
  start: number;
  end: number;
  paid: number;
  /** First and past-last 30-minute slot the shift covers. */
  slotFrom: number;
  slotTo: number;
  late: boolean;
}

/** The problem as flat arrays indexed by day, slot, worker and template: what the solver loops over. */
export interface Compiled {
  problem: RosterProblem;
  nDays: number;
  nWorkers: number;
  dates: string[];
  types: DayType[];
  weekIndex: number[];
  /** Per day, the calendar's working days of its ISO week (`workingDaysByWeek`): worked days beyond are rest days worked. */
  weekWorkingDays: number[];
  /** demand[d][slot]: minimum staff (0 outside the opening window). */
  demand: number[][];
  /** The slots of day d with any demand: [needFrom, needTo). */
  needFrom: number[];
  needTo: number[];
  /** Templates usable on day d: inside that day type's opening window. */
  usable: number[][];
  templates: CompiledTemplate[];
  workerIds: number[];
  /** available[w][d]. */
  available: boolean[][];
  /** For each role requirement: which workers qualify on each day (qualifies[w][d]), and the min per day (0 on other day types). */
  roleReqs: Array<{ qualifies: boolean[][]; minByDay: number[] }>;
  /** request[w][d]: -2 none, -1 wants the day off, t ≥ 0 wants template t (-3 wants an unknown shift: ignored). */
  request: number[][];
  /** previous[w][d]: the published template index, -1 off, or null when not re-planning. */
  previous: number[][] | null;
  /** Days 0 … frozenDays − 1 have happened (`frozenBefore`): they keep `previous` and no move touches them. */
  frozenDays: number;
  /** Workers counted for fairness: available on at least half of the month. */
  fairWorkers: boolean[];
  isHoliday: boolean[];
  isWeekend: boolean[];
  isWorkingDay: boolean[];
  /**
   * The days before the month, per worker, from `carriedIn` (all off when absent), precomputed so
   * the row check allocates nothing. carriedDrop[w][d], d < 7: 1 when day d − 7 was worked (it
   * leaves the 7-day window ending at d).
   */
  carriedDrop: number[][];
  /** Worked days among the 6 before the month: the 7-day window's count before day 0. */
  carriedWindow: number[];
  /** Earliest shift start, in minutes after day 0's midnight, that the rest after the last carried shift allows. */
  carriedEarliestStart: number[];
  /** Non-holiday days worked before the month in day 0's ISO week: that week's count starts there. */
  carriedWeekDays: number[];
  /**
   * elsewhereStart[w][d] / elsewhereEnd[w][d]: the clock minutes of a shift worked in another centre on day d of the
   * month (a carried shift before a transfer in; the worker is unavailable here that day), −1 when none. The row
   * check counts it as a worked day for rest days and the week, and keeps the rest between it and a shift here.
   */
  elsewhereStart: Int16Array[];
  elsewhereEnd: Int16Array[];
}

export function compile(problem: RosterProblem): Compiled {
  const dates = problem.days.map((d) => d.date);
  const types = problem.days.map((d) => d.type);
  const nDays = dates.length;
  const lateAfter = toMinutes(problem.limits.lateAfter);
  const templates: CompiledTemplate[] = problem.centre.templates.map((t) => {
    const start = toMinutes(t.start);
    const end = toMinutes(t.end);
    return {
      code: t.code, start, end, paid: end - start - t.breakMinutes,
      slotFrom: Math.ceil(start / SLOT_MINUTES), slotTo: Math.floor(end / SLOT_MINUTES), late: end > lateAfter,
    };
  });
  const maxPaid = problem.limits.standardDailyMinutes + problem.limits.maxDailyOvertimeMinutes;
  const weekKeys = new Map<string, number>();
  const weekIndex = dates.map((date) => {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    const key = d.toISOString().slice(0, 10);
    if (!weekKeys.has(key)) weekKeys.set(key, weekKeys.size);
    return weekKeys.get(key)!;
  });
  const demand: number[][] = [];
  const usable: number[][] = [];
  for (let d = 0; d < nDays; d++) {
    const row = new Array<number>(SLOTS_PER_DAY).fill(0);
    const window = problem.centre.openingWindows[types[d]];
    const ok: number[] = [];
    if (window) {
      const wFrom = toMinutes(window.from);
      const wTo = toMinutes(window.to);
      for (const band of problem.centre.coverage) {
        if (!band.dayTypes.includes(types[d])) continue;
        const from = Math.max(toMinutes(band.from), wFrom);
        const to = Math.min(toMinutes(band.to), wTo);
        for (let s = Math.floor(from / SLOT_MINUTES); s * SLOT_MINUTES < to; s++) row[s] = Math.max(row[s], band.min);
      }
      templates.forEach((t, i) => {
        if (t.start >= wFrom && t.end <= wTo && t.paid > 0 && t.paid <= maxPaid && t.end > t.start) ok.push(i);
      });
    }
    demand.push(row);
    usable.push(ok);
  }
  const needFrom = demand.map((row) => { const i = row.findIndex((v) => v > 0); return i < 0 ? 0 : i; });
  const needTo = demand.map((row) => { let i = row.length; while (i > 0 && row[i - 1] === 0) i--; return i; });
  const index = new Map(dates.map((d, i) => [d, i]));
  const tIndex = new Map(templates.map((t, i) => [t.code, i]));
  const workerIds = problem.workers.map((w) => w.id);
  const available = problem.workers.map((w) => {
    const un = new Set(w.unavailable);
    return dates.map((d) => !un.has(d));
  });
  const request = problem.workers.map((w) => {
    const row = new Array<number>(nDays).fill(-2);
    for (const r of w.requests ?? []) {
      const d = index.get(r.date);
      if (d !== undefined) row[d] = r.want === 'OFF' ? -1 : (tIndex.get(r.want) ?? -3);
    }
    return row;
  });
  const roleReqs = problem.centre.roles.map((r) => ({
    qualifies: problem.workers.map((w) => dates.map((date) => rolesOn(w, date).some((x) => r.roles.includes(x)))),
    minByDay: types.map((t) => (r.dayTypes.includes(t) ? r.min : 0)),
  }));
  let previous: number[][] | null = null;
  if (problem.previous) {
    const wIndex = new Map(workerIds.map((id, i) => [id, i]));
    previous = workerIds.map(() => new Array<number>(nDays).fill(-1));
    for (const a of problem.previous) {
      const w = wIndex.get(a.workerId);
      const d = index.get(a.date);
      const t = tIndex.get(a.shift);
      if (w !== undefined && d !== undefined && t !== undefined) previous[w][d] = t;
    }
  }
  // Days that have happened stay as published: only their worked cells may be on (whatever leave says now), none may change.
  const frozenDays = previous && problem.frozenBefore ? dates.filter((d) => d < problem.frozenBefore!).length : 0;
  for (let d = 0; d < frozenDays; d++) {
    for (let w = 0; w < workerIds.length; w++) {
      const t = previous![w][d];
      available[w][d] = t >= 0;
      if (t >= 0 && !usable[d].includes(t)) usable[d].push(t);
    }
  }
  return {
    problem, nDays, nWorkers: workerIds.length, dates, types, weekIndex, weekWorkingDays: weekWorkingDaysOf(problem, dates), demand, needFrom, needTo, usable, templates, workerIds, available,
    roleReqs, request, previous, frozenDays,
    fairWorkers: available.map((row) => row.filter(Boolean).length * 2 >= nDays),
    isHoliday: types.map((t) => t === 'HOLIDAY'),
    isWeekend: types.map((t) => t === 'WEEKEND'),
    isWorkingDay: types.map(isWorkingDayType),
    ...carriedLimits(problem, dates, available),
  };
}

type CarriedFields = Pick<Compiled, 'carriedDrop' | 'carriedWindow' | 'carriedEarliestStart' | 'carriedWeekDays' | 'elsewhereStart' | 'elsewhereEnd'>;

/**
 * Each worker's carried days as counts and bounds: those before the month, and those of the month worked elsewhere
 * (on a day the worker is unavailable here; one per day, the first).
 */
function carriedLimits(problem: RosterProblem, dates: readonly string[], available: readonly boolean[][]): CarriedFields {
  const day0 = dates[0];
  const offsets = new Map<string, number>();
  for (let k = 1; day0 && k <= 6; k++) offsets.set(addDays(day0, -k), -k);
  const index = new Map(dates.map((d, i) => [d, i]));
  const week0 = day0 ? isoWeekKey(day0) : '';
  const minRest = problem.limits.minRestBetweenShiftsMinutes;
  const out: CarriedFields = { carriedDrop: [], carriedWindow: [], carriedEarliestStart: [], carriedWeekDays: [], elsewhereStart: [], elsewhereEnd: [] };
  problem.workers.forEach((w, wi) => {
    const drop = new Array<number>(7).fill(0);
    const start = new Int16Array(dates.length).fill(-1);
    const end = new Int16Array(dates.length).fill(-1);
    let earliest = Number.NEGATIVE_INFINITY;
    let weekDays = 0;
    for (const s of w.carriedIn ?? []) {
      const d = index.get(s.date);
      if (d !== undefined) {
        if (!available[wi][d] && start[d] < 0) [start[d], end[d]] = [toMinutes(s.start), toMinutes(s.end)];
        continue;
      }
      const k = offsets.get(s.date);
      if (k === undefined || drop[7 + k]) continue;
      drop[7 + k] = 1;
      earliest = Math.max(earliest, k * 1440 + toMinutes(s.end) + minRest);
      if (!s.holiday && isoWeekKey(s.date) === week0) weekDays++;
    }
    out.carriedDrop.push(drop);
    out.carriedWindow.push(drop.reduce((a, b) => a + b, 0));
    out.carriedEarliestStart.push(earliest);
    out.carriedWeekDays.push(weekDays);
    out.elsewhereStart.push(start);
    out.elsewhereEnd.push(end);
  });
  return out;
}

function weekWorkingDaysOf(problem: RosterProblem, dates: readonly string[]): number[] {
  const byWeek = workingDaysByWeek(problem.days, problem.limits.standardDaysPerWeek);
  return dates.map((date) => byWeek.get(isoWeekKey(date)) ?? problem.limits.standardDaysPerWeek);
}
