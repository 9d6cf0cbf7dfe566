/**
 * The benchmark of 市委发〔2010〕45号: community workers' average pay for year Y must reach the
 * city's W(Y−1), and its growth must reach the city's W(Y−1)/W(Y−2) − 1. All comparisons are
 * exact: averages are kept as fractions and cross-multiplied, never divided.
 *
 * Average pay follows the statistics bureau's definition: total pay ÷ average headcount, where a
 * worker employed m months counts m/12 — so average = 12 × Σ pay ÷ Σ months. Months may be halves
 * (a hire or leaving month counts ½, see employmentInMonth); inside, they are counted in halves so
 * every comparison stays in integers.
 */
import { DomainError, type Fen, type Ratio, parseRatio, roundFen } from '@cws/kernel';

export interface PaySegment {
  /** Grade coefficient as a decimal string ("1.60"). */
  coefficient: string;
  /** Months paid at this coefficient in the year. */
  months: number;
}

export interface BenchmarkWorker {
  id: string;
  district: string;
  street: string;
  /** Coefficient-driven pay: months at each coefficient (a grade change splits the year). */
  segments: PaySegment[];
  /** Pay not driven by the unit value: allowances projected, plus everything already paid this year. */
  fixedAnnualFen: Fen;
  /**
   * Months employed in the year (whole or halves) when they differ from the segments' months: the
   * months already paid count by employment (a March leaver ½ for March), projected months whole.
   */
  headcountMonths?: number;
}

export interface BenchmarkTargets {
  /** W(Y−1). */
  cityAverageLastYearFen: Fen;
  /** W(Y−2). */
  cityAverageTwoYearsAgoFen: Fen;
  /** Community workers' actual average pay in Y−1. */
  communityAverageLastYearFen: Fen;
}

export interface BenchmarkCheck {
  unitValueFen: Fen;
  totalPayFen: Fen;
  /** Whole or half months. */
  monthsEmployed: number;
  /** Projected average as an exact fraction of fen, and rounded half up for display. */
  average: Ratio;
  averageFen: Fen;
  meetsLevel: boolean;
  meetsGrowth: boolean;
  passes: boolean;
}

/** Monthly coefficient pay, rounded as the payroll rounds it, so projection and payroll agree. */
const monthlyBase = (coefficient: Ratio, unitValueFen: Fen): Fen => roundFen(unitValueFen * coefficient.num, coefficient.den);

/** One worker's projected annual pay at a unit value. */
export function projectAnnualPay(worker: BenchmarkWorker, unitValueFen: Fen): Fen {
  let total = worker.fixedAnnualFen;
  for (const s of worker.segments) total += BigInt(s.months) * monthlyBase(parseRatio(s.coefficient), unitValueFen);
  return total;
}

/** Months (whole or halves, 0–12) as a count of half months. */
export function halfMonths(months: number, who: string): bigint {
  const h = months * 2;
  if (!Number.isInteger(h) || h < 0 || h > 24) throw invalid(`${who}: months must be 0–12 in steps of ½`);
  return BigInt(h);
}

/** Workers reduced to months per distinct coefficient plus a fixed total: total(U) is then a short sum. */
interface Projection {
  byCoefficient: { coefficient: Ratio; months: bigint }[];
  fixedFen: Fen;
  halves: bigint;
}

function prepare(workers: BenchmarkWorker[]): Projection {
  const byText = new Map<string, { coefficient: Ratio; months: bigint }>();
  let fixedFen = 0n;
  let halves = 0n;
  for (const w of workers) {
    fixedFen += w.fixedAnnualFen;
    let segmentMonths = 0;
    for (const s of w.segments) {
      if (!Number.isInteger(s.months) || s.months < 0 || s.months > 12) throw invalid(`worker ${w.id}: months must be 0–12`);
      segmentMonths += s.months;
      const entry = byText.get(s.coefficient) ?? { coefficient: parseRatio(s.coefficient), months: 0n };
      entry.months += BigInt(s.months);
      byText.set(s.coefficient, entry);
    }
    halves += halfMonths(w.headcountMonths ?? segmentMonths, `worker ${w.id}`);
  }
  if (halves === 0n) throw invalid('no months employed: the average is undefined');
  return { byCoefficient: [...byText.values()], fixedFen, halves };
}

