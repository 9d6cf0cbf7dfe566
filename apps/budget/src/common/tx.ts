import type { DataSource, EntityManager } from 'typeorm';

const DEADLOCK = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** Runs `work` in a transaction, retrying it (up to 3 times) when InnoDB picks it as a deadlock victim. */
export async function inTransaction<T>(ds: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (e) {
      const code = (e as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (e as { code?: string }).code;
      if (attempt >= 4 || !code || !DEADLOCK.has(code)) throw e;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.floor(Math.random() * 20)));
    }
  }
}

/** One row from a raw query (mysql2 returns arrays of plain objects). */
export async function one<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T | undefined> {
  const rows = (await m.query(sql, params)) as T[];
  return rows[0];
}
