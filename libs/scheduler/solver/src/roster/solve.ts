import { compile, type Compiled } from './compile';
import { explainGaps, type UncoveredSlot } from './explain';
import { DEFAULT_WEIGHTS, type Assignment, type RosterProblem, type SoftWeights } from './model';
import { seededRandom } from './random';
import { OFF, RosterState } from './state';

export interface SolveOptions {
  seed?: number;
  /** Local-search moves after construction; with the seed, it fixes the result. */
  iterations?: number;
  /** Wall-clock stop (ms) for the local search: a safety net; when it bites, the result depends on the machine's speed. */
  timeLimitMs?: number;
  weights?: Partial<SoftWeights>;
  /** Clock used for the time limit (injected so the lib stays free of I/O; defaults to Date.now). */
  now?: () => number;
}

export interface SolveResult {
  assignments: Assignment[];
  /** Total weighted cost of the roster (lower is better); uncovered slots dominate it. */
  objective: number;
  uncovered: UncoveredSlot[];
  iterations: number;
  timedOut: boolean;
}

/**
 * One centre, one month: a greedy construction that fills each day's deficit with the cheapest
 * feasible shift, then simulated annealing over four moves (change a cell, swap two workers on a
 * day, hand a shift to a worker who is off, swap a worker's two days). Hard rules are never broken:
 * a move that would break one is refused. When a re-plan passes the published roster, the search
 * starts from it and pays `weights.change` for each changed cell.
 */
export function solveRoster(problem: RosterProblem, opts: SolveOptions = {}): SolveResult {
  const weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const c = compile(problem);
  const st = new RosterState(c, weights);
  const rnd = seededRandom(opts.seed ?? 1);
  if (c.previous) startFromPrevious(st, c);
  construct(st, c);
  const { iterations, timedOut } = localSearch(st, c, rnd, opts.iterations ?? defaultIterations(c), opts.timeLimitMs ?? 10_000, opts.now ?? Date.now);
  const assignments: Assignment[] = [];
  for (let w = 0; w < c.nWorkers; w++) {
    for (let d = 0; d < c.nDays; d++) {
      const t = st.x[w][d];
      if (t !== OFF) assignments.push({ workerId: c.workerIds[w], date: c.dates[d], shift: c.templates[t].code });
    }
  }
  assignments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.workerId - b.workerId));
  return { assignments, objective: Math.round(st.total), uncovered: explainGaps(problem, assignments), iterations, timedOut };
}

function defaultIterations(c: Compiled): number {
  return Math.min(60_000, 40 * c.nDays * Math.max(1, c.nWorkers));
}

/** Keeps every published cell that is still allowed; drops cells (latest first) from rows that now break a rule. */
function startFromPrevious(st: RosterState, c: Compiled): void {
  for (let w = 0; w < c.nWorkers; w++) {
    for (let d = 0; d < c.nDays; d++) {
      const t = c.previous![w][d];
      if (t === OFF || !c.available[w][d] || !c.usable[d].includes(t)) continue;
      st.apply([[w, d, t]]);
    }
  }
}

function construct(st: RosterState, c: Compiled): void {
  for (let d = 0; d < c.nDays; d++) {
    for (;;) {
      if (st.deficit(d) === 0 && st.roleShortfall(d) === 0) break;
      let best: { w: number; t: number; delta: number } | null = null;
      for (let w = 0; w < c.nWorkers; w++) {
        if (st.x[w][d] !== OFF || !c.available[w][d]) continue;
        for (const t of c.usable[d]) {
          const r = st.apply([[w, d, t]]);
          if (!r) continue;
          if (!best || r.delta < best.delta) best = { w, t, delta: r.delta };
          st.revert(r.undo);
        }
      }
      if (!best || best.delta >= 0) break;
      st.apply([[best.w, d, best.t]]);
    }
  }
}

function localSearch(st: RosterState, c: Compiled, rnd: () => number, maxIterations: number, timeLimitMs: number, now: () => number) {
  const started = now();
  let best = st.total;
  let bestX = st.snapshot();
  const t0 = 60;
  const t1 = 0.5;
  const pick = (n: number) => Math.floor(rnd() * n);
  let i = 0;
  let timedOut = false;
  for (; i < maxIterations; i++) {
    if ((i & 255) === 0 && now() - started > timeLimitMs) {
      timedOut = true;
      break;
    }
    const temp = t0 * Math.pow(t1 / t0, i / maxIterations);
    const cells = proposeMove(st, c, pick, rnd);
    if (!cells) continue;
    const r = st.apply(cells);
    if (!r) continue;
    if (r.delta > 0 && rnd() >= Math.exp(-r.delta / temp)) {
      st.revert(r.undo);
      continue;
    }
    if (st.total < best - 1e-9) {
      best = st.total;
      bestX = st.snapshot();
    }
  }
  restore(st, bestX);
  return { iterations: i, timedOut };
}

function restore(st: RosterState, x: number[][]): void {
  const cells: Array<[number, number, number]> = [];
  x.forEach((row, w) => row.forEach((t, d) => st.x[w][d] !== t && cells.push([w, d, t])));
  if (cells.length) st.apply(cells);
}

function proposeMove(st: RosterState, c: Compiled, pick: (n: number) => number, rnd: () => number): Array<[number, number, number]> | null {
  let d = pick(c.nDays);
  if (rnd() < 0.5) {
    // Aim at a day that still has a gap, when there is one.
    for (let k = 0; k < 4; k++) {
      const dd = pick(c.nDays);
      if (st.dayCost[dd] >= st.w.uncoveredSlot) {
        d = dd;
        break;
      }
    }
  }
  const w = pick(c.nWorkers);
  const cur = st.x[w][d];
  const kind = rnd();
  if (kind < 0.4) {
    if (!c.available[w][d]) return null;
    const options = c.usable[d];
    const t = pick(options.length + 1);
    const next = t === options.length ? OFF : options[t];
    return next === cur ? null : [[w, d, next]];
  }
  const w2 = pick(c.nWorkers);
  if (kind < 0.8) {
    if (w2 === w || st.x[w2][d] === cur) return null;
    if ((cur !== OFF && !c.available[w2][d]) || (st.x[w2][d] !== OFF && !c.available[w][d])) return null;
    return [[w, d, st.x[w2][d]], [w2, d, cur]];
  }
  const d2 = pick(c.nDays);
  if (d2 === d || st.x[w][d2] === cur) return null;
  const a = st.x[w][d2];
  if ((a !== OFF && (!c.available[w][d] || !c.usable[d].includes(a))) || (cur !== OFF && (!c.available[w][d2] || !c.usable[d2].includes(cur)))) return null;
  return [[w, d, a], [w, d2, cur]];
}
