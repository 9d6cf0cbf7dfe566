import { SqlMigration } from '@cws/persistence';

/**
 * Scheduled payments (docs/payroll.md "Pay day"): finance gives an APPROVED run the value date it sent
 * the bank with the transfer file (`pay_on`), and the pay-day batch marks the run PAID on that date.
 * The index serves the batch's one query: approved runs whose pay day has come.
 */
export class ScheduledPayments1767900000000 extends SqlMigration {
  name = 'ScheduledPayments1767900000000';
  protected statements = [
    `ALTER TABLE payroll_run
      ADD COLUMN pay_on DATE NULL,
      ADD COLUMN pay_scheduled_by VARCHAR(64) NULL,
      ADD COLUMN pay_scheduled_by_name VARCHAR(100) NULL,
      ADD COLUMN pay_scheduled_at DATETIME(3) NULL,
      ADD KEY idx_payroll_run_pay_on (status, pay_on)`,
  ];
  protected undo = ['ALTER TABLE payroll_run DROP KEY idx_payroll_run_pay_on, DROP COLUMN pay_scheduled_at, DROP COLUMN pay_scheduled_by_name, DROP COLUMN pay_scheduled_by, DROP COLUMN pay_on'];
}
