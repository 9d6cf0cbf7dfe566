// Independent checker for a Curtois & Qu solution: it reads only the instance and the list of
// assignments, and shares no code or bookkeeping with the solver. DOMAIN.md §7 edge rules: days
// outside the horizon are off; a block touching either edge is never too short; weekend k is days
// 7k+5 (Saturday) and 7k+6 (Sunday), day 0 being a Monday.
import type { CurtoisAssignment, CurtoisInstance } from './model';

export type CurtoisHardRule =
  | 'invalid-assignment'
  | 'one-shift-a-day'
  | 'forbidden-succession'
  | 'max-shifts-of-type'
  | 'max-total-minutes'
  | 'min-total-minutes'
  | 'max-consecutive-shifts'
  | 'min-consecutive-shifts'
  | 'min-consecutive-days-off'
  | 'max-weekends'
  | 'day-off';

export interface CurtoisHardViolation {
  rule: CurtoisHardRule;
  employee: string;
  day?: number;
  detail: string;
}

export interface CurtoisEvaluation {
  objective: number;
  feasible: boolean;
  violations: CurtoisHardViolation[];
  /** The objective split by source, for reports. */
  parts: { onRequests: number; offRequests: number; under: number; over: number };
}

/** Maximal runs of equal `working` value: [start, length, working]. */
function runs(worked: boolean[]): Array<[number, number, boolean]> {
  const out: Array<[number, number, boolean]> = [];
  let start = 0;
  for (let d = 1; d <= worked.length; d++) {
    if (d === worked.length || worked[d] !== worked[start]) {
      out.push([start, d - start, worked[start]]);
      start = d;
    }
  }
  return out;
}

export function evaluateCurtois(instance: CurtoisInstance, assignments: readonly CurtoisAssignment[]): CurtoisEvaluation {
  const H = instance.horizon;
  const shiftById = new Map(instance.shifts.map((s) => [s.id, s]));
  const staffIds = new Set(instance.staff.map((s) => s.id));
  const violations: CurtoisHardViolation[] = [];
  // grid[employee][day] = shift id or undefined (off)
  const grid = new Map<string, Array<string | undefined>>(instance.staff.map((s) => [s.id, new Array<string | undefined>(H)]));
  for (const a of assignments) {
    if (!staffIds.has(a.employee) || !shiftById.has(a.shift) || !Number.isInteger(a.day) || a.day < 0 || a.day >= H) {
      violations.push({ rule: 'invalid-assignment', employee: a.employee, day: a.day, detail: `unknown employee, shift or day: ${a.employee},${a.day},${a.shift}` });
      continue;
    }
    const row = grid.get(a.employee)!;
    if (row[a.day] !== undefined) {
      violations.push({ rule: 'one-shift-a-day', employee: a.employee, day: a.day, detail: `${row[a.day]} and ${a.shift} on the same day` });
      continue;
    }
    row[a.day] = a.shift;
  }

  for (const st of instance.staff) {
    const row = grid.get(st.id)!;
    const v = (rule: CurtoisHardRule, detail: string, day?: number): void => {
      violations.push({ rule, employee: st.id, day, detail });
    };
    for (let d = 0; d + 1 < H; d++) {
      const today = row[d];
      const tomorrow = row[d + 1];
      if (today !== undefined && tomorrow !== undefined && shiftById.get(today)!.cannotFollow.includes(tomorrow)) {
        v('forbidden-succession', `${tomorrow} may not follow ${today}`, d + 1);
      }
    }
    const counts = new Map<string, number>();
    let minutes = 0;
    for (const s of row) {
      if (s === undefined) continue;
      counts.set(s, (counts.get(s) ?? 0) + 1);
      minutes += shiftById.get(s)!.minutes;
    }
    for (const [s, n] of counts) {
      const max = st.maxShifts[s];
      if (max !== undefined && n > max) v('max-shifts-of-type', `${n} shifts of ${s}, at most ${max}`);
    }
    if (minutes > st.maxTotalMinutes) v('max-total-minutes', `${minutes} minutes, at most ${st.maxTotalMinutes}`);
    if (minutes < st.minTotalMinutes) v('min-total-minutes', `${minutes} minutes, at least ${st.minTotalMinutes}`);
    const worked = row.map((s) => s !== undefined);
    for (const [start, length, working] of runs(worked)) {
      const touchesEdge = start === 0 || start + length === H;
      if (working && length > st.maxConsecutiveShifts) {
        v('max-consecutive-shifts', `${length} shifts in a row from day ${start}, at most ${st.maxConsecutiveShifts}`, start);
      }
      if (working && !touchesEdge && length < st.minConsecutiveShifts) {
        v('min-consecutive-shifts', `${length} shifts in a row from day ${start}, at least ${st.minConsecutiveShifts}`, start);
      }
      if (!working && !touchesEdge && length < st.minConsecutiveDaysOff) {
        v('min-consecutive-days-off', `${length} days off in a row from day ${start}, at least ${st.minConsecutiveDaysOff}`, start);
      }
    }
    let weekends = 0;
    for (let sat = 5; sat < H; sat += 7) if (worked[sat] || (sat + 1 < H && worked[sat + 1])) weekends++;
    if (weekends > st.maxWeekends) v('max-weekends', `${weekends} weekends worked, at most ${st.maxWeekends}`);
    for (const d of instance.daysOff[st.id] ?? []) if (worked[d]) v('day-off', `works on a day off`, d);
  }

  const at = (e: string, d: number): string | undefined => grid.get(e)?.[d];
  const parts = { onRequests: 0, offRequests: 0, under: 0, over: 0 };
  for (const r of instance.onRequests) if (at(r.employee, r.day) !== r.shift) parts.onRequests += r.weight;
  for (const r of instance.offRequests) if (at(r.employee, r.day) === r.shift) parts.offRequests += r.weight;
  for (const c of instance.cover) {
    let n = 0;
    for (const st of instance.staff) if (at(st.id, c.day) === c.shift) n++;
    parts.under += c.underWeight * Math.max(0, c.requirement - n);
    parts.over += c.overWeight * Math.max(0, n - c.requirement);
  }
  return {
    objective: parts.onRequests + parts.offRequests + parts.under + parts.over,
    feasible: violations.length === 0,
    violations,
    parts,
  };
}
