import { addDays, validationError } from '@cws/kernel';

/** The longest span one request records: a month's leave. */
export const MAX_REQUEST_DAYS = 31;

/**
 * The days a worker's request covers: `date` alone, or each day from `date` to `until` inclusive. A span that ends before
 * it starts, or runs past MAX_REQUEST_DAYS, is refused on `until` (400), so nothing of it is written.
 */
export function requestDays(date: string, until?: string): string[] {
  if (until === undefined || until === date) return [date];
  if (until < date) throw validationError('REQUEST_UNTIL_BEFORE_DATE', 'until', `until ${until} is before date ${date}`);
  const last = addDays(date, MAX_REQUEST_DAYS - 1);
  if (until > last) throw validationError('REQUEST_SPAN_TOO_LONG', 'until', `a request spans at most ${MAX_REQUEST_DAYS} days (until ${last} at the latest)`);
  const days: string[] = [];
  for (let day = date; day <= until; day = addDays(day, 1)) days.push(day);
  return days;
}
