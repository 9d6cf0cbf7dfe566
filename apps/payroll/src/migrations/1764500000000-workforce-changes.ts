import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPTS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Workforce changes received from the workers service's `workers-events` queue: one row per event
 * (the inbox records the event key; `uq_workforce_change_event` makes a second row impossible even
 * so). The monthly runs will read them to know whose pay to recompute and which changes are
 * back-dated (arrears). Works on MariaDB 10.11 and MySQL 8.
 */
export class WorkforceChanges1764500000000 implements MigrationInterface {
  name = 'WorkforceChanges1764500000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE workforce_change (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      event_key VARCHAR(191) NOT NULL,
      event_name VARCHAR(80) NOT NULL,
      worker_id BIGINT NOT NULL,
      district_code VARCHAR(6) NULL,
      street_code VARCHAR(9) NULL,
      community_code VARCHAR(12) NULL,
      effective_date DATE NULL,
      payload JSON NOT NULL,
      received_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_workforce_change_event (event_key),
      KEY idx_workforce_change_worker (worker_id, id),
      KEY idx_workforce_change_scope (district_code, street_code, id),
      KEY idx_workforce_change_received (received_at, id)
    ) ${OPTS}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE workforce_change');
  }
}
