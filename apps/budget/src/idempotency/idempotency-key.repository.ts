/** The only owner of `idempotency_key` SQL. Claims and releases run in their own autocommit, outside the work's transaction. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { one } from '../common/tx';

/** Keys are kept 48 hours (the promise is at least 24). */
const RETENTION_HOURS = 48;
/** A claim older than this belongs to a request that died before committing; it may be taken over. */
const ABANDONED_AFTER_SECONDS = 60;

export interface IdempotencyKeyRow {
  requestHash: string;
  status: 'PENDING' | 'DONE';
  /** the stored response (DONE), as JSON text or parsed by the driver */
  response: unknown;
  /** a PENDING claim older than ABANDONED_AFTER_SECONDS */
  abandoned: boolean;
}

@Injectable()
export class IdempotencyKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims (principal, key); false when a row exists already (the unique key decides who runs). */
  async claim(principalId: string, key: string, route: string, requestHash: string): Promise<boolean> {
    const res = await this.dataSource.query(
      `INSERT IGNORE INTO idempotency_key (principal_id, idem_key, route, request_hash, status, response, created_at, expires_at)
       VALUES (?, ?, ?, ?, 'PENDING', NULL, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3) + INTERVAL ${RETENTION_HOURS} HOUR)`,
      [principalId, key, route.slice(0, 200), requestHash],
    );
    return res.affectedRows === 1;
  }

  async find(principalId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
    const row = await one<{ request_hash: string; status: 'PENDING' | 'DONE'; response: unknown; abandoned: number | string }>(
      this.dataSource.manager,
      `SELECT request_hash, status, response, created_at < UTC_TIMESTAMP(3) - INTERVAL ${ABANDONED_AFTER_SECONDS} SECOND AS abandoned
         FROM idempotency_key WHERE principal_id = ? AND idem_key = ?`,
      [principalId, key],
    );
    return row && { requestHash: row.request_hash, status: row.status, response: row.response, abandoned: Number(row.abandoned) === 1 };
  }

  /** Stores the response in the work's transaction: committed together with the money movement. */
  async storeResponse(m: EntityManager, principalId: string, key: string, response: unknown): Promise<void> {
    await m.query(`UPDATE idempotency_key SET status = 'DONE', response = ? WHERE principal_id = ? AND idem_key = ?`, [JSON.stringify(response), principalId, key]);
  }

  /** Releases a claim whose work failed, so the key may be retried. */
  async release(principalId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE principal_id = ? AND idem_key = ? AND status = 'PENDING'`, [principalId, key]);
  }

  /** Removes an abandoned claim (still PENDING past ABANDONED_AFTER_SECONDS) so it can be taken over. */
  async releaseAbandoned(principalId: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE principal_id = ? AND idem_key = ? AND status = 'PENDING' AND created_at < UTC_TIMESTAMP(3) - INTERVAL ${ABANDONED_AFTER_SECONDS} SECOND`,
      [principalId, key],
    );
  }

  /** Deletes keys past their retention (at most 5 000 a call); returns how many. */
  async deleteExpired(): Promise<number> {
    const res = await this.dataSource.query('DELETE FROM idempotency_key WHERE expires_at < UTC_TIMESTAMP(3) LIMIT 5000');
    return res.affectedRows ?? 0;
  }
}
