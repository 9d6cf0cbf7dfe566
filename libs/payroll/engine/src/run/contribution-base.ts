/**
 * The contribution base (缴费基数) of social insurance and the housing fund, DOMAIN.md §3: the worker's
 * previous-year average monthly wage; a newcomer uses the wage of their first full month; a base HR declared
 * for the contribution year (the bureau's figure, or last year's wages at go-live) wins over both. Each item
 * then clamps it to its own floor and ceiling (worker-month.ts). Pure: the payroll service sums the settled
 * slips (`WageRecord`) and reads the declarations, this decides.
 */
import { type Fen, parseMoney, roundFen } from '@cws/kernel';
import type { InsuranceItem, PayrollPolicy } from '../policy';

/** What the payroll's settled slips say of one worker's wages. */
export interface WageRecord {
  /** Gross of every settled slip of the reference year: monthly, bonus and top-up runs, corrections netting out. */
  wagesFen: Fen;
  /** Months of the reference year with a settled regular slip paid here (pro-rated months count). */
  months: number;
  /** Gross of the earliest settled full month (a regular slip, not pro-rated, paid here) before this period; null = none. */
  firstFullMonthFen: Fen | null;
}

/** A base HR declared for one worker from a month on, within that month's contribution year. */
export interface DeclaredBase {
  baseFen: Fen;
  /** The housing fund's own base when it differs; null = the same base. */
  housingFundBaseFen: Fen | null;
}

/** A settled (approved or paid) slip, as much of it as the base reads; gross as the payslip table keeps it (DECIMAL text). */
export interface SettledWage {
  period: string;
  runType: string;
  slipKind: string;
  payer: 'HOME' | 'HOST';
  proRated: boolean;
  gross: string;
}

/** A month's own slip, paid here: what counts a month of the reference year and can be a newcomer's first full month. */
const regularHere = (s: SettledWage) => s.runType === 'REGULAR' && s.slipKind === 'REGULAR' && s.payer === 'HOME';
const fenOf = (gross: string): Fen => parseMoney(gross, { allowNegative: true });

/**
 * The wages a worker's base comes from: the gross of every settled slip of `referenceYear` (monthly, bonus and
 * top-up runs; a REVERSAL is negative, so corrections net out) over the months of that year with a regular slip
 * paid here; and for a worker with no such month, the gross of their earliest full month (a regular slip paid
 * here, not pro-rated) after that year and before `period`.
 */
export function wageRecordOf(history: readonly SettledWage[], referenceYear: number, period: string): WageRecord {
  const year = String(referenceYear);
  const afterYear = `${year}-12`;
  let wagesFen = 0n;
  const months = new Set<string>();
  let first: SettledWage | null = null;
  for (const s of history) {
    if (s.period.startsWith(year)) {
      wagesFen += fenOf(s.gross);
      if (regularHere(s)) months.add(s.period);
    } else if (s.period > afterYear && s.period < period && regularHere(s) && !s.proRated && (first === null || s.period < first.period)) {
      first = s;
    }
  }
  return { wagesFen, months: months.size, firstFullMonthFen: months.size === 0 && first ? fenOf(first.gross) : null };
}

export type ContributionBaseSource = 'DECLARED' | 'PREVIOUS_YEAR_AVERAGE' | 'FIRST_FULL_MONTH' | 'THIS_MONTH';

export interface ContributionBase {
  /** null: this month's own wage for a full month (worker-month.ts computes it). */
  baseFen: Fen | null;
  /** Set only when a declaration names the housing fund's own base. */
  housingFundBaseFen?: Fen;
  source: ContributionBaseSource;
}

/**
 * The first month (YYYY-MM) of the contribution year `period` falls in. A contribution year starts in the switch
 * month the in-force pension row names (`switchMonth`), else in the month that row starts (the switch month varies
 * by city and year, so the policy row says it: a row valid from 2025-07 makes July the switch month); none in
 * force: January.
 */
export function contributionYearStart(period: string, policy: PayrollPolicy): string {
  let latest: InsuranceItem | null = null;
  for (const it of policy.insurance) if (it.code === 'PENSION' && it.validFrom <= period && (latest === null || it.validFrom > latest.validFrom)) latest = it;
  // A row from an earlier year reads the policy year's January as validFrom: its own start month is the switch month.
  const switchMonth = !latest ? '01' : latest.switchMonth ? String(latest.switchMonth).padStart(2, '0') : (latest.startedIn ?? latest.validFrom).slice(5, 7);
  const year = Number(period.slice(0, 4));
  return `${period.slice(5, 7) >= switchMonth ? year : year - 1}-${switchMonth}`;
}

/**
 * The year whose wages set the base of `period`: the calendar year before its contribution year started.
 * With a July switch, 2026-03 uses 2024 and 2026-08 uses 2025; with January, 2026 uses 2025.
 */
export function contributionReferenceYear(period: string, policy: PayrollPolicy): number {
  return Number(contributionYearStart(period, policy).slice(0, 4)) - 1;
}

/**
 * The base a slip declares: HR's declaration for the contribution year, else the reference year's average (to
 * the fen, half up), else the first full month, else this month.
 */
export function contributionBase(w: WageRecord | undefined, declared?: DeclaredBase): ContributionBase {
  if (declared) return declared.housingFundBaseFen === null ? { baseFen: declared.baseFen, source: 'DECLARED' } : { baseFen: declared.baseFen, housingFundBaseFen: declared.housingFundBaseFen, source: 'DECLARED' };
  if (w && w.months > 0) return { baseFen: roundFen(w.wagesFen, BigInt(w.months)), source: 'PREVIOUS_YEAR_AVERAGE' };
  if (w && w.firstFullMonthFen !== null) return { baseFen: w.firstFullMonthFen, source: 'FIRST_FULL_MONTH' };
  return { baseFen: null, source: 'THIS_MONTH' };
}

/** An item's base floor and ceiling (an insurance policy row has both). */
export interface BaseBounds {
  baseFloorFen: Fen;
  baseCeilingFen: Fen;
}

/** A declared base within an item's floor and ceiling: what the item contributes on (the payslip and the declarations). */
export function clampToBounds(declared: Fen, b: BaseBounds): Fen {
  return declared < b.baseFloorFen ? b.baseFloorFen : declared > b.baseCeilingFen ? b.baseCeilingFen : declared;
}
