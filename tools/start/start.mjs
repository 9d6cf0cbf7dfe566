#!/usr/bin/env node
// npm start: finds or starts MySQL and Redis, builds, migrates, seeds the demo city if empty,
// starts the four services and serves them with the admin UI on one port (default 8080).
//   Options: --no-build   --workers N (a larger demo city)   --reset (drop and re-seed the demo schemas)
//   Env: MYSQL_URL, REDIS_URL, CWS_PORT (8080), CWS_PORT_BASE (3000: services on +1..+4),
//        CWS_DB_PREFIX (cws_), QUEUE_PREFIX (cws), DEMO_PASSWORD (Demo@2026),
//        CWS_SECRETS_FILE (var/secrets.env: the install's keys, generated on first run)
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startGateway } from './gateway.mjs';
import { dropSchemas, ensureMysql, ensureRedis, existingSchemas } from './infra.mjs';
import { withSecrets } from './secrets.mjs';

/**
 * How the services' Node runs (docker/Dockerfile says the same). A young generation of 32 MB, not
 * 16: under load 50 requests are in flight through each scavenge, so their objects survived two and
 * were copied to the old space, to be marked and compacted there; the larger young space saves the
 * services 8–15 % of their CPU a request and evens it out between process starts
 * (docs/benchmarks.md "Session 5: the services' young generation").
 */
export const SERVICE_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=32'];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVICES = ['workers', 'payroll', 'budget', 'scheduler'];
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : undefined);

function run(cmd, cmdArgs, env = process.env) {
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status})`);
}

export function build() {
  console.log('[start] building services …');
  run('npx', ['swc', ...SERVICES.map((s) => `apps/${s}`), 'libs', 'tools/seed', '-d', 'dist', '--config-file', '.swcrc', '--ignore', '**/*.spec.ts,**/*.int-spec.ts', '-q']);
  console.log('[start] building the admin UI …');
  run('npx', ['vite', 'build', '--config', 'apps/admin/vite.config.mts', '--logLevel', 'warn']);
}

async function waitHealthy(url, child, seconds = 90) {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`${url} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within ${seconds} s`);
}

/** Starts the whole suite; returns a stop() function. Used by npm start and by the browser tests. */
export async function startSuite({ port, portBase, dbPrefix, queuePrefix, skipBuild, workers, logDir, quiet, secretsFile, reset }) {
  // No default keys anywhere: this install's own, generated on first run (tools/start/secrets.mjs).
  // In production nothing is generated: the services refuse to start unless the keys are set.
  const { env, created } = production(process.env)
    ? { env: { ...process.env }, created: false }
    : withSecrets(process.env, secretsFile ?? path.join(root, 'var/secrets.env'));
  env.MYSQL_URL = await ensureMysql();
  env.REDIS_URL = await ensureRedis();
  env.QUEUE_PREFIX = queuePrefix;
  for (const [i, s] of SERVICES.entries()) {
    env[`${s.toUpperCase()}_DB`] = `${dbPrefix}${s}`;
    env[`${s.toUpperCase()}_PORT`] = String(portBase + i + 1);
    env[`${s.toUpperCase()}_URL`] = `http://127.0.0.1:${portBase + i + 1}`;
  }
  env.CORS_ORIGINS = `http://localhost:${port},http://127.0.0.1:${port}`;
  const schemas = SERVICES.map((s) => `${dbPrefix}${s}`);
  const existing = await existingSchemas(env.MYSQL_URL, schemas);
  if (reset && existing.length) {
    console.log(`[start] --reset: dropping ${existing.join(', ')} …`);
    await dropSchemas(env.MYSQL_URL, existing);
  } else if (created && existing.length) {
    // Data written before this install had its own keys was encrypted with the old public development key.
    throw new Error(
      `new keys were generated, but ${existing.join(', ')} already exist (written with other keys, or the old public development ones). ` +
        'Run `npm start -- --reset` to drop and re-seed the demo schemas, or use another CWS_DB_PREFIX.',
    );
  }
  if (!skipBuild) build();
  console.log('[start] migrating and seeding …');
  run('node', ['dist/tools/seed/seed.js', ...(workers ? ['--workers', String(workers)] : [])], env);

  mkdirSync(logDir, { recursive: true });
  const children = [];
  for (const s of SERVICES) {
    // The service writes its log file itself: relayed through pipes, every request's log line cost
    // this process (which is also the gateway) a read and a write, and a slow relay blocked the
    // service's synchronous stdout (docs/benchmarks.md, "API under load").
    const log = openSync(path.join(logDir, `${s}.log`), 'a');
    const child = spawn('node', [...SERVICE_NODE_FLAGS, `dist/apps/${s}/src/main.js`], { cwd: root, env: { ...env, RUN_MIGRATIONS: 'false' }, stdio: ['ignore', log, log] });
    closeSync(log);
    children.push({ name: s, child });
  }
  const services = Object.fromEntries(SERVICES.map((s, i) => [s, `http://127.0.0.1:${portBase + i + 1}`]));
  let gateway;
  try {
    await Promise.all(children.map(({ name, child }, i) => waitHealthy(`http://127.0.0.1:${portBase + i + 1}/api/${name}/health`, child)));
    gateway = await startGateway({ port, services, staticDir: path.join(root, 'dist/apps/admin'), gatewaySecret: env.GATEWAY_SECRET });
  } catch (err) {
    // the services stop with the start that failed (a gateway port taken included): left running, they kept the
    // caller's process alive
    for (const { child } of children) child.kill('SIGTERM');
    for (const s of SERVICES) {
      const file = path.join(logDir, `${s}.log`);
      if (existsSync(file)) console.error(`--- ${file} (tail)\n${readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')}`);
    }
    throw err;
  }
  if (!quiet) printWelcome(port, logDir);
  const stop = async () => {
    gateway.close();
    await Promise.all(
      children.map(({ child }) =>
        child.exitCode !== null ? null : new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
      ),
    );
  };
  for (const { name, child } of children) {
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGTERM' && !quiet) console.error(`[start] ${name} exited (${code ?? signal}); see ${logDir}/${name}.log`);
    });
  }
  return { stop, url: `http://127.0.0.1:${port}` };
}

