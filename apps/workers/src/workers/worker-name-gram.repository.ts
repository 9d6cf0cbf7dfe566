import type { Scope } from '@cws/kernel';
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
 * Each gram row carries its worker's district and street, so a scoped search reads only its own
 * place's rows of the gram (index (gram, district_code) or (gram, street_code), in worker id order)
 * instead of the whole city's and a `worker` row each to drop the other places' (docs/benchmarks.md
 * "Session 5").
 *
 * The grams are derived in SQL from the `worker` rows themselves, so every writer (create, update of
 * the name or the place, import, seed) calls `refresh` with the ids it wrote and cannot derive them differently.
 */
export class WorkerNameGramRepository {
  /** Re-derives the grams of these workers from their current names and places (in the caller's transaction). */
  static async refresh(m: EntityManager, workerIds: number[]): Promise<void> {
    for (let i = 0; i < workerIds.length; i += IDS_PER_STATEMENT) {
      const ids = workerIds.slice(i, i + IDS_PER_STATEMENT);
      await m.query(`DELETE FROM worker_name_gram WHERE worker_id IN (${ids.map(() => '?').join(',')})`, ids);
      await m.query(`${INSERT_GRAMS} WHERE w.id IN (${ids.map(() => '?').join(',')})`, ids);
    }
    await registerWritten(m);
  }

  /**
   * The SQL condition "w.name contains q", driven by one gram: the character itself for a
   * one-character search, else the text's first pair of characters; `LIKE` then keeps the names
   * that hold the whole text (a CJK pair matches a few hundred of 100,000 names at most). With a
   * place — the caller's scope or its `district` / `street` filter, the narrowest — only that place's
   * gram rows are read. The caller filters `w` by the same scope and filters, so this drops no row
   * the query would have kept.
   */
  static containsCondition(alias: string, q: string, scope: Scope, filter: GramPlaceFilter = {}): { sql: string; params: Record<string, unknown> } {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const gram = gramOf(q);
    if (gram === null) return { sql: `${alias}.name LIKE :nameLike`, params: { nameLike: like } };
    const street = filter.street ?? (scope.level === 'STREET' ? scope.street : undefined);
    const district = filter.district ?? (scope.level === 'CITY' ? undefined : scope.district);
    const [place, placeParams] = street ? [' AND g.street_code = :nameStreet', { nameStreet: street }]
      : district ? [' AND g.district_code = :nameDistrict', { nameDistrict: district }] : ['', {}];
    return {
      sql: `${alias}.id IN (SELECT g.worker_id FROM worker_name_gram g WHERE g.gram = :nameGram${place}) AND ${alias}.name LIKE :nameLike`,
      params: { nameLike: like, nameGram: gram, ...placeParams },
    };
  }
}

/** The register's place filters a name search narrows its grams by (absent = none). */
export interface GramPlaceFilter {
  district?: string;
  street?: string;
}

/** The gram a search text is looked up by: its one character, or its first two (by code point). */
export function gramOf(q: string): string | null {
  const chars = Array.from(q);
  return chars.length === 0 ? null : chars.slice(0, 2).join('');
}

// INSERT IGNORE: the key is (gram, worker_id) in the column's collation, so a name with a repeated
// character or pair ('王小小') stores it once.
const INSERT_GRAMS = `INSERT IGNORE INTO worker_name_gram (gram, worker_id, district_code, street_code)
  SELECT SUBSTRING(w.name, p.n, k.len), w.id, w.district_code, w.street_code FROM worker w
  JOIN ${POSITIONS} p ON p.n <= CHAR_LENGTH(w.name)
  JOIN (SELECT 1 AS len UNION ALL SELECT 2) k ON p.n + k.len - 1 <= CHAR_LENGTH(w.name)`;
