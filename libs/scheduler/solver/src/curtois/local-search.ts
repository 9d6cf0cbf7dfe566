// Simulated annealing over whole rosters with hard rules relaxed into a penalty whose weight adapts:
// it grows while the current roster breaks rules and shrinks while it keeps them, so the search can
// cross infeasible ground without settling there. Moves: change one cell, swap two employees' cells
// on a day, exchange two days within one employee's row, swap a block of days between two employees,
// and set a block of days to one shift or off.
// Cooling runs in epochs counted in iterations (not seconds), so a seed fixes the trajectory; the
// deadline only decides where it stops.
import { type Compiled, OFF } from './compiled';
import { construct } from './construct';
import { seededRandom } from '@cws/kernel';
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
  /** Annealing schedule overrides (for experiments): iterations per epoch, start and end temperatures. */
  epochIterations?: number;
  t0?: number;
  t1?: number;
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
  const rand = seededRandom(opts.seed);
  const st = new SearchState(c, opts.start ?? construct(c, rand));
  const { x } = st;
  const { E, H } = c;
  const int = (n: number): number => Math.floor(rand() * n);
  const maxWeight = Math.max(1, ...Array.from(c.coverUnder), ...Array.from(c.coverOver));
  let lambda = maxWeight;
  const lambdaMin = 1;

  const best = Int16Array.from(x);
  let bestViolation = st.violation;
  let bestSoft = st.soft;
  const undoIdx = new Int32Array(2 * MAX_BLOCK);
  const undoVal = new Int16Array(2 * MAX_BLOCK);
  const redoVal = new Int16Array(2 * MAX_BLOCK);
  let undoLen = 0;
  // Days off and shift types an employee may never work are kept out of the search altogether:
  // a move that would put one in a row is dropped (the construction never does).
  let forbiddenMove = false;
  const set = (i: number, v: number): void => {
    if (x[i] === v) return;
    if (v !== OFF && (c.dayOff[i] || c.maxOfType[Math.floor(i / H) * c.S + v] === 0)) forbiddenMove = true;
    undoIdx[undoLen] = i;
    undoVal[undoLen] = x[i];
    redoVal[undoLen++] = v;
    st.setCell(i, v);
  };
  // The best roster is copied lazily: only when the search leaves it (copying E×H cells on every
  // improvement would dominate on long horizons).
  let atBest = true;
  const randomValue = (e: number): number => {
    const ok = c.allowed[e];
    const k = int(ok.length + 1);
    return k === ok.length ? OFF : ok[k];
  };

  // Epochs: geometric cooling from t0 to t1 over `epoch` iterations, then reheat from the best roster.
  const epoch = Math.ceil((opts.epochIterations ?? Math.max(200_000, E * H * 60)) / 1024) * 1024;
  const t0 = opts.t0 ?? 2 + maxWeight / 20;
  const t1 = opts.t1 ?? 0.05;
  const maxIterations = opts.maxIterations ?? Number.MAX_SAFE_INTEGER;
  let it = 0;
  for (; it < maxIterations; it++) {
    if ((it & 1023) === 0) {
      if (now() >= opts.deadline) break;
      if (bestViolation === 0 && opts.target !== undefined && bestSoft <= opts.target) break;
      if (it > 0) lambda = st.violation > 1e-9 ? Math.min(LAMBDA_MAX, lambda * LAMBDA_UP) : Math.max(lambdaMin, lambda / LAMBDA_DOWN);
      if (it > 0 && it % epoch === 0 && bestViolation === 0 && !atBest) {
        atBest = true;
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
    let a: number;
    let b: number;
    let kind: number;
    let v = OFF;
    const r = rand();
    if (r < 0.3) {
      kind = 0; // change one cell
      a = b = int(H);
      v = randomValue(e1);
      if (v === x[e1 * H + a]) continue;
    } else if (r < 0.42) {
      kind = 1; // exchange two days within one row (keeps its minutes and type counts)
      const d1 = int(H);
      const d2 = int(H);
      if (x[e1 * H + d1] === x[e1 * H + d2]) continue;
      a = Math.min(d1, d2);
      b = Math.max(d1, d2);
    } else if (r < 0.67) {
      kind = 2; // swap two employees' cells on a day
      if (E < 2) continue;
      a = b = int(H);
      e2 = int(E - 1);
      if (e2 >= e1) e2++;
      if (x[e1 * H + a] === x[e2 * H + a]) continue;
    } else if (r < 0.87) {
      kind = 3; // swap a block of days between two employees
      if (E < 2) continue;
      e2 = int(E - 1);
      if (e2 >= e1) e2++;
      const len = 2 + int(Math.min(MAX_BLOCK, H) - 1);
      a = int(H - len + 1);
      b = Math.min(H - 1, a + len - 1);
    } else {
      kind = 4; // set a block of days to one shift or off
      const len = 2 + int(Math.min(MAX_BLOCK, H) - 1);
      a = int(H - len + 1);
      b = Math.min(H - 1, a + len - 1);
      v = randomValue(e1);
    }
    const before1 = st.localPart(e1, a, b);
    const before2 = e2 >= 0 ? st.localPart(e2, a, b) : 0;
    const oldRun1 = st.runPart[e1];
    const oldRow1 = st.rowViolation[e1];
    const oldRun2 = e2 >= 0 ? st.runPart[e2] : 0;
    const oldRow2 = e2 >= 0 ? st.rowViolation[e2] : 0;
    if (kind === 0) {
      set(e1 * H + a, v);
    } else if (kind === 1) {
      const p = x[e1 * H + a];
      set(e1 * H + a, x[e1 * H + b]);
      set(e1 * H + b, p);
    } else if (kind === 4) {
      for (let d = a; d <= b; d++) set(e1 * H + d, v);
    } else {
      for (let d = a; d <= b; d++) {
        const p = x[e1 * H + d];
        set(e1 * H + d, x[e2 * H + d]);
        set(e2 * H + d, p);
      }
    }
    if (forbiddenMove) {
      forbiddenMove = false;
      for (let k = undoLen - 1; k >= 0; k--) st.setCell(undoIdx[k], undoVal[k]);
      continue;
    }
    if (undoLen === 0) continue;
    st.updateRow(e1, a, b, before1);
    if (e2 >= 0) st.updateRow(e2, a, b, before2);
    const delta = st.soft - beforeSoft + lambda * (st.violation - beforeViolation);
    if (delta <= 0 || rand() < Math.exp(-delta / temp)) {
      if (st.violation < bestViolation - 1e-9 || (st.violation <= bestViolation + 1e-9 && st.soft < bestSoft)) {
        bestViolation = st.violation < 1e-9 ? 0 : st.violation;
        bestSoft = st.soft;
        atBest = true;
      } else if (atBest) {
        for (let k = undoLen - 1; k >= 0; k--) st.setCell(undoIdx[k], undoVal[k]);
        best.set(x);
        for (let k = 0; k < undoLen; k++) st.setCell(undoIdx[k], redoVal[k]);
        atBest = false;
      }
      continue;
    }
    for (let k = undoLen - 1; k >= 0; k--) st.setCell(undoIdx[k], undoVal[k]);
    st.runPart[e1] = oldRun1;
    st.rowViolation[e1] = oldRow1;
    if (e2 >= 0) {
      st.runPart[e2] = oldRun2;
      st.rowViolation[e2] = oldRow2;
    }
    st.violation = beforeViolation;
  }
  if (atBest) best.set(x);
  return { roster: best, objective: bestSoft, feasible: bestViolation === 0, iterations: it };
}
