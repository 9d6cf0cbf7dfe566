/** Rows from a response whose shape is not settled: an array, or `{ items | rows | balances: [...] }`. */
export function extractRows(data: unknown): Array<Record<string, unknown>> {
  const isRows = (v: unknown): v is Array<Record<string, unknown>> => Array.isArray(v) && v.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r));
  if (isRows(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of ['items', 'rows', 'balances', 'data']) {
      const v = (data as Record<string, unknown>)[key];
      if (isRows(v)) return v;
    }
  }
  return [];
}

/** Column keys in first-seen order across all rows. */
export function columnKeys(rows: Array<Record<string, unknown>>): string[] {
  const keys: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** Display a cell: strings as they are (amounts stay exact), objects as JSON. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Right-align decimal-string amounts. */
export const looksLikeAmount = (v: unknown): boolean => typeof v === 'string' && /^-?\d+\.\d{2}$/.test(v);

/** `{ totals: { spent: "1.00", … } }` when the response carries one, else null. */
export function extractTotals(data: unknown): Record<string, string> | null {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  const totals = (data as Record<string, unknown>).totals;
  if (!totals || typeof totals !== 'object' || Array.isArray(totals)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(totals)) if (v === null || typeof v !== 'object') out[k] = cellText(v);
  return Object.keys(out).length ? out : null;
}
