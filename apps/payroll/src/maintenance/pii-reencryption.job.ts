/**
 * PII key rotation for the payroll schema (docs/security.md): payslips keep whole bank accounts
 * for bank files, encrypted with PII_KEY. While retired keys are configured, start-up enqueues the
 * job once; it moves every value to the current key (the platform's reencryptColumns).
 */
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { PayloadOf } from '@cws/kernel';
import { JobHandler, JobProducer } from '@cws/messaging';
import { PiiCipher } from '@cws/persistence';
import { AuditService, reencryptColumns, SERVICE_CONFIG, type EncryptedColumn, type ServiceConfig } from '@cws/platform';
import { ReencryptPayrollPiiJob } from '@cws/payroll-contracts';
import { DataSource } from 'typeorm';

/** Every encrypted column of the payroll schema; a new one must be listed here to take part in rotation. */
export const PAYROLL_ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [{ table: 'payslip', column: 'bank_account' }];

@Injectable()
export class PayrollPiiReencryption implements OnApplicationBootstrap {
  private readonly logger = new Logger('PayrollPiiReencryption');
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!Object.keys(this.config.piiOldKeys).length) return;
    await this.producer.enqueue(ReencryptPayrollPiiJob, {}, { jobId: 'reencrypt-pii', removeOnComplete: true, removeOnFail: 100 });
  }

  @JobHandler(ReencryptPayrollPiiJob)
  async run(payload: PayloadOf<typeof ReencryptPayrollPiiJob>): Promise<{ reencrypted: number; byColumn: Record<string, number> }> {
    const byColumn = await reencryptColumns(this.dataSource, this.cipher, this.config.piiKeyId, PAYROLL_ENCRYPTED_COLUMNS, payload.batchSize ?? 500);
    const reencrypted = Object.values(byColumn).reduce((a, b) => a + b, 0);
    await this.audit.record(null, { entity: 'pii_key', entityId: this.config.piiKeyId, action: 'REENCRYPT', after: { byColumn } });
    this.logger.log({ msg: 'payslip bank accounts re-encrypted under the current key', keyId: this.config.piiKeyId, reencrypted });
    return { reencrypted, byColumn };
  }
}
