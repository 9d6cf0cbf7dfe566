/**
 * One worker's pay for one month, from frozen inputs, a policy and the year-to-date tax state.
 * Every amount is an exact fraction rounded once to the fen; every line cites its policy row.
 * Invariant: net + employee contributions + tax = gross.
 */
import { type Fen, type Ratio, validationError } from '@cws/kernel';
import { type CompiledPolicy, compilePolicy } from './compiled-policy';
import { allowanceLines, decimal, Earnings, overtimeLines, prorate, ruleOf } from './earning-lines';
import type { OvertimeKind, PayrollPolicy, PostBand } from './policy';
import { applyRate } from './rate';
import { clampToBounds } from './run/contribution-base';
import { type CumulativeAmounts, separateBonusAllowed, separateBonusTax, withholdThisMonth } from './tax';

export type BonusMethod = 'SEPARATE' | 'MERGED';

export interface WorkerMonthInput {
  workerId: string;
  year: number;
  month: number;
  band: PostBand;
  grade: number;
  /** YYYY-MM-DD: completed years at the month end drive the long-service allowance. */
  serviceStartDate: string;
  /** YYYY-MM-DD: start of continuous community service (one-off awards); defaults to serviceStartDate. */
  continuousServiceStartDate?: string;
  qualificationLevel?: string | null;
  /** Extra bodies held besides the main post (cross-appointment). */
  extraBodies?: number;
  shifts?: number;
  secondedIn?: boolean;
  /** Absent = a full month. workedDays is a decimal string ("10.5"). */
  attendance?: { workedDays: string; scheduledDays: number };
  /** Overtime by kind: `hours` as a decimal string, or exact `minutes` (the scheduler's unit) instead. */
  overtime?: { kind: OvertimeKind; hours?: string; minutes?: number }[];
  /** Corrections for earlier periods, paid now; may be negative (recovery). */
  arrears?: { ref: string; label: string; amountFen: Fen }[];
  /**
   * Declared contribution base (previous-year average monthly wage, run/contribution-base.ts); clamped per item.
   * null = a newcomer with no full month on record: this month's wage for a full month (no arrears, no bonus).
   */
  contributionBaseFen: Fen | null;
  /** Housing fund base when it differs from the social-insurance base. */
  housingFundBaseFen?: Fen;
  /** Monthly special additional deductions (child education, elderly support, …). */
  specialDeductionsFen?: Fen;
  otherDeductionsFen?: Fen;
  bonus?: { amountFen: Fen; method: BonusMethod };
}

/** Tax state carried from month to month within one employer and year. */
export interface YtdState extends CumulativeAmounts {
  year: number;
  /** Last month computed (0 = none yet). */
  lastMonth: number;
  /** Wage tax withheld under the cumulative method. */
  taxWithheld: Fen;
  /** Tax on year-end bonuses taxed separately; outside the cumulative computation. */
  separateBonusTax: Fen;
  /** The separate option was used this year: 财税〔2018〕164号 allows it once per taxpayer per year. */
  separateBonusUsed: boolean;
}

/** Same field order as the state computeWorkerMonth returns: one object shape keeps the hot path monomorphic. */
export function emptyYtd(year: number): YtdState {
  return { year, lastMonth: 0, income: 0n, taxFree: 0n, monthsEmployed: 0, employeeContributions: 0n, specialDeductions: 0n, otherDeductions: 0n, taxWithheld: 0n, separateBonusTax: 0n, separateBonusUsed: false };
}

export type LineKind = 'EARNING' | 'EMPLOYEE_CONTRIBUTION' | 'EMPLOYER_CONTRIBUTION' | 'TAX';

export interface ResultLine {
  kind: LineKind;
  code: string;
  label: string;
  amount: Fen;
  /** Stable rule code (see README): which formula produced the amount. */
  rule: string;
  /** The policy row applied; null for input-driven lines (arrears). */
  policyRowId: string | null;
}

export type WorkerMonthWarning = 'OVERTIME_OVER_36_HOURS' | 'EXTRA_BODIES_CAPPED' | 'SHIFTS_CAPPED';

export interface WorkerMonthResult {
  workerId: string;
  year: number;
  month: number;
  lines: ResultLine[];
  gross: Fen;
  taxFree: Fen;
  employeeContributions: Fen;
  employerContributions: Fen;
  /** Wage tax withheld this month plus any separate bonus tax. */
  tax: Fen;
  net: Fen;
  withholding: { cumulativeTaxable: Fen; cumulativeTaxDue: Fen; bracketId: string };
  warnings: WorkerMonthWarning[];
  ytd: YtdState;
  /** The base declared before each item's clamp: the input's, or this month's full-month wage. */
  contributionBaseFen: Fen;
}

