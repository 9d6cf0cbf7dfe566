// The exact model of a neighbourhood as CPLEX LP text, for any MIP solver injected by the caller
// (the CLI injects HiGHS compiled to WebAssembly; this lib loads nothing). Cells outside the
// neighbourhood keep their current value and enter every constraint as constants, so the sub-model
// of a feasible roster is feasible and its optimum is never worse. With every cell free it is the
// whole problem: the standard formulation with x[e,d,s] binaries, a weekend indicator per employee
// and weekend, and under/over slacks per cover line.
import { type Compiled, NO_LIMIT, OFF } from './compiled';

export type MipStatus = 'optimal' | 'feasible' | 'infeasible' | 'unknown';

export interface MipResult {
  status: MipStatus;
  /** Values of the columns by name (only needed for the x… binaries). */
  values: Record<string, number>;
}

export interface MipProblem {
  lp: string;
  /** The current roster as a MIP start (a value for every column), so the solver starts from it. */
  start: Record<string, number>;
}

/** Solves an LP-format MIP within a time limit. Injected so the pure lib loads no WebAssembly. */
export type MipSolve = (problem: MipProblem, timeLimitSeconds: number) => MipResult;

interface Lin {
  terms: string[];
  constant: number;
}

const xName = (e: number, d: number, s: number): string => `x${e}_${d}_${s}`;

