import { compile, type Compiled } from './compile';
import { explainGaps, type UncoveredSlot } from './explain';
import { DEFAULT_WEIGHTS, type Assignment, type RosterProblem, type SoftWeights } from './model';
import { seededRandom } from '@cws/kernel';
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
 * starts from it and pays `weights.change` for each changed cell; the days before `frozenBefore`
 * have happened and are kept as published.
 */
export function solveRoster(problem: RosterProblem, opts: SolveOptions = {}): SolveResult {
  const weights = { ...DEFAULT_WEIGHTS, ...opts.weights };
  const c = compile(problem);
  const st = new RosterState(c, weights);
  const rnd = seededRandom(opts.seed ?? 1);
  if (c.previous) startFromPrevious(st, c);
  construct(st, c);
  // Nobody to roster: nothing to search (the gaps are named NO_WORKERS).
  const budget = c.nWorkers === 0 || c.frozenDays >= c.nDays ? 0 : (opts.iterations ?? defaultIterations(c));
  const { iterations, timedOut } = localSearch(st, c, rnd, budget, opts.timeLimitMs ?? 10_000, opts.now ?? Date.now);
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

/**
 * Keeps every published cell that is still allowed (on a day that has happened, every one: compile marks it available);
 * drops cells (latest first) from rows that now break a rule.
 */
function startFromPrevious(st: RosterState, c: Compiled): void {
  for (let w = 0; w < c.nWorkers; w++) {
    for (let d = 0; d < c.nDays; d++) {
      const t = c.previous![w][d];
      if (t === OFF || !c.available[w][d] || !c.usable[d].includes(t)) continue;
      st.apply([[w, d, t]]);
    }
  }
}

/**
 * Greedy, day by day: while the day has a gap, take the templates that close the most missing
 * slot-units and give one of them to the worker for whom it costs least (fairness, overtime,
 * requests, change) without breaking a hard rule.
 */
function construct(st: RosterState, c: Compiled): void {
  for (let d = c.frozenDays; d < c.nDays; d++) {
    const tried = new Set<number>();
    for (;;) {
      if (st.deficit(d) === 0 && st.roleShortfall(d) === 0) break;
      const gains = c.usable[d].filter((t) => !tried.has(t)).map((t) => ({ t, gain: coverGain(st, c, d, t) }));
      const top = Math.max(0, ...gains.map((g) => g.gain));
      const candidates = top > 0 ? gains.filter((g) => g.gain === top).map((g) => g.t) : gains.map((g) => g.t);
      let best: { w: number; t: number; delta: number } | null = null;
      for (const t of candidates) {
        for (let w = 0; w < c.nWorkers; w++) {
          if (st.x[w][d] !== OFF || !c.available[w][d]) continue;
          const delta = st.deltaOfSet(w, d, t);
          if (delta !== null && (!best || delta < best.delta)) best = { w, t, delta };
        }
      }
      if (!best || best.delta >= 0) {
        // Nobody can take the best templates today: try the others before giving up on the day.
        candidates.forEach((t) => tried.add(t));
        if (tried.size >= c.usable[d].length) break;
        continue;
      }
      st.apply([[best.w, d, best.t]]);
    }
  }
}

/** Missing slot-units on day d that template t would cover. */
function coverGain(st: RosterState, c: Compiled, d: number, t: number): number {
  const need = c.demand[d];
  const cov = st.cov[d];
  let g = 0;
  for (let s = c.templates[t].slotFrom; s < c.templates[t].slotTo; s++) if (cov[s] < need[s]) g++;
  return g;
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
    if (cells.length === 1) {
      // One cell: price it first, and only make the moves that are accepted.
      const delta = st.deltaOfSet(cells[0][0], cells[0][1], cells[0][2]);
      if (delta === null || (delta > 0 && rnd() >= Math.exp(-delta / temp))) continue;
    }
    const r = st.apply(cells);
    if (!r) continue;
    if (cells.length > 1 && r.delta > 0 && rnd() >= Math.exp(-r.delta / temp)) {
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
  // only days that have not happened yet move
  const day = () => c.frozenDays + pick(c.nDays - c.frozenDays);
  let d = day();
  if (rnd() < 0.5) {
    // Aim at a day that still has a gap, when there is one.
    for (let k = 0; k < 4; k++) {
      const dd = day();
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
  const d2 = day();
  if (d2 === d || st.x[w][d2] === cur) return null;
  const a = st.x[w][d2];
  if ((a !== OFF && (!c.available[w][d] || !c.usable[d].includes(a))) || (cur !== OFF && (!c.available[w][d2] || !c.usable[d2].includes(cur)))) return null;
  return [[w, d, a], [w, d2, cur]];
}
