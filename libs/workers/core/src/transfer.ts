import { addDays, validationError } from '@cws/kernel';

/** The place a transfer leaves, as a closed period: from the day it began through the day before the transfer. */
export interface LeftPeriod {
  validFrom: string;
  validTo: string;
}

/**
 * A transfer dated `date` (its first day in the new community) of a worker whose current place began on
 * `since`, recorded on `today`: not in the future (record it on its day), not before the current place
 * began. Returns the period of the place left, or null when it never began (a second transfer on one day,
 * or one on the hire date): nothing to keep.
 */
export function leftPeriodOf(date: string, since: string, today: string): LeftPeriod | null {
  if (date > today) throw validationError('TRANSFER_DATE_IN_FUTURE', 'transferDate', `${date} is after today: record the transfer on or after its day`);
  if (date < since) throw validationError('TRANSFER_BEFORE_CURRENT_PLACE', 'transferDate', `the worker has been in the current community since ${since}`);
  return date === since ? null : { validFrom: since, validTo: addDays(date, -1) };
}
