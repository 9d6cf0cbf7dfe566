import { AuditStreetMigration } from '@cws/platform';

/** Audit rows located by street too: the same in every service, defined once in @cws/platform. */
export class AuditStreet1765000000100 extends AuditStreetMigration {
  name = 'AuditStreet1765000000100';
}
