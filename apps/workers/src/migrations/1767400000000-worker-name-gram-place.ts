import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search grams carry their worker's district and street (issue #13, "Load";
 * `worker-name-gram.repository.ts`): a scoped search then reads only the gram rows of its place,
 * in worker id order (InnoDB appends the primary key to each index), instead of every worker of
 * the city with that gram and each one's `worker` row to drop the other districts' (measured on
 * the 100,000-worker city: 184 → 51 gram rows for a district's page of 王; docs/benchmarks.md).
 * Backfilled from `worker`; from now on `refresh` writes them whenever a name or place changes.
 */
export class WorkerNameGramPlace1767400000000 implements MigrationInterface {
  name = 'WorkerNameGramPlace1767400000000';

  async up(qr: QueryRunner): Promise<void> {
    // as on `worker`; the rows already there hold '' until the backfill below
    await qr.query(`ALTER TABLE worker_name_gram
      ADD COLUMN district_code VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
      ADD COLUMN street_code VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL`);
    await qr.query('UPDATE worker_name_gram g JOIN worker w ON w.id = g.worker_id SET g.district_code = w.district_code, g.street_code = w.street_code');
    await qr.query(`ALTER TABLE worker_name_gram
      ADD INDEX idx_worker_name_gram_district (gram, district_code),
      ADD INDEX idx_worker_name_gram_street (gram, street_code)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`ALTER TABLE worker_name_gram
      DROP INDEX idx_worker_name_gram_street, DROP INDEX idx_worker_name_gram_district,
      DROP COLUMN street_code, DROP COLUMN district_code`);
  }
}
