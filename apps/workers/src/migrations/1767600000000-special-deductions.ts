import { SqlMigration } from '@cws/persistence';

/**
 * 专项附加扣除 as workers declared them, by month (`from_month`..`to_month`, inclusive; open while NULL).
 * Payroll reads each worker's year-to-date sum from the snapshot; the register keeps the declarations.
 */
export class SpecialDeductions1767600000000 extends SqlMigration {
  name = 'SpecialDeductions1767600000000';
  protected statements = [
    `CREATE TABLE special_deduction (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      worker_id INT UNSIGNED NOT NULL,
      type VARCHAR(30) NOT NULL,
      monthly_amount DECIMAL(12,2) NOT NULL,
      from_month CHAR(7) NOT NULL,
      to_month CHAR(7) NULL,
      note VARCHAR(200) NULL,
      created_by VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_special_deduction_worker (worker_id, from_month),
      CONSTRAINT fk_special_deduction_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  ];
  protected undo = ['DROP TABLE IF EXISTS special_deduction'];
}
