/**
 * The withholding state a payslip leaves behind, with the per-worker flags of DOMAIN.md §4, and
 * its JSON form (amounts as fen strings) stored on the payslip and read by the next month's run.
 */
import { type Fen, formatMoney, parseMoney } from '@cws/kernel';
import { type YtdState, emptyYtd } from '../worker-month';

export interface RunTaxState extends YtdState {
  /** 国家税务总局公告2020年第19号: no wage income earlier in the year — the basic deduction counts from January. */
  firstJobOfYear: boolean;
  /** 公告2020年第13号: last year's income from this employer ≤ 60,000 over a full year — 60,000 deducted from January. */
  lowIncomeLastYear: boolean;
  /** Months actually paid this year (monthsEmployed is the deduction count, which the flags may raise). */
  monthsPaid: number;
}

export interface TaxStateJson {
  year: number;
  lastMonth: number;
  income: string;
  taxFree: string;
  monthsEmployed: number;
  employeeContributions: string;
  specialDeductions: string;
  otherDeductions: string;
  taxWithheld: string;
  separateBonusTax: string;
  /** The year's separate bonus taxation has been used (at most once a year). */
  separateBonusUsed: boolean;
  /** 国家税务总局公告2020年第19号: basic deduction counted from January. */
  firstJobOfYear: boolean;
  /** 公告2020年第13号: the year's first 60,000 free of withholding. */
  lowIncomeLastYear: boolean;
  /** Months actually paid this year (monthsEmployed counts basic deductions, which the flags may raise). */
  monthsPaid: number;
}

export function initialTaxState(year: number, flags: { firstJobOfYear: boolean; lowIncomeLastYear: boolean }): RunTaxState {
  return withFlags(emptyYtd(year), flags.firstJobOfYear, flags.lowIncomeLastYear, 0);
}

/**
 * A tax state from an engine state and the flags, written out field by field: object spreads that
 * override a field cost several microseconds each on this hot path (100,000 slips a run).
 */
export function withFlags(y: YtdState, firstJobOfYear: boolean, lowIncomeLastYear: boolean, monthsPaid: number, monthsEmployed = y.monthsEmployed): RunTaxState {
  return {
    year: y.year, lastMonth: y.lastMonth, income: y.income, taxFree: y.taxFree, monthsEmployed, employeeContributions: y.employeeContributions,
    specialDeductions: y.specialDeductions, otherDeductions: y.otherDeductions, taxWithheld: y.taxWithheld, separateBonusTax: y.separateBonusTax,
    separateBonusUsed: y.separateBonusUsed, firstJobOfYear, lowIncomeLastYear, monthsPaid,
  };
}

/** The number of basic deductions (5,000 each) counted up to and including `month`. */
export function deductionMonths(state: RunTaxState, month: number): number {
  if (state.lowIncomeLastYear) return 12; // 60,000 = 12 × 5,000 from January
  if (state.firstJobOfYear) return month;
  return state.monthsEmployed + 1;
}

export function taxStateToJson(s: RunTaxState): TaxStateJson {
  return {
    year: s.year, lastMonth: s.lastMonth, income: formatMoney(s.income), taxFree: formatMoney(s.taxFree), monthsEmployed: s.monthsEmployed,
    employeeContributions: formatMoney(s.employeeContributions), specialDeductions: formatMoney(s.specialDeductions), otherDeductions: formatMoney(s.otherDeductions),
    taxWithheld: formatMoney(s.taxWithheld), separateBonusTax: formatMoney(s.separateBonusTax), separateBonusUsed: s.separateBonusUsed,
    firstJobOfYear: s.firstJobOfYear, lowIncomeLastYear: s.lowIncomeLastYear, monthsPaid: s.monthsPaid,
  };
}

const fen = (v: string | undefined): Fen => parseMoney(v ?? '0', { allowNegative: true });

export function taxStateFromJson(j: TaxStateJson): RunTaxState {
  return {
    year: j.year, lastMonth: j.lastMonth, income: fen(j.income), taxFree: fen(j.taxFree), monthsEmployed: j.monthsEmployed,
    employeeContributions: fen(j.employeeContributions), specialDeductions: fen(j.specialDeductions), otherDeductions: fen(j.otherDeductions),
    taxWithheld: fen(j.taxWithheld), separateBonusTax: fen(j.separateBonusTax), separateBonusUsed: !!j.separateBonusUsed,
    firstJobOfYear: !!j.firstJobOfYear, lowIncomeLastYear: !!j.lowIncomeLastYear, monthsPaid: j.monthsPaid ?? j.monthsEmployed,
  };
}

/**
 * The stored form (`payslip.tax_state`): the fields in a fixed order, amounts as integer fen — a
 * third of the JSON object's size on a table written 100,000 rows at a time. Fen amounts of a
 * year's cumulative pay stay far below 2^53, so JSON numbers hold them exactly.
 */
export function encodeTaxState(s: RunTaxState): string {
  return `[${s.year},${s.lastMonth},${s.income},${s.taxFree},${s.monthsEmployed},${s.employeeContributions},${s.specialDeductions},${s.otherDeductions},${s.taxWithheld},${s.separateBonusTax},${s.separateBonusUsed ? 1 : 0},${s.firstJobOfYear ? 1 : 0},${s.lowIncomeLastYear ? 1 : 0},${s.monthsPaid}]`;
}

export function decodeTaxState(text: string): RunTaxState {
  const v = JSON.parse(text) as number[];
  if (!Array.isArray(v)) return taxStateFromJson(v as unknown as TaxStateJson);
  const f = (i: number): Fen => BigInt(v[i]);
  return {
    year: v[0], lastMonth: v[1], income: f(2), taxFree: f(3), monthsEmployed: v[4], employeeContributions: f(5), specialDeductions: f(6), otherDeductions: f(7),
    taxWithheld: f(8), separateBonusTax: f(9), separateBonusUsed: v[10] === 1, firstJobOfYear: v[11] === 1, lowIncomeLastYear: v[12] === 1, monthsPaid: v[13],
  };
}
