// The Curtois & Qu solver: simulated annealing builds a roster, then, when a MIP solver is
// injected, large-neighbourhood search re-optimises parts of it exactly (a window of days for
// everyone, or a few employees over a window), with the neighbourhood growing while the MIP proves
// optimality quickly and shrinking when it runs out of time. When the neighbourhood covers the
// whole instance and the MIP proves optimality, the search stops early with a proven optimum.
import { type Compiled, compile, toAssignments } from './compiled';
import { localSearch } from './local-search';
import type { MipSolve } from './mip-model';
import { applyMipSolution, buildNeighbourhoodLp } from './mip-model';
import type { CurtoisAssignment, CurtoisInstance } from './model';
import { seededRandom } from '@cws/kernel';
import { SearchState } from './search-state';

export interface CurtoisSolveOptions {
  seconds: number;
  seed: number;
  /** Exact solver for neighbourhoods; without it the whole time goes to local search. */
  mip?: MipSolve;
  now?: () => number;
  log?: (line: string) => void;
  /** Caps the first annealing run in iterations, making the result independent of machine load. */
  maxIterations?: number;
}

export interface CurtoisSolveResult {
  assignments: CurtoisAssignment[];
  roster: Int16Array;
  objective: number;
  feasible: boolean;
  /** True when the MIP solved the whole instance to optimality. */
  provenOptimal: boolean;
  stats: { saIterations: number; lnsRounds: number; lnsImproved: number };
}

/** Up to this many binaries the whole instance goes to the MIP at once (Instance 1–4 are 224–840). */
const WHOLE_MODEL_VARIABLES = 3000;

interface Incumbent {
  roster: Int16Array;
  objective: number;
  violation: number;
}

const better = (a: Incumbent, b: Incumbent): boolean =>
  a.violation < b.violation - 1e-9 || (Math.abs(a.violation - b.violation) <= 1e-9 && a.objective < b.objective);

function measure(c: Compiled, roster: Int16Array): Incumbent {
  const st = new SearchState(c, roster);
  return { roster, objective: st.soft, violation: st.violation < 1e-9 ? 0 : st.violation };
}

