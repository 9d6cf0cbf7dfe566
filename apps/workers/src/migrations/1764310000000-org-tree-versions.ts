import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Districts and streets are edited like communities: an active flag (deactivated, never deleted once used) and an optimistic version. */
export class OrgTreeVersions1764310000000 implements MigrationInterface {
  name = 'OrgTreeVersions1764310000000';

  async up(qr: QueryRunner): Promise<void> {
    for (const t of ['district', 'street']) {
      await qr.query(`ALTER TABLE ${t} ADD COLUMN active TINYINT(1) NOT NULL DEFAULT 1, ADD COLUMN version INT NOT NULL DEFAULT 1`);
    }
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['district', 'street']) await qr.query(`ALTER TABLE ${t} DROP COLUMN active, DROP COLUMN version`);
  }
}
