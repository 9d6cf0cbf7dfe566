import { SqlMigration } from '@cws/persistence';

/**
 * A transfer dated after the day it is recorded (docs/workers.md "Transfers"): at most one per worker, moved
 * onto `worker` by the nightly status calendar on its date. Until then the register and scope keep the
 * current place, while reads of a day on or after the date (roster availability, the payroll snapshot) find
 * the worker in the new community. The place columns are indexed as `worker`'s are, for those reads.
 */
export class WorkerPlannedTransfer1768400000000 extends SqlMigration {
  name = 'WorkerPlannedTransfer1768400000000';
  protected statements = [
    `CREATE TABLE worker_planned_transfer (
      worker_id INT UNSIGNED NOT NULL PRIMARY KEY,
      community_code VARCHAR(20) NOT NULL,
      street_code VARCHAR(20) NOT NULL,
      district_code VARCHAR(20) NOT NULL,
      transfer_date DATE NOT NULL,
      planned_by VARCHAR(100) NOT NULL,
      planned_at DATETIME(3) NOT NULL,
      KEY idx_planned_transfer_date (transfer_date),
      KEY idx_planned_transfer_community (community_code, worker_id),
      KEY idx_planned_transfer_street (street_code, worker_id),
      KEY idx_planned_transfer_district (district_code, worker_id),
      CONSTRAINT fk_planned_transfer_worker FOREIGN KEY (worker_id) REFERENCES worker (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
  ];
  protected undo = ['DROP TABLE worker_planned_transfer'];
}
