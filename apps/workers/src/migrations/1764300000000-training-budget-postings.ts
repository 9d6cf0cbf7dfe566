import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training costs reach the budget service through the outbox. A class names the community whose
 * TRAINING allocation pays (charge_community_code); its cost posting row keeps where it was sent
 * (funder, stream, fiscal year, community, source reference) and the outbox event that carries it.
 * The posting's status is derived from that event (PENDING until relayed, then SENT), so the
 * status column goes. Rows written before this change have no charge community and no event: they
 * show as UNROUTED.
 */
export class TrainingBudgetPostings1764300000000 implements MigrationInterface {
  name = 'TrainingBudgetPostings1764300000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`ALTER TABLE training_class ADD COLUMN charge_community_code VARCHAR(20) NULL AFTER district_code`);
    await qr.query(`ALTER TABLE training_cost_posting
      ADD COLUMN fiscal_year INT NULL AFTER amount,
      ADD COLUMN funder VARCHAR(6) NULL AFTER fiscal_year,
      ADD COLUMN stream VARCHAR(24) NULL AFTER funder,
      ADD COLUMN street_code VARCHAR(20) NULL AFTER district_code,
      ADD COLUMN community_code VARCHAR(20) NULL AFTER street_code,
      ADD COLUMN source_ref VARCHAR(80) NULL AFTER idempotency_key,
      ADD COLUMN outbox_event_id BIGINT NULL AFTER source_ref,
      DROP INDEX idx_training_cost_posting_status,
      DROP COLUMN status,
      DROP COLUMN posted_at,
      ADD UNIQUE KEY uq_training_cost_posting_class (class_id),
      ADD KEY idx_training_cost_posting_district (district_code, id)`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`ALTER TABLE training_cost_posting
      DROP INDEX uq_training_cost_posting_class,
      DROP INDEX idx_training_cost_posting_district,
      ADD COLUMN status VARCHAR(10) NOT NULL DEFAULT 'PENDING',
      ADD COLUMN posted_at DATETIME(3) NULL,
      DROP COLUMN fiscal_year, DROP COLUMN funder, DROP COLUMN stream, DROP COLUMN street_code, DROP COLUMN community_code,
      DROP COLUMN source_ref, DROP COLUMN outbox_event_id,
      ADD KEY idx_training_cost_posting_status (status, id)`);
    await qr.query(`ALTER TABLE training_class DROP COLUMN charge_community_code`);
  }
}