function evaluate(p: Projection, unitValueFen: Fen, t: BenchmarkTargets): BenchmarkCheck {
  let total = p.fixedFen;
  for (const c of p.byCoefficient) total += c.months * monthlyBase(c.coefficient, unitValueFen);
  const halves = p.halves;
  // average = 12·total / months = 24·total / halves. Level: average ≥ W1. Growth: average / last − 1 ≥ W1 / W2 − 1 ⇔ average·W2 ≥ W1·last.
  const meetsLevel = 24n * total >= t.cityAverageLastYearFen * halves;
  const meetsGrowth = 24n * total * t.cityAverageTwoYearsAgoFen >= t.cityAverageLastYearFen * t.communityAverageLastYearFen * halves;
  return {
    unitValueFen,
    totalPayFen: total,
    monthsEmployed: Number(halves) / 2,
    average: { num: 24n * total, den: halves },
    averageFen: roundFen(24n * total, halves),
    meetsLevel,
    meetsGrowth,
    passes: meetsLevel && meetsGrowth,
  };
}

function checkTargets(t: BenchmarkTargets): void {
  if (t.cityAverageTwoYearsAgoFen <= 0n || t.communityAverageLastYearFen <= 0n || t.cityAverageLastYearFen <= 0n) {
    throw invalid('city averages and last year\'s community average must be positive');
  }
}

const invalid = (message: string): DomainError => new DomainError('UNPROCESSABLE', 'BENCHMARK_INPUT_INVALID', message);

/** Does this unit value meet both parts of the benchmark? */
export function checkBenchmark(workers: BenchmarkWorker[], unitValueFen: Fen, targets: BenchmarkTargets): BenchmarkCheck {
  checkTargets(targets);
  return evaluate(prepare(workers), unitValueFen, targets);
}

/**
 * The least unit value (integer fen) that passes. Pass/fail is monotone in the unit value (each
 * rounded monthly base is non-decreasing in it), so a doubling search brackets the answer with
 * fails(lo), passes(hi), and bisection keeps that invariant until hi = lo + 1: hi is then least.
 */
export function calibrateUnitValue(workers: BenchmarkWorker[], targets: BenchmarkTargets): BenchmarkCheck {
  checkTargets(targets);
  const p = prepare(workers);
  const atZero = evaluate(p, 0n, targets);
  if (atZero.passes) return atZero;
  // With some positive coefficient the pay grows without bound, so the doubling below ends.
  if (!p.byCoefficient.some((c) => c.coefficient.num > 0n && c.months > 0n)) {
    throw new DomainError('UNPROCESSABLE', 'BENCHMARK_UNREACHABLE', 'no coefficient-driven pay: no unit value can reach the benchmark');
  }
  let lo = 0n;
  let hi = 1n;
  let best = evaluate(p, hi, targets);
  while (!best.passes) {
    lo = hi;
    hi *= 2n;
    best = evaluate(p, hi, targets);
  }
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    const r = evaluate(p, mid, targets);
    if (r.passes) {
      hi = mid;
      best = r;
    } else {
      lo = mid;
    }
  }
  return best;
}

// ---- compliance by group and year-end top-up ---------------------------------------------------

export interface WorkerAnnualPay {
  id: string;
  district: string;
  street: string;
  /** Whole or half months. */
  monthsEmployed: number;
  annualPayFen: Fen;
}

export type GroupLevel = 'DISTRICT' | 'STREET';

/** The growth test per group: the group's average ÷ its own last-year average − 1 ≥ W(Y−1) ÷ W(Y−2) − 1. */
export interface GrowthTargets {
  cityAverageLastYearFen: Fen;
  cityAverageTwoYearsAgoFen: Fen;
  /** The group's average pay of Y−1 (by group key), or null when unknown: the growth test is then not made. */
  lastYearAverageFen: (group: string) => Fen | null;
}

