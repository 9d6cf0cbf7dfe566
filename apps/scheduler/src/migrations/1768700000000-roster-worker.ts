import { SqlMigration } from '@cws/persistence';

/**
 * The workers with shifts in each version, beside its stored shifts: a worker's 排班 tab, a register change's re-check
 * and a transfer's look-back find the versions of a worker from the index `(worker_id, month)` instead of scanning
 * every version's JSON of the month (on 1,300 published centres, 0.38 s for one worker and 6.3 s for fifteen;
 * docs/benchmarks.md, "Finding a worker's shifts"). Filled from the versions already solved.
 */
export class RosterWorker1768700000000 extends SqlMigration {
  name = 'RosterWorker1768700000000';
  protected statements = [
    `CREATE TABLE roster_worker (roster_id BIGINT NOT NULL, worker_id BIGINT NOT NULL, month CHAR(7) NOT NULL,
      PRIMARY KEY (roster_id, worker_id), KEY ix_roster_worker_month (worker_id, month),
      CONSTRAINT fk_roster_worker_roster FOREIGN KEY (roster_id) REFERENCES roster (id)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    `INSERT INTO roster_worker (roster_id, worker_id, month)
      SELECT DISTINCT r.id, s.worker_id, r.month
        FROM roster r, JSON_TABLE(r.assignments, '$[*]' COLUMNS (worker_id BIGINT PATH '$.workerId')) s
       WHERE r.assignments IS NOT NULL`,
  ];
  protected undo = ['DROP TABLE IF EXISTS roster_worker'];
}
