/**
 * Special additional deductions (专项附加扣除) by month: what a declaration covers, which declarations
 * may stand together, and the year-to-date sum cumulative withholding subtracts. Pure; months are
 * "YYYY-MM" strings (they sort as they count), amounts in fen.
 */
import { rangesOverlap, type Fen } from '@cws/kernel';

export interface DeductionMonths {
  type: string;
  monthlyFen: Fen;
  fromMonth: string;
  /** Inclusive; null while it lasts. */
  toMonth: string | null;
}

/** Rent and housing-loan interest may not be claimed for the same month (个人所得税专项附加扣除暂行办法). */
const EXCLUSIVE: ReadonlyArray<readonly [string, string]> = [['HOUSING_RENT', 'HOUSING_LOAN_INTEREST']];

/**
 * Why `candidate` may not stand beside `existing` (a declaration of the same worker), or null: the same
 * kind twice in one month (end the earlier one first; one declaration holds all of a kind's children
 * or parents), or rent beside loan interest in one month.
 */
export function deductionClash(candidate: DeductionMonths, existing: readonly (DeductionMonths & { id: number })[]): { code: 'SPECIAL_DEDUCTION_OVERLAP' | 'SPECIAL_DEDUCTION_EXCLUSIVE'; id: number } | null {
  for (const e of existing) {
    if (!rangesOverlap(candidate.fromMonth, candidate.toMonth, e.fromMonth, e.toMonth)) continue;
    if (e.type === candidate.type) return { code: 'SPECIAL_DEDUCTION_OVERLAP', id: e.id };
    if (EXCLUSIVE.some(([a, b]) => (a === e.type && b === candidate.type) || (b === e.type && a === candidate.type))) return { code: 'SPECIAL_DEDUCTION_EXCLUSIVE', id: e.id };
  }
  return null;
}

/**
 * The year's deductions through `throughMonth`: each month from January (or the hire month, when later)
 * to `throughMonth` adds every declaration covering it. A declaration made late counts from its first
 * month, so the next payroll run withholds the catch-up at once (累计预扣: the cumulative sum, not the month's).
 * Months before the hire were another employer's: they are claimed at the annual settlement, not here.
 */
export function deductionsYearToDate(declarations: readonly DeductionMonths[], throughMonth: string, hireDate: string): Fen {
  const year = throughMonth.slice(0, 4);
  const hireMonth = hireDate.slice(0, 7);
  const first = hireMonth > `${year}-01` ? hireMonth : `${year}-01`;
  let total = 0n;
  for (let m = Number(first.slice(5, 7)); m <= Number(throughMonth.slice(5, 7)) && first <= throughMonth; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    for (const d of declarations) if (d.fromMonth <= month && (d.toMonth === null || month <= d.toMonth)) total += d.monthlyFen;
  }
  return total;
}
