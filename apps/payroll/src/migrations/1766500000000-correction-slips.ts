import { SqlMigration } from '@cws/persistence';

/**
 * CORRECTION runs hold two slips per worker — the REVERSAL of the corrected slip and its REISSUE —
 * so a slip is keyed by (run, worker, kind); every other run's slips are REGULAR. `corrects_payslip_id`
 * names the slip a pair corrects (the original is never written again).
 */
export class CorrectionSlips1766500000000 extends SqlMigration {
  name = 'CorrectionSlips1766500000000';
  protected statements = [
    `ALTER TABLE payslip ADD COLUMN slip_kind VARCHAR(10) NOT NULL DEFAULT 'REGULAR' AFTER worker_id,
       ADD COLUMN corrects_payslip_id BIGINT NULL AFTER slip_kind,
       ADD UNIQUE KEY uq_payslip_run_worker_kind (run_id, worker_id, slip_kind),
       DROP INDEX uq_payslip_run_worker`,
  ];
  protected undo = [
    `DELETE FROM payslip WHERE slip_kind = 'REVERSAL'`,
    'ALTER TABLE payslip ADD UNIQUE KEY uq_payslip_run_worker (run_id, worker_id), DROP INDEX uq_payslip_run_worker_kind, DROP COLUMN corrects_payslip_id, DROP COLUMN slip_kind',
  ];
}
