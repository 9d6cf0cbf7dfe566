import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dataSourceOptions, migrate } from '@cws/persistence';
import { loadConfig, TokenService, withPlatformEntities } from '@cws/platform';
import { TEST_RUN_KEYS, testPrincipals } from '@cws/testing';
import { DataSource } from 'typeorm';
import { BUDGET_ENTITIES, BUDGET_MIGRATIONS } from '../../apps/budget/src/budget.definition';
import { demoCommunities, seedBudgetService } from '../../apps/budget/src/seed/seed';
import { compileServices, logDir, ServiceProcess, sleep, sqlOn, ThrowawayMariaDb, ThrowawayRedis } from './fault-infra';

const POSTINGS = 1000;
const CLIENTS = 20;
const KILL_AFTER = 300;

/** Posting i's amount: distinct cents, so a doubled or lost posting shows in the sum. */
const amountOf = (i: number) => `${1 + (i % 50)}.${String(i % 100).padStart(2, '0')}`;
const fen = (s: string) => BigInt(s.replace('.', ''));

/**
 * Fault scenario 4 of issue #13: a finance-bureau client books 1,000 expenditures with
 * Idempotency-Keys, 20 at a time, and retries each until it gets an answer; the budget service is
 * killed (SIGKILL) after 300 were booked and started again. Afterwards every posting is booked
 * exactly once, every key replays the first answer, and the ledger reconciles with the allocation.
 */
