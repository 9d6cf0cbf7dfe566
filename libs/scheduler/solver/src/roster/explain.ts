import { checkWorker, coverageGaps, roleGaps, type RuleCode } from './checker';
import { rolesOn, type Assignment, type RosterProblem } from './model';
import { SLOT_MINUTES, toHhmm, toMinutes } from './time';

/** Why a slot stays uncovered: a hard rule, or a fact of the input. */
export type GapReason = RuleCode | 'NO_WORKERS' | 'NO_SHIFT_TEMPLATE' | 'SOLVER_LIMIT';

export interface UncoveredSlot {
  date: string;
  from: string;
  to: string;
  rule: GapReason;
  /** Staff missing over the range (the largest shortfall of its slots); for a role gap, people of the role missing. */
  missing: number;
  /** Set for a role gap (nobody of these roles on duty that day, over the day's window). */
  role?: string;
}

// When several rules block different workers, the most frequent is named; ties go to the first here.
const PRIORITY: GapReason[] = ['LEAVE', 'REST_DAYS_PER_7', 'MONTHLY_OVERTIME', 'REST_BETWEEN_SHIFTS', 'ONE_SHIFT_PER_DAY', 'DAILY_HOURS', 'OPENING_WINDOW'];

/**
 * Names each uncovered slot with the rule that prevented covering it: for every worker, what stops
 * them from taking a shift over that slot (on leave, already on a shift that day, or the hard rule
 * that adding such a shift would break, as the checker sees it). If someone could take it without
 * breaking a rule, the search simply did not find it: SOLVER_LIMIT. Adjacent slots with one reason
 * merge into one range. A role shortfall is one range over the day's window, with `role` set and
 * the rule that kept each holder of the role off duty (e.g. LEAVE when they are all away).
 */
export function explainGaps(problem: RosterProblem, assignments: readonly Assignment[]): UncoveredSlot[] {
  const gaps = coverageGaps(problem, assignments);
  const out: UncoveredSlot[] = [];
  const mineCache = new Map<number, Assignment[]>();
  const mine = (id: number) => {
    if (!mineCache.has(id)) mineCache.set(id, assignments.filter((a) => a.workerId === id));
    return mineCache.get(id)!;
  };
  for (const g of gaps) {
    const rule = blame(problem, g.date, g.slot, mine);
    const last = out[out.length - 1];
    if (last && last.date === g.date && last.rule === rule && last.to === toHhmm(g.slot)) {
      last.to = toHhmm(g.slot + SLOT_MINUTES);
      last.missing = Math.max(last.missing, g.need - g.have);
    } else {
      out.push({ date: g.date, from: toHhmm(g.slot), to: toHhmm(g.slot + SLOT_MINUTES), rule, missing: g.need - g.have });
    }
  }
  for (const r of roleGaps(problem, assignments)) {
    const type = problem.days.find((d) => d.date === r.date)!.type;
    const window = problem.centre.openingWindows[type];
    const rule = blameRole(problem, r.date, r.roles, mine);
    out.push({ date: r.date, from: window?.from ?? '00:00', to: window?.to ?? '24:00', rule, missing: r.need - r.have, role: r.roles.join('/') });
  }
  return out;
}

/** Why no more workers of `roles` are on duty on `date`: what stops each of those who are not. */
function blameRole(problem: RosterProblem, date: string, roles: string[], mine: (id: number) => Assignment[]): GapReason {
  const holders = problem.workers.filter((w) => rolesOn(w, date).some((x) => roles.includes(x)));
  if (holders.length === 0) return 'NO_WORKERS';
  const counts = new Map<GapReason, number>();
  for (const w of holders) {
    const own = mine(w.id);
    if (own.some((a) => a.date === date)) continue;
    let reason: GapReason | null = null;
    if (w.unavailable.includes(date)) reason = 'LEAVE';
    else {
      const tally = new Map<GapReason, number>();
      for (const t of problem.centre.templates) {
        const broken = checkWorker(problem, w.id, [...own, { workerId: w.id, date, shift: t.code }]).map((v) => v.rule);
        if (broken.length === 0) return 'SOLVER_LIMIT';
        for (const b of new Set(broken)) tally.set(b, (tally.get(b) ?? 0) + 1);
      }
      reason = mostFrequent(tally);
    }
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return mostFrequent(counts) ?? 'ROLE_ON_DUTY';
}

function blame(problem: RosterProblem, date: string, slot: number, mine: (id: number) => Assignment[]): GapReason {
  if (problem.workers.length === 0) return 'NO_WORKERS';
  const covering = problem.centre.templates.filter((t) => toMinutes(t.start) <= slot && toMinutes(t.end) >= slot + SLOT_MINUTES);
  if (covering.length === 0) return 'NO_SHIFT_TEMPLATE';
  const counts = new Map<GapReason, number>();
  for (const w of problem.workers) {
    let reason: GapReason | null;
    const own = mine(w.id);
    if (w.unavailable.includes(date)) reason = 'LEAVE';
    else if (own.some((a) => a.date === date)) reason = 'ONE_SHIFT_PER_DAY';
    else {
      reason = null;
      const tally = new Map<GapReason, number>();
      for (const t of covering) {
        const broken = checkWorker(problem, w.id, [...own, { workerId: w.id, date, shift: t.code }]).map((v) => v.rule);
        if (broken.length === 0) return 'SOLVER_LIMIT';
        for (const b of new Set(broken)) tally.set(b, (tally.get(b) ?? 0) + 1);
      }
      reason = mostFrequent(tally);
    }
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return mostFrequent(counts) ?? 'SOLVER_LIMIT';
}

function mostFrequent(m: Map<GapReason, number>): GapReason | null {
  let best: GapReason | null = null;
  let n = -1;
  const rank = (r: GapReason) => (PRIORITY.indexOf(r) === -1 ? 99 : PRIORITY.indexOf(r));
  for (const [r, c] of m) if (c > n || (c === n && best && rank(r) < rank(best))) { best = r; n = c; }
  return best;
}
