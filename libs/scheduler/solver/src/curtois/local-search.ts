// Simulated annealing over whole rosters with hard rules relaxed into a penalty whose weight adapts:
// it grows while the current roster breaks rules and shrinks while it keeps them, so the search can
// cross infeasible ground without settling there. Moves: change one cell, swap two employees' cells
// on a day, exchange two days within one employee's row, swap a block of days between two employees,
// and set a block of days to one shift or off.
// Cooling runs in epochs counted in iterations (not seconds), so a seed fixes the trajectory; the
// deadline only decides where it stops.
import { type Compiled, OFF } from './compiled';
import { construct } from './construct';
import { rng } from './rng';
import { SearchState } from './search-state';

export interface LocalSearchOptions {
  seed: number;
  /** Absolute time (in `now()` units, ms) at which to stop. */
  deadline: number;
  now?: () => number;
  maxIterations?: number;
  start?: Int16Array;
  /** Stop as soon as a feasible roster of this objective is found (a known lower bound). */
  target?: number;
}

export interface LocalSearchResult {
  roster: Int16Array;
  objective: number;
  feasible: boolean;
  iterations: number;
}

const MAX_BLOCK = 7;
const LAMBDA_UP = 1.1;
const LAMBDA_DOWN = 1.05;
const LAMBDA_MAX = 1e7;

export function localSearch(c: Compiled, opts: LocalSearchOptions): LocalSearchResult {
  const now = opts.now ?? Date.now;
  const rand = rng(opts.seed);
  const st = new SearchState(c, opts.start ?? construct(c, rand));
  const { x } = st;
  const { E, H } = c;
  const int = (n: number): number => Math.floor(rand() * n);
  const maxWeight = Math.max(1, ...Array.from(c.coverUnder), ...Array.from(c.coverOver));
  let lambda = maxWeight;
  const lambdaMin = 1;

  let best = Int16Array.from(x);
  let bestViolation = st.violation;
  let bestSoft = st.soft;
  const undoIdx = new Int32Array(2 * MAX_BLOCK);
  const undoVal = new Int16Array(2 * MAX_BLOCK);
  let undoLen = 0;
  const set = (i: number, v: number): void => {
    if (x[i] === v) return;
    undoIdx[undoLen] = i;
    undoVal[undoLen++] = x[i];
    st.setCell(i, v);
  };
  const randomValue = (e: number): number => {
    const ok = c.allowed[e];
    const k = int(ok.length + 1);
    return k === ok.length ? OFF : ok[k];
  };

  // Epochs: geometric cooling from t0 to t1 over `epoch` iterations, then reheat from the best roster.
  const epoch = Math.ceil(Math.max(200_000, E * H * 60) / 1024) * 1024;
  const t0 = 2 + maxWeight / 20;
  const t1 = 0.05;
  const maxIterations = opts.maxIterations ?? Number.MAX_SAFE_INTEGER;
  let it = 0;
  for (; it < maxIterations; it++) {
    if ((it & 1023) === 0) {
      if (now() >= opts.deadline) break;
      if (bestViolation === 0 && opts.target !== undefined && bestSoft <= opts.target) break;
      if (it > 0) lambda = st.violation > 1e-9 ? Math.min(LAMBDA_MAX, lambda * LAMBDA_UP) : Math.max(lambdaMin, lambda / LAMBDA_DOWN);
      if (it > 0 && it % epoch === 0 && bestViolation === 0) {
        for (let i = 0; i < x.length; i++) st.setCell(i, best[i]);
        for (let e = 0; e < E; e++) st.refreshRow(e);
      }
    }
    const frac = (it % epoch) / epoch;
    const temp = t0 * Math.pow(t1 / t0, frac);

    const beforeSoft = st.soft;
    const beforeViolation = st.violation;
    undoLen = 0;
    const e1 = int(E);
    let e2 = -1;
    const r = rand();
    if (r < 0.3) {
      set(e1 * H + int(H), randomValue(e1));
    } else if (r < 0.42) {
      // Within one row: exchange two days (keeps the row's minutes and type counts).
      const d1 = int(H);
      const d2 = int(H);
      const a = x[e1 * H + d1];
      const b = x[e1 * H + d2];
      if (a === b) continue;
      set(e1 * H + d1, b);
      set(e1 * H + d2, a);
    } else if (r < 0.67) {
      const d = int(H);
      e2 = int(E - 1);
      if (e2 >= e1) e2++;
      const a = x[e1 * H + d];
      const b = x[e2 * H + d];
      if (a === b || E < 2) continue;
      set(e1 * H + d, b);
      set(e2 * H + d, a);
    } else if (r < 0.87) {
      if (E < 2) continue;
      e2 = int(E - 1);
      if (e2 >= e1) e2++;
      const len = 2 + int(Math.min(MAX_BLOCK, H) - 1);
      const d0 = int(H - len + 1);
      for (let d = d0; d < d0 + len; d++) {
        const a = x[e1 * H + d];
        set(e1 * H + d, x[e2 * H + d]);
        set(e2 * H + d, a);
      }
    } else {
      const len = 2 + int(Math.min(MAX_BLOCK, H) - 1);
      const d0 = int(H - len + 1);
      const v = randomValue(e1);
      for (let d = d0; d < d0 + len; d++) set(e1 * H + d, v);
    }
    if (undoLen === 0) continue;
    const oldRow1 = st.rowViolation[e1];
    const oldRow2 = e2 >= 0 ? st.rowViolation[e2] : 0;
    st.refreshRow(e1);
    if (e2 >= 0) st.refreshRow(e2);
    const delta = st.soft - beforeSoft + lambda * (st.violation - beforeViolation);
    if (delta <= 0 || rand() < Math.exp(-delta / temp)) {
      if (st.violation < bestViolation - 1e-9 || (st.violation <= bestViolation + 1e-9 && st.soft < bestSoft)) {
        bestViolation = st.violation < 1e-9 ? 0 : st.violation;
        bestSoft = st.soft;
        best = Int16Array.from(x);
      }
      continue;
    }
    for (let k = undoLen - 1; k >= 0; k--) st.setCell(undoIdx[k], undoVal[k]);
    st.rowViolation[e1] = oldRow1;
    if (e2 >= 0) st.rowViolation[e2] = oldRow2;
    st.violation = beforeViolation;
  }
  return { roster: best, objective: bestSoft, feasible: bestViolation === 0, iterations: it };
}