export interface GroupCompliance {
  group: string;
  district: string;
  street: string | null;
  workers: number;
  monthsEmployed: number;
  totalPayFen: Fen;
  averageFen: Fen;
  benchmarkFen: Fen;
  /** The level test: average ≥ B. */
  meetsBenchmark: boolean;
  /** The growth test; null when no growth targets or no last-year average for the group. */
  meetsGrowth: boolean | null;
  lastYearAverageFen: Fen | null;
  /** Least extra pay (fen) that makes the group pass both tests made: max(⌈B·Σm/12⌉, ⌈W1·last·Σm/(12·W2)⌉) − Σpay, or 0. */
  shortfallFen: Fen;
  workersBelow: number;
}

/** Projected pay per worker at a unit value, for the compliance and top-up functions. */
export function projectWorkers(workers: BenchmarkWorker[], unitValueFen: Fen): WorkerAnnualPay[] {
  return workers.map((w) => ({
    id: w.id,
    district: w.district,
    street: w.street,
    monthsEmployed: w.headcountMonths ?? w.segments.reduce((n, s) => n + s.months, 0),
    annualPayFen: projectAnnualPay(w, unitValueFen),
  }));
}

const groupKey = (w: WorkerAnnualPay, level: GroupLevel): string => (level === 'DISTRICT' ? w.district : `${w.district}/${w.street}`);
const ceilDiv = (num: bigint, den: bigint): bigint => (num <= 0n ? -(-num / den) : (num + den - 1n) / den);
const halvesOf = (w: WorkerAnnualPay): bigint => halfMonths(w.monthsEmployed, `worker ${w.id}`);

