import { addDays, validationError } from '@cws/kernel';
import type { Assignment, CarriedShift, RosterProblem, RosterWorker } from './model';
import { workingDaysByWeek, type DayType } from './calendar';
import { isoWeekKey, toMinutes } from './time';

/** The month's hours of one worker; the same shape as `WorkerMonthHours` in @cws/scheduler-contracts. */
export interface WorkerHours {
  workerId: number;
  workedMinutes: number;
  overtimeMinutes: { workday150: number; restDay200: number; holiday300: number };
  shifts: { total: number; late: number; weekend: number; holiday: number };
}

/**
 * Hours and overtime by kind, per worker (DOMAIN §5): on a statutory holiday every minute is 300 %;
 * a worked day of one ISO week beyond the calendar's working days of that week (`workingDaysByWeek`:
 * the 6th or 7th in a standard week, the 7th in one with a 调休 make-up day, the 4th in a holiday
 * week of three; holidays aside; a week that began in the previous month, or before a transfer in, counts
 * the worker's carried-in days of it too) is a rest day worked without time off in lieu, 200 %; on other days the
 * minutes beyond the standard day are 150 %. Carried days are paid with their own month or centre: they only
 * advance the count here.
 * Unknown shifts are ignored here (the checker reports them). Every worker of the problem gets a row.
 */
export function monthHours(problem: RosterProblem, assignments: readonly Assignment[]): WorkerHours[] {
  const typeOf = new Map(problem.days.map((d) => [d.date, d.type]));
  const templates = new Map(problem.centre.templates.map((t) => [t.code, t]));
  const lateAfter = toMinutes(problem.limits.lateAfter);
  const byWorker = new Map<number, Assignment[]>(problem.workers.map((w) => [w.id, []]));
  const carried = new Map(problem.workers.map((w) => [w.id, w.carriedIn ?? []]));
  const elsewhere = new Map(problem.workers.map((w) => [w.id, elsewhereDays(w, typeOf)]));
  const firstDay = problem.days[0]?.date;
  const workingDays = workingDaysByWeek(problem.days, problem.limits.standardDaysPerWeek);
  for (const a of assignments) byWorker.get(a.workerId)?.push(a);
  return [...byWorker.entries()].map(([workerId, list]) => {
    const row: WorkerHours = {
      workerId, workedMinutes: 0,
      overtimeMinutes: { workday150: 0, restDay200: 0, holiday300: 0 },
      shifts: { total: 0, late: 0, weekend: 0, holiday: 0 },
    };
    const daysPerWeek = firstDay ? carriedWeekCounts(carried.get(workerId) ?? [], firstDay) : new Map<string, number>();
    // the days of the month worked elsewhere (before a transfer in) count toward their week, in date order with these
    const countOnly = (elsewhere.get(workerId) ?? []).filter((date) => !list.some((a) => a.date === date)).map((date) => ({ date, shift: null }));
    for (const a of [...list, ...countOnly].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0))) {
      if (a.shift === null) {
        daysPerWeek.set(isoWeekKey(a.date), (daysPerWeek.get(isoWeekKey(a.date)) ?? 0) + 1);
        continue;
      }
      const t = templates.get(a.shift);
      const type = typeOf.get(a.date);
      if (!t || !type) continue;
      const paid = toMinutes(t.end) - toMinutes(t.start) - t.breakMinutes;
      row.workedMinutes += paid;
      row.shifts.total++;
      if (toMinutes(t.end) > lateAfter) row.shifts.late++;
      if (type === 'WEEKEND') row.shifts.weekend++;
      if (type === 'HOLIDAY') {
        row.shifts.holiday++;
        row.overtimeMinutes.holiday300 += paid;
        continue;
      }
      const week = isoWeekKey(a.date);
      const n = (daysPerWeek.get(week) ?? 0) + 1;
      daysPerWeek.set(week, n);
      if (n > (workingDays.get(week) ?? problem.limits.standardDaysPerWeek)) row.overtimeMinutes.restDay200 += paid;
      else row.overtimeMinutes.workday150 += Math.max(0, paid - problem.limits.standardDailyMinutes);
    }
    return row;
  });
}

