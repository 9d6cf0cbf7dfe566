import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction, isDeadlock, isLockContention } from './transaction';

/** A data source whose transactions fail with the given errors, in turn, then succeed. */
function failingThen(errors: unknown[]): { ds: DataSource; attempts: () => number; isolations: unknown[] } {
  let n = 0;
  const isolations: unknown[] = [];
  const ds = {
    transaction: async (...args: unknown[]) => {
      const work = args.at(-1) as (m: EntityManager) => Promise<unknown>;
      isolations.push(args.length > 1 ? args[0] : undefined);
      const error = errors[n++];
      if (error) throw error;
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { ds, attempts: () => n, isolations };
}

const deadlock = { code: 'ER_LOCK_DEADLOCK', errno: 1213 };

describe('inTransaction', () => {
  it('runs the work again when InnoDB picked the transaction as a deadlock victim (raw or TypeORM-wrapped)', async () => {
    const { ds, attempts } = failingThen([deadlock, { driverError: deadlock }]);
    await expect(inTransaction(ds, async () => 'done')).resolves.toBe('done');
    expect(attempts()).toBe(3);
  });

  it('does not run again after a lock-wait timeout: it has waited its 50 s already, and goes to the caller', async () => {
    const timeout = { driverError: { code: 'ER_LOCK_WAIT_TIMEOUT', errno: 1205 } };
    const { ds, attempts } = failingThen([timeout]);
    await expect(inTransaction(ds, async () => 'done')).rejects.toBe(timeout);
    expect(attempts()).toBe(1);
  });

  it('gives up after four attempts, with the last error', async () => {
    const { ds, attempts } = failingThen([deadlock, deadlock, deadlock, { ...deadlock, last: true }]);
    await expect(inTransaction(ds, async () => 'done')).rejects.toMatchObject({ last: true });
    expect(attempts()).toBe(4);
  });

  it('runs again on an error `retryIf` names, at the isolation level asked for', async () => {
    const taken = { code: 'ER_DUP_ENTRY', sqlMessage: "Duplicate entry 'x' for key 'uq_version'" };
    const { ds, attempts, isolations } = failingThen([taken]);
    const retryIf = (e: unknown) => (e as { sqlMessage?: string }).sqlMessage?.endsWith("'uq_version'") === true;
    await expect(inTransaction(ds, async () => 'done', { isolation: 'READ COMMITTED', retryIf })).resolves.toBe('done');
    expect(attempts()).toBe(2);
    expect(isolations).toEqual(['READ COMMITTED', 'READ COMMITTED']);
  });

  it('takes as many attempts as it is given', async () => {
    const { ds, attempts } = failingThen(Array(6).fill(deadlock));
    await expect(inTransaction(ds, async () => 'done', { attempts: 7 })).resolves.toBe('done');
    expect(attempts()).toBe(7);
  });

  it('does not retry any other error', async () => {
    const { ds, attempts } = failingThen([{ code: 'ER_DUP_ENTRY' }]);
    await expect(inTransaction(ds, async () => 'done')).rejects.toMatchObject({ code: 'ER_DUP_ENTRY' });
    expect(attempts()).toBe(1);
  });
});

describe('lock errors', () => {
  it('a deadlock is a deadlock and contention; a lock-wait timeout only contention; nothing else either', () => {
    const timeout = { driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } };
    expect([isDeadlock(deadlock), isLockContention(deadlock)]).toEqual([true, true]);
    expect([isDeadlock(timeout), isLockContention(timeout)]).toEqual([false, true]);
    for (const other of [{ code: 'ER_DUP_ENTRY' }, new Error('boom'), undefined]) expect([isDeadlock(other), isLockContention(other)]).toEqual([false, false]);
  });
});
