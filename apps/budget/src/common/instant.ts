/** Instants at the API edge: a DATETIME(3) column read as text, out as toISOString's form. */

/** What MariaDB and MySQL answer for a DATETIME(3) value cast to text. */
const DATETIME_3 = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$/;

/**
 * A DATETIME(3) column's text ("2026-03-02 08:15:00.000", `CAST(col AS CHAR)`) as the API's instant
 * ("2026-03-02T08:15:00.000Z"): exactly what the driver's Date gave with toISOString, the pools'
 * time zone being 'Z' (stored values are UTC), without the Date. A ledger page formatted 100 of
 * them, ≈ 50 µs of CPU; this is ≈ 2 µs (docs/benchmarks.md, "Session 5: the ledger page's CPU").
 * Anything else throws, as toISOString threw on the driver's Invalid Date.
 */
export function instantFromDb(text: string): string {
  if (!DATETIME_3.test(text)) throw new RangeError(`not a DATETIME(3) text: ${JSON.stringify(text)}`);
  return `${text.slice(0, 10)}T${text.slice(11)}Z`;
}
