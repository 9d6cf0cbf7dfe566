import { SqlMigration } from '@cws/persistence';

/**
 * Closing the books (docs/budget.md "Closing the books"): one row per city day once it is over — the
 * day's movements, the ledger's totals at its end and the reconciliation of the allocations' running
 * columns against the ledger. `day` is the key, so two processes closing at once write one row. The
 * ledger gets an index on `created_at` for the day's range.
 */
export class LedgerCloses1768000000000 extends SqlMigration {
  name = 'LedgerCloses1768000000000';
  protected statements = [
    `CREATE TABLE ledger_close (
      day DATE NOT NULL,
      entries INT NOT NULL,
      last_entry_id BIGINT NULL,
      d_appropriated DECIMAL(17,2) NOT NULL,
      d_allocated DECIMAL(17,2) NOT NULL,
      d_committed DECIMAL(17,2) NOT NULL,
      d_spent DECIMAL(17,2) NOT NULL,
      appropriated DECIMAL(17,2) NOT NULL,
      allocated DECIMAL(17,2) NOT NULL,
      committed DECIMAL(17,2) NOT NULL,
      spent DECIMAL(17,2) NOT NULL,
      allocations_checked INT NOT NULL,
      status VARCHAR(12) NOT NULL,
      discrepancies JSON NOT NULL,
      closed_at DATETIME(3) NOT NULL,
      closed_by VARCHAR(64) NOT NULL,
      PRIMARY KEY (day)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
    'ALTER TABLE ledger_entry ADD KEY idx_ledger_created (created_at)',
  ];
  protected undo = ['ALTER TABLE ledger_entry DROP KEY idx_ledger_created', 'DROP TABLE ledger_close'];
}
