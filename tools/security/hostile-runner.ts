/**
 * Runs the generated hostile-input cases against one real service app and checks each answer:
 * never a 5xx; a 'reject' case answers 4xx; every 4xx carries a code (and a 400 on a field names
 * it in details); and a refused request writes nothing (every table's row count and checksum are unchanged).
 * HOSTILE_FULL=1 (npm run test:security) runs every case; otherwise the fast subset (npm test).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ROLES, type Principal } from '@cws/kernel';
import type { TestApp } from '@cws/testing';
import IORedis from 'ioredis';
import type { DataSource } from 'typeorm';
import { casesFor, fillPath, validValue, writeRoutes, type HostileCase, type OpenApiDoc, type WriteRoute } from './openapi-cases';

export const FULL = process.env.HOSTILE_FULL === '1';

/** Every role at city scope: the cases test input handling, not access (the access matrix does that). */
export const superUser = (): Principal => ({ kind: 'user', id: 'u-hostile', name: 'hostile', roles: [...ROLES], scope: { level: 'CITY' }, permissions: [] });

export interface Finding {
  route: string;
  case: string;
  category: string;
  status: number;
  problem: string;
  body: unknown;
}

export interface RunSummary {
  service: string;
  mode: 'fast' | 'full';
  routes: number;
  cases: number;
  byStatus: Record<string, number>;
  /** The statuses of the concurrent phase: each route's base request, CONCURRENT copies at once. */
  concurrentByStatus: Record<string, number>;
  findings: Finding[];
}

/** How many copies of a route's base request the concurrent phase sends at once. */
const CONCURRENT = 5;

/**
 * What "nothing written" compares: every table's row count, and its `CHECKSUM TABLE` (so an UPDATE
 * of a row a refused request should not have touched shows too). The outbox's own delivery marks
 * (the relay stamps rows every second, whatever the request) are left out of the checksum; its row
 * count still counts.
 */
const CHECKSUM_SKIPPED = new Set(['outbox_event']);

