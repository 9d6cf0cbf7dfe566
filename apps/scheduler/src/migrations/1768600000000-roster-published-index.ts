import { SqlMigration } from '@cws/persistence';

/**
 * The versions of a month published after a time: a check of the month after reads them (its own centre's, and the
 * centres a transfer brought workers from) on every check of every published version, so the range is read from an
 * index instead of from each of the month's rows.
 */
export class RosterPublishedIndex1768600000000 extends SqlMigration {
  name = 'RosterPublishedIndex1768600000000';
  protected statements = ['ALTER TABLE roster ADD KEY ix_roster_month_published (month, status, published_at)'];
  protected undo = ['ALTER TABLE roster DROP KEY ix_roster_month_published'];
}
