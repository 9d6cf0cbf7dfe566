/**
 * The what-if tax calculator: a year of monthly figures in, cumulative withholding out. Amounts
 * travel as decimal strings so the form can run in the browser and round-trip exactly.
 */
import { DomainError, type ErrorDetail, type Fen, MoneyFormatError, formatMoney, parseMoney } from '@cws/kernel';
import { defaultPolicy } from './default-policy';
import type { BonusTaxTable, TaxTable } from './policy';
import { separateBonusAllowed, separateBonusTax, withholdThisMonth } from './tax';
import type { BonusMethod } from './worker-month';

export interface SimulationMonth {
  month: number;
  gross: string;
  /** Employee social insurance and housing fund. Optional fields default to "0". */
  employeeInsurance?: string;
  specialDeductions?: string;
  taxFree?: string;
  otherDeductions?: string;
}

export interface SimulationRequest {
  year: number;
  /** Months employed at this employer, ascending; may start after January (mid-year hire). */
  months: SimulationMonth[];
  bonus?: { amount: string; method: BonusMethod };
}

export interface SimulatedMonth {
  month: number;
  /** Cumulative taxable income to date, shown as 0.00 when deductions exceed income. */
  cumulativeTaxable: string;
  tax: string;
  cumulativeTax: string;
}

export interface SimulationResult {
  year: number;
  months: SimulatedMonth[];
  /** SEPARATE: the bonus's own tax. MERGED: the extra tax the bonus causes in the last month. */
  bonusTax?: string;
  /** Wage tax for the year plus any separate bonus tax. */
  totalTax: string;
}

export interface SimulationTables {
  tax: TaxTable;
  bonusTax: BonusTaxTable;
}

const AMOUNT_FIELDS = ['gross', 'employeeInsurance', 'specialDeductions', 'taxFree', 'otherDeductions'] as const;
const REQUIRED_FIELDS: ReadonlySet<string> = new Set(['gross']);

/**
 * The codes of the issues `validateSimulationRequest` reports (ErrorDetail.code): the UI picks its
 * words by these, so the English `issue` text may change without breaking a translation.
 */
export type SimulationIssueCode =
  | 'REQUEST_NOT_AN_OBJECT' | 'YEAR_INVALID' | 'MONTHS_EMPTY' | 'MONTH_NOT_AN_OBJECT' | 'MONTH_INVALID' | 'MONTH_REPEATED' | 'MONTHS_OUT_OF_ORDER'
  | 'AMOUNT_REQUIRED' | 'AMOUNT_NOT_A_STRING' | 'AMOUNT_NOT_A_NUMBER' | 'AMOUNT_TOO_MANY_DECIMALS' | 'AMOUNT_NEGATIVE' | 'AMOUNT_TOO_LARGE'
  | 'BONUS_NOT_AN_OBJECT' | 'BONUS_METHOD_INVALID' | 'BONUS_SEPARATE_EXPIRED';

type Issue = { code: SimulationIssueCode; issue: string };

const AMOUNT_ISSUES: Record<MoneyFormatError['reason'], Issue> = {
  NOT_A_NUMBER: { code: 'AMOUNT_NOT_A_NUMBER', issue: 'must be a number such as "1234.56"' },
  TOO_MANY_DECIMALS: { code: 'AMOUNT_TOO_MANY_DECIMALS', issue: 'must have at most two decimal places' },
  NEGATIVE: { code: 'AMOUNT_NEGATIVE', issue: 'must not be negative' },
  OUT_OF_RANGE: { code: 'AMOUNT_TOO_LARGE', issue: 'is too large' },
};

function amountIssue(value: unknown): Issue | null {
  if (typeof value !== 'string') return { code: 'AMOUNT_NOT_A_STRING', issue: 'must be a decimal string such as "1234.56"' };
  try {
    parseMoney(value);
    return null;
  } catch (e) {
    if (e instanceof MoneyFormatError) return AMOUNT_ISSUES[e.reason];
    throw e;
  }
}

