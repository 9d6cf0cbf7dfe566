import type { RosterAssignmentView } from '@cws/scheduler-contracts';

export interface RosterChange {
  date: string;
  workerId: number;
  /** The shift in the version this one was based on; null = the worker was off that day. */
  before: RosterAssignmentView | null;
  /** The shift in this version; null = now off. */
  after: RosterAssignmentView | null;
}

const key = (a: { workerId: number; date: string }) => `${a.date}|${a.workerId}`;
const same = (a: RosterAssignmentView, b: RosterAssignmentView) => a.shift === b.shift && a.start === b.start && a.end === b.end;

/**
 * What a re-plan or swap changed: every (date, worker) whose shift differs between the base version
 * and this one — added, removed or moved to another shift — by date, then worker. A worker has at
 * most one shift a day (the solver's ONE_SHIFT_PER_DAY rule), so (date, worker) is the key.
 */
export function rosterDiff(before: RosterAssignmentView[], after: RosterAssignmentView[]): RosterChange[] {
  const old = new Map(before.map((a) => [key(a), a]));
  const now = new Map(after.map((a) => [key(a), a]));
  const changes: RosterChange[] = [];
  for (const k of new Set([...old.keys(), ...now.keys()])) {
    const b = old.get(k) ?? null;
    const a = now.get(k) ?? null;
    if (b && a && same(a, b)) continue;
    const { date, workerId } = (a ?? b)!;
    changes.push({ date, workerId, before: b, after: a });
  }
  return changes.sort((x, y) => x.date.localeCompare(y.date) || x.workerId - y.workerId);
}
