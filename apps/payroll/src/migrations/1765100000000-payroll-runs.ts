import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPTS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const MONEY = 'DECIMAL(15,2) NOT NULL DEFAULT 0';

/**
 * Monthly payroll runs (docs/payroll.md "Runs"):
 * - `payroll_run`: one row per run; `regular_key` is set only for a REGULAR run that is not
 *   cancelled, and its unique index allows one such run per period and scope even under
 *   concurrent requests;
 * - `payroll_period`: one row per period, locked FOR UPDATE by whoever creates a run of it, so
 *   the overlapping-scope check (a street run inside a district run) cannot race;
 * - `payroll_run_chunk`: the frozen inputs of one computation, in chunks of workers — the unit a
 *   child job computes — with that chunk's progress and totals;
 * - `payslip`: one row per run and worker (`uq_payslip_run_worker`), upserted, so a retried chunk
 *   replaces its slips instead of adding more; lines and the tax state after it as JSON text
 *   (LONGTEXT: written and read whole, never queried inside, and MariaDB's JSON check costs on bulk inserts).
 */
export class PayrollRuns1765100000000 implements MigrationInterface {
  name = 'PayrollRuns1765100000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE payroll_period (
      period VARCHAR(7) NOT NULL PRIMARY KEY,
      created_at DATETIME(3) NOT NULL
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE payroll_run (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      period VARCHAR(7) NOT NULL,
      type VARCHAR(12) NOT NULL,
      scope_code VARCHAR(12) NULL,
      district_code VARCHAR(6) NULL,
      street_code VARCHAR(9) NULL,
      status VARCHAR(12) NOT NULL,
      corrects_run_id BIGINT NULL,
      regular_key VARCHAR(40) GENERATED ALWAYS AS (IF(type = 'REGULAR' AND status <> 'CANCELLED', CONCAT(period, ':', IFNULL(scope_code, 'CITY')), NULL)) STORED,
      generation INT NOT NULL DEFAULT 0,
      compute_state VARCHAR(12) NOT NULL,
      compute_started_at DATETIME(3) NULL,
      compute_finished_at DATETIME(3) NULL,
      compute_error VARCHAR(500) NULL,
      inputs JSON NULL,
      reject_reason VARCHAR(500) NULL,
      rejected_by VARCHAR(100) NULL,
      rejected_at DATETIME(3) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_by_name VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      submitted_by VARCHAR(64) NULL,
      submitted_by_name VARCHAR(100) NULL,
      submitted_at DATETIME(3) NULL,
      approved_by VARCHAR(64) NULL,
      approved_by_name VARCHAR(100) NULL,
      approved_at DATETIME(3) NULL,
      paid_by VARCHAR(64) NULL,
      paid_by_name VARCHAR(100) NULL,
      paid_at DATETIME(3) NULL,
      cancelled_by VARCHAR(64) NULL,
      cancelled_by_name VARCHAR(100) NULL,
      cancelled_at DATETIME(3) NULL,
      UNIQUE KEY uq_payroll_run_regular (regular_key),
      KEY idx_payroll_run_period (period, status, id),
      KEY idx_payroll_run_status (status, id),
      KEY idx_payroll_run_scope (district_code, street_code, id)
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE payroll_run_chunk (
      run_id BIGINT NOT NULL,
      chunk_no INT NOT NULL,
      generation INT NOT NULL,
      worker_count INT NOT NULL,
      inputs LONGTEXT NOT NULL,
      state VARCHAR(10) NOT NULL,
      done INT NOT NULL DEFAULT 0,
      failed INT NOT NULL DEFAULT 0,
      gross ${MONEY},
      employee_contributions ${MONEY},
      tax ${MONEY},
      recoveries ${MONEY},
      net ${MONEY},
      employer_contributions ${MONEY},
      computed_at DATETIME(3) NULL,
      PRIMARY KEY (run_id, chunk_no)
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE payslip (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      run_id BIGINT NOT NULL,
      worker_id BIGINT NOT NULL,
      period VARCHAR(7) NOT NULL,
      generation INT NOT NULL,
      chunk_no INT NOT NULL,
      district_code VARCHAR(6) NOT NULL,
      street_code VARCHAR(9) NOT NULL,
      community_code VARCHAR(12) NOT NULL,
      worker_name VARCHAR(100) NOT NULL,
      bank_account VARCHAR(255) NULL,
      status VARCHAR(10) NOT NULL,
      failure_code VARCHAR(60) NULL,
      failure_message VARCHAR(500) NULL,
      band VARCHAR(10) NULL,
      grade INT NULL,
      grade_source VARCHAR(10) NULL,
      payer VARCHAR(10) NOT NULL,
      gross ${MONEY},
      employee_contributions ${MONEY},
      tax ${MONEY},
      recoveries ${MONEY},
      net ${MONEY},
      employer_contributions ${MONEY},
      recovery_carried ${MONEY},
      flags VARCHAR(255) NOT NULL DEFAULT '',
      line_items LONGTEXT NULL,
      tax_state LONGTEXT NULL,
      computed_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_payslip_run_worker (run_id, worker_id),
      KEY idx_payslip_worker (worker_id, period),
      KEY idx_payslip_run_scope (run_id, district_code, street_code, id)
    ) ${OPTS}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE payslip');
    await qr.query('DROP TABLE payroll_run_chunk');
    await qr.query('DROP TABLE payroll_run');
    await qr.query('DROP TABLE payroll_period');
  }
}
