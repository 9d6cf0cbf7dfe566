// The city's calendar (Asia/Shanghai): what the services call today (`cityToday`) and what the browser shows (its
// context runs in that zone), whatever zone this machine is in — a run between 16:00 and 24:00 UTC is already the
// next day there.

/** Today in the city, YYYY-MM-DD. */
export const cityToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** This year in the city. */
export const cityYear = () => Number(cityToday().slice(0, 4));

/** The first day of the city's month `ahead` months from this one, YYYY-MM-DD. */
export function cityMonthStart(ahead = 0) {
  const [y, m] = cityToday().split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + ahead, 1)).toISOString().slice(0, 10);
}
