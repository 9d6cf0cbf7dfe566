import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ElectionRepository } from '../elections/election.repository';

/**
 * Elections of the party organisation (公推直选) and the residents' committee (直接选举 and its
 * representative forms): `election` (date, method, term, turnout), `election_result` (who was
 * elected to which role, with their votes, and the appointment it made), and the election and term
 * end on each elected appointment. Existing posts obtained by ELECTION are grouped by body and start
 * date into back-filled election rows (`backfilled = 1`, method and votes unknown), so the 一肩挑
 * rate, which reads elections, covers them.
 */
export class Elections1765310000000 implements MigrationInterface {
  name = 'Elections1765310000000';

  async up(qr: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await qr.query(`CREATE TABLE election (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      body_id INT NOT NULL,
      body_kind VARCHAR(12) NOT NULL,
      community_code VARCHAR(20) NOT NULL,
      street_code VARCHAR(20) NOT NULL,
      district_code VARCHAR(20) NOT NULL,
      kind VARCHAR(12) NOT NULL,
      method VARCHAR(30) NULL,
      election_date DATE NOT NULL,
      term_years TINYINT UNSIGNED NOT NULL,
      term_start DATE NOT NULL,
      term_end DATE NOT NULL,
      eligible_voters INT UNSIGNED NULL,
      votes_cast INT UNSIGNED NULL,
      regular_election_id INT UNSIGNED NULL,
      backfilled TINYINT(1) NOT NULL DEFAULT 0,
      note VARCHAR(300) NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_election_body (body_id, term_start),
      KEY idx_election_community (community_code, election_date),
      KEY idx_election_street (street_code, election_date),
      KEY idx_election_district (district_code, election_date),
      CONSTRAINT fk_election_body FOREIGN KEY (body_id) REFERENCES community_body (id)
    ) ${opts}`);
    await qr.query(`CREATE TABLE election_result (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      election_id INT UNSIGNED NOT NULL,
      worker_id INT UNSIGNED NOT NULL,
      role VARCHAR(24) NOT NULL,
      votes INT UNSIGNED NULL,
      appointment_id INT UNSIGNED NULL,
      UNIQUE KEY uq_election_result (election_id, worker_id, role),
      KEY idx_election_result_worker (worker_id),
      CONSTRAINT fk_election_result_election FOREIGN KEY (election_id) REFERENCES election (id),
      CONSTRAINT fk_election_result_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ${opts}`);
    await qr.query(`ALTER TABLE appointment ADD COLUMN election_id INT UNSIGNED NULL, ADD COLUMN term_end DATE NULL,
      ADD KEY idx_appointment_election (election_id)`);
    await ElectionRepository.backfill(qr.manager);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('ALTER TABLE appointment DROP KEY idx_appointment_election, DROP COLUMN election_id, DROP COLUMN term_end');
    await qr.query('DROP TABLE election_result');
    await qr.query('DROP TABLE election');
  }
}
