/**
 * One worker's pay for one month, from frozen inputs, a policy and the year-to-date tax state.
 * Every amount is an exact fraction rounded once to the fen; every line cites its policy row.
 * Invariant: net + employee contributions + tax = gross.
 */
import { type Fen, type Ratio, clampFen, parseRatio, roundFen, validationError } from '@cws/kernel';
import { type CompiledPolicy, compilePolicy } from './compiled-policy';
import type { OvertimeKind, PayrollPolicy, PostBand } from './policy';
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
  overtime?: { kind: OvertimeKind; hours: string }[];
  /** Corrections for earlier periods, paid now; may be negative (recovery). */
  arrears?: { ref: string; label: string; amountFen: Fen }[];
  /** Declared contribution base (previous-year average monthly wage); clamped per item. */
  contributionBaseFen: Fen;
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
}

export function emptyYtd(year: number): YtdState {
  return { year, lastMonth: 0, income: 0n, taxFree: 0n, monthsEmployed: 0, employeeContributions: 0n, specialDeductions: 0n, otherDeductions: 0n, taxWithheld: 0n, separateBonusTax: 0n };
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
}

const MAX_OVERTIME_HOURS = 36n;
const OVERTIME_LABELS: Record<OvertimeKind, string> = {
  WORKDAY: 'Overtime on working days (延长工作时间加班)',
  REST_DAY: 'Overtime on rest days (休息日加班)',
  HOLIDAY: 'Overtime on statutory holidays (法定节假日加班)',
};

