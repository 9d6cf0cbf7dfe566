/**
 * Individual income tax on wages: cumulative withholding (累计预扣法) and the year-end bonus.
 * All amounts are fen; rates are exact ratios; each tax figure is rounded once, half up to the fen.
 */
import { type Fen, parseRatio } from '@cws/kernel';
import { type PreparedRate, applyRate, prepareRate } from './rate';
import type { BonusTaxTable, TaxBracket, TaxTable } from './policy';

export interface CompiledBracket {
  id: string;
  upToFen: Fen | null;
  rate: PreparedRate;
  quickDeductionFen: Fen;
}

const compiledBrackets = new WeakMap<TaxBracket[], CompiledBracket[]>();

/** Parses rates once per table (cached by identity) and checks the brackets ascend. */
export function compileBrackets(brackets: TaxBracket[]): CompiledBracket[] {
  let compiled = compiledBrackets.get(brackets);
  if (compiled) return compiled;
  compiled = brackets.map((b) => ({ id: b.id, upToFen: b.upToFen, rate: prepareRate(parseRatio(b.rate)), quickDeductionFen: b.quickDeductionFen }));
  compiled.forEach((b, i) => {
    const last = i === compiled!.length - 1;
    if ((b.upToFen === null) !== last) throw new Error(`tax bracket ${b.id}: only the last bracket is unbounded`);
    const prev = compiled![i - 1];
    if (prev && b.upToFen !== null && prev.upToFen !== null && b.upToFen <= prev.upToFen) throw new Error(`tax bracket ${b.id}: bounds must ascend`);
  });
  compiledBrackets.set(brackets, compiled);
  return compiled;
}

/** The bracket whose inclusive upper bound holds `amount × scale` (scale 12 for the bonus table). */
function findBracket(brackets: CompiledBracket[], amount: Fen, scale = 1n): CompiledBracket {
  for (const b of brackets) if (b.upToFen === null || amount <= b.upToFen * scale) return b;
  throw new Error('tax table has no unbounded top bracket');
}

/** The running totals that cumulative withholding needs, all for this employer and year. */
export interface CumulativeAmounts {
  income: Fen;
  taxFree: Fen;
  monthsEmployed: number;
  employeeContributions: Fen;
  specialDeductions: Fen;
  otherDeductions: Fen;
}

/** cum income − cum tax-free − basic deduction × months − cum employee insurance/fund − cum special − cum other. May be negative. */
export function cumulativeTaxable(c: CumulativeAmounts, table: TaxTable): Fen {
  return c.income - c.taxFree - table.basicDeductionMonthlyFen * BigInt(c.monthsEmployed) - c.employeeContributions - c.specialDeductions - c.otherDeductions;
}

export interface TaxDue {
  /** Tax due on the whole amount, never negative. */
  tax: Fen;
  bracketId: string;
}

/** Cumulative tax due to date: max(0, taxable × rate − quick deduction). Negative taxable counts as 0. */
export function cumulativeTaxDue(cumTaxable: Fen, table: TaxTable): TaxDue {
  const brackets = compileBrackets(table.brackets);
  const taxable = cumTaxable > 0n ? cumTaxable : 0n;
  const b = findBracket(brackets, taxable);
  const tax = applyRate(taxable, b.rate) - b.quickDeductionFen;
  return { tax: tax > 0n ? tax : 0n, bracketId: b.id };
}

export interface MonthlyWithholding extends TaxDue {
  cumulativeTaxable: Fen;
  /** Cumulative tax due to date (before subtracting what was already withheld). */
  cumulativeTaxDue: Fen;
}

/** This month's withholding: cumulative due − already withheld, or 0 (no refund during the year). */
export function withholdThisMonth(cumulative: CumulativeAmounts, taxAlreadyWithheld: Fen, table: TaxTable): MonthlyWithholding {
  const taxable = cumulativeTaxable(cumulative, table);
  const due = cumulativeTaxDue(taxable, table);
  const tax = due.tax - taxAlreadyWithheld;
  return { tax: tax > 0n ? tax : 0n, bracketId: due.bracketId, cumulativeTaxable: taxable, cumulativeTaxDue: due.tax };
}

/**
 * Year-end one-off bonus taxed separately: bonus ÷ 12 picks the row of the monthly table, then
 * tax = bonus × rate − quick deduction. Compared as bonus ≤ 12 × bound, so no division rounds.
 */
export function separateBonusTax(bonus: Fen, table: BonusTaxTable): TaxDue {
  if (bonus <= 0n) return { tax: 0n, bracketId: table.brackets[0]?.id ?? table.id };
  const b = findBracket(compileBrackets(table.brackets), bonus, 12n);
  const tax = applyRate(bonus, b.rate) - b.quickDeductionFen;
  return { tax: tax > 0n ? tax : 0n, bracketId: b.id };
}

/** May the separate method be used for a bonus paid on this date (YYYY-MM-DD)? */
export function separateBonusAllowed(table: BonusTaxTable, paidOn: string): boolean {
  return paidOn <= table.validUntil;
}
