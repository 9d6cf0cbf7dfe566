/**
 * The policy data the engine consumes. Everything that changes by year or place is a row here,
 * never a constant in code; each row carries an `id` and a `source` so result lines can cite it.
 * Plain data: money is bigint fen, rates and coefficients are decimal strings ("0.08", "1.60").
 */
import type { Fen, RoundingRule } from '@cws/kernel';

/** Every policy row: a stable id and where the figure came from (document, URL, "demo"). */
export interface PolicyRow {
  id: string;
  source: string;
}

// ---- pay scale: 三岗十八级 ---------------------------------------------------------------

export type PostBand = 'HEAD' | 'DEPUTY' | 'OTHER';
export const POST_BANDS: readonly PostBand[] = ['HEAD', 'DEPUTY', 'OTHER'];

export interface BandRange extends PolicyRow {
  band: PostBand;
  minGrade: number;
  maxGrade: number;
}

export interface GradeCoefficient extends PolicyRow {
  grade: number;
  /** Decimal string, e.g. "1.60". */
  coefficient: string;
}

export interface PayScale extends PolicyRow {
  year: number;
  /** Fen per coefficient point per month, set for this payroll year. Monthly base = coefficient × unitValueFen. */
  unitValueFen: Fen;
  bands: BandRange[];
  grades: GradeCoefficient[];
}

export interface EntryGradeRow extends PolicyRow {
  band: PostBand;
  education: string;
  baseGrade: number;
}

/** Entry grade = base grade for (band, education) + one grade per `yearsPerStep` years of service, capped at the band top. */
export interface EntryGradeRule extends PolicyRow {
  yearsPerStep: number;
  rows: EntryGradeRow[];
}

// ---- allowances -------------------------------------------------------------------------------

interface AllowanceBase extends PolicyRow {
  code: string;
  label: string;
  /** Scaled by the working-day factor in a partial month. */
  prorate: boolean;
  /** Counted as tax-free income (e.g. a government honour). */
  taxFree: boolean;
}

export interface QualificationLevel extends PolicyRow {
  level: string;
  monthlyFen: Fen;
}

export interface QualificationAllowance extends AllowanceBase {
  kind: 'QUALIFICATION';
  levels: QualificationLevel[];
}

export interface LongServiceBand extends PolicyRow {
  /** Applies from this many completed years of service; the highest band reached wins. */
  minYears: number;
  monthlyFen: Fen;
}

export interface LongServiceAllowance extends AllowanceBase {
  kind: 'LONG_SERVICE';
  bands: LongServiceBand[];
}

export interface CrossAppointmentAllowance extends AllowanceBase {
  kind: 'CROSS_APPOINTMENT';
  /** Per extra body held (e.g. also on the residents' committee and the party branch). */
  perBodyMonthlyFen: Fen;
  maxBodies: number;
}

export interface ShiftAllowance extends AllowanceBase {
  kind: 'SHIFT';
  perShiftFen: Fen;
  maxShiftsPerMonth: number;
}

export interface SecondedInAllowance extends AllowanceBase {
  kind: 'SECONDED_IN';
  monthlyFen: Fen;
}

/** Paid once, in the month the worker completes `years` of continuous service. */
export interface OneOffServiceAward extends AllowanceBase {
  kind: 'ONE_OFF';
  years: number;
  amountFen: Fen;
}

export type AllowanceRule =
  | QualificationAllowance
  | LongServiceAllowance
  | CrossAppointmentAllowance
  | ShiftAllowance
  | SecondedInAllowance
  | OneOffServiceAward;

export type AllowanceKind = AllowanceRule['kind'];

// ---- social insurance and housing fund --------------------------------------------------------

export type InsuranceCode = 'PENSION' | 'MEDICAL' | 'UNEMPLOYMENT' | 'WORK_INJURY' | 'HOUSING_FUND';

