import { SqlMigration } from '@cws/persistence';

/**
 * Covering indexes for the register's pages (issue #13, "Load"; `worker-read.repository.ts`): each
 * row of a page looks up its grade and band in force and its primary post, and with these the
 * lookups read the index alone instead of the table's rows (measured on the 100,000-worker city:
 * a list page 0.49 → 0.38 ms of MariaDB, a name search page 1.3–1.7 → 0.9–1.0 ms; docs/benchmarks.md).
 * `idx_worker_grade_worker` keeps its name and leading columns, so every query that used it still can.
 */
export class RegisterCoveringIndexes1767000000000 extends SqlMigration {
  name = 'RegisterCoveringIndexes1767000000000';
  protected statements = [
    'ALTER TABLE worker_grade DROP INDEX idx_worker_grade_worker, ADD INDEX idx_worker_grade_worker (worker_id, valid_from, id, grade, band)',
    'ALTER TABLE appointment ADD INDEX idx_appointment_primary_post (worker_id, is_primary, start_date, end_date, band)',
  ];
  protected undo = [
    'ALTER TABLE appointment DROP INDEX idx_appointment_primary_post',
    'ALTER TABLE worker_grade DROP INDEX idx_worker_grade_worker, ADD INDEX idx_worker_grade_worker (worker_id, valid_from, id)',
  ];
}
