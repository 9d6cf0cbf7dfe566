import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored masks keep the last four characters only: the first four (the area) helped rebuild whole
 * resident IDs from a list row (docs/security.md "Masking"). No way back: the area is dropped.
 */
export class ResidentIdLastFour1765000000200 implements MigrationInterface {
  name = 'ResidentIdLastFour1765000000200';

  async up(qr: QueryRunner): Promise<void> {
    for (const table of ['worker', 'candidate']) {
      await qr.query(`UPDATE ${table} SET resident_id_masked = CONCAT(REPEAT('*', CHAR_LENGTH(resident_id_masked) - 4), RIGHT(resident_id_masked, 4))
                       WHERE resident_id_masked NOT LIKE '****%'`);
    }
  }

  async down(): Promise<void> {
    // the dropped characters cannot be restored from the mask
  }
}
