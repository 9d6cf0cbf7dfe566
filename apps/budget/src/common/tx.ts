import type { EntityManager } from 'typeorm';

/** One row from a raw query (mysql2 returns arrays of plain objects). */
export async function one<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T | undefined> {
  const rows = (await m.query(sql, params)) as T[];
  return rows[0];
}
