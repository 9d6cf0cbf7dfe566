import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceBaseTables } from '@cws/messaging';

export class BaseTables1764150000000 implements MigrationInterface {
  name = 'BaseTables1764150000000';

  async up(qr: QueryRunner): Promise<void> {
    await createServiceBaseTables(qr);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['processed_event', 'outbox_event', 'audit_log']) await qr.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
