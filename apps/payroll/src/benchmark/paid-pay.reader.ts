/**
 * The seam between the benchmark and the monthly payroll runs: what was actually paid this year.
 * The benchmark takes months 1..paidThrough from here and projects the rest.
 */
import type { PaidYear } from '@cws/payroll-engine';

/** Reads paid runs for a year and scope (null = city); the injection token, bound to RunsPaidPayReader. */
export abstract class PaidPayReader {
  abstract paidYear(year: number, scope: string | null): Promise<PaidYear>;
}
