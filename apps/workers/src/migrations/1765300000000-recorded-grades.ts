import type { MigrationInterface, QueryRunner } from 'typeorm';
import { today } from '../common/sql';
import { deriveMissingGrades } from '../grades/grade-backfill';

/**
 * Grades are recorded on the register (worker_grade history) instead of derived at read time. The
 * grade policy is data here too (grade_policy, effective-dated, with its source): entry grade per
 * band × education, each band's grade range, and the progression step — the same demo values as the
 * payroll policy's ENTRY_GRADE / PAY_SCALE_BAND / GRADE_PROGRESSION rows, editable by admins.
 * Every existing worker gets today's derived grade (entry grade + one step per 3 years from the
 * hire date, band of today's primary post), marked `derived = 1` — a placeholder until HR records
 * the real one. No events are published for the backfill.
 */
export class RecordedGrades1765300000000 implements MigrationInterface {
  name = 'RecordedGrades1765300000000';

  async up(qr: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await qr.query(`CREATE TABLE grade_policy (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      kind VARCHAR(20) NOT NULL,
      band VARCHAR(8) NULL,
      education VARCHAR(20) NULL,
      data JSON NOT NULL,
      valid_from DATE NOT NULL,
      valid_to DATE NULL,
      source_ref VARCHAR(200) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_grade_policy_kind (kind, valid_from)
    ) ${opts}`);
    const from = '2000-01-01';
    const source = 'demo: mirrors the payroll policy (三岗十八级, one grade up every 3 years) [reported]';
    const start = { HEAD: 7, DEPUTY: 4, OTHER: 1 } as const;
    const top = { HEAD: 18, DEPUTY: 15, OTHER: 12 } as const;
    const education: Array<[string, number]> = [
      ['JUNIOR_HIGH', 0], ['SENIOR_HIGH', 0], ['VOCATIONAL', 0], ['JUNIOR_COLLEGE', 1], ['BACHELOR', 2], ['MASTER', 3], ['DOCTORATE', 4],
    ];
    const rows: Array<[string, string | null, string | null, string]> = [['GRADE_PROGRESSION', null, null, JSON.stringify({ yearsPerStep: 3 })]];
    for (const band of ['HEAD', 'DEPUTY', 'OTHER'] as const) {
      rows.push(['BAND_RANGE', band, null, JSON.stringify({ minGrade: start[band], maxGrade: top[band] })]);
      for (const [ed, step] of education) rows.push(['ENTRY_GRADE', band, ed, JSON.stringify({ baseGrade: start[band] + step })]);
    }
    await qr.query(
      `INSERT INTO grade_policy (kind, band, education, data, valid_from, valid_to, source_ref, created_at) VALUES ${rows.map(() => '(?,?,?,?,?,NULL,?,NOW(3))').join(',')}`,
      rows.flatMap((r) => [...r, from, source]),
    );
    await qr.query('ALTER TABLE worker ADD COLUMN prior_service_months INT NOT NULL DEFAULT 0');
    await qr.query(`CREATE TABLE worker_grade (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      worker_id INT UNSIGNED NOT NULL,
      grade TINYINT UNSIGNED NOT NULL,
      band VARCHAR(8) NOT NULL,
      valid_from DATE NOT NULL,
      anchor_date DATE NOT NULL,
      cause VARCHAR(20) NOT NULL,
      derived TINYINT(1) NOT NULL DEFAULT 0,
      event_id INT UNSIGNED NULL,
      policy_refs JSON NULL,
      note VARCHAR(300) NULL,
      created_at DATETIME(3) NOT NULL,
      KEY idx_worker_grade_worker (worker_id, valid_from, id),
      CONSTRAINT fk_worker_grade_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ${opts}`);
    await deriveMissingGrades(qr.manager, today());
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query('DROP TABLE worker_grade');
    await qr.query('ALTER TABLE worker DROP COLUMN prior_service_months');
    await qr.query('DROP TABLE grade_policy');
  }
}
