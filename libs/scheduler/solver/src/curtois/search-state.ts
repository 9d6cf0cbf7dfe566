// The solver's incremental bookkeeping of one roster: soft cost (requests and cover) kept exactly
// as cells change, and each employee's hard-rule violation recomputed per row when it changes.
// The independent evaluator (evaluate.ts) shares none of this.
import { type Compiled, OFF } from './compiled';

export class SearchState {
  readonly x: Int16Array;
  readonly count: Int32Array; // [d*S + s] employees on shift s on day d
  readonly rowViolation: Float64Array; // [e]
  soft = 0;
  violation = 0;
  private readonly typeCount: Int32Array;
  private readonly minutesUnit: number;

  constructor(
    readonly c: Compiled,
    start?: Int16Array,
  ) {
    this.x = start ? Int16Array.from(start) : new Int16Array(c.E * c.H).fill(OFF);
    this.count = new Int32Array(c.H * c.S);
    this.rowViolation = new Float64Array(c.E);
    this.typeCount = new Int32Array(c.S);
    this.minutesUnit = Math.max(1, Math.min(...Array.from(c.minutes)));
    this.recomputeAll();
  }

  recomputeAll(): void {
    const { c, x } = this;
    this.count.fill(0);
    let soft = 0;
    for (let e = 0; e < c.E; e++) {
      for (let d = 0; d < c.H; d++) {
        const v = x[e * c.H + d];
        soft += c.cellCost[(e * c.H + d) * (c.S + 1) + v + 1];
        if (v !== OFF) this.count[d * c.S + v]++;
      }
    }
    for (let k = 0; k < c.H * c.S; k++) soft += this.coverCost(k, this.count[k]);
    this.soft = soft;
    this.violation = 0;
    for (let e = 0; e < c.E; e++) {
      this.rowViolation[e] = this.computeRowViolation(e);
      this.violation += this.rowViolation[e];
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
    if (old !== OFF) {
      const k = d * c.S + old;
      const n = this.count[k];
      delta += this.coverCost(k, n - 1) - this.coverCost(k, n);
      this.count[k] = n - 1;
    }
    if (v !== OFF) {
      const k = d * c.S + v;
      const n = this.count[k];
      delta += this.coverCost(k, n + 1) - this.coverCost(k, n);
      this.count[k] = n + 1;
    }
    this.soft += delta;
    x[i] = v;
  }

  refreshRow(e: number): void {
    const v = this.computeRowViolation(e);
    this.violation += v - this.rowViolation[e];
    this.rowViolation[e] = v;
  }

  /** Sum of the degrees by which employee e breaks each hard rule (0 when the row is feasible). */
  computeRowViolation(e: number): number {
    const { c, x, typeCount } = this;
    const H = c.H;
    const S = c.S;
    const base = e * H;
    typeCount.fill(0);
    const maxC = c.maxConsecutive[e];
    const minC = c.minConsecutive[e];
    const minO = c.minDaysOff[e];
    let v = 0;
    let minutes = 0;
    let runStart = 0;
    let prev = x[base];
    for (let d = 0; d < H; d++) {
      const s = x[base + d];
      if (s !== OFF) {
        minutes += c.minutes[s];
        typeCount[s]++;
        if (c.dayOff[base + d]) v++;
        if (d > 0 && prev !== OFF && c.forbidden[prev * S + s]) v++;
      }
      if (d > 0 && (s === OFF) !== (prev === OFF)) {
        v += this.runViolation(prev !== OFF, runStart, d - runStart, maxC, minC, minO);
        runStart = d;
      }
      prev = s;
    }
    v += this.runViolation(prev !== OFF, runStart, H - runStart, maxC, minC, minO);
    for (let s = 0; s < S; s++) {
      const over = typeCount[s] - c.maxOfType[e * S + s];
      if (over > 0) v += over;
    }
    if (minutes > c.maxMinutes[e]) v += (minutes - c.maxMinutes[e]) / this.minutesUnit;
    if (minutes < c.minMinutes[e]) v += (c.minMinutes[e] - minutes) / this.minutesUnit;
    let weekends = 0;
    for (let sat = 5; sat < H; sat += 7) if (x[base + sat] !== OFF || (sat + 1 < H && x[base + sat + 1] !== OFF)) weekends++;
    if (weekends > c.maxWeekends[e]) v += weekends - c.maxWeekends[e];
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