function production(env) {
  return env.NODE_ENV === 'production';
}

function printWelcome(port, logDir) {
  const password = process.env.DEMO_PASSWORD ?? 'Demo@2026';
  console.log(`
Community Workforce Suite is running.
  Admin UI      http://localhost:${port}/
  APIs          http://localhost:${port}/api/{workers,payroll,budget,scheduler}/v1/…
  Health        http://localhost:${port}/api/workers/health (and payroll, budget, scheduler)
  OpenAPI       http://localhost:${port}/api/workers/docs (and payroll, budget, scheduler)
  Logs          ${logDir}/<service>.log (JSON lines)
Demo logins (password ${password}):
  city-admin (city), xihu-hr (西湖区), shangcheng-hr (上城区), cuiyuan-hr (翠苑街道), finance, auditor
Press Ctrl+C to stop.
READY`);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const port = Number(process.env.CWS_PORT ?? 8080);
  startSuite({
    port,
    portBase: Number(process.env.CWS_PORT_BASE ?? 3000),
    dbPrefix: process.env.CWS_DB_PREFIX ?? 'cws_',
    queuePrefix: process.env.QUEUE_PREFIX ?? 'cws',
    skipBuild: flag('no-build'),
    workers: option('workers') ? Number(option('workers')) : undefined,
    logDir: path.join(root, 'var/log'),
    secretsFile: process.env.CWS_SECRETS_FILE ? path.resolve(process.env.CWS_SECRETS_FILE) : undefined,
    reset: flag('reset'),
  })
    .then(({ stop }) => {
      const shutdown = () => {
        console.log('\n[start] stopping …');
        stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    })
    .catch((err) => {
      console.error(`[start] ${err.message}`);
      process.exit(1);
    });
}
