import { addDays, validationError } from '@cws/kernel';

/** The place a transfer leaves, as a closed period: from the day it began through the day before the transfer. */
export interface LeftPeriod {
  validFrom: string;
  validTo: string;
}

/** How far ahead a transfer may be planned: a year (a later date is more likely a typing slip than a decision). */
export const TRANSFER_PLAN_MAX_DAYS = 366;

/**
 * A transfer dated `date` (its first day in the new community) of a worker whose current place began on
 * `since`, recorded on `today`: not before the current place began. On or before today it moves the worker
 * now; after today it is planned, and the nightly status calendar moves the worker on the day.
 */
export function isPlannedTransfer(date: string, since: string, today: string): boolean {
  if (date < since) throw validationError('TRANSFER_BEFORE_CURRENT_PLACE', 'transferDate', `the worker has been in the current community since ${since}`);
  if (date > addDays(today, TRANSFER_PLAN_MAX_DAYS)) throw validationError('TRANSFER_DATE_TOO_FAR', 'transferDate', `${date} is more than ${TRANSFER_PLAN_MAX_DAYS} days ahead`);
  return date > today;
}

/**
 * The period of the place a transfer dated `date` leaves, the current place having begun on `since`; null
 * when it never began (a second transfer on one day, or one on the hire date): nothing to keep.
 */
export function leftPeriodOf(date: string, since: string): LeftPeriod | null {
  if (date < since) throw validationError('TRANSFER_BEFORE_CURRENT_PLACE', 'transferDate', `the worker has been in the current community since ${since}`);
  return date === since ? null : { validFrom: since, validTo: addDays(date, -1) };
}
