/**
 * Training hours owed in a year, pro-rated by the months a worker belonged to the register in that
 * year: a month counts when the worker was employed on at least one of its days (hire date to
 * leaving date, both inclusive). Owed = required × months / 12, in tenths of an hour, half up.
 */

export type OwedBasis = 'FULL_YEAR' | 'HIRED_IN_YEAR' | 'LEFT_IN_YEAR' | 'HIRED_AND_LEFT_IN_YEAR' | 'NOT_EMPLOYED';

export interface Membership {
  /** First and last day employed within the year; null when not employed in it. */
  from: string | null;
  to: string | null;
  months: number;
  basis: OwedBasis;
}

export function membershipInYear(hireDate: string, leftDate: string | null, year: number): Membership {
  const ys = `${year}-01-01`;
  const ye = `${year}-12-31`;
  const from = hireDate > ys ? hireDate : ys;
  const to = leftDate !== null && leftDate < ye ? leftDate : ye;
  if (from > to) return { from: null, to: null, months: 0, basis: 'NOT_EMPLOYED' };
  const months = Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  const hired = hireDate > ys;
  const left = leftDate !== null && leftDate < ye;
  return { from, to, months, basis: hired && left ? 'HIRED_AND_LEFT_IN_YEAR' : hired ? 'HIRED_IN_YEAR' : left ? 'LEFT_IN_YEAR' : 'FULL_YEAR' };
}

/** Hours as a one-place decimal string ("40.0") → tenths. */
export function parseTenths(hours: string): number {
  const m = /^(\d+)(?:\.(\d))?$/.exec(hours.trim());
  if (!m) throw new Error(`not an hours figure with at most one decimal place: ${hours}`);
  return Number(m[1]) * 10 + Number(m[2] ?? 0);
}

export const formatTenths = (tenths: number): string => `${Math.floor(tenths / 10)}.${tenths % 10}`;

/** required × months / 12 in tenths, rounded half up (integer arithmetic, no float). */
export function owedTenths(requiredTenths: number, months: number): number {
  if (!Number.isInteger(months) || months < 0 || months > 12) throw new Error(`months must be 0–12, got ${months}`);
  return Math.floor((requiredTenths * months * 2 + 12) / 24);
}

export interface TrainingOwed extends Membership {
  owedHours: string;
  /** A sentence saying why this much is owed, e.g. "hired 2026-12-20: 1 of 12 months × 40.0 h = 3.3 h". */
  reason: string;
}

export function trainingOwed(requiredHours: string, hireDate: string, leftDate: string | null, year: number): TrainingOwed {
  const m = membershipInYear(hireDate, leftDate, year);
  const owed = owedTenths(parseTenths(requiredHours), m.months);
  const share = `${m.months} of 12 months × ${requiredHours} h = ${formatTenths(owed)} h`;
  const why: Record<OwedBasis, string> = {
    FULL_YEAR: `employed all of ${year}: ${share}`,
    HIRED_IN_YEAR: `hired ${hireDate}: ${share}`,
    LEFT_IN_YEAR: `left ${leftDate}: ${share}`,
    HIRED_AND_LEFT_IN_YEAR: `hired ${hireDate}, left ${leftDate}: ${share}`,
    NOT_EMPLOYED: `not employed in ${year}`,
  };
  return { ...m, owedHours: formatTenths(owed), reason: why[m.basis] };
}
