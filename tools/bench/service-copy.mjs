#!/usr/bin/env node
// A second copy of one service of a running suite, for profiling and A/B: same environment (read from
// the running process, /proc/<pid>/environ: schemas, keys, queue prefix), another port, run as npm start
// runs it (SERVICE_NODE_FLAGS) plus any node flags, and optionally another build (its dist/). Linux.
//   node tools/bench/service-copy.mjs <service> <port> [--root <checkout with dist/>] [--running-port <port>] [-- node flags…]
// e.g. node tools/bench/service-copy.mjs workers 3199 -- --cpu-prof --cpu-prof-dir=/tmp/prof
// Stop it with Ctrl+C (SIGINT, passed on). The method and figures: docs/benchmarks.md ("Session 5").
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_NODE_FLAGS, SERVICES } from '../start/start.mjs';

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const own = dashes >= 0 ? args.slice(0, dashes) : args;
const nodeFlags = dashes >= 0 ? args.slice(dashes + 1) : [];
const option = (name, fallback) => (own.indexOf(`--${name}`) >= 0 ? own[own.indexOf(`--${name}`) + 1] : fallback);
const [service, port] = own;
if (!SERVICES.includes(service) || !/^\d+$/.test(port ?? '')) {
  console.error('usage: service-copy.mjs <workers|payroll|budget|scheduler> <port> [--root dir] [--running-port port] [-- node flags]');
  process.exit(2);
}
const root = path.resolve(option('root', path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')));
// the running copy: the process listening on the suite's port for this service (npm start: CWS_PORT_BASE + 1…4)
const runningPort = option('running-port', String(Number(process.env.CWS_PORT_BASE ?? 3000) + SERVICES.indexOf(service) + 1));
const listening = execFileSync('ss', ['-ltnpH', `sport = :${runningPort}`]).toString();
const pid = /pid=(\d+)/.exec(listening)?.[1];
if (!pid) {
  console.error(`no process listens on :${runningPort} (set --running-port, or CWS_PORT_BASE as for npm start)`);
  process.exit(2);
}
const env = Object.fromEntries(
  readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);
env[`${service.toUpperCase()}_PORT`] = port;
env.RUN_MIGRATIONS = 'false';
const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...nodeFlags, `dist/apps/${service}/src/main.js`], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
