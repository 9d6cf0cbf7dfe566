/**
 * Partial months: a worker hired or leaving during the period, or seconded out for part of it to a host
 * that pays, is paid here for the paid working days (计薪日) employed and not paid by the host, out of
 * the month's paid working days; the engine turns that into its pro-rating factor (worked ÷ 21.75 or ÷
 * scheduled days, per the PRO_RATING row). A paid working day is a weekday that the year's holiday
 * calendar does not give off by 调休, or a weekend day it makes a working day; a statutory holiday on a
 * weekday stays paid (21.75 = (365 − 104) ÷ 12 counts them). Without a calendar every weekday counts.
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
/** The month after `period` ('2026-12' → '2027-01'). */
export function periodAfter(period: string): string {
  const { year, month } = parsePeriod(period);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * The 调休 of the holiday calendar that moves paid days (the scheduler's calendar, frozen with the run):
 * weekdays given off, and Saturdays or Sundays worked. ISO dates; other months' dates are ignored.
 */
export interface PayCalendar {
  restDays: readonly string[];
  adjustedWorkingDays: readonly string[];
}

/** Paid working days from day `from` to day `to` (inclusive) of the month, leaving out the days `excluded` says. */
function paidDays(period: string, from: number, to: number, calendar: PayCalendar | null, excluded: (day: number) => boolean = () => false): number {
  const { year, month } = parsePeriod(period);
  const dayOf = (dates: readonly string[]) => new Set(dates.filter((d) => d.startsWith(`${period}-`)).map((d) => Number(d.slice(8, 10))));
  const off = calendar ? dayOf(calendar.restDays) : null;
  const on = calendar ? dayOf(calendar.adjustedWorkingDays) : null;
  let n = 0;
  // Day of week of the 1st, without Date parsing per call: Zeller-free via UTC once per month.
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  for (let d = from; d <= to; d++) {
    const dow = (first + d - 1) % 7;
    const working = on?.has(d) || (dow !== 0 && dow !== 6 && !off?.has(d));
    if (working && !excluded(d)) n++;
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
 * are days a host pays for (an outward secondment whose host pays the salary), which home does not;
 * `calendar` the year's 调休 (null: plain weekdays, as runs frozen without one).
 */
export function attendanceFor(period: string, hireDate: string, leftDate: string | null, paidElsewhere: readonly DayRange[] = [], calendar: PayCalendar | null = null): Attendance | null {
  const first = periodFirstDay(period);
  const last = periodLastDay(period);
  const lastDay = Number(last.slice(8, 10));
  const from = hireDate > first ? Number(hireDate.slice(8, 10)) : 1;
  const to = leftDate !== null && leftDate < last ? Number(leftDate.slice(8, 10)) : lastDay;
  // the common case, on the run's hot path: the whole month here, nobody else paying any of it
  if (from === 1 && to === lastDay && paidElsewhere.length === 0) return null;
  const scheduledDays = paidDays(period, 1, lastDay, calendar);
  if (hireDate > last || (leftDate !== null && leftDate < first)) return { workedDays: '0', scheduledDays };
  const elsewhere = (d: number) => {
    const day = `${period}-${String(d).padStart(2, '0')}`;
    return paidElsewhere.some((r) => r.from <= day && (r.to === null || day <= r.to));
  };
  const worked = paidDays(period, from, to, calendar, paidElsewhere.length ? elsewhere : undefined);
  if (from === 1 && to === lastDay && worked === scheduledDays) return null;
  return { workedDays: String(worked), scheduledDays };
}
