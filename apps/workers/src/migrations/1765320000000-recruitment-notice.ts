import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recruitment gets a public notice (公示) between selection and hire: the vacancy's notice length
 * (days, default 7), the selected candidate's notice period, the reason recorded for passing over a
 * higher-ranked candidate, the prior community service captured at hire, and the objections received
 * during the notice (`recruitment_objection`).
 */
export class RecruitmentNotice1765320000000 implements MigrationInterface {
  name = 'RecruitmentNotice1765320000000';

  async up(qr: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await qr.query('ALTER TABLE vacancy ADD COLUMN notice_days INT NOT NULL DEFAULT 7');
    await qr.query(`ALTER TABLE candidate ADD COLUMN notice_start DATE NULL, ADD COLUMN notice_end DATE NULL, ADD COLUMN skip_reason VARCHAR(300) NULL,
      ADD COLUMN passed_over JSON NULL, ADD COLUMN prior_service_months INT NULL, ADD COLUMN selected_at DATETIME(3) NULL,
      MODIFY COLUMN status VARCHAR(16) NOT NULL`);
    await qr.query(`CREATE TABLE recruitment_objection (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      candidate_id INT UNSIGNED NOT NULL,
      received_on DATE NOT NULL,
      summary VARCHAR(500) NOT NULL,
      status VARCHAR(10) NOT NULL,
      resolution VARCHAR(300) NULL,
      resolved_on DATE NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_recruitment_objection_candidate (candidate_id, status),
      CONSTRAINT fk_recruitment_objection_candidate FOREIGN KEY (candidate_id) REFERENCES candidate (id)
    ) ${opts}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE recruitment_objection');
    await qr.query(`ALTER TABLE candidate DROP COLUMN notice_start, DROP COLUMN notice_end, DROP COLUMN skip_reason, DROP COLUMN passed_over,
      DROP COLUMN prior_service_months, DROP COLUMN selected_at`);
    await qr.query('ALTER TABLE vacancy DROP COLUMN notice_days');
  }
}
