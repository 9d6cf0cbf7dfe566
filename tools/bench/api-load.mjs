#!/usr/bin/env node
// npm run bench:api: autocannon against a running suite, through its gateway, on loopback only.
//   node tools/bench/api-load.mjs [--url http://127.0.0.1:8080] [--duration 10] [--connections 50,200]
//                                 [--routes list,search,…] [--warmup 3] [--with-batch] [--out file.json]
// Start the suite first (a 100,000-worker city: `npm start -- --workers 100000`, with
// RATE_LIMIT_PER_MINUTE raised, or the per-IP limit answers 429 and the bench measures the limiter).
// Prints one JSON line per (route, connections): requests/s, p50, p99, errors; then the whole table.
// The method and the recorded figures are in docs/benchmarks.md ("API under load").
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.indexOf(`--${name}`) >= 0 ? args[args.indexOf(`--${name}`) + 1] : fallback);
const base = option('url', `http://127.0.0.1:${process.env.CWS_PORT ?? 8080}`);
const duration = Number(option('duration', 10));
// Seconds of the same load before each measured run, not counted: the services' JIT, their MySQL
// pools (grown from one connection to 20 under 50 clients) and MariaDB's buffer pool reach their steady state first.
const warmup = Number(option('warmup', 3));
const connectionsList = option('connections', '50,200').split(',').map(Number);
const wanted = option('routes', '')?.split(',').filter(Boolean) ?? [];
// --with-batch: a city-wide payroll run computes while the routes are loaded (issue 13: "the services
// stay correct while a payroll batch runs"); afterwards it is recomputed undisturbed, the two must agree.
const withBatch = args.includes('--with-batch');
const password = process.env.DEMO_PASSWORD ?? 'Demo@2026';

const host = new URL(base).hostname;
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
  console.error(`refusing ${base}: the load bench only runs against loopback`);
  process.exit(2);
}

async function call(method, path, token, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text };
}

