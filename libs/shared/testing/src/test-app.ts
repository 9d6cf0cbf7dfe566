/**
 * Real-dependency harness: each test file gets its own throwaway MySQL schema and BullMQ
 * prefix, a service app listening on a random port, and helpers to call it with tokens.
 */
import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { districtOf, type Principal, type Role } from '@cws/kernel';
import { closeRedis, createServiceApp, loadConfig, TokenService, type ServiceConfig, type ServiceDefinition, type ServiceName } from '@cws/platform';
import { dropDatabase } from '@cws/persistence';
import IORedis from 'ioredis';
import type { Server } from 'node:http';

/**
 * Keys for this test run: random, generated once per test file (process), so two services started
 * by one file trust each other's tokens and share the payroll and scheduler machine credentials. Nothing in the
 * source tree can sign for them.
 */
export const TEST_RUN_KEYS: Readonly<Record<string, string>> = Object.freeze({
  JWT_SECRET: randomBytes(32).toString('base64url'),
  PII_KEY: randomBytes(32).toString('hex'),
  PII_HASH_KEY: randomBytes(32).toString('hex'),
  PAYROLL_CLIENT_SECRET: randomBytes(32).toString('base64url'),
  SCHEDULER_CLIENT_SECRET: randomBytes(32).toString('base64url'),
});

export function testConfig(service: ServiceName, overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  const suffix = randomBytes(4).toString('hex');
  const base = loadConfig(service, { ...process.env, ...TEST_RUN_KEYS, LOG_LEVEL: 'error' });
  return { ...base, database: `cws_test_${service}_${suffix}`, queuePrefix: `cwstest_${suffix}`, port: 0, runMigrations: true, ...overrides };
}

export interface TestApp {
  app: INestApplication;
  config: ServiceConfig;
  baseUrl: string;
  /** fetch relative to /api/<service>, JSON in and out. */
  request(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<TestResponse>;
  tokenFor(principal: Principal): string;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  body: any;
  headers: Headers;
}

/**
 * The apps this file started. Two apps may share a schema (instances of one service) or a queue prefix
 * (services that hear each other's events): closing one must not drop what another still runs on, or
 * its relay's job scheduler meets "Missing key for job repeat:outbox-relay…" and its queries a missing schema.
 */
const started = new Set<{ app: INestApplication; config: ServiceConfig }>();

/** Drops the schema and the queue keys of `config` that no app of this file still listening uses. */
async function releaseTestResources(config: ServiceConfig): Promise<void> {
  for (const s of started) if (!(s.app.getHttpServer() as Server).listening) started.delete(s); // closed by a spec itself
  const up = [...started].map((s) => s.config);
  if (!up.some((c) => c.mysqlUrl === config.mysqlUrl && c.database === config.database)) await dropDatabase(config);
  if (!up.some((c) => c.redisUrl === config.redisUrl && c.queuePrefix === config.queuePrefix)) await dropQueueKeys(config);
}

export async function startTestApp(def: (config: ServiceConfig) => ServiceDefinition, config: ServiceConfig): Promise<TestApp> {
  let app: INestApplication;
  try {
    app = await createServiceApp(def(config), { quiet: true });
    await app.listen(0, '127.0.0.1');
  } catch (err) {
    await releaseTestResources(config); // a failed start leaves no schema or queue keys behind
    throw err;
  }
  const self = { app, config };
  started.add(self);
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}/api/${config.service}`;
  const tokens = app.get(TokenService);
  return {
    app,
    config,
    baseUrl,
    async request(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | undefined;
      if (opts.body !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
      }
      const res = await fetch(baseUrl + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    tokenFor: (principal) => tokens.sign(principal),
    async close() {
      await app.close();
      started.delete(self);
      await releaseTestResources(config);
    },
  };
}

/** Starts a service (as {@link startTestApp}) and seeds it; a failed seed stops it again (and drops its schema). */
export async function startSeededApp(
  def: (config: ServiceConfig) => ServiceDefinition,
  config: ServiceConfig,
  seed: (app: TestApp) => Promise<unknown>,
): Promise<TestApp> {
  const app = await startTestApp(def, config);
  try {
    await seed(app);
  } catch (err) {
    await app.close();
    throw err;
  }
  return app;
}

/** Drops a test's schema and queue keys (for apps and data sources a spec starts itself, not through startTestApp). */
export async function dropTestResources(config: ServiceConfig): Promise<void> {
  await dropDatabase(config);
  await dropQueueKeys(config);
}

async function dropQueueKeys(config: ServiceConfig): Promise<void> {
  const redis = new IORedis(config.redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch {
    return; // a test pointed this app at an unreachable Redis: nothing was written there
  }
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${config.queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await closeRedis(redis);
  }
}

/** Principals for tests, shaped like the demo users. */
export const testPrincipals = {
  cityAdmin: (): Principal => ({ kind: 'user', id: 'u-city', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, permissions: [] }),
  districtHr: (district: string): Principal => ({
    kind: 'user', id: `u-hr-${district}`, name: `hr-${district}`, roles: ['DISTRICT_HR'], scope: { level: 'DISTRICT', district }, permissions: [],
  }),
  /** A user of one street (9-digit code) of its district: STREET_HR unless `roles` say otherwise. */
  streetUser: (street: string, roles: Role[] = ['STREET_HR']): Principal => ({
    kind: 'user', id: `u-st-${street}-${roles.join('-')}`, name: `st-${street}`, roles, scope: { level: 'STREET', district: districtOf(street), street }, permissions: [],
  }),
  auditor: (): Principal => ({ kind: 'user', id: 'u-aud', name: 'auditor', roles: ['AUDITOR'], scope: { level: 'CITY' }, permissions: [] }),
  finance: (): Principal => ({ kind: 'user', id: 'u-fin', name: 'finance', roles: ['FINANCE'], scope: { level: 'CITY' }, permissions: [] }),
  client: (permissions: string[], district?: string): Principal => ({
    kind: 'client', id: `c-${district ?? 'city'}`, name: `client-${district ?? 'city'}`, roles: [],
    scope: district ? { level: 'DISTRICT', district } : { level: 'CITY' }, permissions,
  }),
};
