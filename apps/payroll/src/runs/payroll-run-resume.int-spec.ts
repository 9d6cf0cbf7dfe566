import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { dataSourceOptions, migrate } from '@cws/persistence';
import { loadConfig, TokenService, withPlatformEntities } from '@cws/platform';
import { dropTestResources, TEST_RUN_KEYS, testPrincipals, type TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
// The payroll service reads the workforce only through the workers HTTP API; the test starts a real workers app for it.
import { startSeededWorkers } from '@cws/workers-testing';
import { PAYROLL_ENTITIES, PAYROLL_MIGRATIONS } from '../payroll.definition';
import { seedPayrollService } from '../seed/seed';

const root = path.resolve(__dirname, '../../../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * A payroll worker process killed with SIGKILL in the middle of a run: after a restart the run
 * finishes with exactly one payslip per worker and the same totals as an undisturbed computation.
 * The payroll service runs as real child processes (the compiled `main.js`), sharing the schema and
 * the queue prefix; BullMQ's stalled-job check hands the killed process's chunk to the new one.
 */
describe('a run survives a payroll process killed with SIGKILL (real processes, MySQL, Redis)', () => {
  let workers: TestApp;
  let ds: DataSource;
  const children: ChildProcess[] = [];
  const build = path.join(root, `dist/int-resume-${randomBytes(3).toString('hex')}`);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>), ...TEST_RUN_KEYS, LOG_LEVEL: 'error',
    PAYROLL_DB: `cws_test_payroll_${randomBytes(4).toString('hex')}`, QUEUE_PREFIX: `cwstest_${randomBytes(4).toString('hex')}`,
    // the killed process's chunk is handed on within about 2 × 8 s instead of 2 × 30 s (BullMQ's default)
    QUEUE_LOCK_MS: '8000',
  };
  const config = loadConfig('payroll', env);
  let base = '';
  let token = '';

  const start = async (port: number): Promise<ChildProcess> => {
    const child = spawn(process.execPath, [path.join(build, 'apps/payroll/src/main.js')], { env: { ...env, PAYROLL_PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(child);
    for (let i = 0; i < 300; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/api/payroll/health`).then((r) => r.ok, () => false);
      if (up) return child;
      if (child.exitCode !== null) throw new Error(`payroll process exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('payroll process did not start');
  };
  const get = async (p: string): Promise<any> => (await fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const post = async (p: string, body?: unknown) =>
    fetch(`${base}${p}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  beforeAll(async () => {
    const compiled = spawnSync('npx', ['swc', 'apps/payroll/src', 'libs', '-d', build, '--config-file', '.swcrc', '-q', '--ignore', '**/*.spec.ts,**/*.int-spec.ts'], { cwd: root, stdio: 'inherit' });
    if (compiled.status !== 0) throw new Error('could not compile the payroll service');
    workers = await startSeededWorkers({ workers: 3000 });
    env.WORKERS_URL = new URL(workers.baseUrl).origin;
    await migrate(config, withPlatformEntities(PAYROLL_ENTITIES), PAYROLL_MIGRATIONS);
    ds = await new DataSource(dataSourceOptions(config, withPlatformEntities(PAYROLL_ENTITIES), PAYROLL_MIGRATIONS)).initialize();
    await seedPayrollService(ds);
    token = new TokenService(config).sign(testPrincipals.cityAdmin());
  }, 180_000);

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await ds?.destroy();
    await dropTestResources(config);
    await workers?.close();
    rmSync(build, { recursive: true, force: true });
  });

  it('kills the process computing a run, restarts one, and ends with one slip per worker and the undisturbed totals', async () => {
    const portA = await freePort();
    base = `http://127.0.0.1:${portA}/api/payroll`;
    const a = await start(portA);
    const created = await post('/v1/runs', { period: '2026-11', type: 'REGULAR' });
    expect(created.status).toBe(201);
    const runId = ((await created.json()) as { id: string }).id;

    // Kill as soon as some chunks are done and some are not: mid-run.
    let progress = { done: 0, total: 0, failed: 0 };
    for (let i = 0; i < 3000; i++) {
      progress = (await get(`/v1/runs/${runId}`)).progress;
      if (progress.done > 0 && progress.done < progress.total) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(progress.done).toBeGreaterThan(0);
    expect(progress.done).toBeLessThan(progress.total);
    a.kill('SIGKILL');
    await new Promise((r) => a.once('exit', r));
    const atKill = (await ds.query('SELECT COUNT(*) AS n FROM payslip WHERE run_id = ?', [runId]))[0].n;
    expect(Number(atKill)).toBeLessThan(progress.total);

    const portB = await freePort();
    base = `http://127.0.0.1:${portB}/api/payroll`;
    await start(portB);
    let run: { computation: { state: string; generation: number }; progress: typeof progress; totals: Record<string, string> } = await get(`/v1/runs/${runId}`);
    for (let i = 0; i < 1200 && run.computation.state !== 'DONE'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = await get(`/v1/runs/${runId}`);
    }
    expect(run.computation.state).toBe('DONE');
    expect(run.progress).toEqual({ done: progress.total, total: progress.total, failed: 0 });
    const [rows] = await ds.query('SELECT COUNT(*) AS n, COUNT(DISTINCT worker_id) AS workers, SUM(net) AS net FROM payslip WHERE run_id = ?', [runId]);
    expect(Number(rows.n)).toBe(progress.total);
    expect(Number(rows.workers)).toBe(progress.total);
    expect(Number(rows.net).toFixed(2)).toBe(run.totals.net);

    // The same run recomputed without disturbance gives the same slips and totals.
    const resumed = run;
    const slipsBefore = await ds.query('SELECT worker_id AS w, gross, net, tax FROM payslip WHERE run_id = ? ORDER BY worker_id', [runId]);
    expect((await post(`/v1/runs/${runId}/recalculate`)).status).toBe(200);
    for (let i = 0; i < 1200; i++) {
      run = await get(`/v1/runs/${runId}`);
      if (run.computation.generation === resumed.computation.generation + 1 && run.computation.state === 'DONE') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(run.computation).toMatchObject({ state: 'DONE', generation: resumed.computation.generation + 1 });
    expect(run.totals).toEqual(resumed.totals);
    expect(await ds.query('SELECT worker_id AS w, gross, net, tax FROM payslip WHERE run_id = ? ORDER BY worker_id', [runId])).toEqual(slipsBefore);
  }, 240_000);
});
