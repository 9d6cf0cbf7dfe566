/**
 * The earning lines of a worker-month beside base pay: the monthly allowances, shift pay, one-off service
 * awards and overtime, each an exact fraction rounded once to the fen and citing its policy row
 * (worker-month.ts orchestrates the month).
 */
import { type Fen, type Ratio, parseRatio, roundFen, validationError } from '@cws/kernel';
import type { CompiledPolicy } from './compiled-policy';
import type { OvertimeHourlyBase, OvertimeKind } from './policy';
import type { ResultLine, WorkerMonthInput, WorkerMonthWarning } from './worker-month';

const MAX_OVERTIME_HOURS = 36n;
const OVERTIME_CODES: Record<OvertimeKind, string> = { WORKDAY: 'OVERTIME_WORKDAY', REST_DAY: 'OVERTIME_REST_DAY', HOLIDAY: 'OVERTIME_HOLIDAY' };
const OVERTIME_LABELS: Record<OvertimeKind, string> = {
  WORKDAY: 'Overtime on working days (延长工作时间加班)',
  REST_DAY: 'Overtime on rest days (休息日加班)',
  HOLIDAY: 'Overtime on statutory holidays (法定节假日加班)',
};

/** Collects earning lines and their running totals (a class, not closures: this is the hot path). */
export class Earnings {
  readonly lines: ResultLine[] = [];
  gross = 0n;
  taxFree = 0n;
  /** The monthly allowances among the lines (qualification, long service, cross-appointment, seconded-in). */
  monthlyAllowances = 0n;

  add(code: string, label: string, amount: Fen, rule: string, policyRowId: string | null, taxFree = false): void {
    this.lines.push({ kind: 'EARNING', code, label, amount, rule, policyRowId });
    this.gross += amount;
    if (taxFree) this.taxFree += amount;
  }

  addMonthlyAllowance(code: string, label: string, amount: Fen, rule: string, policyRowId: string | null, taxFree: boolean): void {
    this.add(code, label, amount, rule, policyRowId, taxFree);
    this.monthlyAllowances += amount;
  }
}

/** A non-negative decimal input ("10.5"), or a validation error naming the field. */
export function decimal(text: string, path: string): Ratio {
  try {
    return parseRatio(text);
  } catch {
    throw validationError('DECIMAL_INVALID', path, `"${text}" is not a non-negative decimal number`);
  }
}

export function count(n: number, path: string): number {
  if (!Number.isInteger(n) || n < 0) throw validationError('COUNT_INVALID', path, 'must be a whole number ≥ 0');
  return n;
}

/** A count above the policy's cap is paid at the cap, with a warning on the slip. */
function capped(n: number, max: number, warning: WorkerMonthWarning, warnings: WorkerMonthWarning[]): number {
  if (n <= max) return n;
  warnings.push(warning);
  return max;
}

/** The rule a line cites: its own, marked `_PRO_RATED` when a partial month scaled it. */
export const ruleOf = (rule: string, factor: Ratio | null): string => (factor ? `${rule}_PRO_RATED` : rule);

/** A monthly amount scaled by the working-day factor, one rounding; unchanged for a full month. */
export function prorate(monthly: Fen, factor: Ratio | null): Fen {
  return factor ? roundFen(monthly * factor.num, factor.den) : monthly;
}

