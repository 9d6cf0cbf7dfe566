import { SqlMigration } from '@cws/persistence';

/**
 * Refresh tokens belong to a family: one login and every token rotated from it. Reusing a rotated
 * token (a sign it was stolen) revokes the whole family, and the family id is the `sid` of the
 * access tokens it issued, so logout can refuse those too. Existing tokens become families of one.
 */
export class RefreshTokenFamily1765000000000 extends SqlMigration {
  name = 'RefreshTokenFamily1765000000000';
  protected statements = [
    'ALTER TABLE refresh_token ADD COLUMN family_id VARCHAR(36) NULL',
    'UPDATE refresh_token SET family_id = id',
    'ALTER TABLE refresh_token MODIFY family_id VARCHAR(36) NOT NULL, ADD KEY idx_refresh_token_family (family_id)',
  ];
  protected undo = [
    'ALTER TABLE refresh_token DROP KEY idx_refresh_token_family, DROP COLUMN family_id',
  ];
}
