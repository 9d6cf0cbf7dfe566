import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Calendar, centres, rosters (one row per version), city-wide generations and worker requests. */
export class RosterTables1765400000000 implements MigrationInterface {
  name = 'RosterTables1765400000000';

  async up(qr: QueryRunner): Promise<void> {
    await qr.query(`CREATE TABLE holiday_calendar (
      year SMALLINT NOT NULL PRIMARY KEY,
      label VARCHAR(255) NOT NULL,
      holidays LONGTEXT NOT NULL,
      rest_days LONGTEXT NOT NULL,
      adjusted_working_days LONGTEXT NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      updated_by VARCHAR(100) NOT NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await qr.query(`CREATE TABLE service_centre (
      community_code VARCHAR(20) NOT NULL PRIMARY KEY,
      district_code VARCHAR(20) NOT NULL,
      street_code VARCHAR(20) NOT NULL,
      config LONGTEXT NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      updated_by VARCHAR(100) NOT NULL,
      KEY ix_service_centre_place (district_code, street_code)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await qr.query(`CREATE TABLE roster_generation (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      month CHAR(7) NOT NULL,
      scope_code VARCHAR(20) NULL,
      status VARCHAR(16) NOT NULL,
      total INT NOT NULL,
      created_by VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      finished_at DATETIME(3) NULL,
      KEY ix_roster_generation_month (month)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await qr.query(`CREATE TABLE roster (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      community_code VARCHAR(20) NOT NULL,
      district_code VARCHAR(20) NOT NULL,
      street_code VARCHAR(20) NOT NULL,
      month CHAR(7) NOT NULL,
      version INT NOT NULL,
      status VARCHAR(16) NOT NULL,
      reason VARCHAR(16) NOT NULL,
      based_on_id BIGINT NULL,
      generation_id BIGINT NULL,
      seed INT NOT NULL,
      objective BIGINT NULL,
      problem LONGTEXT NULL,
      assignments LONGTEXT NULL,
      uncovered LONGTEXT NULL,
      hours LONGTEXT NULL,
      swap LONGTEXT NULL,
      error VARCHAR(500) NULL,
      created_by VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      solved_at DATETIME(3) NULL,
      published_at DATETIME(3) NULL,
      published_by VARCHAR(100) NULL,
      UNIQUE KEY uq_roster_version (community_code, month, version),
      KEY ix_roster_month_place (month, district_code, street_code, status),
      KEY ix_roster_generation (generation_id, status)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await qr.query(`CREATE TABLE worker_request (
      id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      community_code VARCHAR(20) NOT NULL,
      district_code VARCHAR(20) NOT NULL,
      street_code VARCHAR(20) NOT NULL,
      worker_id BIGINT NOT NULL,
      day DATE NOT NULL,
      kind VARCHAR(16) NOT NULL,
      shift VARCHAR(20) NULL,
      note VARCHAR(200) NULL,
      created_by VARCHAR(100) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_worker_request_day (worker_id, day),
      KEY ix_worker_request_community (community_code, day)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['worker_request', 'roster', 'roster_generation', 'service_centre', 'holiday_calendar']) await qr.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
