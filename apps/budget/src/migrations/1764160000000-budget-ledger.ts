import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPTS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Streams, fiscal years, appropriations, allocations, postings, the append-only ledger,
 * idempotency keys, household counts and per-household standards, unmatched queue postings.
 */
export class BudgetLedger1764160000000 implements MigrationInterface {
  name = 'BudgetLedger1764160000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE budget_stream (
      code VARCHAR(24) NOT NULL PRIMARY KEY,
      name_zh VARCHAR(60) NOT NULL,
      name_en VARCHAR(100) NOT NULL,
      sort_order INT NOT NULL,
      community_stream TINYINT(1) NOT NULL DEFAULT 1
    ) ${OPTS}`);
    await qr.query(
      `INSERT INTO budget_stream (code, name_zh, name_en, sort_order, community_stream) VALUES
        ('PARTY_BUILDING', '社区党建工作经费', 'Community party-building work fund', 1, 1),
        ('RESIDENTS_COMMITTEE', '社区居委会工作经费', 'Residents'' committee work fund', 2, 1),
        ('SERVICE_STATION', '社区公共服务工作站经费', 'Community public service workstation fund', 3, 1),
        ('CO_BUILDING', '社区共建经费', 'Community co-building fund', 4, 1),
        ('TRAINING', '社区工作者培训经费', 'Community-worker training fund', 5, 0)`,
    );
    await qr.query(`CREATE TABLE fiscal_year (
      year INT NOT NULL PRIMARY KEY,
      status VARCHAR(10) NOT NULL,
      opened_at DATETIME(3) NOT NULL,
      closed_at DATETIME(3) NULL,
      closed_by VARCHAR(64) NULL
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE appropriation (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      fiscal_year INT NOT NULL,
      funder VARCHAR(6) NOT NULL,
      district_code VARCHAR(6) NULL,
      stream VARCHAR(24) NOT NULL,
      kind VARCHAR(14) NOT NULL,
      amount DECIMAL(15,2) NOT NULL,
      allocated DECIMAL(15,2) NOT NULL DEFAULT 0.00,
      document_no VARCHAR(100) NOT NULL,
      document_date DATE NOT NULL,
      note VARCHAR(500) NULL,
      status VARCHAR(10) NOT NULL,
      created_by VARCHAR(64) NOT NULL,
      created_by_name VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      enacted_by VARCHAR(64) NULL,
      enacted_by_name VARCHAR(100) NULL,
      enacted_at DATETIME(3) NULL,
      KEY idx_appropriation_account (fiscal_year, funder, stream),
      KEY idx_appropriation_district (district_code),
      CONSTRAINT fk_appropriation_year FOREIGN KEY (fiscal_year) REFERENCES fiscal_year (year),
      CONSTRAINT fk_appropriation_stream FOREIGN KEY (stream) REFERENCES budget_stream (code)
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE allocation (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      appropriation_id BIGINT NOT NULL,
      fiscal_year INT NOT NULL,
      funder VARCHAR(6) NOT NULL,
      stream VARCHAR(24) NOT NULL,
      target_level VARCHAR(10) NOT NULL,
      district_code VARCHAR(6) NOT NULL,
      street_code VARCHAR(9) NOT NULL,
      community_code VARCHAR(12) NULL,
      target_name VARCHAR(100) NULL,
      initial_amount DECIMAL(15,2) NOT NULL,
      amount DECIMAL(15,2) NOT NULL,
      committed DECIMAL(15,2) NOT NULL DEFAULT 0.00,
      spent DECIMAL(15,2) NOT NULL DEFAULT 0.00,
      note VARCHAR(500) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_by_name VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_allocation_account (fiscal_year, funder, stream, community_code),
      KEY idx_allocation_scope (district_code, street_code),
      KEY idx_allocation_appropriation (appropriation_id),
      CONSTRAINT fk_allocation_appropriation FOREIGN KEY (appropriation_id) REFERENCES appropriation (id)
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE posting (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      kind VARCHAR(12) NOT NULL,
      allocation_id BIGINT NOT NULL,
      counter_allocation_id BIGINT NULL,
      fiscal_year INT NOT NULL,
      funder VARCHAR(6) NOT NULL,
      stream VARCHAR(24) NOT NULL,
      district_code VARCHAR(6) NOT NULL,
      street_code VARCHAR(9) NOT NULL,
      community_code VARCHAR(12) NULL,
      amount DECIMAL(15,2) NOT NULL,
      category VARCHAR(40) NULL,
      description VARCHAR(500) NULL,
      source VARCHAR(12) NOT NULL,
      source_ref VARCHAR(100) NULL,
      external_key VARCHAR(140) NULL,
      commitment_id BIGINT NULL,
      settled DECIMAL(15,2) NOT NULL DEFAULT 0.00,
      reverses_id BIGINT NULL,
      reason VARCHAR(500) NULL,
      task_ref VARCHAR(100) NULL,
      override_reason VARCHAR(500) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_by_name VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_posting_external (external_key),
      UNIQUE KEY uq_posting_reverses (reverses_id),
      KEY idx_posting_allocation (allocation_id),
      KEY idx_posting_scope (district_code, street_code),
      KEY idx_posting_commitment (commitment_id),
      CONSTRAINT fk_posting_allocation FOREIGN KEY (allocation_id) REFERENCES allocation (id)
    ) ${OPTS}`);
    // The ledger: one row per money movement, never updated or deleted (the triggers refuse).
    await qr.query(`CREATE TABLE ledger_entry (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      fiscal_year INT NOT NULL,
      funder VARCHAR(6) NOT NULL,
      stream VARCHAR(24) NOT NULL,
      district_code VARCHAR(6) NULL,
      street_code VARCHAR(9) NULL,
      community_code VARCHAR(12) NULL,
      entry_type VARCHAR(14) NOT NULL,
      appropriation_id BIGINT NULL,
      allocation_id BIGINT NULL,
      posting_id BIGINT NULL,
      d_appropriated DECIMAL(15,2) NOT NULL DEFAULT 0.00,
      d_allocated DECIMAL(15,2) NOT NULL DEFAULT 0.00,
      d_committed DECIMAL(15,2) NOT NULL DEFAULT 0.00,
      d_spent DECIMAL(15,2) NOT NULL DEFAULT 0.00,
      memo VARCHAR(200) NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_ledger_account (fiscal_year, funder, stream, community_code),
      KEY idx_ledger_district (district_code, id),
      KEY idx_ledger_allocation (allocation_id)
    ) ${OPTS}`);
    await qr.query(`CREATE TRIGGER trg_ledger_entry_no_update BEFORE UPDATE ON ledger_entry FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is append-only'`);
    await qr.query(`CREATE TRIGGER trg_ledger_entry_no_delete BEFORE DELETE ON ledger_entry FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger_entry is append-only'`);
    await qr.query(`CREATE TABLE idempotency_key (
      principal_id VARCHAR(64) NOT NULL,
      idem_key VARCHAR(100) NOT NULL,
      route VARCHAR(200) NOT NULL,
      request_hash CHAR(64) NOT NULL,
      status VARCHAR(10) NOT NULL,
      response JSON NULL,
      created_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      PRIMARY KEY (principal_id, idem_key),
      KEY idx_idempotency_expires (expires_at)
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE household_count (
      community_code VARCHAR(12) NOT NULL PRIMARY KEY,
      street_code VARCHAR(9) NOT NULL,
      district_code VARCHAR(6) NOT NULL,
      community_name VARCHAR(100) NULL,
      households INT NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      KEY idx_household_scope (district_code, street_code)
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE funding_standard (
      fiscal_year INT NOT NULL,
      stream VARCHAR(24) NOT NULL,
      per_household DECIMAL(15,2) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (fiscal_year, stream),
      CONSTRAINT fk_standard_stream FOREIGN KEY (stream) REFERENCES budget_stream (code)
    ) ${OPTS}`);
    await qr.query(`CREATE TABLE unmatched_posting (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      external_key VARCHAR(140) NOT NULL,
      source VARCHAR(12) NOT NULL,
      source_ref VARCHAR(100) NOT NULL,
      reason VARCHAR(30) NOT NULL,
      fiscal_year INT NULL,
      funder VARCHAR(6) NULL,
      stream VARCHAR(24) NULL,
      district_code VARCHAR(6) NULL,
      street_code VARCHAR(9) NULL,
      community_code VARCHAR(12) NULL,
      amount VARCHAR(40) NULL,
      payload JSON NOT NULL,
      received_at DATETIME(3) NOT NULL,
      resolved_posting_id BIGINT NULL,
      resolved_at DATETIME(3) NULL,
      UNIQUE KEY uq_unmatched_external (external_key),
      KEY idx_unmatched_scope (district_code, street_code)
    ) ${OPTS}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of [
      'unmatched_posting', 'funding_standard', 'household_count', 'idempotency_key', 'ledger_entry', 'posting', 'allocation',
      'appropriation', 'fiscal_year', 'budget_stream',
    ]) {
      await qr.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
