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

const AMOUNT_ISSUES: Record<MoneyFormatError['reason'], string> = {
  NOT_A_NUMBER: 'must be a number such as "1234.56"',
  TOO_MANY_DECIMALS: 'must have at most two decimal places',
  NEGATIVE: 'must not be negative',
  OUT_OF_RANGE: 'is too large',
};

function amountIssue(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a decimal string such as "1234.56"';
  try {
    parseMoney(value);
    return null;
  } catch (e) {
    if (e instanceof MoneyFormatError) return AMOUNT_ISSUES[e.reason];
    throw e;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem with a request, each with the path of the field at fault; empty when valid. */
export function validateSimulationRequest(request: unknown, tables?: SimulationTables): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!isRecord(request)) return [{ path: '', issue: 'must be an object with year and months' }];
  const year = request.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 2019 && year <= 9999;
  if (!yearOk) errors.push({ path: 'year', issue: 'must be a whole year from 2019 (cumulative withholding)' });

  const months = request.months;
  if (!Array.isArray(months) || months.length === 0) {
    errors.push({ path: 'months', issue: 'must list at least one month' });
  } else {
    const seen = new Set<number>();
    let previous = 0;
    months.forEach((m: unknown, i) => {
      const at = `months[${i}]`;
      if (!isRecord(m)) {
        errors.push({ path: at, issue: 'must be an object' });
        return;
      }
      const month = m.month;
      if (typeof month !== 'number' || !Number.isInteger(month) || month < 1 || month > 12) {
        errors.push({ path: `${at}.month`, issue: 'must be a whole number from 1 to 12' });
      } else if (seen.has(month)) {
        errors.push({ path: `${at}.month`, issue: `month ${month} is repeated` });
      } else {
        if (month < previous) errors.push({ path: `${at}.month`, issue: `months must be in ascending order (${month} after ${previous})` });
        seen.add(month);
        previous = Math.max(previous, month);
      }
      for (const field of AMOUNT_FIELDS) {
        if (m[field] === undefined && !REQUIRED_FIELDS.has(field)) continue;
        const issue = m[field] === undefined ? 'is required' : amountIssue(m[field]);
        if (issue) errors.push({ path: `${at}.${field}`, issue });
      }
    });
  }

  const bonus = request.bonus;
  if (bonus !== undefined) {
    if (!isRecord(bonus)) {
      errors.push({ path: 'bonus', issue: 'must be an object with amount and method' });
    } else {
      const issue = amountIssue(bonus.amount);
      if (issue) errors.push({ path: 'bonus.amount', issue });
      if (bonus.method !== 'SEPARATE' && bonus.method !== 'MERGED') {
        errors.push({ path: 'bonus.method', issue: 'must be SEPARATE or MERGED' });
      } else if (bonus.method === 'SEPARATE' && yearOk) {
        const table = (tables ?? defaultPolicy(year as number)).bonusTax;
        if (!separateBonusAllowed(table, `${year}-01-01`)) errors.push({ path: 'bonus.method', issue: `separate taxation of a year-end bonus ended on ${table.validUntil}` });
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
