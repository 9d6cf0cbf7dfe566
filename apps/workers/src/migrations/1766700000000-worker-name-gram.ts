import type { MigrationInterface, QueryRunner } from 'typeorm';

// The backfill as `WorkerNameGramRepository.refreshAll` ran it when this migration landed, frozen
// here so a fresh install replays it exactly (the repository's INSERT now also writes each gram's
// place, which columns this migration does not create: 1767400000000 adds and backfills them).
const POSITIONS = `(${Array.from({ length: 60 }, (_, i) => `SELECT ${i + 1} AS n`).join(' UNION ALL ')})`;
const INSERT_GRAMS = `INSERT IGNORE INTO worker_name_gram (gram, worker_id)
  SELECT SUBSTRING(w.name, p.n, k.len), w.id FROM worker w
  JOIN ${POSITIONS} p ON p.n <= CHAR_LENGTH(w.name)
  JOIN (SELECT 1 AS len UNION ALL SELECT 2) k ON p.n + k.len - 1 <= CHAR_LENGTH(w.name)`;

/**
 * `worker_name_gram`: the characters and character pairs of each worker's name, so the register's
 * name search reads an index range instead of every row of the scope (issue #13, "Load";
 * `worker-name-gram.repository.ts`). Backfilled from the current names.
 */
export class WorkerNameGram1766700000000 implements MigrationInterface {
  name = 'WorkerNameGram1766700000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE worker_name_gram (
      gram VARCHAR(2) NOT NULL,
      worker_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (gram, worker_id),
      KEY idx_worker_name_gram_worker (worker_id),
      CONSTRAINT fk_worker_name_gram_worker FOREIGN KEY (worker_id) REFERENCES worker (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await qr.query('DELETE FROM worker_name_gram');
    await qr.query(INSERT_GRAMS);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE worker_name_gram');
  }
}
