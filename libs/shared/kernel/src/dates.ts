/** Calendar dates as ISO strings (YYYY-MM-DD) and payroll periods (YYYY-MM). No time zones. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A payroll period or roster month: YYYY-MM with a real month. */
export function isYearMonth(s: string): boolean {
  return YEAR_MONTH.test(s);
}

/** Whole years between two ISO dates (anniversary based). */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years--;
  return Math.max(0, years);
}

/** Do [aFrom, aTo] and [bFrom, bTo] overlap? `null` end means open-ended. Inclusive dates. */
export function rangesOverlap(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (aTo === null || bFrom <= aTo) && (bTo === null || aFrom <= bTo);
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day (YYYY-MM-DD) of a month given as YYYY-MM (or of any date's month). */
export function lastDayOfMonth(month: string): string {
  return `${month.slice(0, 7)}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, '0')}`;
}

/** Every day (YYYY-MM-DD) of a month given as YYYY-MM, in order. Throws on a malformed month. */
export function monthDates(month: string): string[] {
  if (!isYearMonth(month)) throw new Error(`bad month "${month}" (expected YYYY-MM)`);
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

const CITY_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The city's calendar date (Asia/Shanghai) at `now`, as YYYY-MM-DD: what "today" means for pay days and nightly jobs. */
export function cityToday(now: Date = new Date()): string {
  return CITY_DATE.format(now);
}
