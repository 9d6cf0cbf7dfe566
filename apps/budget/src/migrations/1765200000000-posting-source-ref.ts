import { SqlMigration } from '@cws/persistence';

/**
 * `GET /v1/ledger?sourceRefPrefix=` lists the ledger entries of the postings whose source reference
 * starts with a prefix (all postings of a payroll run: `payroll-run:<id>:`): an index on the
 * posting's source_ref for the prefix range, and on the ledger's posting_id for the join.
 */
export class PostingSourceRef1765200000000 extends SqlMigration {
  name = 'PostingSourceRef1765200000000';
  protected statements = [
    'ALTER TABLE posting ADD KEY idx_posting_source_ref (source_ref)',
    'ALTER TABLE ledger_entry ADD KEY idx_ledger_posting (posting_id)',
  ];
  protected undo = [
    'ALTER TABLE ledger_entry DROP KEY idx_ledger_posting',
    'ALTER TABLE posting DROP KEY idx_posting_source_ref',
  ];
}
