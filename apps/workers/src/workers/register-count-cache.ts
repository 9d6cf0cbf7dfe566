/**
 * The register's first-page count, cached in Redis while the register generation (register-generation.ts)
 * stays what it was when the count was made: the COUNT(*) was most of the first page's MariaDB time
 * under load (docs/benchmarks.md "Third round: the register's read path"). Keyed by the count
 * statement's text and parameters, which hold the caller's scope and every filter that reaches it.
 * Redis down or failing → no cache: the page counts as it did without one.
 */
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { stableJson } from '@cws/kernel';
import { RegisterGeneration } from './register-generation';

/** How long a count is kept: also the bound on a stale count if a process dies between a commit and its bump. */
const REGISTER_COUNT_TTL_SECONDS = 60;

/** A lookup's answer: the valid cached count, or a `store` for the count the page makes now. */
export interface RegisterCountLookup {
  count?: number;
  store(count: number): void;
}

const NOTHING_TO_STORE = (): void => undefined;

@Injectable()
export class RegisterCountCache {
  constructor(private readonly generation: RegisterGeneration) {}

  /**
   * One round trip before the SQL: the generation and the cached entry. A count stored under the
   * generation read before its SQL ran is valid while the generation is unchanged: a write committed
   * before that read is in the count, and one committed after it bumps the generation after its commit.
   */
  async lookup(countSql: string, countParams: readonly unknown[]): Promise<RegisterCountLookup> {
    const { redis } = this.generation;
    const key = `${this.generation.keyPrefix}count:${createHash('sha256').update(`${countSql}\n${stableJson(countParams)}`).digest('base64url')}`;
    try {
      const [current, entry] = await redis.mget(this.generation.key, key);
      if (current !== null && entry !== null) {
        const cached = JSON.parse(entry) as { generation: string; count: number };
        if (cached.generation === current) return { count: cached.count, store: NOTHING_TO_STORE };
      }
      const generation = current ?? (await this.generation.start());
      if (generation === null) return { store: NOTHING_TO_STORE };
      return {
        store: (count) => void redis.set(key, JSON.stringify({ generation, count }), 'EX', REGISTER_COUNT_TTL_SECONDS).catch(NOTHING_TO_STORE),
      };
    } catch {
      return { store: NOTHING_TO_STORE };
    }
  }
}
