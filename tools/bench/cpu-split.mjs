#!/usr/bin/env node
// Where one route's CPU goes, process by process, through a running suite's gateway: CPU time
// (user + system, /proc/<pid>/stat) of the gateway, the four services, MariaDB and Redis around an
// autocannon run, divided by the requests answered. Linux, loopback only.
//   node tools/bench/cpu-split.mjs <path> [--url http://127.0.0.1:8080] [--user xihu-hr] [--connections 50] [--duration 8]
// Prints one JSON line: req/s, p50/p99 ms, non-2xx, and µs a request per process.
import autocannon from 'autocannon';
import { readdirSync, readFileSync } from 'node:fs';
import { cpuUs } from './process-cpu.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : fallback);
const route = args[0];
const base = option('url', `http://127.0.0.1:${process.env.CWS_PORT ?? 8080}`);
if (!route?.startsWith('/') || !['127.0.0.1', 'localhost'].includes(new URL(base).hostname)) {
  console.error('usage: cpu-split.mjs </api/…path> [--url loopback url] [--user name] [--connections n] [--duration s]');
  process.exit(2);
}

/** The suite's processes by name: the gateway is `node tools/start/start.mjs`, a service runs dist/apps/<name>/src/main.js. */
function processes() {
  const found = {};
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    let cmd;
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue; // gone meanwhile
    }
    const name = /^node\S* tools\/start\/start\.mjs/.test(cmd) ? 'gateway'
      : /dist\/apps\/(\w+)\/src\/main\.js/.exec(cmd)?.[1] ?? (/mariadbd|mysqld/.test(cmd) ? 'mysqld' : /redis-server/.test(cmd) ? 'redis' : null);
    if (name && !found[name]) found[name] = pid;
  }
  return found;
}

const login = await fetch(`${base}/api/workers/v1/auth/login`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: option('user', 'xihu-hr'), password: process.env.DEMO_PASSWORD ?? 'Demo@2026' }),
});
const token = (await login.json()).accessToken;
const procs = processes();
const before = Object.fromEntries(Object.entries(procs).map(([name, pid]) => [name, cpuUs(pid)]));
const result = await autocannon({
  url: base + route, connections: Number(option('connections', 50)), duration: Number(option('duration', 8)),
  headers: { authorization: `Bearer ${token}` },
});
const n = result.requests.total;
const row = { route, rps: Math.round(result.requests.average), p50ms: result.latency.p50, p99ms: result.latency.p99, non2xx: result.non2xx };
let total = 0;
for (const [name, pid] of Object.entries(procs)) {
  const us = Math.round((cpuUs(pid) - before[name]) / n);
  row[`${name}Us`] = us;
  total += us;
}
row.totalUs = total;
console.log(JSON.stringify(row));
