import { AuditAppendOnlyMigration } from '@cws/platform';

/** Audit rows can no longer be changed or deleted, even by the service's own database user (@cws/platform). */
export class AuditAppendOnly1767700000000 extends AuditAppendOnlyMigration {
  name = 'AuditAppendOnly1767700000000';
}
