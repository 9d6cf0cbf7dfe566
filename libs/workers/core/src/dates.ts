/** Month arithmetic on ISO calendar dates (YYYY-MM-DD), clamped to the month's last day. */

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whole months from `from` to `to`, anniversary based with month-end clamping (2020-01-31 → 2020-02-28 is 0, → 2020-02-29 is 1); 0 when `to` is not after `from`. */
export function fullMonthsBetween(from: string, to: string): number {
  if (to <= from) return 0;
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months--;
  return Math.max(0, months);
}