function groupBy(workers: WorkerAnnualPay[], level: GroupLevel): Map<string, WorkerAnnualPay[]> {
  const groups = new Map<string, WorkerAnnualPay[]>();
  for (const w of workers) {
    const key = groupKey(w, level);
    const list = groups.get(key);
    if (list) list.push(w);
    else groups.set(key, [w]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Average pay per group against the benchmark B = W(Y−1) and, given growth targets, against the
 * city's growth; groups sorted by key. Months are counted in halves: average = 24·Σpay ÷ Σhalves.
 */
export function complianceSummary(workers: WorkerAnnualPay[], benchmarkFen: Fen, level: GroupLevel, growth?: GrowthTargets): GroupCompliance[] {
  return [...groupBy(workers, level).entries()].map(([group, list]) => {
    let total = 0n;
    let h = 0n;
    let below = 0;
    for (const w of list) {
      const wh = halvesOf(w);
      total += w.annualPayFen;
      h += wh;
      if (24n * w.annualPayFen < benchmarkFen * wh) below++;
    }
    let needed = ceilDiv(benchmarkFen * h, 24n);
    const last = growth ? growth.lastYearAverageFen(group) : null;
    let meetsGrowth: boolean | null = null;
    if (growth && last !== null && h > 0n) {
      // average·W2 ≥ W1·last ⇔ 24·total·W2 ≥ W1·last·halves.
      meetsGrowth = 24n * total * growth.cityAverageTwoYearsAgoFen >= growth.cityAverageLastYearFen * last * h;
      const forGrowth = ceilDiv(growth.cityAverageLastYearFen * last * h, 24n * growth.cityAverageTwoYearsAgoFen);
      if (forGrowth > needed) needed = forGrowth;
    }
    const shortfall = needed - total;
    return {
      group,
      district: list[0].district,
      street: level === 'STREET' ? list[0].street : null,
      workers: list.length,
      monthsEmployed: Number(h) / 2,
      totalPayFen: total,
      averageFen: h === 0n ? 0n : roundFen(24n * total, h),
      benchmarkFen,
      meetsBenchmark: h > 0n && 24n * total >= benchmarkFen * h,
      meetsGrowth,
      lastYearAverageFen: last,
      shortfallFen: shortfall > 0n ? shortfall : 0n,
      workersBelow: below,
    };
  });
}

export type TopUpRule = { kind: 'AVERAGE'; level: GroupLevel } | { kind: 'PER_WORKER'; ratio: string };

export interface TopUpLine {
  id: string;
  annualPayFen: Fen;
  topUpFen: Fen;
}

export interface TopUpResult {
  lines: TopUpLine[];
  totalFen: Fen;
}

/**
 * Year-end top-up (年终补差).
 * Months may be halves (computed in 24ths of a fen below, so exact).
 * AVERAGE: per group, the target average T is B, or, given growth targets and the group's last-year average L,
 *   the higher of B and W1·L/W2 (the growth test): the top-up pays what complianceSummary reports as the
 *   group's shortfall, so the group passes both tests. The gap S = ⌈T·Σm/12⌉ − Σpay (if positive) is shared
 *   among the workers below T in proportion to their own shortfall sᵢ = T·mᵢ/12 − payᵢ: tᵢ = S·sᵢ/Σs, split by
 *   largest remainder so Σtᵢ = S exactly (ties to the earlier worker), never giving anyone more than their own
 *   shortfall rounded up to the fen, ⌈sᵢ⌉. The group average then meets T with the least total, and nobody is
 *   lifted past ⌈T·mᵢ/12⌉.
 * PER_WORKER: every worker below r·B·mᵢ/12 is topped up to ⌈r·B·mᵢ/12⌉ (the growth test is a group's: not here).
 */
export function yearEndTopUp(workers: WorkerAnnualPay[], benchmarkFen: Fen, rule: TopUpRule, growth?: GrowthTargets): TopUpResult {
  const topUp = new Map<string, Fen>();
  if (rule.kind === 'PER_WORKER') {
    const r = parseRatio(rule.ratio);
    for (const w of workers) {
      const target = ceilDiv(r.num * benchmarkFen * halvesOf(w), r.den * 24n);
      topUp.set(w.id, target > w.annualPayFen ? target - w.annualPayFen : 0n);
    }
  } else {
    for (const [group, list] of groupBy(workers, rule.level)) shareGroupGap(list, groupTarget(benchmarkFen, growth, group), topUp);
  }
  let totalFen = 0n;
  const lines = workers.map((w) => {
    const t = topUp.get(w.id) ?? 0n;
    totalFen += t;
    return { id: w.id, annualPayFen: w.annualPayFen, topUpFen: t };
  });
  return { lines, totalFen };
}

/** A group's target average pay as an exact fraction num/den (fen a year): B, or the growth test's W1·L/W2 when higher. */
function groupTarget(benchmarkFen: Fen, growth: GrowthTargets | undefined, group: string): { num: bigint; den: bigint } {
  const last = growth?.lastYearAverageFen(group) ?? null;
  if (!growth || last === null || growth.cityAverageTwoYearsAgoFen <= 0n) return { num: benchmarkFen, den: 1n };
  const num = growth.cityAverageLastYearFen * last;
  const den = growth.cityAverageTwoYearsAgoFen;
  return num > benchmarkFen * den ? { num, den } : { num: benchmarkFen, den: 1n };
}

function shareGroupGap(list: WorkerAnnualPay[], target: { num: bigint; den: bigint }, topUp: Map<string, Fen>): void {
  let total = 0n;
  let halves = 0n;
  for (const w of list) {
    total += w.annualPayFen;
    halves += halvesOf(w);
  }
  // In units of 1/(24·den) fen (months count in halves, the target is a fraction), so every shortfall is exact.
  const unit = 24n * target.den;
  const gap = ceilDiv(target.num * halves, unit) - total;
  if (gap <= 0n) return;
  const shortfalls = list.map((w) => {
    const s = target.num * halvesOf(w) - unit * w.annualPayFen;
    return s > 0n ? s : 0n;
  });
  const sum = shortfalls.reduce((a, b) => a + b, 0n);
  // Each floor share is below sᵢ/unit + 1, hence ≤ capᵢ = ⌈sᵢ/unit⌉; Σcap ≥ gap, so the loop ends.
  const shares = shortfalls.map((s, i) => ({ i, floor: (gap * s) / sum, rem: (gap * s) % sum, cap: ceilDiv(s, unit) }));
  let left = gap - shares.reduce((a, s) => a + s.floor, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  while (left > 0n) {
    for (const s of byRemainder) {
      if (left === 0n) break;
      if (s.floor >= s.cap) continue;
      s.floor += 1n;
      left -= 1n;
    }
  }
  for (const s of shares) topUp.set(list[s.i].id, s.floor);
}
