import type { EntityManager } from 'typeorm';
import { registerWritten } from './register-generation';

/** Names are at most 60 characters (`worker.name`); one row of this derived table per position. */
const POSITIONS = `(${Array.from({ length: 60 }, (_, i) => `SELECT ${i + 1} AS n`).join(' UNION ALL ')})`;
const IDS_PER_STATEMENT = 1000;

/**
 * `worker_name_gram`: every single character and every pair of adjacent characters of each
 * worker's name, for the register's "name contains" search. `name LIKE '%…%'` cannot use an
 * index and read every row of the caller's scope twice (page and count, ≈ 40 ms each on 8,000
 * rows); the grams turn a search into an index range of the matching workers. MariaDB has no
 * ngram full-text parser, hence the table. The name is stored in clear on `worker` already
 * (docs/security.md), so its fragments here expose nothing new.
 *
 * The grams are derived in SQL from the `worker` rows themselves, so every writer (create, update,
 * import, seed, migration) calls `refresh` with the ids it wrote and cannot derive them differently.
 */
export class WorkerNameGramRepository {
  /** Re-derives the grams of these workers from their current names (in the caller's transaction). */
  static async refresh(m: EntityManager, workerIds: number[]): Promise<void> {
    for (let i = 0; i < workerIds.length; i += IDS_PER_STATEMENT) {
      const ids = workerIds.slice(i, i + IDS_PER_STATEMENT);
      await m.query(`DELETE FROM worker_name_gram WHERE worker_id IN (${ids.map(() => '?').join(',')})`, ids);
      await m.query(`${INSERT_GRAMS} WHERE w.id IN (${ids.map(() => '?').join(',')})`, ids);
    }
    await registerWritten(m);
  }

  /** Derives the grams of every worker (the migration's backfill). */
  static async refreshAll(m: EntityManager | { query: EntityManager['query'] }): Promise<void> {
    await m.query('DELETE FROM worker_name_gram');
    await m.query(INSERT_GRAMS);
  }

  /**
   * The SQL condition "w.name contains q", driven by one gram: the character itself for a
   * one-character search, else the text's first pair of characters; `LIKE` then keeps the names
   * that hold the whole text (a CJK pair matches a few hundred of 100,000 names at most).
   */
  static containsCondition(alias: string, q: string): { sql: string; params: Record<string, unknown> } {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const gram = gramOf(q);
    if (gram === null) return { sql: `${alias}.name LIKE :nameLike`, params: { nameLike: like } };
    return {
      sql: `${alias}.id IN (SELECT g.worker_id FROM worker_name_gram g WHERE g.gram = :nameGram) AND ${alias}.name LIKE :nameLike`,
      params: { nameLike: like, nameGram: gram },
    };
  }
}

/** The gram a search text is looked up by: its one character, or its first two (by code point). */
export function gramOf(q: string): string | null {
  const chars = Array.from(q);
  return chars.length === 0 ? null : chars.slice(0, 2).join('');
}

// INSERT IGNORE: the key is (gram, worker_id) in the column's collation, so a name with a repeated
// character or pair ('王小小') stores it once.
const INSERT_GRAMS = `INSERT IGNORE INTO worker_name_gram (gram, worker_id)
  SELECT SUBSTRING(w.name, p.n, k.len), w.id FROM worker w
  JOIN ${POSITIONS} p ON p.n <= CHAR_LENGTH(w.name)
  JOIN (SELECT 1 AS len UNION ALL SELECT 2) k ON p.n + k.len - 1 <= CHAR_LENGTH(w.name)`;
