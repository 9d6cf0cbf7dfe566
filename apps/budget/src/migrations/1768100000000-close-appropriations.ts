import { SqlMigration } from '@cws/persistence';

/**
 * The daily close reconciles appropriations too (docs/budget.md "Closing the books"): how many it checked.
 * Null on the closes written before, which reconciled allocations only.
 */
export class CloseAppropriations1768100000000 extends SqlMigration {
  name = 'CloseAppropriations1768100000000';
  protected statements = ['ALTER TABLE ledger_close ADD COLUMN appropriations_checked INT NULL AFTER allocations_checked'];
  protected undo = ['ALTER TABLE ledger_close DROP COLUMN appropriations_checked'];
}