export interface InsuranceItem extends PolicyRow {
  code: InsuranceCode;
  label: string;
  /** First payroll month (YYYY-MM) this row applies to; the latest row not after the month wins. */
  validFrom: string;
  /**
   * The month the row itself starts, when that is before the policy year (validFrom then reads the year's
   * January): its month of the year is the contribution year's switch month (run/contribution-base.ts).
   */
  startedIn?: string;
  /**
   * PENSION rows: the month (1–12) the contribution year starts, which the bases follow, when the row
   * says so — a row that changes only a rate mid-year keeps the year's switch month. Absent: the row's
   * own start month (startedIn, else validFrom).
   */
  switchMonth?: number;
  /** Decimal fractions: "0.16" = 16 %. */
  employerRate: string;
  employeeRate: string;
  baseFloorFen: Fen;
  baseCeilingFen: Fen;
  rounding: RoundingRule;
}

// ---- individual income tax --------------------------------------------------------------------

export interface TaxBracket extends PolicyRow {
  /** Inclusive upper bound of the (cumulative or monthly-equivalent) taxable amount; null = no bound. */
  upToFen: Fen | null;
  /** Decimal fraction: "0.03". */
  rate: string;
  quickDeductionFen: Fen;
}

export interface TaxTable extends PolicyRow {
  /** 5,000 元 per month employed at this employer this year. */
  basicDeductionMonthlyFen: Fen;
  brackets: TaxBracket[];
}

/** Monthly-equivalent table for a year-end bonus taxed separately (bonus ÷ 12 picks the row). */
export interface BonusTaxTable extends PolicyRow {
  /** Last date (YYYY-MM-DD) on which the separate method may be chosen. */
  validUntil: string;
  brackets: TaxBracket[];
}

// ---- working time -----------------------------------------------------------------------------

export interface ProRatingRule extends PolicyRow {
  /**
   * STANDARD_DAYS: factor = worked days ÷ standard days (21.75), capped at 1.
   * SCHEDULED_DAYS: factor = worked days ÷ the month's scheduled working days.
   */
  basis: 'STANDARD_DAYS' | 'SCHEDULED_DAYS';
  /** Decimal string, "21.75". Also the divisor of the overtime hourly rate. */
  standardDaysPerMonth: string;
}

export type OvertimeKind = 'WORKDAY' | 'REST_DAY' | 'HOLIDAY';

/**
 * What the overtime hourly rate is taken from (DOMAIN §5: monthly wage ÷ 21.75 ÷ hours a day):
 * - MONTHLY_WAGE: the month's regular wage as for a full month: base pay and the monthly allowances
 *   (qualification, long service, cross-appointment, seconded-in), unprorated; not shift pay, one-off
 *   awards, overtime itself, bonuses or arrears;
 * - BASE_PAY: the grade's base pay alone, for a city whose contracts name it.
 */
export type OvertimeHourlyBase = 'MONTHLY_WAGE' | 'BASE_PAY';

export interface OvertimeRule extends PolicyRow {
  hoursPerDay: number;
  /** Absent on rows (and frozen policies) from before it existed: BASE_PAY, so they compute as they did. */
  hourlyBase?: OvertimeHourlyBase;
  /** Multipliers as decimal strings: "1.5", "2", "3". */
  multipliers: Record<OvertimeKind, string>;
}

// ---- benchmark inputs -------------------------------------------------------------------------

export type WageCaliber = 'URBAN_NON_PRIVATE' | 'ALL_IN_POST' | 'ALL_UNITS';

/** W(y): the city's average annual wage of urban in-post employees, with its statistical caliber. */
export interface CityWageRow extends PolicyRow {
  year: number;
  annualFen: Fen;
  caliber: WageCaliber;
}

// ---- the whole policy for one payroll year ----------------------------------------------------

export interface PayrollPolicy {
  year: number;
  /** True when any figure is demo data, not an officially published value. */
  illustrative: boolean;
  payScale: PayScale;
  entryGrade: EntryGradeRule;
  allowances: AllowanceRule[];
  insurance: InsuranceItem[];
  tax: TaxTable;
  bonusTax: BonusTaxTable;
  proRating: ProRatingRule;
  overtime: OvertimeRule;
  cityWages: CityWageRow[];
}

/** The earning codes a policy counts as tax-free income: its tax-free allowances. */
export function taxFreeCodesOf(policy: PayrollPolicy): Set<string> {
  return new Set(policy.allowances.filter((a) => a.taxFree).map((a) => a.code));
}
