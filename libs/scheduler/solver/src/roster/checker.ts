import { addDays } from '@cws/kernel';
import { monthHours, totalOvertime } from './hours';
import { rolesOn, type Assignment, type RosterProblem, type RosterWorker, type ShiftTemplate } from './model';
import { SLOT_MINUTES, toHhmm, toMinutes } from './time';

export const RULES = [
  'COVERAGE', 'ROLE_ON_DUTY', 'ONE_SHIFT_PER_DAY', 'DAILY_HOURS', 'MONTHLY_OVERTIME', 'REST_DAYS_PER_7',
  'REST_BETWEEN_SHIFTS', 'LEAVE', 'OPENING_WINDOW', 'UNKNOWN_SHIFT', 'UNKNOWN_WORKER', 'OUTSIDE_MONTH',
] as const;
export type RuleCode = (typeof RULES)[number];

export interface Violation {
  rule: RuleCode;
  date?: string;
  workerId?: number;
  detail: string;
}

/**
 * An independent check of a roster against every hard rule. It re-derives everything from the
 * problem and the assignment list (dates, clock times, the hours module) and shares no code or
 * state with the solver, so tests can judge the solver's output rather than trust its bookkeeping.
 */
export function checkRoster(problem: RosterProblem, assignments: readonly Assignment[]): Violation[] {
  const out: Violation[] = [];
  const workers = new Set(problem.workers.map((w) => w.id));
  for (const a of assignments) if (!workers.has(a.workerId)) out.push({ rule: 'UNKNOWN_WORKER', workerId: a.workerId, date: a.date, detail: `worker ${a.workerId} is not rosterable here` });
  for (const w of problem.workers) out.push(...checkWorker(problem, w.id, assignments.filter((a) => a.workerId === w.id)));
  out.push(...coverageGaps(problem, assignments).map((g) => ({ rule: 'COVERAGE' as const, date: g.date, detail: `${toHhmm(g.slot)}: ${g.have} on duty, ${g.need} needed` })));
  out.push(...roleGaps(problem, assignments).map((g) => ({ rule: 'ROLE_ON_DUTY' as const, date: g.date, detail: `${g.have} of ${g.roles.join('/')} on duty, ${g.need} needed` })));
  return out;
}

/** The hard rules that concern one worker's month (everything but coverage and roles). */
export function checkWorker(problem: RosterProblem, workerId: number, mine: readonly Assignment[]): Violation[] {
  const out: Violation[] = [];
  const v = (rule: RuleCode, date: string | undefined, detail: string) => out.push({ rule, workerId, date, detail });
  const worker = problem.workers.find((w) => w.id === workerId);
  const templates = new Map(problem.centre.templates.map((t) => [t.code, t]));
  const dayIndex = new Map(problem.days.map((d, i) => [d.date, i]));
  const unavailable = new Set(worker?.unavailable ?? []);
  const perDay = new Map<number, ShiftTemplate>();
  for (const a of mine) {
    const t = templates.get(a.shift);
    const d = dayIndex.get(a.date);
    if (!t) { v('UNKNOWN_SHIFT', a.date, `shift ${a.shift} is not a template`); continue; }
    if (d === undefined) { v('OUTSIDE_MONTH', a.date, `${a.date} is not in ${problem.month}`); continue; }
    if (perDay.has(d)) v('ONE_SHIFT_PER_DAY', a.date, 'two shifts on one day');
    perDay.set(d, t);
    if (unavailable.has(a.date)) v('LEAVE', a.date, 'rostered while on leave or unavailable');
    const paid = toMinutes(t.end) - toMinutes(t.start) - t.breakMinutes;
    if (paid > problem.limits.standardDailyMinutes + problem.limits.maxDailyOvertimeMinutes) v('DAILY_HOURS', a.date, `${paid} minutes in a day`);
    const window = problem.centre.openingWindows[problem.days[d].type];
    if (!window || toMinutes(t.start) < toMinutes(window.from) || toMinutes(t.end) > toMinutes(window.to)) v('OPENING_WINDOW', a.date, `${t.code} outside the opening window`);
  }
  // Shifts worked elsewhere — in the 6 days before the month (day index −6 … −1), on days of it before a transfer in —
  // by day index: the look-back rules see them.
  const elsewhere = carriedByDay(problem, worker);
  const here = (d: number) => perDay.has(d);
  const clock = (d: number) => (here(d) ? { start: toMinutes(perDay.get(d)!.start), end: toMinutes(perDay.get(d)!.end) } : elsewhere.get(d)!);
  // Rest between shifts: the clock from one shift's end to the next one's start, across days (into the month, across a transfer).
  const worked = [...new Set([...elsewhere.keys(), ...perDay.keys()])].sort((a, b) => a - b);
  for (let i = 1; i < worked.length; i++) {
    if (!here(worked[i]) && !here(worked[i - 1])) continue;
    const prevEnd = worked[i - 1] * 1440 + clock(worked[i - 1]).end;
    const nextStart = worked[i] * 1440 + clock(worked[i]).start;
    if (nextStart - prevEnd < problem.limits.minRestBetweenShiftsMinutes) v('REST_BETWEEN_SHIFTS', problem.days[worked[i]].date, `${nextStart - prevEnd} minutes of rest`);
  }
  // Rest days: every run of 7 consecutive days ending in the month holds enough days off; a run
  // whose days worked elsewhere alone leave too few asks only that its days here be off.
  const need = problem.centre.restDaysPer7;
  for (let start = [...elsewhere.keys()].some((d) => d < 0) ? -6 : 0; start + 7 <= problem.days.length; start++) {
    let off = 0;
    let carriedWorked = 0;
    for (let d = start; d < start + 7; d++) {
      if (here(d)) continue;
      if (elsewhere.has(d)) carriedWorked++;
      else off++;
    }
    // A run that starts before the month is dated on the month's first day (the detail names its start).
    const from = addDays(problem.days[0].date, start);
    if (off < Math.min(need, 7 - carriedWorked)) v('REST_DAYS_PER_7', start < 0 ? problem.days[0].date : from, `${off} rest days in the 7 days from ${from}`);
  }
  const hours = monthHours(problem, mine.filter((a) => dayIndex.has(a.date))).find((h) => h.workerId === workerId);
  if (hours && totalOvertime(hours) > problem.limits.maxMonthlyOvertimeMinutes) v('MONTHLY_OVERTIME', undefined, `${totalOvertime(hours)} minutes of overtime in the month`);
  return out;
}

