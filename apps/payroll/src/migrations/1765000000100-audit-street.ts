import { addAuditStreet } from '@cws/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Audit rows are located by street too, and filtered by scope like every other table (docs/security.md). */
export class AuditStreet1765000000100 implements MigrationInterface {
  name = 'AuditStreet1765000000100';

  async up(qr: QueryRunner): Promise<void> {
    await addAuditStreet(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('ALTER TABLE audit_log DROP KEY idx_audit_place, DROP COLUMN street_code');
  }
}
