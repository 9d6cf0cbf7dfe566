/**
 * PII key rotation for any service's schema: values still under a retired key (PII_OLD_KEYS) are
 * decrypted and written again under the current key, in batches with the rows locked, so a
 * concurrent edit is never overwritten with an older value. Each service lists its encrypted
 * columns and runs this from its own job (docs/security.md "PII key rotation").
 */
import { Inject, Injectable, type Logger } from '@nestjs/common';
import { PiiCipher } from '@cws/persistence';
import { DataSource } from 'typeorm';
import { AuditService } from './audit';
import { SERVICE_CONFIG, type ServiceConfig } from './config';

export interface EncryptedColumn {
  table: string;
  /** Stored as "<keyId>:<iv>:<tag>:<data>" (PiiCipher); the table needs a numeric primary key `id`. */
  column: string;
}

export interface KeyUsage extends EncryptedColumn {
  byKey: Record<string, number>;
  /** Values not yet under the current key. */
  remaining: number;
}

/** Re-encrypts every value not under `currentKeyId`; returns how many per "table.column". Idempotent. */
export async function reencryptColumns(
  ds: DataSource, cipher: PiiCipher, currentKeyId: string, columns: readonly EncryptedColumn[], batchSize = 500,
): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const { table, column } of columns) {
    let count = 0;
    let after = 0;
    for (;;) {
      const n = await ds.transaction('READ COMMITTED', async (m) => {
        const rows: Array<{ id: number | string; v: string }> = await m.query(
          `SELECT id, ${column} AS v FROM ${table} WHERE id > ? AND ${column} IS NOT NULL AND ${column} NOT LIKE ? ORDER BY id LIMIT ? FOR UPDATE`,
          [after, `${currentKeyId}:%`, batchSize],
        );
        for (const r of rows) await m.query(`UPDATE ${table} SET ${column} = ? WHERE id = ?`, [cipher.encrypt(cipher.decrypt(r.v)), r.id]);
        if (rows.length) after = Number(rows[rows.length - 1].id);
        return rows.length;
      });
      count += n;
      if (n < batchSize) break;
    }
    done[`${table}.${column}`] = count;
  }
  return done;
}

/** How many values each key id holds, per column. */
export async function piiKeyUsage(ds: DataSource, currentKeyId: string, columns: readonly EncryptedColumn[]): Promise<KeyUsage[]> {
  const out: KeyUsage[] = [];
  for (const { table, column } of columns) {
    const rows: Array<{ keyId: string; n: string }> = await ds.query(
      `SELECT SUBSTRING_INDEX(${column}, ':', 1) AS keyId, COUNT(*) AS n FROM ${table} WHERE ${column} IS NOT NULL GROUP BY keyId`,
    );
    const byKey = Object.fromEntries(rows.map((r) => [r.keyId, Number(r.n)]));
    const remaining = rows.filter((r) => r.keyId !== currentKeyId).reduce((s, r) => s + Number(r.n), 0);
    out.push({ table, column, byKey, remaining });
  }
  return out;
}

/**
 * The rotation pass every service's own job runs over its column list: re-encrypt, one audit row
 * (`pii_key` REENCRYPT), one log line. The job (its queue, its boot-time enqueue) stays the service's.
 */
@Injectable()
export class PiiKeyRotation {
  constructor(
    private readonly audit: AuditService,
    private readonly cipher: PiiCipher,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /** Retired keys are configured: values may still be under one, so the service enqueues its job at start-up. */
  get pending(): boolean {
    return Object.keys(this.config.piiOldKeys).length > 0;
  }

  async run(
    columns: readonly EncryptedColumn[], batchSize: number, log: { logger: Logger; msg: string },
  ): Promise<{ reencrypted: number; byColumn: Record<string, number> }> {
    const keyId = this.config.piiKeyId;
    const byColumn = await reencryptColumns(this.dataSource, this.cipher, keyId, columns, batchSize);
    const reencrypted = Object.values(byColumn).reduce((a, b) => a + b, 0);
    await this.audit.record(null, { entity: 'pii_key', entityId: keyId, action: 'REENCRYPT', after: { byColumn } });
    log.logger.log({ msg: log.msg, keyId, reencrypted });
    return { reencrypted, byColumn };
  }

  /** How many values each key holds, per column; `remaining` = not yet under the current key. */
  async usage(columns: readonly EncryptedColumn[]): Promise<{ currentKeyId: string; columns: KeyUsage[] }> {
    return { currentKeyId: this.config.piiKeyId, columns: await piiKeyUsage(this.dataSource, this.config.piiKeyId, columns) };
  }
}
