import { SqlMigration } from '@cws/persistence';

/**
 * One row per roster month, locked FOR UPDATE by whoever starts a generation of it (like payroll's
 * `payroll_period`): generations of one month are serialised, so a second one sees the first and the
 * versions they number cannot collide.
 */
export class RosterMonth1767500000000 extends SqlMigration {
  name = 'RosterMonth1767500000000';
  // the key is all a lock row needs
  protected statements = [
    'CREATE TABLE roster_month (month CHAR(7) NOT NULL PRIMARY KEY) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  ];
  protected undo = [
    'DROP TABLE IF EXISTS roster_month',
  ];
}
