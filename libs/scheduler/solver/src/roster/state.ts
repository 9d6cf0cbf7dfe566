import type { Compiled } from './compile';
import type { SoftWeights } from './model';

export const OFF = -1;

/** A row that breaks a hard rule: the search stops reading it at the first broken rule. */
const INFEASIBLE: WorkerStats = Object.freeze({ feasible: false, overtime: 0, late: 0, weekend: 0, holiday: 0, shifts: 0, soft: 0 });

export interface Undo {
  cells: Array<[number, number, number]>;
  workers: number[];
  stats: WorkerStats[];
  days: number[];
  dayCosts: number[];
  sumDay: number;
  sumSoft: number;
  fairness: number;
  total: number;
}

interface WorkerStats {
  feasible: boolean;
  overtime: number;
  late: number;
  weekend: number;
  holiday: number;
  shifts: number;
  soft: number;
}

/**
 * The solver's working roster: x[w][d] = template index or OFF, with slot cover per day and cached
 * costs per day and per worker, so a move re-evaluates one or two workers and one or two days.
 * Hard rules live in workerStats (a row that breaks one is infeasible and never accepted); coverage,
 * roles and soft goals are costs. The independent checker (checker.ts) shares none of this code.
 */
export class RosterState {
  readonly x: number[][];
  readonly cov: Int32Array[];
  readonly dayCost: number[];
  readonly stats: WorkerStats[];
  total = 0;
  private sumDay = 0;
  private sumSoft = 0;
  private currentFairness = 0;
  /** Reused by deltaOfSet: pricing a move allocates nothing. */
  private readonly scratch = {} as WorkerStats;

  constructor(readonly c: Compiled, readonly w: SoftWeights) {
    this.x = c.workerIds.map(() => new Array<number>(c.nDays).fill(OFF));
    this.cov = c.dates.map(() => new Int32Array(c.demand[0]?.length ?? 48));
    this.dayCost = c.dates.map((_, d) => this.computeDayCost(d));
    this.stats = c.workerIds.map((_, i) => this.computeWorker(i));
    this.total = this.recomputeTotal();
  }

  /** Σ max(0, need − cover) over the day's slots: the coverage deficit in slot-units. */
  deficit(d: number): number {
    const need = this.c.demand[d];
    const cov = this.cov[d];
    let s = 0;
    for (let i = this.c.needFrom[d]; i < this.c.needTo[d]; i++) if (cov[i] < need[i]) s += need[i] - cov[i];
    return s;
  }

  roleShortfall(d: number): number {
    let s = 0;
    for (const r of this.c.roleReqs) {
      const min = r.minByDay[d];
      if (!min) continue;
      let n = 0;
      for (let w = 0; w < this.c.nWorkers; w++) if (r.qualifies[w][d] && this.x[w][d] !== OFF) n++;
      if (n < min) s += min - n;
    }
    return s;
  }

  private computeDayCost(d: number): number {
    const need = this.c.demand[d];
    const cov = this.cov[d];
    let deficit = 0;
    let excess = 0;
    for (let i = this.c.needFrom[d]; i < this.c.needTo[d]; i++) {
      if (cov[i] < need[i]) deficit += need[i] - cov[i];
      else if (need[i] > 0) excess += cov[i] - need[i];
    }
    return deficit * this.w.uncoveredSlot + excess * this.w.excessSlot + this.roleShortfall(d) * this.w.roleShortfall;
  }

