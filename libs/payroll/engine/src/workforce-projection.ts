/**
 * From the workforce snapshot (and what the payroll runs already paid) to the engine's benchmark
 * inputs. Pure: the snapshot comes from the workers API, the policy from the policy tables, the
 * paid months from the runs.
 *
 * Each counted worker is projected month by month through the year: grade = entry grade for (post
 * band, education) + one step per N completed years of service at the first of the month (capped
 * at the band top); coefficient-driven pay = coefficient × unit value; everything else
 * (qualification, long service, cross-appointment, one-off awards) is computed by the engine's
 * computeWorkerMonth for that month and counted as fixed pay. A worker hired during the year counts
 * from the hire month. Seconded-in cadres are not counted; a seconded-out worker is not counted in
 * the months the host pays them (countsForBenchmark).
 *
 * mergePaid then replaces months 1..paidThrough by what the runs paid (the statistical total wage,
 * bonus, overtime and shifts included), counting each paid month by employment (a hire or leaving
 * month ½), and carries the worker's average overtime and shift pay so far into the projected months.
 */
import { DomainError, formatMoney, fullYearsBetween, roundFen, parseRatio, type ErrorDetail, type Fen } from '@cws/kernel';
import type { BenchmarkWorker } from './benchmark';
import { countsForBenchmark, employmentInMonth } from './benchmark-workforce';
import { entryGrade } from './grade';
import type { PayrollPolicy, PostBand } from './policy';
import { computeWorkerMonth, emptyYtd, type YtdState } from './worker-month';

/**
 * What the projection reads of a worker: the fields of the workers service's snapshot
 * (`WorkerSnapshot` in @cws/workers-contracts, which fits this shape) that pay depends on.
 */
export interface ProjectionSnapshot {
  workerId: number;
  /** Kept on the projected worker for the top-up lines (年终补差 lists people by name). */
  name?: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  employmentType: string;
  postBand: string;
  education: string;
  hireDate: string;
  qualificationLevel: string;
  bodiesHeld: number;
  secondment: null | { direction: 'OUT' | 'IN'; payer: 'HOME' | 'HOST'; from: string; to: string | null };
}

/** One worker's pay for one calendar month, summed over the PAID runs of every type (regular, bonus, top-up, correction). */
export interface PaidWorkerMonth {
  workerId: string;
  month: number;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  /** From the run's frozen snapshot, so the inclusion rules see the month as it was paid. */
  hireDate: string;
  leftDate: string | null;
  secondedIn: boolean;
  secondedOutPaidBy: 'HOME' | 'HOST' | null;
  /** The statistical total wage (工资总额): every earning line — base, allowances, overtime, shifts, bonus, top-up, arrears. */
  grossFen: Fen;
  /** Overtime and shift pay within grossFen: carried forward into the projected months. */
  variableFen: Fen;
}

export interface PaidYear {
  /** Every month 1..paidThrough has a PAID regular run for the scope (0 = none yet). */
  paidThrough: number;
  months: PaidWorkerMonth[];
}

export interface ProjectedWorker {
  worker: BenchmarkWorker;
  /** From the snapshot; null for a worker known only from paid runs (left before the snapshot date). */
  name: string | null;
  communityCode: string;
  /** Index 1–12: coefficient (decimal string) of a projected month, or null (not employed, not counted, or paid). */
  coefficientByMonth: (string | null)[];
  /** Index 1–12: non-coefficient pay of a projected month (fen). */
  fixedByMonth: Fen[];
  /** Index 1–12: what the runs paid in that month (fen), 0 for projected months. */
  paidByMonth: Fen[];
  /** Index 1–12: the month's share in the headcount (0, ½ or 1). */
  employmentByMonth: number[];
}

const pad = (n: number) => String(n).padStart(2, '0');

