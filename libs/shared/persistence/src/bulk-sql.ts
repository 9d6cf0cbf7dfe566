/**
 * Multi-row SQL for bulk paths (an import, the demo seed): statements of at most BULK_CHUNK rows,
 * so the placeholder count (MySQL allows 65,535) and the packet size stay bounded. The SQL text
 * itself stays with the table's repository; these only repeat it per chunk.
 */
import type { EntityManager } from 'typeorm';

export const BULK_CHUNK = 1000;

/**
 * Inserts `rows` with multi-row INSERTs: `head` is the statement up to VALUES
 * (`INSERT INTO t (a, b)`), each row fills one `(?, ?)` tuple. Returns the AUTO_INCREMENT id given to
 * the first row (0 when there were no rows or the table has none).
 */
export async function insertRows(m: EntityManager, head: string, rows: readonly unknown[][]): Promise<number> {
  let firstId = 0;
  for (let i = 0; i < rows.length; i += BULK_CHUNK) {
    const chunk = rows.slice(i, i + BULK_CHUNK);
    const tuple = `(${chunk[0].map(() => '?').join(',')})`;
    const res = await m.query(`${head} VALUES ${chunk.map(() => tuple).join(',')}`, chunk.flat());
    if (i === 0) firstId = Number(res.insertId ?? 0);
  }
  return firstId;
}

/** Runs one `… IN (${list})` query per BULK_CHUNK values (a bounded placeholder list each) and returns all rows. */
export async function selectIn<R>(m: EntityManager, values: readonly unknown[], sql: (list: string) => string): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += BULK_CHUNK) {
    const chunk = values.slice(i, i + BULK_CHUNK);
    const rows: R[] = await m.query(sql(chunk.map(() => '?').join(',')), chunk);
    for (const r of rows) out.push(r);
  }
  return out;
}
