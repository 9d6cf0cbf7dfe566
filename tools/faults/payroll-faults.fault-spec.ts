import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dataSourceOptions, migrate, PiiCipher } from '@cws/persistence';
import { loadConfig, TokenService, withPlatformEntities } from '@cws/platform';
import { TEST_RUN_KEYS, testPrincipals } from '@cws/testing';
import { DataSource } from 'typeorm';
import { PAYROLL_ENTITIES, PAYROLL_MIGRATIONS } from '../../apps/payroll/src/payroll.definition';
import { seedPayrollService } from '../../apps/payroll/src/seed/seed';
import { seedWorkersService } from '../../apps/workers/src/seed/seed';
import { demoResidentId } from '../../apps/workers/src/seed/seed-workers';
import { WORKERS_ENTITIES, WORKERS_MIGRATIONS } from '../../apps/workers/src/workers.definition';
import { compileServices, logDir, ServiceProcess, sleep, sqlOn, ThrowawayMariaDb, ThrowawayRedis, waitFor } from './fault-infra';

const WORKERS = Number(process.env.FAULT_WORKERS ?? 3000);

interface RunBody {
  id: string;
  progress: { done: number; total: number; failed: number };
  totals: Record<string, string>;
  computation: { state: string; generation: number; error: string | null };
}

/**
 * Fault scenarios 1, 2, 3 and 5 of issue #13 (and 6: reads and writes during a run) against real processes: the workers and payroll services
 * run as compiled child processes on a Redis and a MariaDB started by this file (so restarting
 * them disturbs nobody else). Each run that was disturbed must end with exactly one payslip per
 * worker and the totals of the same run recomputed without disturbance.
 */
