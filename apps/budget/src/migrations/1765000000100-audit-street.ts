import { addAuditStreet } from '@cws/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Audit rows are located by street too, and filtered by scope like every other table. Transfers
 * written before this named allocations of two districts but were located in one of them (and a
 * TRANSFER_IN copy in the other): both now lie with the city, which alone may see both ends.
 */
export class AuditStreet1765000000100 implements MigrationInterface {
  name = 'AuditStreet1765000000100';

  async up(qr: QueryRunner): Promise<void> {
    await addAuditStreet(qr);
    await qr.query(`UPDATE audit_log a
        JOIN posting p ON p.id = a.entity_id
        JOIN allocation f ON f.id = p.allocation_id
        JOIN allocation t ON t.id = p.counter_allocation_id
       SET a.district_code = NULL, a.street_code = NULL
     WHERE a.entity = 'posting' AND a.action IN ('TRANSFER', 'TRANSFER_IN') AND f.district_code <> t.district_code`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('ALTER TABLE audit_log DROP KEY idx_audit_place, DROP COLUMN street_code');
  }
}