export function buildNeighbourhoodLp(c: Compiled, roster: Int16Array, free: Uint8Array): MipProblem {
  const { E, H, S } = c;
  const isFree = (e: number, d: number): boolean => d >= 0 && d < H && free[e * H + d] === 1 && c.dayOff[e * H + d] === 0;
  const allowedAt = (e: number, s: number): boolean => c.maxOfType[e * S + s] > 0;
  // The value a cell keeps when it is not a variable: a free day off is forced off.
  const fixedValue = (e: number, d: number): number => (free[e * H + d] === 1 ? OFF : roster[e * H + d]);
  const constraints: string[] = [];
  const binaries: string[] = [];
  const objective: string[] = [];
  const start: Record<string, number> = {};
  let row = 0;
  const lin = (): Lin => ({ terms: [], constant: 0 });
  const add = (l: Lin, coef: number, name: string): void => {
    if (coef !== 0) l.terms.push(`${coef >= 0 ? '+' : '-'} ${Math.abs(coef)} ${name}`);
  };
  const addWork = (l: Lin, coef: number, e: number, d: number): void => {
    if (d < 0 || d >= H) return;
    if (isFree(e, d)) {
      for (let s = 0; s < S; s++) if (allowedAt(e, s)) add(l, coef, xName(e, d, s));
    } else if (fixedValue(e, d) !== OFF) {
      l.constant += coef;
    }
  };
  const emit = (l: Lin, sense: '<=' | '>=' | '=', rhs: number): void => {
    if (l.terms.length === 0) return;
    const lines: string[] = [];
    for (let i = 0; i < l.terms.length; i += 12) lines.push(l.terms.slice(i, i + 12).join(' '));
    constraints.push(` r${row++}: ${lines.join('\n  ')} ${sense} ${rhs - l.constant}`);
  };

  for (let e = 0; e < E; e++) {
    let any = false;
    for (let d = 0; d < H && !any; d++) any = isFree(e, d);
    if (!any) continue;
    for (let d = 0; d < H; d++) {
      if (!isFree(e, d)) continue;
      const one = lin();
      const cost = (e * H + d) * (S + 1) + 1;
      for (let s = 0; s < S; s++) {
        if (!allowedAt(e, s)) continue;
        add(one, 1, xName(e, d, s));
        binaries.push(xName(e, d, s));
        start[xName(e, d, s)] = roster[e * H + d] === s ? 1 : 0;
        const k = c.cellCost[cost + s] - c.cellCost[cost + OFF];
        if (k !== 0) objective.push(`${k >= 0 ? '+' : '-'} ${Math.abs(k)} ${xName(e, d, s)}`);
      }
      emit(one, '<=', 1);
    }
    // Forbidden successions between day d and d+1.
    const X = (l: Lin, d: number, s: number): void => {
      if (isFree(e, d)) {
        if (allowedAt(e, s)) add(l, 1, xName(e, d, s));
      } else if (fixedValue(e, d) === s) l.constant += 1;
    };
    for (let d = 0; d + 1 < H; d++) {
      if (!isFree(e, d) && !isFree(e, d + 1)) continue;
      for (let s = 0; s < S; s++) {
        for (let t = 0; t < S; t++) {
          if (!c.forbidden[s * S + t]) continue;
          const l = lin();
          X(l, d, s);
          X(l, d + 1, t);
          emit(l, '<=', 1);
        }
      }
    }
    for (let s = 0; s < S; s++) {
      const max = c.maxOfType[e * S + s];
      if (max >= NO_LIMIT) continue;
      const l = lin();
      for (let d = 0; d < H; d++) X(l, d, s);
      emit(l, '<=', max);
    }
    const minutes = lin();
    for (let d = 0; d < H; d++) for (let s = 0; s < S; s++) if (c.minutes[s]) {
      if (isFree(e, d)) {
        if (allowedAt(e, s)) add(minutes, c.minutes[s], xName(e, d, s));
      } else if (fixedValue(e, d) === s) minutes.constant += c.minutes[s];
    }
    emit(minutes, '<=', c.maxMinutes[e]);
    emit(minutes, '>=', c.minMinutes[e]);
    const touches = (from: number, to: number): boolean => {
      for (let d = Math.max(0, from); d <= Math.min(H - 1, to); d++) if (isFree(e, d)) return true;
      return false;
    };
    const maxC = c.maxConsecutive[e];
    for (let d = 0; d + maxC < H; d++) {
      if (!touches(d, d + maxC)) continue;
      const l = lin();
      for (let t = d; t <= d + maxC; t++) addWork(l, 1, e, t);
      emit(l, '<=', maxC);
    }
    // No interior block of work shorter than minC, nor of rest shorter than minO: forbid each
    // pattern off,(on×len),off (resp. on,(off×len),on) with d-1 ≥ 0 and d+len ≤ H-1.
    for (let len = 1; len < c.minConsecutive[e]; len++) {
      for (let d = 1; d + len <= H - 1; d++) {
        if (!touches(d - 1, d + len)) continue;
        const l = lin();
        addWork(l, 1, e, d - 1);
        addWork(l, 1, e, d + len);
        for (let t = d; t < d + len; t++) addWork(l, -1, e, t);
        emit(l, '>=', 1 - len);
      }
    }
    for (let len = 1; len < c.minDaysOff[e]; len++) {
      for (let d = 1; d + len <= H - 1; d++) {
        if (!touches(d - 1, d + len)) continue;
        const l = lin();
        addWork(l, -1, e, d - 1);
        addWork(l, -1, e, d + len);
        for (let t = d; t < d + len; t++) addWork(l, 1, e, t);
        emit(l, '>=', -1);
      }
    }
    const weekends = lin();
    for (let sat = 5, w = 0; sat < H; sat += 7, w++) {
      const days = sat + 1 < H ? [sat, sat + 1] : [sat];
      const fixedWorked = days.some((d) => !isFree(e, d) && fixedValue(e, d) !== OFF);
      if (fixedWorked) {
        weekends.constant += 1;
      } else if (days.some((d) => isFree(e, d))) {
        const k = `k${e}_${w}`;
        binaries.push(k);
        start[k] = days.some((d) => (isFree(e, d) ? roster[e * H + d] : fixedValue(e, d)) !== OFF) ? 1 : 0;
        add(weekends, 1, k);
        for (const d of days) {
          const l = lin();
          add(l, 1, k);
          addWork(l, -1, e, d);
          emit(l, '>=', 0);
        }
      }
    }
    emit(weekends, '<=', c.maxWeekends[e]);
  }

  // Cover lines that a free cell can reach.
  const bounds: string[] = [];
  for (let d = 0; d < H; d++) {
    for (let s = 0; s < S; s++) {
      const l = lin();
      let current = 0;
      for (let e = 0; e < E; e++) {
        if (isFree(e, d)) {
          if (roster[e * H + d] === s && allowedAt(e, s)) current++;
          if (allowedAt(e, s)) add(l, 1, xName(e, d, s));
        } else if (fixedValue(e, d) === s) l.constant += 1;
      }
      if (l.terms.length === 0) continue;
      const k = d * S + s;
      const u = `u${d}_${s}`;
      const o = `o${d}_${s}`;
      add(l, 1, u);
      add(l, -1, o);
      bounds.push(` ${u} >= 0`, ` ${o} >= 0`);
      const n = current + l.constant;
      start[u] = Math.max(0, c.coverReq[k] - n);
      start[o] = Math.max(0, n - c.coverReq[k]);
      if (c.coverUnder[k]) objective.push(`+ ${c.coverUnder[k]} ${u}`);
      if (c.coverOver[k]) objective.push(`+ ${c.coverOver[k]} ${o}`);
      emit(l, '=', c.coverReq[k]);
    }
  }
  const objLines: string[] = [];
  for (let i = 0; i < objective.length; i += 12) objLines.push(objective.slice(i, i + 12).join(' '));
  const lp = [
    'Minimize',
    ` obj: ${objLines.length ? objLines.join('\n  ') : '0 x_dummy'}`,
    'Subject To',
    ...constraints,
    'Bounds',
    ...bounds,
    'Binary',
    ...binaries.map((b) => ` ${b}`),
    'End',
    '',
  ].join('\n');
  return { lp, start };
}

/** Writes the sub-model's solution back into a copy of the roster. */
export function applyMipSolution(c: Compiled, roster: Int16Array, free: Uint8Array, values: Record<string, number>): Int16Array {
  const out = Int16Array.from(roster);
  for (let e = 0; e < c.E; e++) {
    for (let d = 0; d < c.H; d++) {
      const i = e * c.H + d;
      if (free[i] !== 1) continue;
      out[i] = OFF;
      if (c.dayOff[i]) continue;
      for (let s = 0; s < c.S; s++) if ((values[xName(e, d, s)] ?? 0) > 0.5) out[i] = s;
    }
  }
  return out;
}
