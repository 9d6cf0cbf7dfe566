import { checkWorker, type RuleCode } from './checker';
import type { Assignment, CarriedShift, RosterProblem } from './model';

/**
 * Why a published shift can no longer be worked as planned: the register says the worker is not
 * available that day (left, transferred away, on leave, seconded out — `NOT_AVAILABLE`), the
 * worker declared the day unavailable after the roster was solved (`UNAVAILABLE_REQUEST`), or the
 * month before, changed since, leaves too little rest before it (`REST_ACROSS_MONTHS`).
 */
export type ConflictReason = 'NOT_AVAILABLE' | 'UNAVAILABLE_REQUEST' | 'REST_ACROSS_MONTHS';

export interface RosterConflict {
  workerId: number;
  date: string;
  shift: string;
  reason: ConflictReason;
  /** Before `today`: it has happened (or not) — a re-plan keeps past days as published and cannot change it. */
  past: boolean;
}

/**
 * The shifts of `assignments` that today's workforce contradicts. `available`: everyone the register
 * has available on at least one day of the month, with the days they are not; a worker missing from
 * it is available on no day. The register's answer wins over a request on the same day. Ordered by
 * date, then worker.
 */
export function rosterConflicts(
  assignments: readonly Assignment[],
  available: ReadonlyArray<{ id: number; unavailable: readonly string[] }>,
  unavailableRequests: ReadonlyArray<{ workerId: number; date: string }>,
  today: string,
): RosterConflict[] {
  const off = new Map(available.map((w) => [w.id, new Set(w.unavailable)]));
  const requested = new Set(unavailableRequests.map((r) => `${r.workerId}|${r.date}`));
  const out: RosterConflict[] = [];
  for (const a of assignments) {
    const days = off.get(a.workerId);
    const reason: ConflictReason | null = !days || days.has(a.date) ? 'NOT_AVAILABLE' : requested.has(`${a.workerId}|${a.date}`) ? 'UNAVAILABLE_REQUEST' : null;
    if (reason) out.push({ workerId: a.workerId, date: a.date, shift: a.shift, reason, past: a.date < today });
  }
  return out.sort(byDateThenWorker);
}

/** The rules whose look-back reaches into the days before the month. */
const ACROSS_RULES: ReadonlySet<RuleCode> = new Set(['REST_BETWEEN_SHIFTS', 'REST_DAYS_PER_7']);

/**
 * The shifts of a month's roster that break a rest rule (11 h between shifts, rest days in every 7) against the
 * month before as published now, when it has changed since the month was solved (a re-plan or swap of its last days).
 * `before`: what the versions of the month before published since rostered — this centre's and those of the centres a
 * transfer brought workers from (`carriedOutOf`): their workers and what each worked in their last 6 days. A worker
 * none of them rostered keeps the days stored with the month. Only breaches the stored days did not make count: the
 * month was sound when solved.
 * Each names the worker's shift on the day the rule is judged on, or their next one. Ordered as `rosterConflicts`.
 */
export function restAcrossMonths(
  problem: RosterProblem,
  assignments: readonly Assignment[],
  before: { workers: ReadonlySet<number>; carried: ReadonlyMap<number, readonly CarriedShift[]> },
  today: string,
): RosterConflict[] {
  const first = problem.days[0]?.date;
  if (!first) return [];
  const out = new Map<string, RosterConflict>();
  for (const w of problem.workers) {
    if (!before.workers.has(w.id)) continue;
    const stored = w.carriedIn ?? [];
    const now = [...(before.carried.get(w.id) ?? []), ...stored.filter((s) => s.date >= first)];
    const key = (c: readonly CarriedShift[]) => c.filter((s) => s.date < first).map((s) => `${s.date} ${s.start}-${s.end}`).sort().join();
    if (key(now) === key(stored)) continue;
    const mine = assignments.filter((a) => a.workerId === w.id).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const breaches = (carriedIn: CarriedShift[]) => {
      const p = { ...problem, workers: problem.workers.map((x) => (x.id === w.id ? { ...x, carriedIn } : x)) };
      return checkWorker(p, w.id, mine).filter((v) => ACROSS_RULES.has(v.rule) && v.date !== undefined);
    };
    const known = new Set(breaches(stored).map((v) => `${v.rule}|${v.date}`));
    for (const v of breaches(now)) {
      if (known.has(`${v.rule}|${v.date}`)) continue;
      const shift = mine.find((a) => a.date >= v.date!);
      if (shift) out.set(`${w.id}|${shift.date}`, { workerId: w.id, date: shift.date, shift: shift.shift, reason: 'REST_ACROSS_MONTHS', past: shift.date < today });
    }
  }
  return [...out.values()].sort(byDateThenWorker);
}

/**
 * The register's conflicts and the rest-across-months ones as one list: a shift both unavailable and short of rest is
 * named once, for the register (re-planning it away settles both). Ordered as `rosterConflicts`.
 */
export function mergeConflicts(register: readonly RosterConflict[], acrossMonths: readonly RosterConflict[]): RosterConflict[] {
  const named = new Set(register.map((c) => `${c.workerId}|${c.date}`));
  return [...register, ...acrossMonths.filter((c) => !named.has(`${c.workerId}|${c.date}`))].sort(byDateThenWorker);
}

/** By date, then worker. */
function byDateThenWorker(x: RosterConflict, y: RosterConflict): number {
  return x.date < y.date ? -1 : x.date > y.date ? 1 : x.workerId - y.workerId;
}