export function computeWorkerMonth(input: WorkerMonthInput, policy: PayrollPolicy, ytd: YtdState = emptyYtd(input.year)): WorkerMonthResult {
  const cp = compilePolicy(policy);
  checkPeriod(input, policy, ytd);
  const grade = checkGrade(input, cp);
  const lines: ResultLine[] = [];
  const warnings: WorkerMonthWarning[] = [];
  let gross = 0n;
  let taxFree = 0n;
  const earn = (code: string, label: string, amount: Fen, rule: string, rowId: string | null, isTaxFree = false): void => {
    lines.push({ kind: 'EARNING', code, label, amount, rule, policyRowId: rowId });
    gross += amount;
    if (isTaxFree) taxFree += amount;
  };

  const factor = proRateFactor(input, cp);
  const prorate = (monthly: Fen): Fen => (factor ? roundFen(monthly * factor.num, factor.den) : monthly);
  const ruleSuffix = factor ? '_PRO_RATED' : '';

  earn('BASE', 'Base pay (岗位等级工资)', prorate(grade.monthlyBaseFen), 'GRADE_COEFFICIENT_X_UNIT_VALUE' + ruleSuffix, grade.rowId);
  allowanceLines(input, cp, prorate, ruleSuffix, earn, warnings);
  overtimeLines(input, cp, grade.monthlyBaseFen, earn, warnings);
  if (input.arrears) for (const a of input.arrears) earn('ARREARS', a.label, a.amountFen, 'ARREARS_AS_GIVEN', null);
  const bonus = input.bonus;
  if (bonus && bonus.amountFen !== 0n) earn('YEAR_END_BONUS', 'Year-end bonus (年终奖)', bonus.amountFen, `BONUS_${bonus.method}`, null);

  // Contributions on the clamped base; the employer's are shown but are not part of gross.
  let employee = 0n;
  let employer = 0n;
  for (const c of cp.insuranceByMonth[input.month]) {
    const it = c.item;
    const declared = it.code === 'HOUSING_FUND' && input.housingFundBaseFen !== undefined ? input.housingFundBaseFen : input.contributionBaseFen;
    const base = clampFen(declared, it.baseFloorFen, it.baseCeilingFen);
    if (c.employeeRate.num !== 0n) {
      const amount = roundFen(base * c.employeeRate.num, c.employeeRate.den, it.rounding);
      employee += amount;
      lines.push({ kind: 'EMPLOYEE_CONTRIBUTION', code: it.code, label: it.label, amount, rule: 'CLAMPED_BASE_X_EMPLOYEE_RATE', policyRowId: it.id });
    }
    if (c.employerRate.num !== 0n) {
      const amount = roundFen(base * c.employerRate.num, c.employerRate.den, it.rounding);
      employer += amount;
      lines.push({ kind: 'EMPLOYER_CONTRIBUTION', code: it.code, label: it.label, amount, rule: 'CLAMPED_BASE_X_EMPLOYER_RATE', policyRowId: it.id });
    }
  }

  // Cumulative withholding; a separately taxed bonus stays out of the cumulative income.
  const separate = bonus && bonus.method === 'SEPARATE' ? bonus.amountFen : 0n;
  const special = input.specialDeductionsFen ?? 0n;
  const other = input.otherDeductionsFen ?? 0n;
  const cum: CumulativeAmounts = {
    income: ytd.income + gross - separate,
    taxFree: ytd.taxFree + taxFree,
    monthsEmployed: ytd.monthsEmployed + 1,
    employeeContributions: ytd.employeeContributions + employee,
    specialDeductions: ytd.specialDeductions + special,
    otherDeductions: ytd.otherDeductions + other,
  };
  const w = withholdThisMonth(cum, ytd.taxWithheld, policy.tax);
  lines.push({ kind: 'TAX', code: 'IIT', label: 'Individual income tax (个人所得税)', amount: w.tax, rule: 'CUMULATIVE_WITHHOLDING', policyRowId: w.bracketId });
  let bonusTax = 0n;
  if (separate !== 0n) {
    const bt = separateBonusTax(separate, policy.bonusTax);
    bonusTax = bt.tax;
    lines.push({ kind: 'TAX', code: 'IIT_BONUS', label: 'Tax on year-end bonus (全年一次性奖金个税)', amount: bonusTax, rule: 'BONUS_SEPARATE_MONTHLY_TABLE', policyRowId: bt.bracketId });
  }
  const tax = w.tax + bonusTax;

  return {
    workerId: input.workerId,
    year: input.year,
    month: input.month,
    lines,
    gross,
    taxFree,
    employeeContributions: employee,
    employerContributions: employer,
    tax,
    net: gross - employee - tax,
    withholding: { cumulativeTaxable: w.cumulativeTaxable, cumulativeTaxDue: w.cumulativeTaxDue, bracketId: w.bracketId },
    warnings,
    ytd: { ...cum, year: input.year, lastMonth: input.month, taxWithheld: ytd.taxWithheld + w.tax, separateBonusTax: ytd.separateBonusTax + bonusTax },
  };
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
  const worked = parseRatio(a.workedDays);
  if (worked.num >= BigInt(a.scheduledDays) * worked.den) return null; // worked every scheduled day
  // factor = worked ÷ divisor, where divisor is 21.75 (STANDARD_DAYS) or the scheduled days.
  const div = cp.policy.proRating.basis === 'STANDARD_DAYS' ? cp.standardDays : { num: BigInt(a.scheduledDays), den: 1n };
  const num = worked.num * div.den;
  const den = worked.den * div.num;
  return num >= den ? null : { num, den };
}

type Earn = (code: string, label: string, amount: Fen, rule: string, rowId: string | null, taxFree?: boolean) => void;