export function computeWorkerMonth(input: WorkerMonthInput, policy: PayrollPolicy, ytd: YtdState = emptyYtd(input.year)): WorkerMonthResult {
  const cp = compilePolicy(policy);
  checkPeriod(input, policy, ytd);
  const grade = checkGrade(input, cp);
  const warnings: WorkerMonthWarning[] = [];
  const earnings = new Earnings();

  const factor = proRateFactor(input, cp);
  earnings.add('BASE', 'Base pay (岗位等级工资)', prorate(grade.monthlyBaseFen, factor), ruleOf('GRADE_COEFFICIENT_X_UNIT_VALUE', factor), grade.rowId);
  allowanceLines(input, cp, factor, earnings, warnings);
  if (input.overtime?.length) overtimeLines(input, cp, overtimeMonthlyBase(input, cp, grade.monthlyBaseFen, factor, earnings), earnings, warnings);
  if (input.arrears) for (const a of input.arrears) earnings.add('ARREARS', a.label, a.amountFen, 'ARREARS_AS_GIVEN', null);
  const bonus = input.bonus;
  // A second bonus in a year whose separate option is spent is wages of its month (merged).
  const separateSpent = !!bonus && bonus.method === 'SEPARATE' && ytd.separateBonusUsed;
  const bonusRule = !bonus ? '' : separateSpent ? 'BONUS_MERGED_SEPARATE_ALREADY_USED' : bonus.method === 'SEPARATE' ? 'BONUS_SEPARATE' : 'BONUS_MERGED';
  if (bonus && bonus.amountFen !== 0n) earnings.add('YEAR_END_BONUS', 'Year-end bonus (年终奖)', bonus.amountFen, bonusRule, null);
  const lines = earnings.lines;
  const gross = earnings.gross;
  const contributionBase = input.contributionBaseFen ?? fullMonthWage(input, cp, grade.monthlyBaseFen, factor, earnings);

  // Contributions on the clamped base; the employer's are shown but are not part of gross.
  let employee = 0n;
  let employer = 0n;
  for (const c of cp.insuranceByMonth[input.month]) {
    const it = c.item;
    const declared = c.housingFund && input.housingFundBaseFen !== undefined ? input.housingFundBaseFen : contributionBase;
    const base = clampToBounds(declared, it);
    if (c.employeeRate.num !== 0n) {
      const amount = applyRate(base, c.employeeRate, it.rounding);
      employee += amount;
      lines.push({ kind: 'EMPLOYEE_CONTRIBUTION', code: it.code, label: it.label, amount, rule: 'CLAMPED_BASE_X_EMPLOYEE_RATE', policyRowId: it.id });
    }
    if (c.employerRate.num !== 0n) {
      const amount = applyRate(base, c.employerRate, it.rounding);
      employer += amount;
      lines.push({ kind: 'EMPLOYER_CONTRIBUTION', code: it.code, label: it.label, amount, rule: 'CLAMPED_BASE_X_EMPLOYER_RATE', policyRowId: it.id });
    }
  }

  // Cumulative withholding; a separately taxed bonus stays out of the cumulative income.
  const separate = bonus && bonus.method === 'SEPARATE' && !separateSpent ? bonus.amountFen : 0n;
  const next: YtdState = {
    year: input.year,
    lastMonth: input.month,
    income: ytd.income + (separate === 0n ? gross : gross - separate),
    taxFree: ytd.taxFree + earnings.taxFree,
    monthsEmployed: ytd.monthsEmployed + 1,
    employeeContributions: ytd.employeeContributions + employee,
    specialDeductions: input.specialDeductionsFen ? ytd.specialDeductions + input.specialDeductionsFen : ytd.specialDeductions,
    otherDeductions: input.otherDeductionsFen ? ytd.otherDeductions + input.otherDeductionsFen : ytd.otherDeductions,
    taxWithheld: ytd.taxWithheld,
    separateBonusTax: ytd.separateBonusTax,
    separateBonusUsed: ytd.separateBonusUsed || separate !== 0n,
  };
  const w = withholdThisMonth(next, ytd.taxWithheld, policy.tax);
  next.taxWithheld += w.tax;
  lines.push({ kind: 'TAX', code: 'IIT', label: 'Individual income tax (个人所得税)', amount: w.tax, rule: 'CUMULATIVE_WITHHOLDING', policyRowId: w.bracketId });
  let tax = w.tax;
  if (separate !== 0n) {
    const bt = separateBonusTax(separate, policy.bonusTax);
    tax += bt.tax;
    next.separateBonusTax += bt.tax;
    lines.push({ kind: 'TAX', code: 'IIT_BONUS', label: 'Tax on year-end bonus (全年一次性奖金个税)', amount: bt.tax, rule: 'BONUS_SEPARATE_MONTHLY_TABLE', policyRowId: bt.bracketId });
  }

  return {
    workerId: input.workerId,
    year: input.year,
    month: input.month,
    lines,
    gross,
    taxFree: earnings.taxFree,
    employeeContributions: employee,
    employerContributions: employer,
    tax,
    net: gross - employee - tax,
    withholding: { cumulativeTaxable: w.cumulativeTaxable, cumulativeTaxDue: w.cumulativeTaxDue, bracketId: w.bracketId },
    warnings,
    ytd: next,
    contributionBaseFen: contributionBase,
  };
}

