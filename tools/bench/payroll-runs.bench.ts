/**
 * Monthly payroll end to end: `npm run bench:payroll -- --workers N [--processes P] [--fresh] [--pay]`.
 *
 * Seeds (or reuses) a workers schema with a city of N workers, starts the workers service in this
 * process and P payroll service processes (the real `apps/payroll/src/main.js`, sharing one queue
 * prefix and schema), creates a REGULAR city-wide run through the API and waits until it is
 * computed: snapshot over HTTP with the machine credential, frozen inputs, the flow's chunks spread
 * over the P processes, every payslip with its lines upserted, progress and totals. Then it inserts
 * the same payslip rows into a scratch table with plain mysql2 multi-row INSERTs (500 rows a
 * statement, 1,000 rows a transaction, like the repository) to measure the raw insert rate.
 * Prints one JSON line:
 *   { workers, processes, seconds, payslipsPerSecond, peakRssMb, rawInsertRowsPerSecond, persistRowsPerSecond, ratio, … }
 * peakRssMb = the largest VmHWM of the payroll processes; ratio = raw insert rate ÷ persistence
 * rate, where persistence rate = slips ÷ Σ time inside the chunks' upsert transactions.
 * `--pay` then submits, approves (another user) and pays the run, and adds `paySeconds` (the PAY
 * request: its transaction reads the run's frozen chunks and slips and writes the budget postings'
 * outbox rows), `postings` and `peakRssAfterPayMb`.
 * `--leavers L` first marks L workers (spread over the ids) as having left on days spread over the period, in the
 * workers schema and as `worker.left` changes in payroll's (restored afterwards, so the seeded city stays reusable),
 * and adds `leavers` to the line. `freezeSeconds` is computation start → inputs frozen (both snapshot passes).
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataSourceOptions, migrate, mysqlConnectionOptions, PiiCipher } from '@cws/persistence';
import { createServiceApp, loadConfig, TokenService, withPlatformEntities } from '@cws/platform';
import IORedis from 'ioredis';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { PAYROLL_ENTITIES, PAYROLL_MIGRATIONS } from '../../apps/payroll/src/payroll.definition';
import { PayslipRepository } from '../../apps/payroll/src/runs/payslip.repository';
import { seedPayrollService } from '../../apps/payroll/src/seed/seed';
import { seedWorkersService } from '../../apps/workers/src/seed/seed';
import { workersService } from '../../apps/workers/src/workers.definition';

const root = path.resolve(__dirname, '../../..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

/** Keys kept between runs (var/ is not in git) so a seeded workers schema, encrypted with them, can be reused. */
function benchKeys(): Record<string, string> {
  const dir = path.join(root, 'var/bench-payroll');
  const file = path.join(dir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dir, { recursive: true });
  const keys = {
    JWT_SECRET: randomBytes(32).toString('base64url'), PII_KEY: randomBytes(32).toString('hex'), PII_HASH_KEY: randomBytes(32).toString('hex'),
    PAYROLL_CLIENT_SECRET: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

async function waitFor<T>(what: string, fn: () => Promise<T | null>, timeoutMs: number, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v !== null) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Peak resident set (VmHWM) of a process, in MB. */
function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

async function main(): Promise<void> {
  const workers = Number(arg('workers', '100000'));
  const processes = Number(arg('processes', '1'));
  const period = arg('period', '2026-11');
  const portBase = Number(arg('port-base', process.env.BENCH_PAYROLL_PORT ?? '3140'));
  const suffix = randomBytes(3).toString('hex');
  const keys = benchKeys();
  // The seeded schema is only reusable with the keys that encrypted it: its name carries their fingerprint.
  const keyTag = createHash('sha256').update(keys.PII_KEY).digest('hex').slice(0, 8);
  const env: Record<string, string | undefined> = {
    ...process.env, ...keys, LOG_LEVEL: 'error',
    WORKERS_DB: `cws_bench_pr_workers_${workers}_${keyTag}`, PAYROLL_DB: `cws_bench_pr_payroll_${suffix}`, QUEUE_PREFIX: `cwsbench_${suffix}`,
  };
  const workersConfig = { ...loadConfig('workers', env), port: 0, runMigrations: true };
  const payrollConfig = loadConfig('payroll', env);

  // 1. The city: reuse a schema already seeded with N workers (same keys), or seed it.
  const raw = await mysql.createConnection({ ...mysqlConnectionOptions(payrollConfig.mysqlUrl), supportBigNumbers: true, bigNumberStrings: true });
  const [have] = (await raw.query(`SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ? AND table_name = 'worker'`, [workersConfig.database])) as unknown as [Array<{ n: number }>];
  let reuse = !flag('fresh') && Number(have[0].n) > 0;
  if (reuse) {
    const [rows] = (await raw.query(`SELECT COUNT(*) AS n FROM \`${workersConfig.database}\`.worker`)) as unknown as [Array<{ n: string }>];
    reuse = Number(rows[0].n) === workers;
  }
  if (!reuse) await raw.query(`DROP DATABASE IF EXISTS \`${workersConfig.database}\``);
  const workersApp = await createServiceApp(workersService(workersConfig), { quiet: true });
  let seedSeconds = 0;
  if (!reuse) {
    const started = Date.now();
    await seedWorkersService(workersApp.get(DataSource), workersApp.get(PiiCipher), { password: 'Bench@2026', workers });
    seedSeconds = (Date.now() - started) / 1000;
  }
  await workersApp.listen(0, '127.0.0.1');
  const workersUrl = `http://127.0.0.1:${(workersApp.getHttpServer().address() as { port: number }).port}`;

  // 2. The payroll schema (fresh each time: no earlier runs), its policy, and P service processes.
  await migrate(payrollConfig, withPlatformEntities(PAYROLL_ENTITIES), PAYROLL_MIGRATIONS);
  const ds = await new DataSource(dataSourceOptions(payrollConfig, withPlatformEntities(PAYROLL_ENTITIES), PAYROLL_MIGRATIONS)).initialize();
  await seedPayrollService(ds);
  const main = path.join(root, 'dist/apps/payroll/src/main.js');
  const children: ChildProcess[] = [];
  const stop = () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM'));
  process.on('exit', stop);
  const leavers = Number(arg('leavers', '0'));
  let restoreLeavers = async (): Promise<void> => undefined;
  try {
    for (let i = 0; i < processes; i++) {
      const child = spawn(process.execPath, [main], {
        env: { ...env, WORKERS_URL: workersUrl, PAYROLL_PORT: String(portBase + i), RUN_MIGRATIONS: 'false' },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      children.push(child);
    }
    const base = `http://127.0.0.1:${portBase}/api/payroll`;
    for (let i = 0; i < processes; i++) {
      await waitFor(`payroll process ${i}`, async () => ((await fetch(`http://127.0.0.1:${portBase + i}/api/payroll/health`)).ok ? true : null), 60_000);
    }
    const token = new TokenService(payrollConfig).sign({ kind: 'user', id: 'bench-admin', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, permissions: [] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    restoreLeavers = await markLeavers(raw, workersConfig.database, payrollConfig.database, period, leavers);

    // 3. The run, end to end.
    const started = Date.now();
    const created = await fetch(`${base}/v1/runs`, { method: 'POST', headers, body: JSON.stringify({ period, type: 'REGULAR' }) });
    if (created.status !== 201) throw new Error(`create run: ${created.status} ${await created.text()}`);
    const runId = ((await created.json()) as { id: string }).id;
    const run = await waitFor(
      'the run to be computed',
      async () => {
        const r = (await (await fetch(`${base}/v1/runs/${runId}`, { headers })).json()) as { computation: { state: string; error: string | null }; progress: { done: number; total: number; failed: number }; totals: Record<string, string> };
        if (r.computation.state === 'FAILED') return Promise.reject(new Error(`run failed: ${r.computation.error}`));
        return r.computation.state === 'DONE' ? r : null;
      },
      600_000,
      50,
    );
    const seconds = (Date.now() - started) / 1000;
    const [frozen] = (await raw.query(
      `SELECT TIMESTAMPDIFF(MICROSECOND, compute_started_at, STR_TO_DATE(JSON_UNQUOTE(JSON_EXTRACT(inputs, '$.frozenAt')), '%Y-%m-%dT%H:%i:%s.%fZ')) AS us FROM \`${payrollConfig.database}\`.payroll_run WHERE id = ?`,
      [runId],
    )) as unknown as [Array<{ us: string }>];
    const peak = Math.max(...children.map((c) => peakRssMb(c.pid!)));
    const [timing] = (await raw.query(`SELECT SUM(persist_ms) AS persist, SUM(compute_ms) AS compute, COUNT(*) AS chunks FROM \`${payrollConfig.database}\`.payroll_run_chunk WHERE run_id = ?`, [runId])) as unknown as [Array<{ persist: string; compute: string; chunks: number }>];
    const persistMs = Number(timing[0].persist);

    // 4. The same rows through plain mysql2 multi-row INSERTs.
    const rawRate = await rawInsertRate(raw, payrollConfig.database, runId);
    const persistRate = run.progress.done / (persistMs / 1000);
    const paid = flag('pay') ? await payRun(base, runId, token, new TokenService(payrollConfig), raw, payrollConfig.database) : null;
    console.log(JSON.stringify({
      workers, processes, seconds: Number(seconds.toFixed(2)), payslipsPerSecond: Math.round(run.progress.done / seconds), peakRssMb: peak,
      rawInsertRowsPerSecond: Math.round(rawRate), persistRowsPerSecond: Math.round(persistRate), ratio: Number((rawRate / persistRate).toFixed(2)),
      slips: run.progress.done, failed: run.progress.failed, chunks: Number(timing[0].chunks), computeSeconds: Number((Number(timing[0].compute) / 1000).toFixed(2)),
      persistSeconds: Number((persistMs / 1000).toFixed(2)), workersServiceRssMb: peakRssMb(process.pid), seededSeconds: seedSeconds, net: run.totals.net,
      freezeSeconds: Number((Number(frozen[0].us) / 1e6).toFixed(2)), ...(leavers ? { leavers } : {}),
      ...(paid ? { ...paid, peakRssAfterPayMb: Math.max(...children.map((c) => peakRssMb(c.pid!))) } : {}),
    }));
  } finally {
    await restoreLeavers();
    stop();
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
    await ds.destroy();
    await workersApp.close();
    if (!flag('keep')) await raw.query(`DROP DATABASE IF EXISTS \`${payrollConfig.database}\``);
    else console.error(`kept schema ${payrollConfig.database}`);
    await raw.end();
    await dropQueueKeys(payrollConfig.redisUrl, payrollConfig.queuePrefix);
  }
}

/**
 * Marks `count` workers (every n-th id) as left on a day of `period` (day 1 + i mod 28): `left_date` and status in the
 * workers schema, a `worker.left` change in payroll's, as the event would record it. Returns the undo for the workers
 * schema (the payroll schema is dropped after each run).
 */
async function markLeavers(raw: mysql.Connection, workersDb: string, payrollDb: string, period: string, count: number): Promise<() => Promise<void>> {
  if (!count) return async () => undefined;
  const [[{ n }]] = (await raw.query(`SELECT COUNT(*) AS n FROM \`${workersDb}\`.worker WHERE left_date IS NULL`)) as unknown as [Array<{ n: string }>];
  const step = Math.max(1, Math.floor(Number(n) / count));
  const [rows] = (await raw.query(
    `SELECT id, status, district_code AS d, street_code AS s, community_code AS c FROM \`${workersDb}\`.worker WHERE left_date IS NULL AND MOD(id, ?) = 0 ORDER BY id LIMIT ?`,
    [step, count],
  )) as unknown as [Array<{ id: string; status: string; d: string; s: string; c: string }>];
  const dayOf = (i: number) => `${period}-${String(1 + (i % 28)).padStart(2, '0')}`;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    await raw.query(`UPDATE \`${workersDb}\`.worker SET status = 'LEFT', left_date = CASE id ${batch.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (?)`,
      [...batch.flatMap((r, j) => [r.id, dayOf(i + j)]), batch.map((r) => r.id)]);
    await raw.query(
      `INSERT INTO \`${payrollDb}\`.workforce_change (event_key, event_name, worker_id, district_code, street_code, community_code, effective_date, payload, received_at) VALUES ?`,
      [batch.map((r, j) => [`bench:left:${r.id}`, 'worker.left', r.id, r.d, r.s, r.c, dayOf(i + j), JSON.stringify({ workerId: Number(r.id), leftDate: dayOf(i + j) }), new Date()])],
    );
  }
  return async () => {
    for (const status of [...new Set(rows.map((r) => r.status))]) {
      const ids = rows.filter((r) => r.status === status).map((r) => r.id);
      for (let i = 0; i < ids.length; i += 1000) await raw.query(`UPDATE \`${workersDb}\`.worker SET status = ?, left_date = NULL WHERE id IN (?)`, [status, ids.slice(i, i + 1000)]);
    }
  };
}

/** Submit (the admin), approve and pay (finance, another user): the PAY request is what is timed. */
async function payRun(base: string, runId: string, adminToken: string, tokens: TokenService, raw: mysql.Connection, db: string): Promise<{ paySeconds: number; postings: number }> {
  const finance = tokens.sign({ kind: 'user', id: 'bench-finance', name: 'finance', roles: ['FINANCE'], scope: { level: 'CITY' }, permissions: [] });
  const post = async (action: string, token: string) => {
    const r = await fetch(`${base}/v1/runs/${runId}/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    if (r.status !== 200) throw new Error(`${action}: ${r.status} ${await r.text()}`);
  };
  await post('submit', adminToken);
  await post('approve', finance);
  const started = Date.now();
  await post('pay', finance);
  const paySeconds = Number(((Date.now() - started) / 1000).toFixed(2));
  const [rows] = (await raw.query(`SELECT COUNT(*) AS n FROM \`${db}\`.outbox_event WHERE queue = 'budget-postings'`)) as unknown as [Array<{ n: string }>];
  return { paySeconds, postings: Number(rows[0].n) };
}

async function rawInsertRate(raw: mysql.Connection, db: string, runId: string): Promise<number> {
  const columns = PayslipRepository.columns;
  await raw.query(`CREATE TABLE \`${db}\`.payslip_raw LIKE \`${db}\`.payslip`);
  let after = '0';
  let rows = 0;
  let ms = 0;
  for (;;) {
    const [page] = (await raw.query(
      `SELECT id, ${columns.join(', ')} FROM \`${db}\`.payslip WHERE run_id = ? AND id > ? ORDER BY id LIMIT 1000`,
      [runId, after],
    )) as unknown as [Array<Record<string, unknown>>];
    if (!page.length) break;
    after = String(page[page.length - 1].id);
    const started = process.hrtime.bigint();
    await raw.beginTransaction();
    for (let i = 0; i < page.length; i += 500) {
      const batch = page.slice(i, i + 500);
      const params: unknown[] = [];
      for (const r of batch) for (const c of columns) params.push(r[c]);
      await raw.query(`INSERT INTO \`${db}\`.payslip_raw (${columns.join(', ')}, computed_at) VALUES ${batch.map(() => `(${columns.map(() => '?').join(', ')}, UTC_TIMESTAMP(3))`).join(', ')}`, params);
    }
    await raw.commit();
    ms += Number(process.hrtime.bigint() - started) / 1e6;
    rows += page.length;
  }
  return rows / (ms / 1000);
}

async function dropQueueKeys(url: string, prefix: string): Promise<void> {
  const redis = new IORedis(url, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
