import { SqlMigration } from '@cws/persistence';

/** A worker's withholding flags for a tax year, when HR sets them (NULL = payroll's default). */
export class WorkerTaxYear1767800000000 extends SqlMigration {
  name = 'WorkerTaxYear1767800000000';
  protected statements = [
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
  protected undo = ['DROP TABLE IF EXISTS worker_tax_year'];
}