function allowanceLines(input: WorkerMonthInput, cp: CompiledPolicy, prorate: (f: Fen) => Fen, suffix: string, earn: Earn, warnings: WorkerMonthWarning[]): void {
  const q = cp.qualification;
  if (q && input.qualificationLevel) {
    const level = q.byLevel.get(input.qualificationLevel);
    if (!level) throw validationError('QUALIFICATION_UNKNOWN', 'qualificationLevel', `no allowance for qualification ${input.qualificationLevel}`);
    earn(q.rule.code, q.rule.label, q.rule.prorate ? prorate(level.monthlyFen) : level.monthlyFen, 'QUALIFICATION_BY_LEVEL' + (q.rule.prorate ? suffix : ''), level.rowId, q.rule.taxFree);
  }
  const ls = cp.longService;
  if (ls) {
    const years = completedYears(input.serviceStartDate, input.year, input.month);
    for (const b of ls.bands) {
      if (years < b.minYears) continue;
      earn(ls.rule.code, ls.rule.label, ls.rule.prorate ? prorate(b.monthlyFen) : b.monthlyFen, 'LONG_SERVICE_BY_YEARS' + (ls.rule.prorate ? suffix : ''), b.rowId, ls.rule.taxFree);
      break;
    }
  }
  const cross = cp.cross;
  if (cross && input.extraBodies) {
    let n = input.extraBodies;
    if (n > cross.maxBodies) {
      n = cross.maxBodies;
      warnings.push('EXTRA_BODIES_CAPPED');
    }
    const monthly = cross.perBodyMonthlyFen * BigInt(n);
    earn(cross.code, cross.label, cross.prorate ? prorate(monthly) : monthly, 'PER_EXTRA_BODY' + (cross.prorate ? suffix : ''), cross.id, cross.taxFree);
  }
  const shift = cp.shift;
  if (shift && input.shifts) {
    let n = input.shifts;
    if (n > shift.maxShiftsPerMonth) {
      n = shift.maxShiftsPerMonth;
      warnings.push('SHIFTS_CAPPED');
    }
    // Shift pay follows the shifts actually worked, so it is never pro-rated again.
    earn(shift.code, shift.label, shift.perShiftFen * BigInt(n), 'PER_SHIFT', shift.id, shift.taxFree);
  }
  const sec = cp.seconded;
  if (sec && input.secondedIn) earn(sec.code, sec.label, sec.prorate ? prorate(sec.monthlyFen) : sec.monthlyFen, 'SECONDED_IN_MONTHLY' + (sec.prorate ? suffix : ''), sec.id, sec.taxFree);
  if (cp.oneOffs.length) {
    const start = input.continuousServiceStartDate ?? input.serviceStartDate;
    const sy = Number(start.slice(0, 4));
    const sm = Number(start.slice(5, 7));
    for (const o of cp.oneOffs) {
      // Paid in the month of the anniversary on which `years` of continuous service are completed.
      if (input.year === sy + o.years && input.month === sm) earn(o.code, o.label, o.amountFen, 'ONE_OFF_AT_SERVICE_YEARS', o.id, o.taxFree);
    }
  }
}

/** Overtime: full monthly base × multiplier × hours ÷ (21.75 × 8), exact, one rounding per kind. */
function overtimeLines(input: WorkerMonthInput, cp: CompiledPolicy, monthlyBase: Fen, earn: Earn, warnings: WorkerMonthWarning[]): void {
  const ot = input.overtime;
  if (!ot || ot.length === 0) return;
  const div = cp.hourlyDivisor;
  let totalNum = 0n;
  let totalDen = 1n;
  for (const o of ot) {
    const hours = parseRatio(o.hours);
    const mult = cp.overtime[o.kind];
    if (!mult) throw validationError('OVERTIME_KIND_UNKNOWN', 'overtime.kind', `unknown overtime kind ${o.kind}`);
    const amount = roundFen(monthlyBase * mult.num * hours.num * div.den, mult.den * hours.den * div.num);
    earn(`OVERTIME_${o.kind}`, OVERTIME_LABELS[o.kind], amount, 'BASE_DIV_21_75_DIV_8_X_MULTIPLIER', cp.policy.overtime.id);
    totalNum = totalNum * hours.den + hours.num * totalDen;
    totalDen *= hours.den;
  }
  if (totalNum > MAX_OVERTIME_HOURS * totalDen) warnings.push('OVERTIME_OVER_36_HOURS');
}

/** Completed years of service at the end of (year, month), from a YYYY-MM-DD start. */
function completedYears(start: string, year: number, month: number): number {
  const sy = Number(start.slice(0, 4));
  const sm = Number(start.slice(5, 7));
  const sd = Number(start.slice(8, 10));
  const monthEnd = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const years = year - sy - (month < sm || (month === sm && monthEnd < sd) ? 1 : 0);
  return years > 0 ? years : 0;
}
