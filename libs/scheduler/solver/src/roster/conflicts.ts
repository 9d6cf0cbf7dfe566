import type { Assignment } from './model';

/**
 * Why a published shift can no longer be worked as planned: the register says the worker is not
 * available that day (left, transferred away, on leave, seconded out — `NOT_AVAILABLE`), or the
 * worker declared the day unavailable after the roster was solved (`UNAVAILABLE_REQUEST`).
 */
export type ConflictReason = 'NOT_AVAILABLE' | 'UNAVAILABLE_REQUEST';

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
  return out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.workerId - y.workerId));
}
