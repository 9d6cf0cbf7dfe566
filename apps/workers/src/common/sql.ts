import { isIsoDate, validationError } from '@cws/kernel';

/** Stands in for an open end date (NULL) in range-overlap SQL: `COALESCE(end_date, FAR_FUTURE)`. */
export const FAR_FUTURE = '9999-12-31';

/** Today as YYYY-MM-DD (calendar dates are zone-less; the service runs on China time in production). */
export function today(): string {
  return dateOf(new Date());
}

/** A moment's calendar date on the service's clock, as `today()` reads it. */
export function dateOf(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A job's date (its payload's `field`), or today when absent; anything but YYYY-MM-DD fails the job with INVALID_DATE. */
export function jobDate(value: string | undefined, field: string): string {
  const date = value ?? today();
  if (!isIsoDate(date)) throw validationError('INVALID_DATE', field, 'must be YYYY-MM-DD');
  return date;
}
