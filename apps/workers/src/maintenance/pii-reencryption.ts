/**
 * PII key rotation (docs/security.md): values under a retired key are decrypted with it and
 * written again under the current key, batch by batch with the rows locked, so a concurrent edit
 * is never overwritten with an older value. When `remaining` reaches 0 everywhere, the old key can
 * be dropped from PII_OLD_KEYS.
 */
import { Controller, Get, HttpCode, Inject, Injectable, Logger, Post, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PayloadOf } from '@cws/kernel';
import { JobHandler, JobProducer } from '@cws/messaging';
import { PiiCipher } from '@cws/persistence';
import { AuditService, Roles, SERVICE_CONFIG, type ServiceConfig } from '@cws/platform';
import { ReencryptPiiJob } from '@cws/workers-contracts';
import { DataSource } from 'typeorm';

/** Every encrypted column of the workers schema. A new one must be listed here to take part in rotation. */
export const ENCRYPTED_COLUMNS: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'worker', column: 'resident_id_enc' },
  { table: 'worker', column: 'bank_account_enc' },
  { table: 'candidate', column: 'resident_id_enc' },
];
const DEFAULT_BATCH = 500;
/** One job per rotation state: a second enqueue while one waits is a no-op. */
const JOB_ID = 'reencrypt-pii';

export interface KeyUsage {
  table: string;
  column: string;
  byKey: Record<string, number>;
  remaining: number;
}

@Injectable()
export class PiiReencryption implements OnApplicationBootstrap {
  private readonly logger = new Logger('PiiReencryption');
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** While retired keys are configured, rotation finishes by itself after a restart. */
  async onApplicationBootstrap(): Promise<void> {
    if (Object.keys(this.config.piiOldKeys).length) await this.enqueue();
  }

  async enqueue(): Promise<{ jobId: string }> {
    const job = await this.producer.enqueue(ReencryptPiiJob, {}, { jobId: JOB_ID, removeOnComplete: true, removeOnFail: 100 });
    return { jobId: job.id ?? JOB_ID };
  }

  /** How many values each key holds, per column; `remaining` = not yet under the current key. */
  async usage(): Promise<{ currentKeyId: string; columns: KeyUsage[] }> {
    const columns: KeyUsage[] = [];
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      const rows: Array<{ keyId: string; n: string }> = await this.dataSource.query(
        `SELECT SUBSTRING_INDEX(${column}, ':', 1) AS keyId, COUNT(*) AS n FROM ${table} WHERE ${column} IS NOT NULL GROUP BY keyId`,
      );
      const byKey = Object.fromEntries(rows.map((r) => [r.keyId, Number(r.n)]));
      const remaining = rows.filter((r) => r.keyId !== this.config.piiKeyId).reduce((s, r) => s + Number(r.n), 0);
      columns.push({ table, column, byKey, remaining });
    }
    return { currentKeyId: this.config.piiKeyId, columns };
  }

  @JobHandler(ReencryptPiiJob)
  async run(payload: PayloadOf<typeof ReencryptPiiJob>): Promise<{ reencrypted: number; byColumn: Record<string, number> }> {
    const batch = payload.batchSize ?? DEFAULT_BATCH;
    const prefix = `${this.config.piiKeyId}:`;
    const byColumn: Record<string, number> = {};
    for (const { table, column } of ENCRYPTED_COLUMNS) {
      let done = 0;
      let after = 0;
      for (;;) {
        const n = await this.dataSource.transaction('READ COMMITTED', async (m) => {
          const rows: Array<{ id: number; v: string }> = await m.query(
            `SELECT id, ${column} AS v FROM ${table} WHERE id > ? AND ${column} IS NOT NULL AND ${column} NOT LIKE ? ORDER BY id LIMIT ? FOR UPDATE`,
            [after, `${prefix}%`, batch],
          );
          for (const r of rows) await m.query(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [this.cipher.encrypt(this.cipher.decrypt(r.v)), r.id]);
          if (rows.length) after = Number(rows[rows.length - 1].id);
          return rows.length;
        });
        done += n;
        if (n < batch) break;
      }
      byColumn[`${table}.${column}`] = done;
    }
    const reencrypted = Object.values(byColumn).reduce((a, b) => a + b, 0);
    await this.audit.record(null, { entity: 'pii_key', entityId: this.config.piiKeyId, action: 'REENCRYPT', after: { byColumn } });
    this.logger.log({ msg: 'personal data re-encrypted under the current key', keyId: this.config.piiKeyId, reencrypted });
    return { reencrypted, byColumn };
  }
}

@ApiTags('maintenance')
@ApiBearerAuth()
@Roles('CITY_ADMIN')
@Controller('v1/maintenance/pii-keys')
export class PiiKeysController {
  constructor(private readonly reencryption: PiiReencryption) {}

  @Get()
  @ApiOkResponse({ description: 'Values per key id and column; drop a retired key once every `remaining` is 0' })
  usage() {
    return this.reencryption.usage();
  }

  @Post('reencryption')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The re-encryption job is queued (once)' })
  reencrypt() {
    return this.reencryption.enqueue();
  }
}
