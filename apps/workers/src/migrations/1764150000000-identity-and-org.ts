import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceBaseTables } from '@cws/messaging';

export class IdentityAndOrg1764150000000 implements MigrationInterface {
  name = 'IdentityAndOrg1764150000000';

  async up(qr: QueryRunner): Promise<void> {
    await createServiceBaseTables(qr);
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await qr.query(`CREATE TABLE app_user (
      id VARCHAR(36) NOT NULL PRIMARY KEY,
      username VARCHAR(60) NOT NULL,
      display_name VARCHAR(100) NOT NULL,
      password_hash VARCHAR(100) NOT NULL,
      roles JSON NOT NULL,
      scope_level VARCHAR(10) NOT NULL,
      scope_district VARCHAR(20) NULL,
      scope_street VARCHAR(20) NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_user_username (username)
    ) ${opts}`);
    await qr.query(`CREATE TABLE api_client (
      id VARCHAR(36) NOT NULL PRIMARY KEY,
      client_id VARCHAR(60) NOT NULL,
      name VARCHAR(100) NOT NULL,
      secret_hash VARCHAR(100) NOT NULL,
      scope_level VARCHAR(10) NOT NULL,
      scope_district VARCHAR(20) NULL,
      permissions JSON NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_api_client_client_id (client_id)
    ) ${opts}`);
    await qr.query(`CREATE TABLE refresh_token (
      id VARCHAR(36) NOT NULL PRIMARY KEY,
      user_id VARCHAR(36) NOT NULL,
      token_hash CHAR(64) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      revoked_at DATETIME(3) NULL,
      UNIQUE KEY uq_refresh_token_hash (token_hash)
    ) ${opts}`);
    await qr.query(`CREATE TABLE district (
      code VARCHAR(20) NOT NULL PRIMARY KEY,
      name VARCHAR(60) NOT NULL,
      kind VARCHAR(20) NOT NULL DEFAULT 'DISTRICT'
    ) ${opts}`);
    await qr.query(`CREATE TABLE street (
      code VARCHAR(20) NOT NULL PRIMARY KEY,
      name VARCHAR(60) NOT NULL,
      district_code VARCHAR(20) NOT NULL,
      kind VARCHAR(10) NOT NULL DEFAULT 'STREET',
      KEY idx_street_district (district_code),
      CONSTRAINT fk_street_district FOREIGN KEY (district_code) REFERENCES district (code)
    ) ${opts}`);
    await qr.query(`CREATE TABLE community (
      code VARCHAR(20) NOT NULL PRIMARY KEY,
      name VARCHAR(60) NOT NULL,
      street_code VARCHAR(20) NOT NULL,
      district_code VARCHAR(20) NOT NULL,
      households INT NOT NULL DEFAULT 0,
      population INT NOT NULL DEFAULT 0,
      floor_area DECIMAL(10,2) NOT NULL DEFAULT 0.00,
      activity_area DECIMAL(10,2) NOT NULL DEFAULT 0.00,
      facilities JSON NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      version INT NOT NULL DEFAULT 1,
      KEY idx_community_street (street_code),
      KEY idx_community_district (district_code),
      CONSTRAINT fk_community_street FOREIGN KEY (street_code) REFERENCES street (code)
    ) ${opts}`);
    await qr.query(`CREATE TABLE community_body (
      id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
      community_code VARCHAR(20) NOT NULL,
      kind VARCHAR(12) NOT NULL,
      name VARCHAR(80) NOT NULL,
      UNIQUE KEY uq_body_community_kind (community_code, kind),
      CONSTRAINT fk_body_community FOREIGN KEY (community_code) REFERENCES community (code)
    ) ${opts}`);
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of ['community_body', 'community', 'street', 'district', 'refresh_token', 'api_client', 'app_user', 'processed_event', 'outbox_event', 'audit_log']) {
      await qr.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
