// The solver's incremental bookkeeping of one roster: soft cost (requests and cover) kept exactly
// as cells change, and each employee's hard-rule violation recomputed per row when it changes.
// The independent evaluator (evaluate.ts) shares none of this.
import { type Compiled, OFF } from './compiled';

export class SearchState {
  readonly x: Int16Array;
  readonly count: Int32Array; // [d*S + s] employees on shift s on day d
  readonly rowViolation: Float64Array; // [e] = runPart + the row-wide part
  /** Per row: violations that live in runs and neighbouring days (consecutive limits, successions, days off). */
  readonly runPart: Float64Array;
  // Row-wide aggregates kept by setCell, so a move costs O(S + length of the runs it touches).
  private readonly minutesOf: Int32Array; // [e]
  private readonly typeCounts: Int32Array; // [e*S + s]
  private readonly weekendDays: Uint8Array; // [e*W + w] days worked in weekend w
  private readonly weekendsWorked: Int32Array; // [e]
  private readonly W: number;
  soft = 0;
  violation = 0;
  private readonly minutesUnit: number;

  constructor(
    readonly c: Compiled,
    start?: Int16Array,
  ) {
    this.x = start ? Int16Array.from(start) : new Int16Array(c.E * c.H).fill(OFF);
    this.count = new Int32Array(c.H * c.S);
    this.rowViolation = new Float64Array(c.E);
    this.runPart = new Float64Array(c.E);
    this.W = Math.ceil(c.H / 7);
    this.minutesOf = new Int32Array(c.E);
    this.typeCounts = new Int32Array(c.E * c.S);
    this.weekendDays = new Uint8Array(c.E * this.W);
    this.weekendsWorked = new Int32Array(c.E);
    this.minutesUnit = Math.max(1, Math.min(...Array.from(c.minutes)));
    this.recomputeAll();
  }

  recomputeAll(): void {
    const { c, x } = this;
    this.count.fill(0);
    this.minutesOf.fill(0);
    this.typeCounts.fill(0);
    this.weekendDays.fill(0);
    this.weekendsWorked.fill(0);
    let soft = 0;
    for (let e = 0; e < c.E; e++) {
      for (let d = 0; d < c.H; d++) {
        const v = x[e * c.H + d];
        soft += c.cellCost[(e * c.H + d) * (c.S + 1) + v + 1];
        if (v !== OFF) {
          this.count[d * c.S + v]++;
          this.addWork(e, d, v, 1);
        }
      }
    }
    for (let k = 0; k < c.H * c.S; k++) soft += this.coverCost(k, this.count[k]);
    this.soft = soft;
    this.violation = 0;
    for (let e = 0; e < c.E; e++) {
      this.runPart[e] = this.localPart(e, 0, c.H - 1);
      this.rowViolation[e] = this.runPart[e] + this.rowWidePart(e);
      this.violation += this.rowViolation[e];
    }
  }

  private addWork(e: number, d: number, s: number, sign: 1 | -1): void {
    this.minutesOf[e] += sign * this.c.minutes[s];
    this.typeCounts[e * this.c.S + s] += sign;
    if (d % 7 >= 5) {
      const k = e * this.W + Math.floor(d / 7);
      const before = this.weekendDays[k];
      this.weekendDays[k] = before + sign;
      if (before === 0 && sign === 1) this.weekendsWorked[e]++;
      if (before === 1 && sign === -1) this.weekendsWorked[e]--;
    }
  }

  coverCost(k: number, n: number): number {
    const req = this.c.coverReq[k];
    return n < req ? this.c.coverUnder[k] * (req - n) : this.c.coverOver[k] * (n - req);
  }