export function allowanceLines(input: WorkerMonthInput, cp: CompiledPolicy, factor: Ratio | null, out: Earnings, warnings: WorkerMonthWarning[]): void {
  const q = cp.qualification;
  if (q && input.qualificationLevel) {
    const level = q.byLevel.get(input.qualificationLevel);
    if (!level) throw validationError('QUALIFICATION_UNKNOWN', 'qualificationLevel', `no allowance for qualification ${input.qualificationLevel}`);
    const f = q.rule.prorate ? factor : null;
    out.addMonthlyAllowance(q.rule.code, q.rule.label, prorate(level.monthlyFen, f), ruleOf('QUALIFICATION_BY_LEVEL', f), level.rowId, q.rule.taxFree);
  }
  const ls = cp.longService;
  if (ls) {
    const years = completedYears(input.serviceStartDate, input.year, input.month);
    const f = ls.rule.prorate ? factor : null;
    for (const b of ls.bands) {
      if (years < b.minYears) continue;
      out.addMonthlyAllowance(ls.rule.code, ls.rule.label, prorate(b.monthlyFen, f), ruleOf('LONG_SERVICE_BY_YEARS', f), b.rowId, ls.rule.taxFree);
      break;
    }
  }
  const cross = cp.cross;
  if (cross && input.extraBodies) {
    const n = capped(count(input.extraBodies, 'extraBodies'), cross.maxBodies, 'EXTRA_BODIES_CAPPED', warnings);
    const f = cross.prorate ? factor : null;
    out.addMonthlyAllowance(cross.code, cross.label, prorate(cross.perBodyMonthlyFen * BigInt(n), f), ruleOf('PER_EXTRA_BODY', f), cross.id, cross.taxFree);
  }
  const shift = cp.shift;
  if (shift && input.shifts) {
    const n = capped(count(input.shifts, 'shifts'), shift.maxShiftsPerMonth, 'SHIFTS_CAPPED', warnings);
    // Shift pay follows the shifts actually worked, so it is never pro-rated again.
    out.add(shift.code, shift.label, shift.perShiftFen * BigInt(n), 'PER_SHIFT', shift.id, shift.taxFree);
  }
  const sec = cp.seconded;
  if (sec && input.secondedIn) {
    const f = sec.prorate ? factor : null;
    out.addMonthlyAllowance(sec.code, sec.label, prorate(sec.monthlyFen, f), ruleOf('SECONDED_IN_MONTHLY', f), sec.id, sec.taxFree);
  }
  if (cp.oneOffs.length) {
    const start = input.continuousServiceStartDate ?? input.serviceStartDate;
    const sy = Number(start.slice(0, 4));
    const sm = Number(start.slice(5, 7));
    for (const o of cp.oneOffs) {
      // Paid in the month of the anniversary on which `years` of continuous service are completed.
      if (input.year === sy + o.years && input.month === sm) out.add(o.code, o.label, o.amountFen, 'ONE_OFF_AT_SERVICE_YEARS', o.id, o.taxFree);
    }
  }
}

const OVERTIME_RULE: Record<OvertimeHourlyBase, string> = {
  MONTHLY_WAGE: 'MONTHLY_WAGE_DIV_21_75_DIV_8_X_MULTIPLIER',
  BASE_PAY: 'BASE_DIV_21_75_DIV_8_X_MULTIPLIER',
};

/** Overtime: the full month's `monthlyBase` (base pay or monthly wage) × multiplier × hours ÷ (21.75 × 8), exact, one rounding per kind. */
export function overtimeLines(input: WorkerMonthInput, cp: CompiledPolicy, monthlyBase: Fen, out: Earnings, warnings: WorkerMonthWarning[]): void {
  const ot = input.overtime;
  if (!ot || ot.length === 0) return;
  const div = cp.hourlyDivisor;
  let totalNum = 0n;
  let totalDen = 1n;
  for (const o of ot) {
    const hours: Ratio = o.minutes !== undefined ? { num: BigInt(count(o.minutes, 'overtime.minutes')), den: 60n } : decimal(o.hours ?? '', 'overtime.hours');
    const mult = cp.overtime[o.kind];
    if (!mult) throw validationError('OVERTIME_KIND_UNKNOWN', 'overtime.kind', `unknown overtime kind ${o.kind}`);
    const amount = roundFen(monthlyBase * mult.num * hours.num * div.den, mult.den * hours.den * div.num);
    out.add(OVERTIME_CODES[o.kind], OVERTIME_LABELS[o.kind], amount, OVERTIME_RULE[cp.overtimeHourlyBase], cp.policy.overtime.id);
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
  const years = year - sy - (month < sm || (month === sm && daysInMonth(year, month) < sd) ? 1 : 0);
  return years > 0 ? years : 0;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Plain arithmetic rather than Date: called for every worker-month. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}