describe('budget postings survive the budget service killed mid-way (real processes)', () => {
  const redis = new ThrowawayRedis();
  const maria = new ThrowawayMariaDb();
  const logs = logDir();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>), ...TEST_RUN_KEYS, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '1000000',
    BUDGET_DB: `cws_fault_budget_${randomBytes(3).toString('hex')}`, QUEUE_PREFIX: `cwsfault_${randomBytes(3).toString('hex')}`,
  };
  const budget = new ServiceProcess('budget', () => env, logs);
  const sql = (query: string, params: unknown[] = []) => sqlOn(maria, env.BUDGET_DB)(query, params);
  let finance = '';
  let admin = '';

  const post = async (p: string, token: string, key: string, body?: unknown) => {
    const res = await fetch(`${budget.base}${p}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(90_000),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any, replayed: res.headers.get('idempotent-replayed') === 'true' };
  };

  beforeAll(async () => {
    budget.build = compileServices();
    await Promise.all([redis.start(), maria.start()]);
    env.MYSQL_URL = maria.url;
    env.REDIS_URL = redis.url;
    const config = loadConfig('budget', env);
    await migrate(config, withPlatformEntities(BUDGET_ENTITIES), BUDGET_MIGRATIONS);
    const ds = await new DataSource(dataSourceOptions(config, withPlatformEntities(BUDGET_ENTITIES), BUDGET_MIGRATIONS)).initialize();
    await seedBudgetService(ds, demoCommunities());
    await ds.destroy();
    const tokens = new TokenService(config);
    finance = tokens.sign(testPrincipals.finance());
    admin = tokens.sign(testPrincipals.cityAdmin());
    await budget.start();
  }, 300_000);

  afterAll(async () => {
    await budget.stop();
    console.log(`service logs during the fault:\n${budget.logSummary()}`);
    await redis.destroy();
    await maria.destroy();
    if (budget.build) rmSync(budget.build, { recursive: true, force: true });
    rmSync(logs, { recursive: true, force: true });
  });

  it('(4) 1,000 idempotent postings, the service killed after 300: each booked exactly once, the ledger reconciles', async () => {
    const ap = await post('/v1/appropriations', finance, 'f4-ap', {
      fiscalYear: 2026, funder: '330106', stream: 'CO_BUILDING', kind: 'SUPPLEMENTARY', amount: '100000.00', documentNo: '西财预〔2026〕904号', documentDate: '2026-03-01',
    });
    expect(ap.status).toBe(201);
    expect((await post(`/v1/appropriations/${ap.body.id}/enact`, admin, 'f4-enact')).status).toBe(200);
    const al = await post('/v1/allocations', finance, 'f4-al', { appropriationId: ap.body.id, streetCode: '330106001', communityCode: '330106001001', amount: '100000.00' });
    expect(al.status).toBe(201);
    const allocationId: string = al.body.id;
    const body = (i: number) => ({ amount: amountOf(i), category: 'OFFICE', description: '办公用品', source: 'FINANCE_API', sourceRef: `GK-F4-${i}` });

    // The client: each posting is sent until it gets a definite answer (a refused connection, a
    // reset, a 5xx or "still in progress" is retried with the same key and body).
    const first = new Map<number, string>();
    const retries = { network: 0, inProgress: 0, server: 0 };
    let booked = 0;
    let restart: Promise<void> | null = null;
    const book = async (i: number): Promise<string> => {
      for (;;) {
        try {
          const r = await post(`/v1/allocations/${allocationId}/expenditures`, finance, `f4-${i}`, body(i));
          if (r.status === 201) return r.body.id;
          if (r.status === 409 && r.body?.code === 'IDEMPOTENCY_REQUEST_IN_PROGRESS') retries.inProgress++;
          else if (r.status >= 500) retries.server++;
          else throw new Error(`posting ${i}: unexpected ${r.status} ${JSON.stringify(r.body)}`);
        } catch (e) {
          if ((e as Error).message.startsWith(`posting ${i}:`)) throw e;
          retries.network++;
        }
        await sleep(250);
      }
    };
    let next = 0;
    const client = async () => {
      while (next < POSTINGS) {
        const i = next++;
        first.set(i, await book(i));
        if (++booked === KILL_AFTER) {
          restart = (async () => {
            await budget.stop('SIGKILL');
            await sleep(1000);
            await budget.start();
          })();
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await restart;
    expect(first.size).toBe(POSTINGS);

    // Replaying every key answers the first answer, marked as a replay, and books nothing.
    for (let i = 0; i < POSTINGS; i += 50) {
      const again = await Promise.all(Array.from({ length: 50 }, (_, j) => post(`/v1/allocations/${allocationId}/expenditures`, finance, `f4-${i + j}`, body(i + j))));
      again.forEach((r, j) => {
        expect(r).toMatchObject({ status: 201, replayed: true });
        expect(r.body.id).toBe(first.get(i + j));
      });
    }

    const expected = Array.from({ length: POSTINGS }, (_, i) => fen(amountOf(i))).reduce((a, b) => a + b, 0n);
    const postings = await sql(`SELECT source_ref AS ref, COUNT(*) AS n FROM posting WHERE allocation_id = ? AND kind = 'EXPENDITURE' GROUP BY source_ref`, [allocationId]);
    expect(postings).toHaveLength(POSTINGS);
    expect(postings.filter((p) => Number(p.n) !== 1)).toEqual([]);
    expect(new Set(first.values()).size).toBe(POSTINGS);
    const [ledger] = await sql(`SELECT COUNT(*) AS n, SUM(d_spent) AS spent FROM ledger_entry WHERE allocation_id = ? AND entry_type = 'EXPENDITURE'`, [allocationId]);
    expect(Number(ledger.n)).toBe(POSTINGS);
    expect(fen(ledger.spent)).toBe(expected);
    const [alloc] = await sql('SELECT amount, spent, committed FROM allocation WHERE id = ?', [allocationId]);
    expect(fen(alloc.spent)).toBe(expected);
    const [sums] = await sql('SELECT SUM(d_allocated) AS allocated, SUM(d_spent) AS spent, SUM(d_committed) AS committed FROM ledger_entry WHERE allocation_id = ?', [allocationId]);
    expect(sums).toEqual({ allocated: alloc.amount, spent: alloc.spent, committed: alloc.committed });
    // No claim is left hanging.
    expect(Number((await sql(`SELECT COUNT(*) AS n FROM idempotency_key WHERE status = 'PENDING'`))[0].n)).toBe(0);
    console.log(`fault 4: killed after ${KILL_AFTER} booked; client retries ${JSON.stringify(retries)}; ${POSTINGS} postings, spent ${alloc.spent}`);
  }, 600_000);
});
