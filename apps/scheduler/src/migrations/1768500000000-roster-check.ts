import { SqlMigration } from '@cws/persistence';

/**
 * What the last check of a published version found: how many of its shifts from that day on the
 * register contradicts (a leaver, a transfer out, leave or a day asked off recorded since), and when.
 * Null until first checked. The dashboard lists the versions to re-plan from these columns instead of
 * asking the workers service about every centre on each page load.
 */
export class RosterCheck1768500000000 extends SqlMigration {
  name = 'RosterCheck1768500000000';
  protected statements = [
    'ALTER TABLE roster ADD COLUMN conflicts_ahead INT NULL, ADD COLUMN checked_at DATETIME(3) NULL',
  ];
  protected undo = [
    'ALTER TABLE roster DROP COLUMN conflicts_ahead, DROP COLUMN checked_at',
  ];
}