export function solveCurtois(instance: CurtoisInstance, opts: CurtoisSolveOptions): CurtoisSolveResult {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => undefined);
  const start = now();
  const deadline = start + opts.seconds * 1000;
  const c = compile(instance);
  const { E, H } = c;
  const rand = seededRandom(opts.seed ^ 0x5eed);
  const stats = { saIterations: 0, lnsRounds: 0, lnsImproved: 0 };
  const avgAllowed = c.allowed.reduce((n, a) => n + a.length, 0) / Math.max(1, E);

  // A model small enough for the MIP as a whole gets most of the time; annealing only seeds it.
  const wholeFits = E * H * avgAllowed <= WHOLE_MODEL_VARIABLES;
  const saShare = !opts.mip ? 1 : wholeFits ? 0.3 : 0.75;
  // Small instances: LNS rounds until 60 % of the time, then the whole model for the rest.
  const wholeAt = start + opts.seconds * 1000 * 0.6;
  const first = localSearch(c, { seed: opts.seed, deadline: start + opts.seconds * 1000 * saShare, now, maxIterations: opts.maxIterations });
  stats.saIterations += first.iterations;
  let inc = measure(c, first.roster);
  log(`sa: objective ${inc.objective} violation ${inc.violation} after ${first.iterations} iterations`);
  let provenOptimal = false;

  if (opts.mip) {
    // Neighbourhood size in binary variables; starts where HiGHS is usually quick.
    // Small neighbourhoods first: they improve fast, and the whole model is tried once the MIP
    // keeps proving them optimal quickly, starting from a much better incumbent.
    let size = 400;
    let stale = 0;
    // HiGHS overruns short limits (parsing and presolve come first), so stop a second early.
    while (now() < deadline - 1000) {
      const remaining = (deadline - now()) / 1000 - 0.5;
      const whole = E * H * avgAllowed <= size || (wholeFits && now() >= wholeAt);
      const free = whole ? new Uint8Array(E * H).fill(1) : pickNeighbourhood(c, inc, size / avgAllowed, rand);
      const limit = Math.min(remaining - 0.1, whole ? remaining : Math.max(1, opts.seconds / 12));
      if (limit <= 0.5) break;
      const t0 = now();
      const res = opts.mip(buildNeighbourhoodLp(c, inc.roster, free), limit);
      const took = (now() - t0) / 1000;
      stats.lnsRounds++;
      log(`lns round ${stats.lnsRounds}: ${whole ? 'whole' : `~${Math.round(size)} vars`} ${res.status} in ${took.toFixed(1)} s (limit ${limit.toFixed(1)})`);
      if (res.status === 'optimal' || res.status === 'feasible') {
        const cand = measure(c, applyMipSolution(c, inc.roster, free, res.values));
        if (better(cand, inc)) {
          inc = cand;
          stats.lnsImproved++;
          stale = 0;
          log(`lns: objective ${inc.objective} violation ${inc.violation} (size ${Math.round(size)}, ${took.toFixed(1)} s)`);
        } else stale++;
      } else stale++;
      if (whole && res.status === 'optimal' && inc.violation === 0) {
        provenOptimal = true;
        break;
      }
      if (res.status === 'optimal' && took < limit / 4) size *= 1.3;
      else if (res.status !== 'optimal') size = Math.max(200, size * 0.7);
      // Long without progress: shake with a short annealing run from the incumbent.
      if (stale >= 8 && now() < deadline - 1000) {
        const sa = localSearch(c, { seed: opts.seed + stats.lnsRounds, deadline: Math.min(deadline, now() + Math.max(500, opts.seconds * 50)), now, start: inc.roster });
        stats.saIterations += sa.iterations;
        const cand = measure(c, sa.roster);
        if (better(cand, inc)) inc = cand;
        stale = 0;
      }
    }
  }
  return {
    assignments: toAssignments(c, inc.roster),
    roster: inc.roster,
    objective: inc.objective,
    feasible: inc.violation === 0,
    provenOptimal,
    stats,
  };
}

/**
 * Free cells for one LNS round, about `cells` of them: either a window of days for everyone, or a
 * few employees over a longer window. While the incumbent breaks rules, the rows that break them
 * are freed over the whole horizon (row rules only involve the row, so this sub-model is feasible).
 */
function pickNeighbourhood(c: Compiled, inc: Incumbent, cells: number, rand: () => number): Uint8Array {
  const { E, H } = c;
  const free = new Uint8Array(E * H);
  const int = (n: number): number => Math.floor(rand() * n);
  if (inc.violation > 0) {
    const st = new SearchState(c, inc.roster);
    const bad = Array.from({ length: E }, (_, e) => e).filter((e) => st.rowViolation[e] > 0);
    const rows = Math.max(1, Math.floor(cells / H));
    const chosen = new Set(bad.slice(0, rows));
    while (chosen.size < Math.min(E, rows)) chosen.add(int(E));
    for (const e of chosen) free.fill(1, e * H, e * H + H);
    return free;
  }
  if (rand() < 0.5) {
    const len = Math.max(2, Math.min(H, Math.floor(cells / E)));
    const d0 = int(H - len + 1);
    for (let e = 0; e < E; e++) free.fill(1, e * H + d0, e * H + d0 + len);
  } else {
    const len = Math.min(H, Math.max(7, int(H) + 1));
    const rows = Math.max(2, Math.min(E, Math.floor(cells / len)));
    const d0 = int(H - len + 1);
    const chosen = new Set<number>();
    while (chosen.size < rows) chosen.add(int(E));
    for (const e of chosen) free.fill(1, e * H + d0, e * H + d0 + len);
  }
  return free;
}
