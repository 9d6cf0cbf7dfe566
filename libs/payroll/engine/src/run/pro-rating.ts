/**
 * Partial months: a worker hired or leaving during the period, or seconded out for part of it to a host
 * that pays, is paid here for the working days (Monday–Friday) employed and not paid by the host, out of
 * the month's working days; the engine turns that into its
 * pro-rating factor (worked ÷ 21.75 or ÷ scheduled days, per the PRO_RATING row). Statutory
 * holidays and adjusted working days (调休) are not in the calendar yet: every weekday counts.
 */
import { lastDayOfMonth } from '@cws/kernel';

export interface Attendance {
  workedDays: string;
  scheduledDays: number;
}

export interface Period {
  year: number;
  month: number;
}

export function parsePeriod(period: string): Period {
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

export const periodFirstDay = (period: string): string => `${period}-01`;
export const periodLastDay = (period: string): string => lastDayOfMonth(period);

/** Weekdays from day `from` to day `to` (inclusive) of the month, leaving out the days `excluded` says. */
function weekdays(year: number, month: number, from: number, to: number, excluded: (day: number) => boolean = () => false): number {
  let n = 0;
  // Day of week of the 1st, without Date parsing per call: Zeller-free via UTC once per month.
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  for (let d = from; d <= to; d++) {
    const dow = (first + d - 1) % 7;
    if (dow !== 0 && dow !== 6 && !excluded(d)) n++;
  }
  return n;
}

/** A stretch of days (inclusive ISO dates; `to` null = open). */
export interface DayRange {
  from: string;
  to: string | null;
}

/**
 * Working days paid here in the period, or null for a full month (employed from before the 1st to
 * after the last day, none of it paid by another). `leftDate` is the last day employed; `paidElsewhere`
 * are days a host pays for (an outward secondment whose host pays the salary), which home does not.
 */
export function attendanceFor(period: string, hireDate: string, leftDate: string | null, paidElsewhere: readonly DayRange[] = []): Attendance | null {
  const first = periodFirstDay(period);
  const last = periodLastDay(period);
  const lastDay = Number(last.slice(8, 10));
  const from = hireDate > first ? Number(hireDate.slice(8, 10)) : 1;
  const to = leftDate !== null && leftDate < last ? Number(leftDate.slice(8, 10)) : lastDay;
  // the common case, on the run's hot path: the whole month here, nobody else paying any of it
  if (from === 1 && to === lastDay && paidElsewhere.length === 0) return null;
  const { year, month } = parsePeriod(period);
  const scheduledDays = weekdays(year, month, 1, lastDay);
  if (hireDate > last || (leftDate !== null && leftDate < first)) return { workedDays: '0', scheduledDays };
  const elsewhere = (d: number) => {
    const day = `${period}-${String(d).padStart(2, '0')}`;
    return paidElsewhere.some((r) => r.from <= day && (r.to === null || day <= r.to));
  };
  const worked = weekdays(year, month, from, to, paidElsewhere.length ? elsewhere : undefined);
  if (from === 1 && to === lastDay && worked === scheduledDays) return null;
  return { workedDays: String(worked), scheduledDays };
}
