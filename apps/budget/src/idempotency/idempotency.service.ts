/**
 * Idempotency keys for every money-moving POST. The key is claimed first with an INSERT IGNORE in
 * its own autocommit (the unique (principal, key) decides who runs); the winner runs the work and
 * stores the response in the same transaction as the money movement, so a committed posting always
 * has its stored response. Concurrent replays wait for that commit and return the stored response.
 * A failed request releases its claim, so the caller may retry with the same key. A replayed
 * response carries `Idempotent-Replayed: true`.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, type Principal } from '@cws/kernel';
import { markIdempotentReplay } from '@cws/platform';
import { inTransaction } from '@cws/persistence';
import { fingerprint } from './fingerprint';
import { IdempotencyKeyRepository } from './idempotency-key.repository';

const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{1,100}$/;
const WAIT_LIMIT_MS = 30_000;

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyKeyRepository,
  ) {}

  /** Deletes keys past their retention (hourly, by the job in idempotency-prune.job.ts). */
  prune(): Promise<number> {
    return this.keys.deleteExpired();
  }

  /**
   * Runs `work` once per (principal, key). `route` and `body` fingerprint the request: the same key
   * with another route or body answers 422 IDEMPOTENCY_KEY_REUSED.
   */
  async execute<T>(principal: Principal, key: string | undefined, route: string, body: unknown, work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (key === undefined || key === '') {
      throw new DomainError('VALIDATION', 'IDEMPOTENCY_KEY_REQUIRED', 'This request moves money: send an Idempotency-Key header', [
        { path: 'header:Idempotency-Key', issue: 'is required' },
      ]);
    }
    if (!KEY_PATTERN.test(key)) {
      throw new DomainError('VALIDATION', 'INVALID_IDEMPOTENCY_KEY', 'The Idempotency-Key must be 1–100 of A–Z a–z 0–9 _ - : .', [
        { path: 'header:Idempotency-Key', issue: 'must match [A-Za-z0-9_\\-:.]{1,100}' },
      ]);
    }
    const hash = fingerprint(route, body);
    const started = Date.now();
    for (;;) {
      if (await this.keys.claim(principal.id, key, route, hash)) return this.runClaimed(principal, key, work);

      const row = await this.keys.find(principal.id, key);
      if (!row) continue; // the first request failed and released the key: claim it again
      if (row.requestHash !== hash) {
        throw new DomainError('UNPROCESSABLE', 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request', [
          { path: 'header:Idempotency-Key', issue: 'was already used with another body or route' },
        ]);
      }
      if (row.status === 'DONE') {
        markIdempotentReplay();
        return (typeof row.response === 'string' ? JSON.parse(row.response) : row.response) as T;
      }
      if (row.abandoned) {
        await this.keys.releaseAbandoned(principal.id, key);
        continue;
      }
      if (Date.now() - started > WAIT_LIMIT_MS) {
        throw new DomainError('CONFLICT', 'IDEMPOTENCY_REQUEST_IN_PROGRESS', 'A request with this Idempotency-Key is still being processed; retry shortly');
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async runClaimed<T>(principal: Principal, key: string, work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.dataSource, async (m) => {
        const result = await work(m);
        await this.keys.storeResponse(m, principal.id, key, result);
        return result;
      });
    } catch (e) {
      await this.keys.release(principal.id, key);
      throw e;
    }
  }
}
