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
  separateBonusUsed: boolean;
  firstJobOfYear: boolean;
  lowIncomeLastYear: boolean;
  monthsPaid: number;
}

export function initialTaxState(year: number, flags: { firstJobOfYear: boolean; lowIncomeLastYear: boolean }): RunTaxState {
  return { ...emptyYtd(year), firstJobOfYear: flags.firstJobOfYear, lowIncomeLastYear: flags.lowIncomeLastYear, monthsPaid: 0 };
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
