import { isoWeekKey, weekday } from './time';

/**
 * Day types of the working-time calendar (DOMAIN §5). A statutory holiday is paid 300 % when
 * worked; the other days off of a holiday break count as weekend (rest days); an adjusted working
 * day (调休) is a Saturday or Sunday worked as a weekday.
 */
export const DAY_TYPES = ['WEEKDAY', 'WEEKEND', 'HOLIDAY', 'ADJUSTED_WORKDAY'] as const;
export type DayType = (typeof DAY_TYPES)[number];

/** One year of the State Council's holiday arrangement: editable data, not code. */
export interface HolidayCalendar {
  year: number;
  /** Where the dates come from, shown beside them. */
  label: string;
  /** Statutory holidays (法定节假日), paid 300 % when worked. */
  holidays: Array<{ date: string; name: string }>;
  /** Weekdays given off inside a holiday break (rest days moved there by 调休). */
  restDays: Array<{ date: string; name: string }>;
  /** Saturdays or Sundays worked as weekdays (调休上班). */
  adjustedWorkingDays: Array<{ date: string; name: string }>;
}

export function dayType(date: string, calendar: Pick<HolidayCalendar, 'holidays' | 'restDays' | 'adjustedWorkingDays'> | null): DayType {
  if (calendar) {
    if (calendar.holidays.some((h) => h.date === date)) return 'HOLIDAY';
    if (calendar.adjustedWorkingDays.some((h) => h.date === date)) return 'ADJUSTED_WORKDAY';
    if (calendar.restDays.some((h) => h.date === date)) return 'WEEKEND';
  }
  const wd = weekday(date);
  return wd === 0 || wd === 6 ? 'WEEKEND' : 'WEEKDAY';
}

/** Counted as a working day of the calendar (for the standard week and the role rule). */
export const isWorkingDayType = (t: DayType): boolean => t === 'WEEKDAY' || t === 'ADJUSTED_WORKDAY';

/**
 * The calendar's working days in each ISO week of `days` (by `isoWeekKey`): the standard week, plus each Saturday or
 * Sunday worked by 调休, less each Monday–Friday that is a statutory holiday or a rest day moved there. Worked days of a
 * week beyond it are rest days worked (200 %): six in a week with a make-up Saturday, fewer in a holiday week. A week's
 * days outside `days` (the month) count as in the standard week.
 */
export function workingDaysByWeek(days: ReadonlyArray<{ date: string; type: DayType }>, standardDaysPerWeek: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const { date, type } of days) {
    const key = isoWeekKey(date);
    const weekend = weekday(date) === 0 || weekday(date) === 6;
    const shift = weekend && type === 'ADJUSTED_WORKDAY' ? 1 : !weekend && !isWorkingDayType(type) ? -1 : 0;
    out.set(key, (out.get(key) ?? standardDaysPerWeek) + shift);
  }
  return out;
}

/**
 * A plausible 2026 arrangement for demo data, after the State Council's notice for 2026 as we
 * understand it (13 statutory days since the 2025 reform). Labelled as such: admins replace it
 * with the published notice through the calendar API.
 */
export const DEMO_CALENDAR_2026: HolidayCalendar = {
  year: 2026,
  label: 'demo: 2026 arrangement after the State Council notice, to be checked against the published text',
  holidays: [
    { date: '2026-01-01', name: '元旦' },
    { date: '2026-02-16', name: '除夕' },
    { date: '2026-02-17', name: '春节' },
    { date: '2026-02-18', name: '春节' },
    { date: '2026-02-19', name: '春节' },
    { date: '2026-04-05', name: '清明节' },
    { date: '2026-05-01', name: '劳动节' },
    { date: '2026-05-02', name: '劳动节' },
    { date: '2026-06-19', name: '端午节' },
    { date: '2026-09-25', name: '中秋节' },
    { date: '2026-10-01', name: '国庆节' },
    { date: '2026-10-02', name: '国庆节' },
    { date: '2026-10-03', name: '国庆节' },
  ],
  restDays: [
    { date: '2026-01-02', name: '元旦调休' },
    { date: '2026-02-20', name: '春节调休' },
    { date: '2026-02-23', name: '春节调休' },
    { date: '2026-04-06', name: '清明节调休' },
    { date: '2026-05-04', name: '劳动节调休' },
    { date: '2026-05-05', name: '劳动节调休' },
    { date: '2026-10-05', name: '国庆节调休' },
    { date: '2026-10-06', name: '国庆节调休' },
    { date: '2026-10-07', name: '国庆节调休' },
  ],
  adjustedWorkingDays: [
    { date: '2026-01-04', name: '元旦调休上班' },
    { date: '2026-02-14', name: '春节调休上班' },
    { date: '2026-02-28', name: '春节调休上班' },
    { date: '2026-05-09', name: '劳动节调休上班' },
    { date: '2026-09-20', name: '国庆节调休上班' },
    { date: '2026-10-10', name: '国庆节调休上班' },
  ],
};