  /** One worker's row: hard-rule feasibility, overtime minutes (all kinds) and the soft cost of its own. */
  computeWorker(wi: number, out?: WorkerStats): WorkerStats {
    const c = this.c;
    const row = this.x[wi];
    const lim = c.problem.limits;
    const restNeeded = c.problem.centre.restDaysPer7;
    let overtime = 0;
    let late = 0;
    let weekend = 0;
    let holiday = 0;
    let shifts = 0;
    let soft = 0;
    let week = -1;
    let daysInWeek = 0;
    // The days before the month (carried in) start the 7-day window, the first week's count and the rest clock; days
    // of the month worked elsewhere (before a transfer in) count as worked days of the window and the week.
    let windowWorked = c.carriedWindow[wi];
    let elsewhereInWindow = windowWorked;
    const drop = c.carriedDrop[wi];
    const earliestStart = c.carriedEarliestStart[wi];
    const elsewhereStart = c.elsewhereStart[wi];
    const elsewhereEnd = c.elsewhereEnd[wi];
    const minRest = lim.minRestBetweenShiftsMinutes;
    const maxWorked = 7 - restNeeded;
    for (let d = 0; d < c.nDays; d++) {
      const t = row[d];
      if (c.weekIndex[d] !== week) {
        week = c.weekIndex[d];
        daysInWeek = week === 0 ? c.carriedWeekDays[wi] : 0;
      }
      if (t !== OFF) {
        if (!c.available[wi][d]) return INFEASIBLE;
        const tpl = c.templates[t];
        shifts++;
        if (tpl.late) late++;
        if (c.isWeekend[d]) weekend++;
        if (c.isHoliday[d]) holiday++;
        if (c.isHoliday[d]) overtime += tpl.paid;
        else if (++daysInWeek > c.weekWorkingDays[d]) overtime += tpl.paid;
        else if (tpl.paid > lim.standardDailyMinutes) overtime += tpl.paid - lim.standardDailyMinutes;
        if (d + 1 < c.nDays && row[d + 1] !== OFF && 1440 - tpl.end + c.templates[row[d + 1]].start < minRest) return INFEASIBLE;
        if (d * 1440 + tpl.start < earliestStart) return INFEASIBLE;
        if (d > 0 && elsewhereEnd[d - 1] >= 0 && 1440 - elsewhereEnd[d - 1] + tpl.start < minRest) return INFEASIBLE;
        if (d + 1 < c.nDays && elsewhereStart[d + 1] >= 0 && 1440 - tpl.end + elsewhereStart[d + 1] < minRest) return INFEASIBLE;
        windowWorked++;
      } else if (elsewhereStart[d] >= 0) {
        windowWorked++;
        elsewhereInWindow++;
        if (!c.isHoliday[d]) daysInWeek++;
      }
      // the day leaving the window: worked here, worked elsewhere in the month, or carried from before it
      if (d >= 7) {
        if (row[d - 7] !== OFF) windowWorked--;
        else if (elsewhereStart[d - 7] >= 0) { windowWorked--; elsewhereInWindow--; }
      } else if (drop[d] === 1) { windowWorked--; elsewhereInWindow--; }
      // A window allows 7 − restDaysPer7 worked days, or as many as the days worked elsewhere in it alone hold (e.g. the
      // centre went to 2 rest days): then its days here must be off, and the worker is not shut out of the month by a
      // breach another roster made.
      if (windowWorked > (elsewhereInWindow > maxWorked ? elsewhereInWindow : maxWorked)) return INFEASIBLE;
      const req = c.request[wi][d];
      if ((req === OFF && t !== OFF) || (req >= 0 && t !== req)) soft += this.w.request;
      if (c.previous && c.previous[wi][d] !== t) soft += this.w.change;
    }
    if (overtime > lim.maxMonthlyOvertimeMinutes) return INFEASIBLE;
    soft += overtime * this.w.overtimeMinute;
    const r = out ?? ({} as WorkerStats);
    r.feasible = true;
    r.overtime = overtime;
    r.late = late;
    r.weekend = weekend;
    r.holiday = holiday;
    r.shifts = shifts;
    r.soft = soft;
    return r;
  }

  fairness(): number {
    return this.fairnessWith(-1, null);
  }

  /** Fairness with worker `w`'s stats replaced by `alt` (to price a move before making it). */
  fairnessWith(w: number, alt: WorkerStats | null): number {
    const c = this.c;
    let lMin = Infinity, lMax = -Infinity, wMin = Infinity, wMax = -Infinity, hMin = Infinity, hMax = -Infinity, sMin = Infinity, sMax = -Infinity;
    for (let i = 0; i < c.nWorkers; i++) {
      if (!c.fairWorkers[i]) continue;
      const s = i === w && alt ? alt : this.stats[i];
      if (s.late < lMin) lMin = s.late;
      if (s.late > lMax) lMax = s.late;
      if (s.weekend < wMin) wMin = s.weekend;
      if (s.weekend > wMax) wMax = s.weekend;
      if (s.holiday < hMin) hMin = s.holiday;
      if (s.holiday > hMax) hMax = s.holiday;
      if (s.shifts < sMin) sMin = s.shifts;
      if (s.shifts > sMax) sMax = s.shifts;
    }
    if (lMax < lMin) return 0;
    return (lMax - lMin) * this.w.lateSpread + (wMax - wMin) * this.w.weekendSpread + (hMax - hMin) * this.w.holidaySpread + (sMax - sMin) * this.w.shiftSpread;
  }

