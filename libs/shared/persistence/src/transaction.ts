import type { DataSource, EntityManager } from 'typeorm';

type IsolationLevel = 'READ UNCOMMITTED' | 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/** InnoDB's "try restarting transaction" answers: a deadlock victim, or a lock waited for too long. */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/** True when a statement failed for a lock (deadlock victim, lock-wait timeout): the whole transaction may run again. */
export function isRetryableLockError(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } } | null | undefined;
  const code = err?.driverError?.code ?? err?.code;
  return code !== undefined && RETRYABLE.has(code);
}

/**
 * Runs `work` in a transaction, again (up to `attempts` in all, 4 unless given, after a short random pause) when
 * a lock failed it (`isRetryableLockError`) or `retryIf` says so (a unique index a concurrent writer got to first,
 * when `work` re-reads what it numbers from: each round one of the writers commits, so n writers need n attempts). Two writers that each lock a row that is not there yet (`SELECT … FOR UPDATE`
 * takes a gap lock) and then insert it deadlock; the retry sees the other's committed row. `ds.transaction` has
 * rolled the failed attempt back whole; `work` must be safe to run again (what it did outside the transaction stays).
 */
export async function inTransaction<T>(
  ds: DataSource,
  work: (m: EntityManager) => Promise<T>,
  opts: { isolation?: IsolationLevel; retryIf?: (e: unknown) => boolean; attempts?: number } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (opts.isolation ? ds.transaction(opts.isolation, work) : ds.transaction(work));
    } catch (e) {
      if (attempt >= (opts.attempts ?? 4) || !(isRetryableLockError(e) || opts.retryIf?.(e))) throw e;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.floor(Math.random() * 20)));
    }
  }
}
