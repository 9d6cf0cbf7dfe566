import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WorkerNameGramRepository } from '../workers/worker-name-gram.repository';

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
    await WorkerNameGramRepository.refreshAll(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE worker_name_gram');
  }
}
