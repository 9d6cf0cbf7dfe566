import type { Assignment, CarriedShift, RosterProblem } from './model';
import { toMinutes } from './time';

/** Days before a month the rules look back over: a 7-day window ending on the 1st starts 6 days earlier. */
export const CARRIED_DAYS = 6;

/**
 * What each worker of a month's (published) roster worked on `dates` — by default its last {@link CARRIED_DAYS} days,
 * as the next month's `carriedIn`; the days before a transfer, as the new centre's — with times from that month's
 * templates and holidays from its day types. Workers with no shift there are absent from the map (they were off).
 */
export function carriedOut(problem: RosterProblem, assignments: readonly Assignment[], dates?: readonly string[]): Map<number, CarriedShift[]> {
  const wanted = new Set(dates ?? problem.days.slice(-CARRIED_DAYS).map((d) => d.date));
  const typeOf = new Map(problem.days.filter((d) => wanted.has(d.date)).map((d) => [d.date, d.type]));
  const templates = new Map(problem.centre.templates.map((t) => [t.code, t]));
  const out = new Map<number, CarriedShift[]>();
  const sorted = [...assignments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const a of sorted) {
    const type = typeOf.get(a.date);
    const t = templates.get(a.shift);
    if (!type || !t) continue;
    const shift: CarriedShift = {
      date: a.date, shift: t.code, start: t.start, end: t.end,
      paidMinutes: toMinutes(t.end) - toMinutes(t.start) - t.breakMinutes,
      ...(type === 'HOLIDAY' ? { holiday: true } : {}),
    };
    out.set(a.workerId, [...(out.get(a.workerId) ?? []), shift]);
  }
  return out;
}

/**
 * What several published versions of one month rostered, together: their workers, and each worker's last
 * {@link CARRIED_DAYS} days across all of them, in date order. The month before a centre's month is its own version and,
 * for a worker a transfer brought in, the old centre's; a worker moved within that month worked in both.
 */
export function carriedOutOf(versions: ReadonlyArray<{ problem: RosterProblem; assignments: readonly Assignment[] }>): {
  workers: Set<number>;
  carried: Map<number, CarriedShift[]>;
} {
  const workers = new Set<number>();
  const carried = new Map<number, CarriedShift[]>();
  for (const v of versions) {
    for (const w of v.problem.workers) workers.add(w.id);
    for (const [id, shifts] of carriedOut(v.problem, v.assignments)) carried.set(id, [...(carried.get(id) ?? []), ...shifts]);
  }
  for (const shifts of carried.values()) shifts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start < b.start ? -1 : 1));
  return { workers, carried };
}
