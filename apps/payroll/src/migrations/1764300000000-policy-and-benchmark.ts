import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPTS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Effective-dated policy rows (one generic table, `data` validated per kind by the service), and
 * stored benchmark results with their per-worker top-up lines.
 *
 * `open_key` is set only while a row is open (valid_to IS NULL); its unique index lets at most one
 * open row exist per (kind, key) even under concurrent edits. Works on MariaDB 10.11 and MySQL 8.
 */
export class PolicyAndBenchmark1764300000000 implements MigrationInterface {
  name = 'PolicyAndBenchmark1764300000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE policy_row (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      kind VARCHAR(30) NOT NULL,
      row_key VARCHAR(80) NOT NULL,
      valid_from DATE NOT NULL,
      valid_to DATE NULL,
      data JSON NOT NULL,
      source_ref VARCHAR(500) NOT NULL,
      superseded_by BIGINT NULL,
      created_by VARCHAR(64) NOT NULL,
      created_by_name VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      open_key VARCHAR(120) GENERATED ALWAYS AS (IF(valid_to IS NULL, CONCAT(kind, ':', row_key), NULL)) STORED,
      UNIQUE KEY uq_policy_row_open (open_key),
      UNIQUE KEY uq_policy_row_start (kind, row_key, valid_from, id),
      KEY idx_policy_row_lookup (kind, valid_from, valid_to)
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE benchmark_result (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      kind VARCHAR(20) NOT NULL,
      year INT NOT NULL,
      scope_code VARCHAR(12) NULL,
      district_code VARCHAR(6) NULL,
      street_code VARCHAR(9) NULL,
      as_of DATE NOT NULL,
      inputs JSON NOT NULL,
      result JSON NOT NULL,
      created_by VARCHAR(64) NOT NULL,
      created_by_name VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_benchmark_result_year (kind, year),
      KEY idx_benchmark_result_scope (district_code, street_code)
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE benchmark_top_up_line (
      result_id BIGINT NOT NULL,
      worker_id BIGINT NOT NULL,
      district_code VARCHAR(6) NOT NULL,
      street_code VARCHAR(9) NOT NULL,
      community_code VARCHAR(12) NOT NULL,
      annual_pay DECIMAL(15,2) NOT NULL,
      top_up DECIMAL(15,2) NOT NULL,
      PRIMARY KEY (result_id, worker_id),
      KEY idx_top_up_line_scope (result_id, district_code, street_code),
      CONSTRAINT fk_top_up_line_result FOREIGN KEY (result_id) REFERENCES benchmark_result (id) ON DELETE CASCADE
    ) ${OPTS}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['benchmark_top_up_line', 'benchmark_result', 'policy_row']) await qr.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