async function login(username) {
  const r = await call('POST', '/api/workers/v1/auth/login', null, { username, password });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text.slice(0, 200)}`);
  return r.json.accessToken;
}

/** The run once its computation of at least that generation has finished (DONE or FAILED); polls five times a second. */
async function finished(token, id, generation = 1, seconds = 900) {
  for (let i = 0; i < seconds * 5; i++) {
    const run = (await call('GET', `/api/payroll/v1/runs/${id}`, token)).json;
    const done = run?.computation?.state === 'DONE' || run?.computation?.state === 'FAILED';
    if (done && run.computation.generation >= generation) return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`run ${id} did not finish within ${seconds} s`);
}

/** A payslip the city admin may read, from the newest run that has one, else from a small run made for it. */
async function findPayslip(token) {
  const firstSlip = async (runId) => (await call('GET', `/api/payroll/v1/runs/${runId}/payslips?limit=1`, token)).json?.items?.[0];
  const runs = await call('GET', '/api/payroll/v1/runs?limit=20', token);
  for (const run of runs.json?.items ?? []) {
    const slip = run.status === 'CANCELLED' ? null : await firstSlip(run.id);
    if (slip) return slip.id;
  }
  // None yet: compute a small run (翠苑街道, this month; the payroll service runs its own batch worker).
  const period = new Date().toISOString().slice(0, 7);
  const made = await call('POST', '/api/payroll/v1/runs', token, { period, type: 'REGULAR', scope: '330106001' });
  if (made.status !== 201) {
    console.error(`[bench] no payslip and no run could be made (${made.status} ${made.text.slice(0, 160)}): the payslip route is skipped`);
    return null;
  }
  const run = await finished(token, made.json.id, 1, 60).catch(() => null);
  if (run?.computation.state === 'DONE') return (await firstSlip(run.id))?.id ?? null;
  console.error('[bench] the run made for the payslip route did not compute within 60 s: the route is skipped');
  return null;
}

/**
 * A city-wide REGULAR run for the latest month before this one that has no run of its own (a run for
 * the period or overlapping it answers 409: try the month before), created as the city admin.
 */
async function startCityRun(token) {
  const now = new Date();
  for (let back = 1; back <= 36; back++) {
    const period = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
    const made = await call('POST', '/api/payroll/v1/runs', token, { period, type: 'REGULAR' });
    if (made.status === 201) return made.json;
    if (made.status !== 409) throw new Error(`batch run for ${period}: ${made.status} ${made.text.slice(0, 200)}`);
  }
  throw new Error('no month in the last three years without a run: cannot start a batch');
}


/**
 * After the loads: the run computed under load must be complete (every slip, none failed) and equal,
 * slip count and every total, to the same run recomputed on a quiet machine (inputs frozen again; nothing
 * changed in between). Then the run is cancelled, so the next bench can make one for the same month.
 */
async function checkBatch(token, run, loadStarted, loadEnded) {
  const loaded = await finished(token, run.id);
  const recalculated = await call('POST', `/api/payroll/v1/runs/${run.id}/recalculate`, token);
  if (recalculated.status !== 200) throw new Error(`recalculate: ${recalculated.status} ${recalculated.text.slice(0, 200)}`);
  const quiet = await finished(token, run.id, loaded.computation.generation + 1);
  await call('POST', `/api/payroll/v1/runs/${run.id}/cancel`, token);
  const summary = (r) => ({ state: r.computation.state, generation: r.computation.generation, progress: r.progress, totals: r.totals });
  const sameSlips = loaded.progress.total === quiet.progress.total && loaded.progress.done === loaded.progress.total && loaded.progress.failed === 0;
  const sameTotals = JSON.stringify(loaded.totals) === JSON.stringify(quiet.totals);
  return {
    batch: {
      runId: run.id, period: run.period, scope: 'city',
      computedUnderLoad: summary(loaded), recomputedQuiet: summary(quiet),
      // how much of the computation overlapped the measured loads
      computedFrom: loaded.computation.startedAt, computedUntil: loaded.computation.finishedAt, loadsFrom: loadStarted, loadsUntil: loadEnded,
      ok: loaded.computation.state === 'DONE' && quiet.computation.state === 'DONE' && sameSlips && sameTotals,
    },
  };
}

async function routes() {
  // The district HR user: scoped reads (the common case), and another district's record answers 404.
  const districtToken = await login('xihu-hr');
  const cityToken = await login('city-admin');
  const mine = await call('GET', '/api/workers/v1/workers?limit=1', districtToken);
  const all = await call('GET', '/api/workers/v1/workers?limit=1&sort=-name', cityToken);
  const myWorker = mine.json?.items?.[0];
  if (!myWorker) throw new Error(`no worker visible to xihu-hr: ${mine.text.slice(0, 300)}`);
  // A worker in another district: walk the city's register (by name, which mixes districts) until one differs.
  let other = all.json?.items?.[0];
  for (let after = null, i = 0; other && other.districtCode === myWorker.districtCode && i < 20; i++) {
    const page = await call('GET', `/api/workers/v1/workers?limit=200&sort=-name${after ? `&after=${after}` : ''}`, cityToken);
    other = page.json.items.find((w) => w.districtCode !== myWorker.districtCode);
    after = page.json.nextAfter;
  }
  if (!other || other.districtCode === myWorker.districtCode) throw new Error('no worker outside 西湖区 found');
  const surname = myWorker.name.slice(0, 1);
  const payslipId = await findPayslip(cityToken);
  return [
    { name: 'worker-list', path: '/api/workers/v1/workers?limit=50', token: districtToken, expect: 200 },
    { name: 'worker-search', path: `/api/workers/v1/workers?limit=50&q=${encodeURIComponent(surname)}`, token: districtToken, expect: 200 },
    { name: 'worker-detail', path: `/api/workers/v1/workers/${myWorker.id}`, token: districtToken, expect: 200 },
    { name: 'ledger-page', path: '/api/budget/v1/ledger?limit=100', token: districtToken, expect: 200 },
    ...(payslipId ? [{ name: 'payslip', path: `/api/payroll/v1/payslips/${payslipId}`, token: cityToken, expect: 200 }] : []),
    { name: 'worker-404', path: `/api/workers/v1/workers/${other.id}`, token: districtToken, expect: 404 },
  ].filter((r) => !wanted.length || wanted.includes(r.name));
}

function runOne(route, connections, seconds = duration) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: base + route.path,
        connections,
        duration: seconds,
        headers: { authorization: `Bearer ${route.token}` },
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
}

async function main() {
  const list = await routes();
  // Check each route answers what it should before loading it.
  for (const r of list) {
    const probe = await call('GET', r.path, r.token);
    if (probe.status !== r.expect) throw new Error(`${r.name}: expected ${r.expect}, got ${probe.status} ${probe.text.slice(0, 200)}`);
  }
  const results = [];
  const cityToken = withBatch ? await login('city-admin') : null;
  const batch = withBatch ? await startCityRun(cityToken) : null;
  const loadStarted = new Date().toISOString();
  for (const connections of connectionsList) {
    for (const r of list) {
      if (warmup > 0) await runOne(r, connections, warmup);
      const res = await runOne(r, connections);
      const statuses = res.statusCodeStats ?? {};
      const expected = statuses[r.expect]?.count ?? 0;
      const answered = Object.values(statuses).reduce((n, s) => n + s.count, 0);
      const row = {
        route: r.name,
        connections,
        durationS: duration,
        requests: res.requests.total,
        rps: Math.round(res.requests.average),
        p50ms: res.latency.p50,
        p99ms: res.latency.p99,
        maxMs: res.latency.max,
        // errors: transport errors, timeouts and any status other than the expected one
        errors: res.errors + res.timeouts + (answered - expected),
        statuses: Object.fromEntries(Object.entries(statuses).map(([k, v]) => [k, v.count])),
      };
      results.push(row);
      console.log(JSON.stringify(row));
    }
  }
  const checked = batch ? await checkBatch(cityToken, batch, loadStarted, new Date().toISOString()) : null;
  if (checked) console.log(JSON.stringify(checked));
  const out = option('out');
  if (out) writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), base, duration, results, ...checked }, null, 2));
  console.table(results.map((r) => ({ route: r.route, connections: r.connections, rps: r.rps, p50ms: r.p50ms, p99ms: r.p99ms, errors: r.errors })));
  if (checked && !checked.batch.ok) {
    console.error('[bench] the run computed under load differs from its quiet recomputation, or did not complete');
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