const detail = (path: string, code: SimulationIssueCode, issue: string): ErrorDetail => ({ path, issue, code });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem with a request, each with the path of the field at fault; empty when valid. */
export function validateSimulationRequest(request: unknown, tables?: SimulationTables): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!isRecord(request)) return [detail('', 'REQUEST_NOT_AN_OBJECT', 'must be an object with year and months')];
  const year = request.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 2019 && year <= 9999;
  if (!yearOk) errors.push(detail('year', 'YEAR_INVALID', 'must be a whole year from 2019 (cumulative withholding)'));

  const months = request.months;
  if (!Array.isArray(months) || months.length === 0) {
    errors.push(detail('months', 'MONTHS_EMPTY', 'must list at least one month'));
  } else {
    const seen = new Set<number>();
    let previous = 0;
    months.forEach((m: unknown, i) => {
      const at = `months[${i}]`;
      if (!isRecord(m)) {
        errors.push(detail(at, 'MONTH_NOT_AN_OBJECT', 'must be an object'));
        return;
      }
      const month = m.month;
      if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) {
        errors.push(detail(`${at}.month`, 'MONTH_INVALID', 'must be a whole number from 1 to 12'));
      } else if (seen.has(month)) {
        errors.push(detail(`${at}.month`, 'MONTH_REPEATED', `month ${month} is repeated`));
      } else {
        if (month < previous) errors.push(detail(`${at}.month`, 'MONTHS_OUT_OF_ORDER', `months must be in ascending order (${month} after ${previous})`));
        seen.add(month);
        previous = Math.max(previous, month);
      }
      for (const field of AMOUNT_FIELDS) {
        if (m[field] === undefined && !REQUIRED_FIELDS.has(field)) continue;
        const found: Issue | null = m[field] === undefined ? { code: 'AMOUNT_REQUIRED', issue: 'is required' } : amountIssue(m[field]);
        if (found) errors.push(detail(`${at}.${field}`, found.code, found.issue));
      }
    });
  }

  const bonus = request.bonus;
  if (bonus !== undefined) {
    if (!isRecord(bonus)) {
      errors.push(detail('bonus', 'BONUS_NOT_AN_OBJECT', 'must be an object with amount and method'));
    } else {
      const found = amountIssue(bonus.amount);
      if (found) errors.push(detail('bonus.amount', found.code, found.issue));
      if (bonus.method !== 'SEPARATE' && bonus.method !== 'MERGED') {
        errors.push(detail('bonus.method', 'BONUS_METHOD_INVALID', 'must be SEPARATE or MERGED'));
      } else if (bonus.method === 'SEPARATE' && yearOk) {
        const table = (tables ?? defaultPolicy(year as number)).bonusTax;
        if (!separateBonusAllowed(table, `${year}-01-01`)) errors.push(detail('bonus.method', 'BONUS_SEPARATE_EXPIRED', `separate taxation of a year-end bonus ended on ${table.validUntil}`));
      }
    }
  }
  return errors;
}

const fen = (s: string | undefined): Fen => (s === undefined ? 0n : parseMoney(s));

/** Runs cumulative withholding over the listed months. Throws a VALIDATION DomainError listing every problem. */
export function simulateYear(request: SimulationRequest, tables?: SimulationTables): SimulationResult {
  const errors = validateSimulationRequest(request, tables);
  if (errors.length) throw new DomainError('VALIDATION', 'SIMULATION_INVALID', `the simulation request has ${errors.length} problem(s)`, errors);
  const t = tables ?? defaultPolicy(request.year);
  const bonus = request.bonus && { amount: parseMoney(request.bonus.amount), method: request.bonus.method };
  const merged = bonus && bonus.method === 'MERGED' ? bonus.amount : 0n;

  const out: SimulatedMonth[] = [];
  const cum = { income: 0n, taxFree: 0n, monthsEmployed: 0, employeeContributions: 0n, specialDeductions: 0n, otherDeductions: 0n };
  let withheld = 0n;
  let lastTax = 0n;
  let lastTaxWithoutBonus = 0n;
  request.months.forEach((m, i) => {
    const last = i === request.months.length - 1;
    cum.income += fen(m.gross) + (last ? merged : 0n);
    cum.taxFree += fen(m.taxFree);
    cum.monthsEmployed += 1;
    cum.employeeContributions += fen(m.employeeInsurance);
    cum.specialDeductions += fen(m.specialDeductions);
    cum.otherDeductions += fen(m.otherDeductions);
    if (last) lastTaxWithoutBonus = withholdThisMonth({ ...cum, income: cum.income - merged }, withheld, t.tax).tax;
    const w = withholdThisMonth(cum, withheld, t.tax);
    lastTax = w.tax;
    withheld += w.tax;
    out.push({ month: m.month, cumulativeTaxable: formatMoney(w.cumulativeTaxable > 0n ? w.cumulativeTaxable : 0n), tax: formatMoney(w.tax), cumulativeTax: formatMoney(withheld) });
  });

  const result: SimulationResult = { year: request.year, months: out, totalTax: formatMoney(withheld) };
  if (bonus) {
    if (bonus.method === 'SEPARATE') {
      const bt = separateBonusTax(bonus.amount, t.bonusTax).tax;
      result.bonusTax = formatMoney(bt);
      result.totalTax = formatMoney(withheld + bt);
    } else {
      // Earlier months are unaffected by a bonus merged into the last one.
      result.bonusTax = formatMoney(lastTax - lastTaxWithoutBonus);
    }
  }
  return result;
}