export function projectWorkforce(snapshots: ProjectionSnapshot[], policy: PayrollPolicy): ProjectedWorker[] {
  const year = policy.year;
  const coefficient = new Map(policy.payScale.grades.map((g) => [g.grade, g.coefficient]));
  const problems = new Map<string, ErrorDetail>();
  const out: ProjectedWorker[] = [];
  for (const s of snapshots) {
    const hireYear = Number(s.hireDate.slice(0, 4));
    if (hireYear > year) continue;
    if (!countsForBenchmark({ secondedIn: s.employmentType === 'SECONDED_IN', secondedOutPaidBy: null })) continue;
    const startMonth = hireYear === year ? Number(s.hireDate.slice(5, 7)) : 1;
    const coefficientByMonth: (string | null)[] = [null];
    const fixedByMonth: Fen[] = [0n];
    let ytd: YtdState = emptyYtd(year);
    let failed = false;
    for (let m = 1; m <= 12 && !failed; m++) {
      if (m < startMonth || hostPays(s, year, m)) {
        coefficientByMonth.push(null);
        fixedByMonth.push(0n);
        continue;
      }
      const years = fullYearsBetween(s.hireDate, `${year}-${pad(m)}-01`);
      try {
        const grade = entryGrade(policy, s.postBand as PostBand, s.education, Math.max(0, years)).grade;
        const coef = coefficient.get(grade);
        if (!coef) throw new DomainError('UNPROCESSABLE', 'GRADE_UNKNOWN', `no coefficient for grade ${grade}`, [{ path: `GRADE_COEFFICIENT:${pad(grade)}`, issue: 'no row in force' }]);
        const r = computeWorkerMonth(
          {
            workerId: String(s.workerId), year, month: m, band: s.postBand as PostBand, grade, serviceStartDate: s.hireDate,
            qualificationLevel: s.qualificationLevel === 'NONE' ? null : s.qualificationLevel,
            extraBodies: Math.max(0, s.bodiesHeld - 1), secondedIn: s.employmentType === 'SECONDED_IN', contributionBaseFen: 0n,
          },
          policy,
          ytd,
        );
        ytd = r.ytd;
        let fixed = 0n;
        for (const line of r.lines) if (line.kind === 'EARNING' && line.code !== 'BASE') fixed += line.amount;
        coefficientByMonth.push(coef);
        fixedByMonth.push(fixed);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const detail = describe(e, s);
        problems.set(detail.path, detail);
        failed = true;
      }
    }
    if (failed) continue;
    const p: ProjectedWorker = {
      worker: { id: String(s.workerId), district: s.districtCode, street: s.streetCode, segments: [], fixedAnnualFen: 0n },
      name: s.name ?? null,
      communityCode: s.communityCode,
      coefficientByMonth,
      fixedByMonth,
      paidByMonth: new Array<Fen>(13).fill(0n),
      employmentByMonth: coefficientByMonth.map((c) => (c === null ? 0 : 1)),
    };
    if (rebuild(p)) out.push(p);
  }
  if (problems.size) {
    const details = [...problems.values()];
    throw new DomainError('UNPROCESSABLE', 'POLICY_DOES_NOT_COVER_WORKFORCE', `the ${year} policy does not cover every worker: ${details.map((d) => `${d.path} (${d.issue})`).join('; ')}`, details);
  }
  return out;
}

/** A seconded-out worker whom the host pays on the month's first day is not ours to count that month. */
function hostPays(s: ProjectionSnapshot, year: number, m: number): boolean {
  const sec = s.secondment;
  if (!sec || sec.direction !== 'OUT') return false;
  const first = `${year}-${pad(m)}-01`;
  const covers = sec.from <= first && (sec.to === null || sec.to >= first);
  return covers && !countsForBenchmark({ secondedIn: false, secondedOutPaidBy: sec.payer });
}

/** Derives the engine's worker (segments, fixed pay, headcount) from the month arrays; false when nothing counts. */
function rebuild(p: ProjectedWorker): boolean {
  const segments = new Map<string, number>();
  let fixed = 0n;
  let employed = 0;
  for (let m = 1; m <= 12; m++) {
    const c = p.coefficientByMonth[m];
    if (c !== null) segments.set(c, (segments.get(c) ?? 0) + 1);
    fixed += p.fixedByMonth[m] + p.paidByMonth[m];
    employed += p.employmentByMonth[m];
  }
  p.worker.segments = [...segments.entries()].map(([coefficient, months]) => ({ coefficient, months }));
  p.worker.fixedAnnualFen = fixed;
  p.worker.headcountMonths = employed;
  return employed > 0;
}

/**
 * Months 1..paidThrough become what the runs paid; later months stay projected. A worker who left
 * (no longer in the snapshot) keeps only paid months; a paid month counts only when the worker
 * counted for the benchmark in it (frozen snapshot of that run).
 */
