import { SqlMigration } from '@cws/persistence';

/**
 * Contribution bases HR declares (docs/payroll.md "Contribution base"): one row per worker and first month,
 * with the worker's place when declared (scope of reads and of the audit), replaced by a new declaration of
 * the same month, never edited in place. A run reads the latest one of the contribution year per worker.
 */
export class DeclaredContributionBases1767800000000 extends SqlMigration {
  name = 'DeclaredContributionBases1767800000000';
  protected statements = [
    `CREATE TABLE declared_contribution_base (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      worker_id BIGINT NOT NULL,
      valid_from VARCHAR(7) NOT NULL,
      base DECIMAL(15,2) NOT NULL,
      housing_fund_base DECIMAL(15,2) NULL,
      note VARCHAR(200) NULL,
      district_code VARCHAR(6) NOT NULL,
      street_code VARCHAR(9) NOT NULL,
      declared_by VARCHAR(64) NOT NULL,
      declared_by_name VARCHAR(100) NOT NULL,
      declared_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_declared_base_worker_month (worker_id, valid_from),
      KEY idx_declared_base_scope (district_code, street_code, id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  ];
  protected undo = ['DROP TABLE declared_contribution_base'];
}
