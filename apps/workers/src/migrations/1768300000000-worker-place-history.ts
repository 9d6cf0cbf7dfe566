import { SqlMigration } from '@cws/persistence';

/**
 * Where a worker was on a past date (docs/workers.md "Transfers"). `worker` keeps the current place and, in
 * `place_since`, the day it began (NULL = since hire); each earlier place is one closed period in
 * `worker_place_history`, written by a transfer. The payroll snapshot of a date reads the place of that
 * date: a worker transferred on 1 December is paid November by the community they served in November.
 * Transfers recorded before this (TRANSFER career events, `{ from, to }`) are replayed into periods.
 */
export class WorkerPlaceHistory1768300000000 extends SqlMigration {
  name = 'WorkerPlaceHistory1768300000000';
  protected statements = [
    'ALTER TABLE worker ADD COLUMN place_since DATE NULL',
    `CREATE TABLE worker_place_history (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      worker_id INT UNSIGNED NOT NULL,
      community_code VARCHAR(20) NOT NULL,
      street_code VARCHAR(20) NOT NULL,
      district_code VARCHAR(20) NOT NULL,
      valid_from DATE NOT NULL,
      valid_to DATE NOT NULL,
      KEY idx_worker_place_worker (worker_id, valid_from),
      KEY idx_worker_place_community (community_code, worker_id),
      KEY idx_worker_place_street (street_code, worker_id),
      KEY idx_worker_place_district (district_code, worker_id),
      CONSTRAINT fk_worker_place_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    // each recorded transfer closes the place it left: from the previous transfer (or the hire) to the day before
    `INSERT INTO worker_place_history (worker_id, community_code, street_code, district_code, valid_from, valid_to)
     SELECT t.worker_id, t.from_code, LEFT(t.from_code, 9), LEFT(t.from_code, 6), t.valid_from, t.event_date - INTERVAL 1 DAY
     FROM (
       SELECT e.worker_id, e.event_date, JSON_UNQUOTE(JSON_EXTRACT(e.data, '$.from')) AS from_code,
              COALESCE(LAG(e.event_date) OVER (PARTITION BY e.worker_id ORDER BY e.event_date, e.id), w.hire_date) AS valid_from
       FROM worker_event e JOIN worker w ON w.id = e.worker_id
       WHERE e.kind = 'TRANSFER' AND JSON_EXTRACT(e.data, '$.from') IS NOT NULL
     ) t
     WHERE t.event_date > t.valid_from`,
    `UPDATE worker w JOIN (SELECT worker_id, MAX(event_date) AS since FROM worker_event WHERE kind = 'TRANSFER' GROUP BY worker_id) t ON t.worker_id = w.id
     SET w.place_since = t.since`,
  ];
  protected undo = ['DROP TABLE worker_place_history', 'ALTER TABLE worker DROP COLUMN place_since'];
}
