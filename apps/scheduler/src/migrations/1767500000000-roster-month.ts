import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per roster month, locked FOR UPDATE by whoever starts a generation of it (like payroll's
 * `payroll_period`): generations of one month are serialised, so a second one sees the first and the
 * versions they number cannot collide.
 */
export class RosterMonth1767500000000 implements MigrationInterface {
  name = 'RosterMonth1767500000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE roster_month (
      month CHAR(7) NOT NULL PRIMARY KEY,
      created_at DATETIME(3) NOT NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE IF EXISTS roster_month');
  }
}