export function mergePaid(projected: ProjectedWorker[], paid: PaidYear, year: number): ProjectedWorker[] {
  if (paid.paidThrough === 0 && paid.months.length === 0) return projected;
  const byId = new Map(projected.map((p) => [p.worker.id, p]));
  const variable = new Map<string, { fen: Fen; months: number }>();
  for (const p of projected) {
    for (let m = 1; m <= paid.paidThrough; m++) {
      p.coefficientByMonth[m] = null;
      p.fixedByMonth[m] = 0n;
      p.employmentByMonth[m] = 0;
    }
  }
  for (const r of paid.months) {
    if (r.month > paid.paidThrough) continue;
    if (!countsForBenchmark({ secondedIn: r.secondedIn, secondedOutPaidBy: r.secondedOutPaidBy })) continue;
    let p = byId.get(r.workerId);
    if (!p) {
      p = {
        worker: { id: r.workerId, district: r.districtCode, street: r.streetCode, segments: [], fixedAnnualFen: 0n },
        name: null,
        communityCode: r.communityCode,
        coefficientByMonth: new Array<string | null>(13).fill(null),
        fixedByMonth: new Array<Fen>(13).fill(0n),
        paidByMonth: new Array<Fen>(13).fill(0n),
        employmentByMonth: new Array<number>(13).fill(0),
      };
      byId.set(r.workerId, p);
    }
    p.paidByMonth[r.month] += r.grossFen;
    // A bonus-only run in a month after leaving still adds pay, but no headcount.
    p.employmentByMonth[r.month] = Math.max(p.employmentByMonth[r.month], employmentInMonth(r.hireDate, r.leftDate, year, r.month));
    const v = variable.get(r.workerId) ?? { fen: 0n, months: 0 };
    v.fen += r.variableFen;
    variable.set(r.workerId, v);
  }
  for (const [id, v] of variable) {
    const p = byId.get(id)!;
    const paidMonths = p.employmentByMonth.slice(1, paid.paidThrough + 1).filter((e) => e > 0).length;
    const perMonth = paidMonths ? v.fen / BigInt(paidMonths) : 0n;
    for (let m = paid.paidThrough + 1; m <= 12; m++) if (p.coefficientByMonth[m] !== null) p.fixedByMonth[m] += perMonth;
  }
  const out: ProjectedWorker[] = [];
  for (const p of [...byId.values()].sort((a, b) => Number(a.worker.id) - Number(b.worker.id))) if (rebuild(p)) out.push(p);
  return out;
}

function describe(e: DomainError, s: ProjectionSnapshot): ErrorDetail {
  if (e.code === 'ENTRY_GRADE_UNKNOWN') return { path: `ENTRY_GRADE:${s.postBand}:${s.education}`, issue: `no entry grade row (e.g. worker ${s.workerId})` };
  if (e.code === 'QUALIFICATION_UNKNOWN') return { path: `ALLOWANCE:QUALIFICATION.levels.${s.qualificationLevel}`, issue: `no allowance level (e.g. worker ${s.workerId})` };
  return { path: e.details[0]?.path ?? e.code, issue: `${e.message} (e.g. worker ${s.workerId})` };
}

/** Pay in months 1..k — paid, or projected at a unit value with the payroll's rounding — and the months employed (halves). */
export function paidThroughMonth(p: ProjectedWorker, unitValueFen: Fen, k: number): { paid: Fen; months: number } {
  let paid = 0n;
  let months = 0;
  for (let m = 1; m <= k; m++) {
    paid += p.paidByMonth[m];
    months += p.employmentByMonth[m];
    const c = p.coefficientByMonth[m];
    if (c === null) continue;
    const r = parseRatio(c);
    paid += roundFen(unitValueFen * r.num, r.den) + p.fixedByMonth[m];
  }
  return { paid, months };
}

/** a/b − 1 as a decimal fraction with six places, half up ("0.050000"). */
export function growth(a: Fen, b: Fen): string {
  const micro = roundFen(a * 1_000_000n, b) - 1_000_000n;
  const neg = micro < 0n;
  const abs = neg ? -micro : micro;
  return `${neg ? '-' : ''}${abs / 1_000_000n}.${String(abs % 1_000_000n).padStart(6, '0')}`;
}

export const money = formatMoney;
