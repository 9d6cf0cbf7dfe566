#!/usr/bin/env node
// A/B of two running builds of one route, on a shared machine: the builds are loaded in turn, in
// short slices (A B, then B A, …), so a change in the machine's load hits both alike. Per build it
// prints the medians over the slices of the server process's CPU time per request (Linux
// /proc/<pid>/stat, so the figure does not depend on how long the request waited for a core),
// requests/s, p50 and p99. Loopback only.
//   node tools/bench/api-ab.mjs --a <url>,<pid> --b <url>,<pid> --token <bearer> [--expect 200]
//                               [--slices 10] [--secs 2] [--connections 50]
// The method and the recorded figures: docs/benchmarks.md ("Third round").
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { cpuUs } from './process-cpu.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : fallback);
const builds = { a: option('a', '').split(','), b: option('b', '').split(',') };
const token = option('token');
const expect = Number(option('expect', 200));
const slices = Number(option('slices', 10));
const secs = Number(option('secs', 2));
const connections = Number(option('connections', 50));

for (const [url, pid] of Object.values(builds)) {
  if (!url || !pid || !['127.0.0.1', 'localhost'].includes(new URL(url).hostname)) {
    console.error('usage: --a <loopback url>,<server pid> --b <loopback url>,<server pid> --token <bearer>');
    process.exit(2);
  }
}

const load = (url, duration) => autocannon({ url, connections, duration, headers: { authorization: `Bearer ${token}` } });
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

for (const [url] of Object.values(builds)) await load(url, 2); // warm-up (JIT, pools)
const slicesOf = { a: [], b: [] };
for (let i = 0; i < slices; i++) {
  for (const k of i % 2 ? ['b', 'a'] : ['a', 'b']) {
    const [url, pid] = builds[k];
    const before = cpuUs(pid);
    const r = await load(url, secs);
    const n = r.requests.total;
    const unexpected = n - (r.statusCodeStats?.[expect]?.count ?? 0) + r.errors + r.timeouts;
    slicesOf[k].push({ n, cpuPerRequest: (cpuUs(pid) - before) / n, rps: n / secs, p50: r.latency.p50, p99: r.latency.p99, unexpected });
  }
}
const summary = (xs) => ({
  cpuUsPerRequest: Math.round(median(xs.map((x) => x.cpuPerRequest))),
  rps: Math.round(median(xs.map((x) => x.rps))),
  p50ms: median(xs.map((x) => x.p50)),
  p99ms: median(xs.map((x) => x.p99)),
  requests: xs.reduce((s, x) => s + x.n, 0),
  unexpected: xs.reduce((s, x) => s + x.unexpected, 0),
});
const loadAvg = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
console.log(JSON.stringify({ path: new URL(builds.a[0]).pathname, slices, secs, connections, loadAvg, a: summary(slicesOf.a), b: summary(slicesOf.b) }));
