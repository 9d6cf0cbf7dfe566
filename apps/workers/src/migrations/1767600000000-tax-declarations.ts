import { SqlMigration } from '@cws/persistence';

/**
 * What a worker declares for income-tax withholding (docs/workers.md): 专项附加扣除 by month
 * (`from_month`..`to_month`, inclusive; open while NULL), and the year's withholding flags HR sets
 * (NULL = payroll's default). Payroll reads both through the snapshot.
 */
export class TaxDeclarations1767600000000 extends SqlMigration {
  name = 'TaxDeclarations1767600000000';
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
    `CREATE TABLE worker_tax_year (
      worker_id INT UNSIGNED NOT NULL,
      year SMALLINT NOT NULL,
      first_job_of_year TINYINT(1) NULL,
      low_income_last_year TINYINT(1) NULL,
      note VARCHAR(200) NULL,
      updated_by VARCHAR(100) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (worker_id, year),
      CONSTRAINT fk_worker_tax_year_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  ];
  protected undo = ['DROP TABLE IF EXISTS worker_tax_year', 'DROP TABLE IF EXISTS special_deduction'];
}