export const totalOvertime = (h: WorkerHours): number => h.overtimeMinutes.workday150 + h.overtimeMinutes.restDay200 + h.overtimeMinutes.holiday300;

/** The non-holiday days of the month a worker carried in a shift from elsewhere, on a day unavailable here (one per date). */
function elsewhereDays(w: RosterWorker, typeOf: ReadonlyMap<string, DayType>): string[] {
  if (!w.carriedIn?.length) return [];
  const unavailable = new Set(w.unavailable);
  return [...new Set(w.carriedIn.map((s) => s.date))].filter((date) => unavailable.has(date) && typeOf.has(date) && typeOf.get(date) !== 'HOLIDAY');
}

/** Worked days per ISO week among the carried shifts of the 6 days before `firstDay` (holidays aside; one per date, the first). */
function carriedWeekCounts(shifts: readonly CarriedShift[], firstDay: string): Map<string, number> {
  const from = addDays(firstDay, -6);
  const seen = new Set<string>();
  const out = new Map<string, number>();
  for (const s of shifts) {
    if (s.date < from || s.date >= firstDay || seen.has(s.date)) continue;
    seen.add(s.date);
    if (!s.holiday) out.set(isoWeekKey(s.date), (out.get(isoWeekKey(s.date)) ?? 0) + 1);
  }
  return out;
}

/**
 * One worker's hours of the month on the days `from`…`through` (inclusive, either open): the shifts outside
 * are dropped — after the last day of a worker who left, before or after a transfer — while the published
 * roster still lists them. A dropped day was not worked here, so it counts toward no week either: each kept
 * minute has the kind it has among the kept days and the days carried in (a roster solved after a transfer in
 * carries the old centre's days before it, so a 6th day across the transfer is a rest day worked). Null when the
 * worker is not on the roster.
 */
export function hoursBetween(problem: RosterProblem, assignments: readonly Assignment[], workerId: number, from: string | null, through: string | null): WorkerHours | null {
  if (!problem.workers.some((w) => w.id === workerId)) return null;
  const kept = assignments.filter((a) => a.workerId === workerId && (from === null || a.date >= from) && (through === null || a.date <= through));
  return monthHours({ ...problem, workers: problem.workers.filter((w) => w.id === workerId) }, kept)[0];
}

/** One worker's days of a community's month, as `GET /v1/hours` is asked for them (`hoursBetween`). */
export interface WorkerDays {
  community: string;
  workerId: number;
  from: string | null;
  through: string | null;
}

/** `GET /v1/hours`'s query: a month, optionally one community; `worker` with `from` and/or `through` keeps that worker's days in between. */
export interface HoursQuery {
  month: string;
  community?: string;
  worker?: string;
  from?: string;
  through?: string;
}

/**
 * What an hours query asks for: the month (null) or one worker's days of one community. The worker, the community
 * and at least one end go together; the ends are days of the month, in order. A refusal names the field (400).
 */
export function workerDaysOf(q: HoursQuery): WorkerDays | null {
  const days = q.from !== undefined || q.through !== undefined;
  if (q.worker === undefined && !days) return null;
  if (q.worker === undefined) throw validationError('HOURS_DAYS_NEED_WORKER', 'worker', '`from` and `through` bound one worker’s days: name the worker');
  if (!days) throw validationError('HOURS_WORKER_NEEDS_DAYS', 'through', '`worker` asks for some of one worker’s days: give `from` and/or `through`');
  if (q.community === undefined) throw validationError('HOURS_WORKER_NEEDS_COMMUNITY', 'community', 'one worker’s days are read from one community’s roster: give `community`');
  for (const [path, day] of [['from', q.from], ['through', q.through]] as const) {
    if (day !== undefined && day.slice(0, 7) !== q.month) throw validationError('HOURS_DAY_OUTSIDE_MONTH', path, `${day} is not in ${q.month}`);
  }
  if (q.from !== undefined && q.through !== undefined && q.from > q.through) throw validationError('HOURS_FROM_AFTER_THROUGH', 'from', `${q.from} is after ${q.through}`);
  return { community: q.community, workerId: Number(q.worker), from: q.from ?? null, through: q.through ?? null };
}