  /** Sets one cell, keeping soft cost and cover counts exact (row violations are refreshed by the caller). */
  setCell(i: number, v: number): void {
    const { c, x } = this;
    const old = x[i];
    if (old === v) return;
    const d = i % c.H;
    const base = i * (c.S + 1) + 1;
    let delta = c.cellCost[base + v] - c.cellCost[base + old];
    const e = (i - d) / c.H;
    if (old !== OFF) {
      this.addWork(e, d, old, -1);
      const k = d * c.S + old;
      const n = this.count[k];
      delta += this.coverCost(k, n - 1) - this.coverCost(k, n);
      this.count[k] = n - 1;
    }
    if (v !== OFF) {
      this.addWork(e, d, v, 1);
      const k = d * c.S + v;
      const n = this.count[k];
      delta += this.coverCost(k, n + 1) - this.coverCost(k, n);
      this.count[k] = n + 1;
    }
    this.soft += delta;
    x[i] = v;
  }

  /** Recomputes row e from scratch. */
  refreshRow(e: number): void {
    this.runPart[e] = this.localPart(e, 0, this.c.H - 1);
    this.setRow(e, this.runPart[e] + this.rowWidePart(e));
  }

  /**
   * After cells [a, b] of row e changed: `before` is localPart(e, a, b) taken before the change.
   * Runs that do not reach [a-1, b+1] are unchanged, so only the runs that do are recounted.
   */
  updateRow(e: number, a: number, b: number, before: number): void {
    this.runPart[e] += this.localPart(e, a, b) - before;
    this.setRow(e, this.runPart[e] + this.rowWidePart(e));
  }

  private setRow(e: number, v: number): void {
    this.violation += v - this.rowViolation[e];
    this.rowViolation[e] = v;
  }

  /** Full violation of row e (sum of the degrees by which it breaks each hard rule). */
  computeRowViolation(e: number): number {
    return this.localPart(e, 0, this.c.H - 1) + this.rowWidePart(e);
  }

  /** Violations in the runs reaching days [a-1, b+1], successions into or out of [a, b], and days off in [a, b]. */
  localPart(e: number, a: number, b: number): number {
    const { c, x } = this;
    const H = c.H;
    const base = e * H;
    const work = (d: number): boolean => x[base + d] !== OFF;
    let from = Math.max(0, a - 1);
    const w0 = work(from);
    while (from > 0 && work(from - 1) === w0) from--;
    let to = Math.min(H - 1, b + 1);
    const w1 = work(to);
    while (to < H - 1 && work(to + 1) === w1) to++;
    const maxC = c.maxConsecutive[e];
    const minC = c.minConsecutive[e];
    const minO = c.minDaysOff[e];
    let v = 0;
    let runStart = from;
    for (let d = from + 1; d <= to + 1; d++) {
      if (d === to + 1 || work(d) !== work(runStart)) {
        v += this.runViolation(work(runStart), runStart, d - runStart, maxC, minC, minO);
        runStart = d;
      }
    }
    const S = c.S;
    for (let d = Math.max(0, a - 1); d <= Math.min(H - 2, b); d++) {
      const p = x[base + d];
      const q = x[base + d + 1];
      if (p !== OFF && q !== OFF && c.forbidden[p * S + q]) v++;
    }
    for (let d = a; d <= b; d++) if (x[base + d] !== OFF && c.dayOff[base + d]) v++;
    return v;
  }

  /** Per-type maxima, total minutes and weekends, from the aggregates. */
  rowWidePart(e: number): number {
    const { c } = this;
    const S = c.S;
    let v = 0;
    for (let s = 0; s < S; s++) {
      const over = this.typeCounts[e * S + s] - c.maxOfType[e * S + s];
      if (over > 0) v += over;
    }
    const minutes = this.minutesOf[e];
    if (minutes > c.maxMinutes[e]) v += (minutes - c.maxMinutes[e]) / this.minutesUnit;
    if (minutes < c.minMinutes[e]) v += (c.minMinutes[e] - minutes) / this.minutesUnit;
    if (this.weekendsWorked[e] > c.maxWeekends[e]) v += this.weekendsWorked[e] - c.maxWeekends[e];
    return v;
  }

  private runViolation(working: boolean, start: number, length: number, maxC: number, minC: number, minO: number): number {
    const interior = start > 0 && start + length < this.c.H;
    if (working) {
      let v = length > maxC ? length - maxC : 0;
      if (interior && length < minC) v += minC - length;
      return v;
    }
    return interior && length < minO ? minO - length : 0;
  }
}
