/**
 * PII key rotation for the payroll schema (docs/security.md): payslips keep whole bank accounts
 * for bank files, encrypted with PII_KEY. While retired keys are configured, start-up enqueues the
 * job once; it moves every value to the current key (the platform's PiiKeyRotation).
 */
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { PayloadOf } from '@cws/kernel';
import { JobHandler, JobProducer } from '@cws/messaging';
import { PiiKeyRotation, type EncryptedColumn } from '@cws/platform';
import { ReencryptPayrollPiiJob } from '@cws/payroll-contracts';

/** Every encrypted column of the payroll schema; a new one must be listed here to take part in rotation. */
export const PAYROLL_ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [{ table: 'payslip', column: 'bank_account' }];

@Injectable()
export class PayrollPiiReencryption implements OnApplicationBootstrap {
  private readonly logger = new Logger('PayrollPiiReencryption');
  constructor(
    private readonly producer: JobProducer,
    private readonly rotation: PiiKeyRotation,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.rotation.pending) return;
    await this.producer.enqueue(ReencryptPayrollPiiJob, {}, { jobId: 'reencrypt-pii', removeOnComplete: true, removeOnFail: 100 });
  }

  @JobHandler(ReencryptPayrollPiiJob)
  run(payload: PayloadOf<typeof ReencryptPayrollPiiJob>): Promise<{ reencrypted: number; byColumn: Record<string, number> }> {
    return this.rotation.run(PAYROLL_ENCRYPTED_COLUMNS, payload.batchSize ?? 500, { logger: this.logger, msg: 'payslip bank accounts re-encrypted under the current key' });
  }
}
