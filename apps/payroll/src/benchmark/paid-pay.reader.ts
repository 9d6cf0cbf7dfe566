/**
 * The seam between the benchmark and the monthly payroll runs: what was actually paid this year.
 * The benchmark takes months 1..paidThrough from here and projects the rest.
 */
import type { Fen } from '@cws/kernel';

/** One worker's pay for one calendar month, summed over the PAID runs of every type (regular, bonus, top-up, correction). */
export interface PaidWorkerMonth {
  workerId: string;
  month: number;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  /** From the run's frozen snapshot, so the inclusion rules see the month as it was paid. */
  hireDate: string;
  leftDate: string | null;
  secondedIn: boolean;
  secondedOutPaidBy: 'HOME' | 'HOST' | null;
  /** The statistical total wage (工资总额): every earning line — base, allowances, overtime, shifts, bonus, top-up, arrears. */
  grossFen: Fen;
  /** Overtime and shift pay within grossFen: carried forward into the projected months. */
  variableFen: Fen;
}

export interface PaidYear {
  /** Every month 1..paidThrough has a PAID regular run for the scope (0 = none yet). */
  paidThrough: number;
  months: PaidWorkerMonth[];
}

/** Reads paid runs for a year and scope (null = city); the injection token, bound to RunsPaidPayReader. */
export abstract class PaidPayReader {
  abstract paidYear(year: number, scope: string | null): Promise<PaidYear>;
}
