/** Clock times as minutes after midnight, calendar dates as `YYYY-MM-DD` strings (no time zone). */
import { addDays, weekdayIndex } from '@cws/kernel';

/** Every day of a month, in order (the kernel's; the solver's callers import it from here). */
export { monthDates } from '@cws/kernel';

export const SLOT_MINUTES = 30;

const HHMM = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** `'08:30'` → 510. Throws on a malformed time so a bad template never reaches the solver. */
export function toMinutes(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`bad time "${hhmm}" (expected HH:MM)`);
  const v = Number(m[1]) * 60 + Number(m[2]);
  if (v > 1440) throw new Error(`bad time "${hhmm}" (after 24:00)`);
  return v;
}

/** 510 → `'08:30'`. */
export function toHhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function isHhmm(s: unknown): s is string {
  return typeof s === 'string' && HHMM.test(s) && toMinutesSafe(s) <= 1440;
}

function toMinutesSafe(s: string): number {
  const [h, m] = s.split(':').map(Number);
  return h * 60 + m;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(s: unknown): s is string {
  return typeof s === 'string' && MONTH.test(s);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The Monday of the ISO week holding `date`, as a date string: the key that groups a week. */
export function isoWeekKey(date: string): string {
  return addDays(date, -weekdayIndex(date));
}
