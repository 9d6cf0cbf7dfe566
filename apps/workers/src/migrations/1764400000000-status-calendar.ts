import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Status follows the calendar: leave periods with dates (`worker_leave`), and markers on secondments
 * saying whether their start / end has been announced (outbox) — the nightly job announces each once.
 * Existing rows are back-filled as already applied: leave periods from the LEAVE / RETURN career
 * events, secondment starts (announced at creation) and ends of ENDED secondments (announced by
 * the end route).
 */
export class StatusCalendar1764400000000 implements MigrationInterface {
  name = 'StatusCalendar1764400000000';

  async up(qr: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await qr.query(`CREATE TABLE worker_leave (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      worker_id INT UNSIGNED NOT NULL,
      start_date DATE NOT NULL,
      return_date DATE NULL,
      note VARCHAR(300) NULL,
      start_applied TINYINT(1) NOT NULL DEFAULT 0,
      return_applied TINYINT(1) NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL,
      KEY idx_worker_leave_worker (worker_id, start_date),
      KEY idx_worker_leave_due_start (start_applied, start_date),
      KEY idx_worker_leave_due_return (return_applied, return_date),
      CONSTRAINT fk_worker_leave_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ${opts}`);
    await qr.query(`INSERT INTO worker_leave (worker_id, start_date, return_date, note, start_applied, return_applied, created_at)
      SELECT e.worker_id, e.event_date,
             (SELECT MIN(r.event_date) FROM worker_event r
               WHERE r.worker_id = e.worker_id AND r.kind = 'RETURN' AND (r.event_date > e.event_date OR (r.event_date = e.event_date AND r.id > e.id))),
             e.note, 1, 1, e.created_at
        FROM worker_event e WHERE e.kind = 'LEAVE'`);
    await qr.query(`ALTER TABLE secondment ADD COLUMN started_notified_at DATETIME(3) NULL, ADD COLUMN ended_notified_at DATETIME(3) NULL,
      ADD KEY idx_secondment_due_start (started_notified_at, start_date), ADD KEY idx_secondment_due_end (ended_notified_at, end_date)`);
    await qr.query(`UPDATE secondment SET started_notified_at = created_at`);
    await qr.query(`UPDATE secondment SET ended_notified_at = NOW(3) WHERE status = 'ENDED'`);
  }

  async down(qr: QueryRunner): Promise<void> {
    await qr.query(`ALTER TABLE secondment DROP KEY idx_secondment_due_start, DROP KEY idx_secondment_due_end,
      DROP COLUMN started_notified_at, DROP COLUMN ended_notified_at`);
    await qr.query('DROP TABLE worker_leave');
  }
}
