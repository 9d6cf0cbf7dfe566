/**
 * Who the benchmark counts, for how many months, against which city wages, and what a year of the
 * counted workforce costs (the 核定 requirement). Pure: plain dates, codes and fen.
 */
import { DomainError, type Fen } from '@cws/kernel';
import { compilePolicy } from './compiled-policy';
import type { CityWageRow, PayrollPolicy } from './policy';
import { applyRate } from './rate';
import { clampToBounds } from './run/contribution-base';

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad = (n: number): string => String(n).padStart(2, '0');

function lastDay(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * A worker's share of a month in the average headcount, by the statistics bureau's simplified rule
 * 月平均人数 = (月初人数 + 月末人数) ÷ 2: 1 when employed on the first and the last day, ½ when on
 * one of them (a mid-month hire or leaver), 0 otherwise. `leftDate` is the last day employed.
 */
export function employmentInMonth(hireDate: string, leftDate: string | null, year: number, month: number): 0 | 0.5 | 1 {
  const first = `${year}-${pad(month)}-01`;
  const last = `${year}-${pad(month)}-${pad(lastDay(year, month))}`;
  const on = (d: string): boolean => hireDate <= d && (leftDate === null || leftDate >= d);
  const n = (on(first) ? 1 : 0) + (on(last) ? 1 : 0);
  if (n === 2) return 1;
  if (n === 1) return 0.5;
  // Hired and gone within the month: never there on the first or last day, yet paid — count ½.
  return hireDate <= last && (leftDate === null || leftDate >= first) && hireDate > first ? 0.5 : 0;
}

export interface BenchmarkStanding {
  /** The worker's employment type: seconded-in cadres (挂职) are another employer's staff. */
  secondedIn: boolean;
  /** Who pays a seconded-out worker in that month: HOME (us) or HOST; null when not seconded out. */
  secondedOutPaidBy: 'HOME' | 'HOST' | null;
}

/**
 * Does the worker count in the community workers' average? Seconded-in cadres do not (they are
 * paid by their home unit and get only a subsidy here); a seconded-out worker counts while we pay
 * them (payer HOME) and not while the host does.
 */
export function countsForBenchmark(s: BenchmarkStanding): boolean {
  if (s.secondedIn) return false;
  return s.secondedOutPaidBy !== 'HOST';
}

export interface CityWageTargets {
  lastYear: CityWageRow;
  twoYearsAgo: CityWageRow;
}

/**
 * W(Y−1) and W(Y−2), refusing a pair of different statistical calibers: the growth W(Y−1)/W(Y−2) − 1
 * would then measure the change of caliber (e.g. 非私营 → 全口径), not of pay.
 */
export function cityWageTargets(cityWages: CityWageRow[], year: number): CityWageTargets {
  const wage = (y: number): CityWageRow | undefined => cityWages.find((w) => w.year === y);
  const w1 = wage(year - 1);
  const w2 = wage(year - 2);
  const missing = [!w1 && `CITY_WAGE:${year - 1}`, !w2 && `CITY_WAGE:${year - 2}`].filter((x): x is string => !!x);
  if (missing.length || !w1 || !w2) {
    throw new DomainError('UNPROCESSABLE', 'POLICY_INCOMPLETE', `the city average wage is missing for ${missing.join(', ')}`, missing.map((m) => ({ path: m, issue: 'no open row' })));
  }
  if (w1.caliber !== w2.caliber) {
    throw new DomainError(
      'UNPROCESSABLE', 'CITY_WAGE_CALIBER_MISMATCH',
      `W(${year - 1}) is of caliber ${w1.caliber} but W(${year - 2}) of ${w2.caliber}: the growth test needs both of one caliber — record W(${year - 2}) in ${w1.caliber} too`,
      [{ path: `CITY_WAGE:${year - 1}.caliber`, issue: `${w1.caliber} differs from CITY_WAGE:${year - 2} (${w2.caliber})` }],
    );
  }
  return { lastYear: w1, twoYearsAgo: w2 };
}

export interface RequirementGroup {
  key: string;
  /** Months employed (whole or halves) counted for the year. */
  monthsEmployed: number;
}

export interface RequirementLine {
  key: string;
  monthsEmployed: number;
  /** Average headcount of the year: months ÷ 12, as a decimal string with two places (rounded half up). */
  headcount: string;
  wagesFen: Fen;
  employerContributionsFen: Fen;
  requirementFen: Fen;
}

/**
 * The 核定 requirement: average headcount × (W(Y−1) + the employer's insurance and housing fund on
 * it). Each month a counted worker costs W(Y−1)/12 in pay plus the employer items in force that
 * month on a declared base of W(Y−1)/12 (rounded half up, clamped per item as the payroll does).
 * Wages are rounded once per group: ⌈W·Σm/12⌉ half up; contributions are whole fen per month.
 */
export function fundingRequirement(groups: RequirementGroup[], policy: PayrollPolicy, cityAverageLastYearFen: Fen): RequirementLine[] {
  const cp = compilePolicy(policy);
  const monthlyWage = (cityAverageLastYearFen * 2n + 12n) / 24n;
  // Employer contributions of one full month per month of the year (items switch mid-year).
  const employerByMonth: Fen[] = [0n];
  for (let m = 1; m <= 12; m++) {
    let sum = 0n;
    for (const c of cp.insuranceByMonth[m]) {
      const it = c.item;
      const base = clampToBounds(monthlyWage, it);
      if (c.employerRate.num !== 0n) sum += applyRate(base, c.employerRate, it.rounding);
    }
    employerByMonth.push(sum);
  }
  // A group's months are not tied to calendar months here; the year's mean monthly cost is used, exact in twelfths.
  const employerYear = employerByMonth.reduce((a, b) => a + b, 0n);
  return groups.map((g) => {
    const halves = BigInt(g.monthsEmployed * 2);
    const wages = (cityAverageLastYearFen * halves * 2n + 24n) / 48n;
    const employer = (employerYear * halves * 2n + 24n) / 48n;
    return {
      key: g.key,
      monthsEmployed: g.monthsEmployed,
      headcount: headcountText(halves),
      wagesFen: wages,
      employerContributionsFen: employer,
      requirementFen: wages + employer,
    };
  });
}

/** halves ÷ 24 with two places, half up. */
function headcountText(halves: bigint): string {
  const hundredths = (halves * 100n * 2n + 24n) / 48n;
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}
