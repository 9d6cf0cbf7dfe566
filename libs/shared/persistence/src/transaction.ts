import type { DataSource, EntityManager } from 'typeorm';

type IsolationLevel = 'READ UNCOMMITTED' | 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

const driverCode = (e: unknown): string | undefined => {
  const err = e as { code?: string; driverError?: { code?: string } } | null | undefined;
  return err?.driverError?.code ?? err?.code;
};

/** InnoDB picked the transaction as a deadlock victim and rolled it back whole: it may run again at once (raw or TypeORM-wrapped). */
export function isDeadlock(e: unknown): boolean {
  return driverCode(e) === 'ER_LOCK_DEADLOCK';
}

/** A lock could not be had: a deadlock victim, or a lock waited for longer than `innodb_lock_wait_timeout` (50 s by default). */
export function isLockContention(e: unknown): boolean {
  return isDeadlock(e) || driverCode(e) === 'ER_LOCK_WAIT_TIMEOUT';
}

/**
 * Runs `work` in a transaction, again (up to `attempts` in all, 4 unless given, after a short random pause) when
 * it was a deadlock victim (`isDeadlock`) or `retryIf` says so (a unique index a concurrent writer got to first,
 * when `work` re-reads what it numbers from: each round one of the writers commits, so n writers need n attempts). Two writers that each lock a row that is not there yet (`SELECT … FOR UPDATE`
 * takes a gap lock) and then insert it deadlock; the retry sees the other's committed row. `ds.transaction` has
 * rolled the failed attempt back whole; `work` must be safe to run again (what it did outside the transaction stays).
 * A lock-wait timeout is not run again: it has already waited `innodb_lock_wait_timeout`, and three more rounds
 * kept a request waiting about 200 s. It goes to the caller: a 503 `BUSY` over HTTP, the queue's retry for a job.
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
      if (attempt >= (opts.attempts ?? 4) || !(isDeadlock(e) || opts.retryIf?.(e))) throw e;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.floor(Math.random() * 20)));
    }
  }
}