/**
 * This month's wage as if worked in full: the gross without arrears or bonus, and for a pro-rated month
 * the base pay and allowances unprorated (overtime is never pro-rated). A newcomer's contribution base.
 */
function fullMonthWage(input: WorkerMonthInput, cp: CompiledPolicy, monthlyBase: Fen, factor: Ratio | null, earnings: Earnings): Fen {
  if (!factor) {
    let wage = 0n;
    for (const l of earnings.lines) if (l.code !== 'ARREARS' && l.code !== 'YEAR_END_BONUS') wage += l.amount;
    return wage;
  }
  const full = new Earnings();
  full.add('BASE', '', monthlyBase, '', null);
  allowanceLines(input, cp, null, full, []);
  overtimeLines(input, cp, overtimeMonthlyBase(input, cp, monthlyBase, null, full), full, []);
  return full.gross;
}

/**
 * The monthly amount the overtime hourly rate is taken from (the OVERTIME row's `hourlyBase`): base pay,
 * or base pay and the monthly allowances; both as for a full month, so a pro-rated month pays its
 * overtime at the same rate as a full one.
 */
function overtimeMonthlyBase(input: WorkerMonthInput, cp: CompiledPolicy, monthlyBase: Fen, factor: Ratio | null, earnings: Earnings): Fen {
  if (cp.overtimeHourlyBase === 'BASE_PAY') return monthlyBase;
  if (!factor) return monthlyBase + earnings.monthlyAllowances;
  const full = new Earnings();
  allowanceLines(input, cp, null, full, []);
  return monthlyBase + full.monthlyAllowances;
}

function checkPeriod(input: WorkerMonthInput, policy: PayrollPolicy, ytd: YtdState): void {
  if (!Number.isInteger(input.month) || input.month < 1 || input.month > 12) throw validationError('MONTH_INVALID', 'month', 'month must be a whole number from 1 to 12');
  if (input.year !== policy.year) throw validationError('POLICY_YEAR_MISMATCH', 'year', `policy is for ${policy.year}, input for ${input.year}`);
  if (ytd.year !== input.year) throw validationError('YTD_YEAR_MISMATCH', 'ytd.year', `year-to-date state is for ${ytd.year}, input for ${input.year}`);
  if (ytd.lastMonth >= input.month) throw validationError('YTD_MONTH_ORDER', 'month', `month ${input.month} is not after the last computed month ${ytd.lastMonth}`);
  const bonus = input.bonus;
  if (bonus && bonus.method === 'SEPARATE' && !separateBonusAllowed(policy.bonusTax, `${input.year}-${String(input.month).padStart(2, '0')}-01`)) {
    throw validationError('BONUS_SEPARATE_EXPIRED', 'bonus.method', `separate taxation of a year-end bonus ended on ${policy.bonusTax.validUntil}`);
  }
}

function checkGrade(input: WorkerMonthInput, cp: CompiledPolicy) {
  const band = cp.bands[input.band];
  if (!band) throw validationError('BAND_UNKNOWN', 'band', `no grade range for band ${input.band}`);
  if (input.grade < band.minGrade || input.grade > band.maxGrade) {
    throw validationError('GRADE_OUT_OF_BAND', 'grade', `grade ${input.grade} is outside band ${input.band} (${band.minGrade}–${band.maxGrade})`);
  }
  const grade = cp.grades[input.grade];
  if (!grade) throw validationError('GRADE_UNKNOWN', 'grade', `the pay scale has no coefficient for grade ${input.grade}`);
  return grade;
}

/** Working-day factor for a partial month, or null for a full month (no rounding at all then). */
function proRateFactor(input: WorkerMonthInput, cp: CompiledPolicy): Ratio | null {
  const a = input.attendance;
  if (!a) return null;
  if (!Number.isInteger(a.scheduledDays) || a.scheduledDays <= 0) throw validationError('ATTENDANCE_INVALID', 'attendance.scheduledDays', 'scheduled days must be a whole number above 0');
  const worked = decimal(a.workedDays, 'attendance.workedDays');
  if (worked.num >= BigInt(a.scheduledDays) * worked.den) return null; // worked every scheduled day
  // factor = worked ÷ divisor, where divisor is 21.75 (STANDARD_DAYS) or the scheduled days.
  const div = cp.policy.proRating.basis === 'STANDARD_DAYS' ? cp.standardDays : { num: BigInt(a.scheduledDays), den: 1n };
  const num = worked.num * div.den;
  const den = worked.den * div.num;
  return num >= den ? null : { num, den };
}
