/**
 * PII key rotation for the payroll schema (docs/security.md): payslips keep whole bank accounts
 * for bank files, encrypted with PII_KEY. While retired keys are configured, start-up enqueues the
 * job once; it moves every value to the current key (`PiiReencryptionJob`, shared with workers).
 */
import { Injectable } from '@nestjs/common';
import { PiiReencryptionJob } from '@cws/messaging';
import type { EncryptedColumn } from '@cws/platform';
import { ReencryptPayrollPiiJob } from '@cws/payroll-contracts';

/** Every encrypted column of the payroll schema; a new one must be listed here to take part in rotation. */
export const PAYROLL_ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [{ table: 'payslip', column: 'bank_account' }];

@Injectable()
export class PayrollPiiReencryption extends PiiReencryptionJob(ReencryptPayrollPiiJob, PAYROLL_ENCRYPTED_COLUMNS, 'payslip bank accounts re-encrypted under the current key') {}