/**
 * The worker's carried-in shifts as clock minutes by day index: −6 … −1 before the month's first day, and days of the
 * month the worker is unavailable here (worked elsewhere before a transfer in); one per day, the first.
 */
function carriedByDay(problem: RosterProblem, worker: RosterWorker | undefined): Map<number, { start: number; end: number }> {
  const out = new Map<number, { start: number; end: number }>();
  const first = problem.days[0]?.date;
  if (!first) return out;
  const unavailable = new Set(worker?.unavailable ?? []);
  for (const s of worker?.carriedIn ?? []) {
    const d = Math.round((Date.parse(`${s.date}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
    const counted = d < 0 ? d >= -6 : d < problem.days.length && unavailable.has(s.date);
    if (counted && !out.has(d)) out.set(d, { start: toMinutes(s.start), end: toMinutes(s.end) });
  }
  return out;
}

/** Minimum staff on `date` for the slot starting at `slot` minutes (0 outside the opening window). */
export function slotNeed(problem: RosterProblem, date: string, slot: number): number {
  const type = problem.days.find((d) => d.date === date)?.type;
  return type ? needOf(problem, type)(slot) : 0;
}

/** The need per slot start for one day type, with the clock times parsed once. */
function needOf(problem: RosterProblem, type: RosterProblem['days'][number]['type']): (slot: number) => number {
  const window = problem.centre.openingWindows[type];
  if (!window) return () => 0;
  const from = toMinutes(window.from);
  const to = toMinutes(window.to);
  const bands = problem.centre.coverage.filter((b) => b.dayTypes.includes(type)).map((b) => ({ from: toMinutes(b.from), to: toMinutes(b.to), min: b.min }));
  return (slot) => {
    if (slot < from || slot + SLOT_MINUTES > to) return 0;
    let need = 0;
    for (const b of bands) if (slot >= b.from && slot + SLOT_MINUTES <= b.to) need = Math.max(need, b.min);
    return need;
  };
}

export interface SlotCover {
  date: string;
  /** Minutes after midnight. */
  slot: number;
  need: number;
  have: number;
}

/** Staff on duty per 30-minute slot of every day (the heatmap), counted from the assignments. */
export function coverageBySlot(problem: RosterProblem, assignments: readonly Assignment[]): SlotCover[] {
  const times = new Map(problem.centre.templates.map((t) => [t.code, { start: toMinutes(t.start), end: toMinutes(t.end) }]));
  const byDate = new Map<string, Array<{ start: number; end: number }>>();
  for (const a of assignments) {
    const t = times.get(a.shift);
    if (!t) continue;
    if (!byDate.has(a.date)) byDate.set(a.date, []);
    byDate.get(a.date)!.push(t);
  }
  const needByType = new Map<string, (slot: number) => number>();
  const out: SlotCover[] = [];
  for (const { date, type } of problem.days) {
    const window = problem.centre.openingWindows[type];
    if (!window) continue;
    if (!needByType.has(type)) needByType.set(type, needOf(problem, type));
    const need = needByType.get(type)!;
    const shifts = byDate.get(date) ?? [];
    for (let slot = toMinutes(window.from); slot + SLOT_MINUTES <= toMinutes(window.to); slot += SLOT_MINUTES) {
      let have = 0;
      for (const t of shifts) if (t.start <= slot && t.end >= slot + SLOT_MINUTES) have++;
      out.push({ date, slot, need: need(slot), have });
    }
  }
  return out;
}

export const coverageGaps = (problem: RosterProblem, assignments: readonly Assignment[]): SlotCover[] =>
  coverageBySlot(problem, assignments).filter((s) => s.have < s.need);

export function roleGaps(problem: RosterProblem, assignments: readonly Assignment[]) {
  const workers = new Map(problem.workers.map((w) => [w.id, w]));
  const holds = (workerId: number, date: string, roles: string[]) => {
    const w = workers.get(workerId);
    return !!w && rolesOn(w, date).some((x) => roles.includes(x));
  };
  const out: Array<{ date: string; roles: string[]; need: number; have: number }> = [];
  for (const { date, type } of problem.days) {
    for (const r of problem.centre.roles) {
      if (!r.dayTypes.includes(type) || r.min <= 0) continue;
      const onDuty = new Set(assignments.filter((a) => a.date === date && holds(a.workerId, date, r.roles)).map((a) => a.workerId));
      if (onDuty.size < r.min) out.push({ date, roles: r.roles, need: r.min, have: onDuty.size });
    }
  }
  return out;
}