async function rowCounter(ds: DataSource): Promise<() => Promise<Record<string, number>>> {
  const tables: string[] = (
    await ds.query(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name`)
  ).map((r: { t: string }) => r.t);
  const sql = `SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM \`${t}\`) AS \`${t}\``).join(', ')}`;
  const checksummed = tables.filter((t) => !CHECKSUM_SKIPPED.has(t));
  const checksums = `CHECKSUM TABLE ${checksummed.map((t) => `\`${t}\``).join(', ')}`;
  return async () => {
    const [row] = await ds.query(sql);
    const sums: Array<{ Table: string; Checksum: string | number | null }> = await ds.query(checksums);
    return {
      ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])),
      ...Object.fromEntries(sums.map((r) => [`${r.Table.split('.').pop()} (checksum)`, Number(r.Checksum)])),
    };
  };
}

/**
 * The background work an accepted request started (a roster to solve, a run's chunks): events and
 * jobs still in the outbox (the relay hands them to BullMQ every second), and the service's BullMQ
 * jobs running (active) or still to run (waiting, prioritised, a retry waiting out its back-off).
 * The outbox relay's own tick and a job scheduler's next tick are not work.
 */
function backgroundWork(ds: DataSource, redis: IORedis, prefix: string): () => Promise<{ running: number; queued: number }> {
  const keysOf = async (suffix: string) => (await redis.keys(`${prefix}:*:${suffix}`)).filter((k) => !k.includes(':outbox-relay-'));
  return async () => {
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM outbox_event WHERE dispatched_at IS NULL');
    let running = Number(n);
    let queued = 0;
    for (const k of await keysOf('active')) running += Number(await redis.llen(k));
    for (const k of await keysOf('wait')) queued += Number(await redis.llen(k));
    for (const k of await keysOf('prioritized')) queued += Number(await redis.zcard(k));
    for (const k of await keysOf('delayed')) queued += (await redis.zrange(k, 0, -1)).filter((id) => !id.startsWith('repeat:')).length;
    return { running, queued };
  };
}

/**
 * Waits (at most 30 s) until nothing is undispatched or running and neither the tables nor the
 * queues change over two samples 300 ms apart. A job left waiting in a queue this service only
 * produces to (training costs for the budget service, which the test does not start) stays as it
 * is and does not hold the wait up.
 */
async function settled(counts: () => Promise<Record<string, number>>, work: () => Promise<{ running: number; queued: number }>): Promise<void> {
  const sample = async () => {
    const w = await work();
    return { busy: w.running > 0, state: JSON.stringify([await counts(), w.queued]) };
  };
  let last = await sample();
  let quiet = 0;
  for (let i = 0; i < 100 && quiet < 2; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await sample();
    quiet = now.state === last.state && !now.busy ? quiet + 1 : 0;
    last = now;
  }
}

const namesField = (details: Array<{ path?: string }> | undefined, field: string) =>
  (details ?? []).some((d) => {
    const p = String(d.path ?? '');
    return p === field || p.startsWith(`${field}.`) || p.startsWith(`${field}[`) || p.endsWith(`.${field}`) || p === `path:${field}` || p.includes(field);
  });

export async function runHostileCases(
  app: TestApp,
  ds: DataSource,
  opts: { pathValue: (route: WriteRoute, name: string) => string; skip?: (route: WriteRoute) => boolean; token?: string },
): Promise<RunSummary> {
  const service = app.config.service;
  const doc = (await app.request('GET', '/docs-json')).body as OpenApiDoc;
  const prefix = `/api/${service}`;
  const routes = writeRoutes(doc).filter((r) => !opts.skip?.(r));
  const cases: HostileCase[] = routes.flatMap((r) => casesFor(doc, r, opts.pathValue)).filter((c) => FULL || c.fast);
  const token = opts.token ?? app.tokenFor(superUser());
  const counts = await rowCounter(ds);
  const redis = new IORedis(app.config.redisUrl, { maxRetriesPerRequest: 1 });
  const work = backgroundWork(ds, redis, app.config.queuePrefix);
  const summary: RunSummary = { service, mode: FULL ? 'full' : 'fast', routes: routes.length, cases: cases.length, byStatus: {}, concurrentByStatus: {}, findings: [] };

  const refusedBase = new Map<string, boolean>();
  const baseRefused = async (c: HostileCase): Promise<boolean> => {
    const key = `${c.route.method} ${c.route.template}`;
    if (!refusedBase.has(key)) {
      const base = c.route.body ? validValue(doc, c.route.body) : undefined;
      const res = await app.request(c.route.method, fillPath(c.route.template, c.pathValues).replace(prefix, ''), { token, body: base, headers: { 'idempotency-key': `hostile-${randomUUID()}` } });
      refusedBase.set(key, res.status === 400);
    }
    return refusedBase.get(key)!;
  };

  // Each case comes from its own client address (forwarded as the gateway does): the login limit
  // counts per IP and username before validation runs, and would otherwise answer the 21st login
  // case with a 429 instead of testing its input.
  const gateway: Record<string, string> = app.config.gatewaySecret ? { 'x-cws-gateway': app.config.gatewaySecret } : {};
  const clientAddress = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  // The tables as the last refused case left them, when it changed nothing: the next case starts from
  // there instead of counting again (the counts are most of a case's time; nine cases in ten are refused).
  let unchanged: Record<string, number> | undefined;
  for (const [i, c] of cases.entries()) {
    const route = `${c.route.method} ${c.route.template.replace(prefix, '')}`;
    const url = fillPath(c.route.template, c.pathValues).replace(prefix, '');
    const before = unchanged ?? (await counts());
    unchanged = undefined;
    const headers: Record<string, string> = { 'idempotency-key': `hostile-${randomUUID()}`, 'x-forwarded-for': clientAddress(i), ...gateway };
    let body: unknown = c.body;
    if (c.raw !== undefined) {
      body = c.raw;
      headers['content-type'] = 'application/json';
    }
    let res: { status: number; body: { code?: unknown; details?: Array<{ path?: string }> } };
    try {
      res = await app.request(c.route.method, url, { token, body, headers });
    } catch (e) {
      summary.findings.push({ route, case: c.name, category: c.category, status: 0, problem: `request failed: ${(e as Error).message}`, body: null });
      continue;
    }
    summary.byStatus[res.status] = (summary.byStatus[res.status] ?? 0) + 1;
    const problem = (text: string) => summary.findings.push({ route, case: c.name, category: c.category, status: res.status, problem: text, body: res.body });
    // an accepted request may start background work (a payroll run computes its chunks in a
    // queue): let it settle, so the next refused case is not blamed for those rows
    if (res.status < 300) await settled(counts, work);
    if (res.status >= 500) problem('server error');
    else if (res.status === 429) problem('rate limited: the input was never looked at');
    else if (c.expect === 'reject' && res.status < 400) problem('accepted hostile input');
    if (res.status >= 400 && res.status < 500) {
      const after = await counts();
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length) problem(`refused, but rows changed in ${changed.join(', ')}`);
      else unchanged = after;
      if (typeof res.body?.code !== 'string') problem('4xx without a code');
      else if (res.status === 400 && c.expect === 'reject' && c.field && !namesField(res.body.details, c.field) && !(c.category === 'path parameter' && namesField(res.body.details, 'path'))) {
        // a 400 about another field is fine when the generated base body is itself refused (fields
        // required only together with others, e.g. per policy kind): ask once per route
        if (!(await baseRefused(c))) problem(`400 does not name the field ${c.field}`);
      }
    }
  }

  // The same request several times at once, on every route: a check before an insert cannot see another
  // writer's uncommitted row (the unique index's refusal must be the check's 4xx), and writers that lock a
  // row that is not there yet, then insert it, deadlock (the victim must run again): either was a 500.
  for (const [i, r] of routes.entries()) {
    const route = `${r.method} ${r.template.replace(prefix, '')}`;
    const url = fillPath(r.template, Object.fromEntries(r.pathParams.map((p) => [p.name, opts.pathValue(r, p.name)]))).replace(prefix, '');
    const body = r.body ? validValue(doc, r.body) : undefined;
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, k) =>
        app
          .request(r.method, url, { token, body, headers: { 'idempotency-key': `hostile-${randomUUID()}`, 'x-forwarded-for': clientAddress(cases.length + i * CONCURRENT + k), ...gateway } })
          .catch((e: Error) => ({ status: 0, body: { message: e.message } })),
      ),
    );
    for (const a of answers) {
      summary.concurrentByStatus[a.status] = (summary.concurrentByStatus[a.status] ?? 0) + 1;
      if (a.status >= 500 || a.status === 0) {
        summary.findings.push({ route, case: `${CONCURRENT} at once`, category: 'concurrency', status: a.status, problem: 'server error', body: a.body });
      }
    }
    // no wait for the background work these start (five roster generations solve every centre five times):
    // nothing here compares rows, and waiting for it cost minutes under load
  }
  redis.disconnect();
  const dir = path.resolve(__dirname, '../../tmp/security');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `hostile-${service}-${summary.mode}.json`), JSON.stringify(summary, null, 2));
  return summary;
}

/** A readable failure message: the first findings, one per line. */
export function describeFindings(s: RunSummary, max = 40): string {
  return s.findings
    .slice(0, max)
    .map((f) => `${f.status} ${f.route} [${f.category}] ${f.case}: ${f.problem} ${JSON.stringify(f.body)?.slice(0, 160)}`)
    .join('\n');
}

/** Path values that name real records (so valid-looking bodies reach the service), by parameter name. */
export function defaultPathValue(overrides: Record<string, string> = {}) {
  return (route: Pick<WriteRoute, 'template'> & { method: string }, name: string): string => {
    if (name in overrides) return overrides[name];
    const t = route.template;
    // destructive routes get records that do not exist: a 404 still proves the input handling
    const destructive = route.method === 'DELETE' || /deactivate|reactivate/.test(t);
    if (name === 'code') {
      if (t.includes('/districts/')) return destructive ? '330199' : '330106';
      if (t.includes('/streets/')) return destructive ? '330106099' : '330106001';
      return destructive ? '330106001099' : '330106001001';
    }
    if (name === 'communityCode' || name === 'community') return '330106001001';
    if (name === 'year') return '2026';
    if (name === 'stream') return 'RESIDENTS_COMMITTEE';
    if (name === 'kind') return 'CITY_WAGE';
    if (name === 'id' && t.includes('/imports/')) return '00000000-0000-4000-8000-000000000000';
    return '1';
  };
}