describe('payroll runs survive Redis and MariaDB restarts and a workers outage (real processes)', () => {
  const redis = new ThrowawayRedis();
  const maria = new ThrowawayMariaDb();
  let build = '';
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>), ...TEST_RUN_KEYS, LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '1000000',
    WORKERS_DB: `cws_fault_workers_${randomBytes(3).toString('hex')}`, PAYROLL_DB: `cws_fault_payroll_${randomBytes(3).toString('hex')}`,
    QUEUE_PREFIX: `cwsfault_${randomBytes(3).toString('hex')}`,
    // No scheduler in these scenarios: a closed port answers at once (the run then pays no roster hours).
    SCHEDULER_URL: 'http://127.0.0.1:9', BUDGET_URL: 'http://127.0.0.1:9',
  };
  const logs = logDir();
  const workers = new ServiceProcess('workers', () => env, logs);
  const payroll = new ServiceProcess('payroll', () => env, logs);
  let token = '';

  const api = async (method: string, p: string, body?: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${payroll.base}${p}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
  const run = async (id: string): Promise<RunBody> => {
    const r = await api('GET', `/v1/runs/${id}`);
    if (r.status !== 200) throw new Error(`GET run answered ${r.status}`);
    return r.body;
  };
  const sql = (query: string, params: unknown[] = []) => sqlOn(maria, env.PAYROLL_DB)(query, params);
  const slips = (runId: string) => sql('SELECT worker_id AS w, gross, tax, net FROM payslip WHERE run_id = ? ORDER BY worker_id', [runId]);

  const untilDone = (id: string, generation?: number) =>
    waitFor(`run ${id} to be computed`, async () => {
      const r = await run(id);
      return r.computation.state === 'DONE' && (generation === undefined || r.computation.generation === generation) ? r : undefined;
    }, 300_000, 200);

  /** Starts a run, waits until it is part-way, disturbs it, and checks the outcome against an undisturbed recomputation. */
  async function disturbedRun(period: string, disturb: () => Promise<void>): Promise<{ atFault: RunBody['progress']; done: RunBody; outcome: string }> {
    const created = await api('POST', '/v1/runs', { period, type: 'REGULAR' });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const atFault = await waitFor('the run to be part-way', async () => {
      const p = (await run(id)).progress;
      return p.done > 0 && p.done < p.total ? p : undefined;
    }, 120_000, 5);
    const faultAt = Date.now();
    await disturb();
    const done = await untilDone(id);
    const doneAt = Date.now();
    expect(done.progress).toEqual({ done: atFault.total, total: atFault.total, failed: 0 });
    const [agg] = await sql('SELECT COUNT(*) AS n, COUNT(DISTINCT worker_id) AS workers, SUM(net) AS net, SUM(gross) AS gross FROM payslip WHERE run_id = ?', [id]);
    expect(Number(agg.n)).toBe(atFault.total);
    expect(Number(agg.workers)).toBe(atFault.total);
    expect(agg.net).toBe(done.totals.net);
    expect(agg.gross).toBe(done.totals.gross);

    // The same run recomputed with nothing disturbed: the same slips, the same totals.
    const disturbed = await slips(id);
    expect((await api('POST', `/v1/runs/${id}/recalculate`)).status).toBe(200);
    const again = await untilDone(id, done.computation.generation + 1);
    expect(again.totals).toEqual(done.totals);
    expect(await slips(id)).toEqual(disturbed);
    const outcome = `${agg.n} slips for ${agg.workers} workers, gross ${done.totals.gross}, net ${done.totals.net} (= the undisturbed recomputation), done ${Math.round((doneAt - faultAt) / 1000)} s after the fault`;
    return { atFault, done, outcome };
  }

  beforeAll(async () => {
    build = compileServices();
    await Promise.all([redis.start(), maria.start()]);
    env.MYSQL_URL = maria.url;
    env.REDIS_URL = redis.url;
    const wc = loadConfig('workers', env);
    await migrate(wc, withPlatformEntities(WORKERS_ENTITIES), WORKERS_MIGRATIONS);
    const wds = await new DataSource(dataSourceOptions(wc, withPlatformEntities(WORKERS_ENTITIES), WORKERS_MIGRATIONS)).initialize();
    await seedWorkersService(wds, new PiiCipher(wc.piiKeyId, wc.piiKey, wc.piiHashKey, wc.piiOldKeys), { password: 'Test@2026', workers: WORKERS });
    await wds.destroy();
    const pc = loadConfig('payroll', env);
    await migrate(pc, withPlatformEntities(PAYROLL_ENTITIES), PAYROLL_MIGRATIONS);
    const pds = await new DataSource(dataSourceOptions(pc, withPlatformEntities(PAYROLL_ENTITIES), PAYROLL_MIGRATIONS)).initialize();
    await seedPayrollService(pds);
    await pds.destroy();
    token = new TokenService(pc).sign(testPrincipals.cityAdmin());
    workers.build = payroll.build = build;
    await workers.start();
    env.WORKERS_URL = workers.origin;
    await payroll.start();
  }, 300_000);

  afterAll(async () => {
    await payroll.stop();
    await workers.stop();
    console.log(`service logs during the faults:\n${payroll.logSummary()}\n${workers.logSummary()}`);
    await redis.destroy();
    await maria.destroy();
    if (build) rmSync(build, { recursive: true, force: true });
    rmSync(logs, { recursive: true, force: true });
  });

  it('(1) the payroll process (its BullMQ workers) SIGKILLed in the middle of a run and started again: one slip per worker, undisturbed totals', async () => {
    const { atFault, outcome } = await disturbedRun('2026-07', async () => {
      await payroll.stop('SIGKILL');
      await payroll.start();
    });
    console.log(`fault 1: payroll process SIGKILLed with ${atFault.done}/${atFault.total} slips done; ${outcome}`);
  }, 600_000);

  it('(2) Redis restarted (AOF on) in the middle of a run: one slip per worker, undisturbed totals', async () => {
    const { atFault, outcome } = await disturbedRun('2026-11', async () => {
      await redis.stop('SIGTERM');
      await sleep(1000);
      await redis.start();
    });
    console.log(`fault 2: Redis restarted with ${atFault.done}/${atFault.total} slips done; ${outcome}`);
  }, 600_000);

  it('(3) MariaDB crashed (SIGKILL) and restarted in the middle of a run: one slip per worker, undisturbed totals', async () => {
    const { atFault, outcome } = await disturbedRun('2026-10', async () => {
      await maria.stop('SIGKILL');
      await sleep(1000);
      await maria.start();
    });
    console.log(`fault 3: MariaDB killed with ${atFault.done}/${atFault.total} slips done; ${outcome}`);
  }, 600_000);

  it('(5) workers service killed while payroll takes its snapshot: the run fails cleanly with a retryable error, writes nothing, and succeeds on retry', async () => {
    const created = await api('POST', '/v1/runs', { period: '2026-09', type: 'REGULAR' });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    // Kill the workers process as soon as the freeze has started pulling the snapshot.
    await waitFor('the freeze to start', async () => ((await sql('SELECT compute_state AS s FROM payroll_run WHERE id = ?', [id]))[0]?.s === 'COMPUTING' ? true : undefined), 60_000, 5);
    await workers.stop('SIGKILL');
    const failed = await waitFor('the run to report the outage', async () => {
      const r = await run(id);
      return r.computation.state === 'FAILED' ? r : undefined;
    }, 120_000, 50);
    expect(failed.computation.error).toMatch(/workers|unavailable|fetch failed|ECONNREFUSED/i);
    expect(failed.progress.done).toBe(0);
    // Nothing half-written: no slip, no computed chunk, inputs not frozen.
    expect(Number((await sql('SELECT COUNT(*) AS n FROM payslip WHERE run_id = ?', [id]))[0].n)).toBe(0);
    expect(Number((await sql(`SELECT COUNT(*) AS n FROM payroll_run_chunk WHERE run_id = ? AND state <> 'PENDING'`, [id]))[0].n)).toBe(0);
    expect((await run(id)).progress.done).toBe(0);

    await workers.start();
    const retried = await api('POST', `/v1/runs/${id}/recalculate`);
    expect(retried.status).toBe(200);
    const done = await untilDone(id, retried.body.computation.generation);
    expect(done.progress.failed).toBe(0);
    expect(done.progress.total).toBeGreaterThan(0);
    const [agg] = await sql('SELECT COUNT(*) AS n, COUNT(DISTINCT worker_id) AS workers, SUM(net) AS net FROM payslip WHERE run_id = ?', [id]);
    expect(Number(agg.n)).toBe(done.progress.total);
    expect(Number(agg.workers)).toBe(done.progress.total);
    expect(agg.net).toBe(done.totals.net);
    console.log(`fault 5: first attempt ${failed.computation.state} (${failed.computation.error}); after retry ${done.progress.done} slips`);
  }, 600_000);

  it('(6) reads and writes served while a run computes stay correct; the run keeps its frozen workforce', async () => {
    const call = async (base: string, method: string, p: string, body?: unknown) => {
      const res = await fetch(`${base}${p}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: (await res.json().catch(() => null)) as any };
    };
    const first = await call(workers.base, 'GET', '/v1/workers?limit=50');
    expect(first.status).toBe(200);
    const sample = first.body.items as Array<{ id: number; communityCode: string }>;
    const created = await api('POST', '/v1/runs', { period: '2026-08', type: 'REGULAR' });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    const failures: string[] = [];
    const ms: number[] = [];
    let computing = true;
    const timed = async (what: string, f: () => Promise<{ status: number; body: any }>, ok: (r: { status: number; body: any }) => boolean) => {
      const t = Date.now();
      const r = await f();
      ms.push(Date.now() - t);
      if (!ok(r)) failures.push(`${what}: ${r.status} ${JSON.stringify(r.body).slice(0, 120)}`);
      return r;
    };
    // Readers: the register, a worker, the run and the runs list, over and over until the run is done.
    const reader = async (n: number) => {
      while (computing) {
        const w = sample[n % sample.length];
        await timed('list', () => call(workers.base, 'GET', '/v1/workers?limit=50'), (r) => r.status === 200 && r.body.items.length === 50);
        await timed('detail', () => call(workers.base, 'GET', `/v1/workers/${w.id}`), (r) => r.status === 200 && r.body.id === w.id);
        await timed('run', () => api('GET', `/v1/runs/${id}`), (r) => r.status === 200 && r.body.progress.done <= r.body.progress.total);
        await timed('runs', () => api('GET', '/v1/runs?limit=10'), (r) => r.status === 200 && r.body.items.some((x: { id: string }) => x.id === id));
      }
    };
    // A writer: hires and renames workers while the run computes; each write is read back at once.
    let writes = 0;
    const writer = async () => {
      for (let i = 0; computing && i < 40; i++) {
        const hired = await timed('hire', () => call(workers.base, 'POST', '/v1/workers', {
          name: `并发测试${i}`, residentId: demoResidentId('330106', 880_000 + i, 'F').id, education: 'BACHELOR', politicalStatus: 'NONE',
          hireDate: '2026-08-15', employmentType: 'FULL_TIME', communityCode: sample[0].communityCode,
        }), (r) => r.status === 201);
        if (hired.status !== 201) continue;
        const w = hired.body.worker as { id: number; version: number };
        await timed('rename', () => call(workers.base, 'PATCH', `/v1/workers/${w.id}`, { name: `并发改名${i}`, version: w.version }), (r) => r.status === 200);
        await timed('read back', () => call(workers.base, 'GET', `/v1/workers/${w.id}`), (r) => r.status === 200 && r.body.name === `并发改名${i}`);
        writes++;
      }
    };
    const load = Promise.all([reader(0), reader(1), reader(2), reader(3), writer()]);
    const done = await untilDone(id);
    computing = false;
    await load;
    ms.sort((a, b) => a - b);
    console.log(`fault 6: ${ms.length} requests during the run (${writes} hires + renames), p50 ${ms[Math.floor(ms.length / 2)]} ms, p99 ${ms[Math.floor(ms.length * 0.99)]} ms, failures ${failures.length}`);
    expect(failures).toEqual([]);
    expect(ms.length).toBeGreaterThan(20);
    expect(writes).toBeGreaterThan(0);

    // The run: exactly the workforce it froze, one slip each, totals the sum of its slips.
    expect(done.progress).toEqual({ done: done.progress.total, total: done.progress.total, failed: 0 });
    expect((done as unknown as { inputs: { snapshotWorkers: number } }).inputs.snapshotWorkers).toBe(done.progress.total);
    const [agg] = await sql('SELECT COUNT(*) AS n, COUNT(DISTINCT worker_id) AS workers, SUM(net) AS net FROM payslip WHERE run_id = ?', [id]);
    expect(Number(agg.workers)).toBe(done.progress.total);
    expect(Number(agg.n)).toBe(done.progress.total);
    expect(agg.net).toBe(done.totals.net);
  }, 600_000);
});
