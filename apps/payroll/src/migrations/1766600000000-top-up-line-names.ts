import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's name on each year-end top-up line (年终补差), as the workforce snapshot had it when
 * the top-up ran: the report lists people by name without a call per line to the workers service.
 * Lines stored before stay NULL (the UI shows the id).
 */
export class TopUpLineNames1766600000000 implements MigrationInterface {
  name = 'TopUpLineNames1766600000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query('ALTER TABLE benchmark_top_up_line ADD COLUMN worker_name VARCHAR(100) NULL AFTER worker_id');
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('ALTER TABLE benchmark_top_up_line DROP COLUMN worker_name');
  }
}
