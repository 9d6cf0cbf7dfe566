/**
 * Partial months: a worker hired or leaving during the period is paid for the working days
 * (Monday–Friday) employed, out of the month's working days; the engine turns that into its
 * pro-rating factor (worked ÷ 21.75 or ÷ scheduled days, per the PRO_RATING row). Statutory
 * holidays and adjusted working days (调休) are not in the calendar yet: every weekday counts.
 */
import { daysInMonth } from '@cws/kernel';

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
export function periodLastDay(period: string): string {
  const { year, month } = parsePeriod(period);
  return `${period}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** Weekdays from day `from` to day `to` (inclusive) of the month. */
function weekdays(year: number, month: number, from: number, to: number): number {
  let n = 0;
  // Day of week of the 1st, without Date parsing per call: Zeller-free via UTC once per month.
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  for (let d = from; d <= to; d++) {
    const dow = (first + d - 1) % 7;
    if (dow !== 0 && dow !== 6) n++;
  }
  return n;
}

/**
 * Working days employed in the period, or null for a full month (employed from before the 1st to
 * after the last day). `leftDate` is the last day employed.
 */
export function attendanceFor(period: string, hireDate: string, leftDate: string | null): Attendance | null {
  const { year, month } = parsePeriod(period);
  const first = periodFirstDay(period);
  const last = periodLastDay(period);
  const from = hireDate > first ? Number(hireDate.slice(8, 10)) : 1;
  const lastDay = Number(last.slice(8, 10));
  const to = leftDate !== null && leftDate < last ? Number(leftDate.slice(8, 10)) : lastDay;
  if (from === 1 && to === lastDay) return null;
  if (hireDate > last || (leftDate !== null && leftDate < first)) return { workedDays: '0', scheduledDays: weekdays(year, month, 1, lastDay) };
  return { workedDays: String(weekdays(year, month, from, to)), scheduledDays: weekdays(year, month, 1, lastDay) };
}