  recomputeTotal(): number {
    this.sumDay = 0;
    this.sumSoft = 0;
    for (const v of this.dayCost) this.sumDay += v;
    for (const s of this.stats) this.sumSoft += s.soft;
    this.currentFairness = this.fairness();
    return this.sumDay + this.sumSoft + this.currentFairness;
  }

  /**
   * The change in total cost of setting one cell, without keeping it (null when it breaks a hard
   * rule). Allocates one stats object: the construction and most search moves are priced here.
   */
  deltaOfSet(w: number, d: number, t: number): number | null {
    const old = this.x[w][d];
    if (old === t) return 0;
    this.setCell(w, d, t);
    const stats = this.computeWorker(w, this.scratch);
    let delta: number | null = null;
    if (stats.feasible) delta = this.computeDayCost(d) - this.dayCost[d] + stats.soft - this.stats[w].soft + this.fairnessWith(w, stats) - this.currentFairness;
    this.setCell(w, d, old);
    return delta;
  }

  private setCell(w: number, d: number, t: number): void {
    const old = this.x[w][d];
    if (old === t) return;
    const cov = this.cov[d];
    if (old !== OFF) for (let s = this.c.templates[old].slotFrom; s < this.c.templates[old].slotTo; s++) cov[s]--;
    if (t !== OFF) for (let s = this.c.templates[t].slotFrom; s < this.c.templates[t].slotTo; s++) cov[s]++;
    this.x[w][d] = t;
  }

  /**
   * Applies cell changes when every touched worker stays within the hard rules; returns the change
   * in total cost and what undoes it, or null (and leaves the roster as it was) when a hard rule
   * would break. Moves touch one or two workers and days, so sums are updated, not recomputed,
   * and an undo restores the cached costs instead of computing them again.
   */
  apply(cells: ReadonlyArray<readonly [number, number, number]>): { delta: number; undo: Undo } | null {
    const prevCells: Array<[number, number, number]> = [];
    for (const [w, d, t] of cells) {
      prevCells.push([w, d, this.x[w][d]]);
      this.setCell(w, d, t);
    }
    const workers = distinct(cells, 0);
    const newStats = workers.map((w) => this.computeWorker(w));
    for (const s of newStats) {
      if (!s.feasible) {
        for (let i = prevCells.length - 1; i >= 0; i--) this.setCell(prevCells[i][0], prevCells[i][1], prevCells[i][2]);
        return null;
      }
    }
    const days = distinct(cells, 1);
    const undo: Undo = {
      cells: prevCells, workers, stats: workers.map((w) => this.stats[w]), days, dayCosts: days.map((d) => this.dayCost[d]),
      sumDay: this.sumDay, sumSoft: this.sumSoft, fairness: this.currentFairness, total: this.total,
    };
    this.refresh(workers, days, newStats);
    return { delta: this.total - undo.total, undo };
  }

  revert(undo: Undo): void {
    for (let i = undo.cells.length - 1; i >= 0; i--) this.setCell(undo.cells[i][0], undo.cells[i][1], undo.cells[i][2]);
    undo.workers.forEach((w, i) => (this.stats[w] = undo.stats[i]));
    undo.days.forEach((d, i) => (this.dayCost[d] = undo.dayCosts[i]));
    this.sumDay = undo.sumDay;
    this.sumSoft = undo.sumSoft;
    this.currentFairness = undo.fairness;
    this.total = undo.total;
  }

  private refresh(workers: number[], days: number[], newStats: WorkerStats[]): void {
    workers.forEach((w, i) => {
      this.sumSoft += newStats[i].soft - this.stats[w].soft;
      this.stats[w] = newStats[i];
    });
    for (const d of days) {
      const v = this.computeDayCost(d);
      this.sumDay += v - this.dayCost[d];
      this.dayCost[d] = v;
    }
    this.currentFairness = this.fairness();
    this.total = this.sumDay + this.sumSoft + this.currentFairness;
  }

  snapshot(): number[][] {
    return this.x.map((r) => r.slice());
  }
}

function distinct(cells: ReadonlyArray<readonly [number, number, number]>, k: 0 | 1): number[] {
  const out: number[] = [];
  for (const c of cells) if (!out.includes(c[k])) out.push(c[k]);
  return out;
}
