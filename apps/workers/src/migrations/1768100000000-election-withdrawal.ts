import { SqlMigration } from '@cws/persistence';

/**
 * An election recorded in error can be withdrawn (docs/workers.md "Elections"): who withdrew it, when and
 * why. Its posts are voided in place (ended the day before they start), so appointment needs no column.
 */
export class ElectionWithdrawal1768100000000 extends SqlMigration {
  name = 'ElectionWithdrawal1768100000000';
  protected statements = [
    `ALTER TABLE election ADD COLUMN withdrawn_at DATETIME(3) NULL, ADD COLUMN withdrawn_by VARCHAR(64) NULL,
       ADD COLUMN withdrawn_by_name VARCHAR(100) NULL, ADD COLUMN withdraw_reason VARCHAR(300) NULL`,
  ];
  protected undo = ['ALTER TABLE election DROP COLUMN withdrawn_at, DROP COLUMN withdrawn_by, DROP COLUMN withdrawn_by_name, DROP COLUMN withdraw_reason'];
}
