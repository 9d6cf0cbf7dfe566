import { ServiceBaseTablesMigration } from '@cws/messaging';

/** Audit log, outbox and inbox: the same in every service, defined once in @cws/messaging. */
export class BaseTables1764150000000 extends ServiceBaseTablesMigration {
  name = 'BaseTables1764150000000';
}
