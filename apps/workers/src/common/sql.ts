import { cityToday, isIsoDate, validationError } from '@cws/kernel';

/** Stands in for an open end date (NULL) in range-overlap SQL: `COALESCE(end_date, FAR_FUTURE)`. */
export const FAR_FUTURE = '9999-12-31';

/**
 * Today as YYYY-MM-DD: the city's date (Asia/Shanghai), as payroll and the scheduler read it, whatever time zone
 * the process runs in (a container's is UTC: the register's today lagged the others' from midnight to 08:00).
 */
export function today(): string {
  return cityToday();
}

/** A job's date (its payload's `field`), or today when absent; anything but YYYY-MM-DD fails the job with INVALID_DATE. */
export function jobDate(value: string | undefined, field: string): string {
  const date = value ?? today();
  if (!isIsoDate(date)) throw validationError('INVALID_DATE', field, 'must be YYYY-MM-DD');
  return date;
}
