import { DataSource } from 'typeorm';
import { bullConnection, JobProducer, OutboxRelay, OutboxService } from '@cws/messaging';
import { PruneRefreshTokensJob } from '@cws/workers-contracts';
import { startedApp, startTestApp, type TestApp, testConfig, testPrincipals } from '@cws/testing';
import { QueueEvents } from 'bullmq';
import { workersService } from './workers.definition';
import { startWorkersWithOrg } from '@cws/workers-testing';

describe('workers service foundation (real MySQL and Redis)', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    ({ t, ds } = startedApp(await startWorkersWithOrg()));
  });
  afterAll(() => t?.close());

  it('reports health of MySQL and Redis', async () => {
    const res = await t.request('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({ mysql: { status: 'up' }, redis: { status: 'up' } });
    // helmet's headers are on every answer
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('allows CORS only from the configured origins', async () => {
    const allowed = await t.request('GET', '/health', { headers: { origin: 'http://localhost:8080' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    const other = await t.request('GET', '/health', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves Prometheus metrics and the OpenAPI document', async () => {
    const metrics = await t.request('GET', '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('http_request_duration_seconds');
    const doc = await t.request('GET', '/docs-json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toContain('/api/workers/v1/auth/login');
  });

  it('logs in, refreshes once (rotation) and logs out', async () => {
    const login = await t.request('POST', '/v1/auth/login', { body: { username: 'xihu-hr', password: 'Test@2026' } });
    expect(login.status).toBe(200);
    expect(login.body.expiresIn).toBeGreaterThan(0);
    const me = await t.request('GET', '/v1/auth/me', { token: login.body.accessToken });
    expect(me.body).toMatchObject({ name: 'xihu-hr', displayName: '西湖区人事专员', roles: ['DISTRICT_HR'], scope: { level: 'DISTRICT', district: '330106' } });

    const refreshed = await t.request('POST', '/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    const meAfterRefresh = await t.request('GET', '/v1/auth/me', { token: refreshed.body.accessToken });
    expect(meAfterRefresh.body).toMatchObject({ name: 'xihu-hr', displayName: '西湖区人事专员' });
    const reused = await t.request('POST', '/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_REFRESH_TOKEN');

    expect((await t.request('POST', '/v1/auth/logout', { body: { refreshToken: refreshed.body.refreshToken } })).status).toBe(204);
    expect((await t.request('POST', '/v1/auth/refresh', { body: { refreshToken: refreshed.body.refreshToken } })).status).toBe(401);
  });

  it('rejects a wrong password without saying which part was wrong', async () => {
    const res = await t.request('POST', '/v1/auth/login', { body: { username: 'xihu-hr', password: 'nope' } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers 401 without a token and 400 naming an unknown field', async () => {
    const anon = await t.request('GET', '/v1/districts');
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('UNAUTHENTICATED');
    const extra = await t.request('POST', '/v1/auth/login', { body: { username: 'a', password: 'b', admin: true } });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('VALIDATION_FAILED');
    expect(extra.body.details).toEqual([{ path: 'admin', issue: 'is not an allowed field' }]);
  });

  it('filters by scope in the data layer: another district answers 404', async () => {
    const xihu = t.tokenFor(testPrincipals.districtHr('330106'));
    const own = await t.request('GET', '/v1/communities/330106001001', { token: xihu });
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('翠苑一区社区');
    expect(own.body.bodies.map((b: { kind: string }) => b.kind)).toEqual(['PARTY', 'COMMITTEE', 'STATION']);
    const other = await t.request('GET', '/v1/communities/330102001001', { token: xihu });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(expect.objectContaining({ code: 'COMMUNITY_NOT_FOUND' }));
    const list = await t.request('GET', '/v1/communities', { token: xihu });
    expect(list.body.length).toBe(12);
    expect(list.body.every((c: { districtCode: string }) => c.districtCode === '330106')).toBe(true);
  });

  it('enforces roles: a district HR cannot manage users (403)', async () => {
    const res = await t.request('GET', '/v1/users', { token: t.tokenFor(testPrincipals.districtHr('330106')) });
    expect(res.status).toBe(403);
  });

  it('issues a client-credentials token whose scope is the client’s, and audits the creation', async () => {
    const admin = t.tokenFor(testPrincipals.cityAdmin());
    const created = await t.request('POST', '/v1/api-clients', {
      token: admin,
      body: { clientId: 'xihu-finance', name: '西湖区财政局', scopeLevel: 'DISTRICT', scopeDistrict: '330106', permissions: ['budget:read'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.clientSecret).toHaveLength(32);
    const stored = await ds.query('SELECT secret_hash FROM api_client WHERE client_id = ?', ['xihu-finance']);
    expect(stored[0].secret_hash).not.toContain(created.body.clientSecret);

    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: 'xihu-finance', client_secret: created.body.clientSecret });
    const token = await t.request('POST', '/v1/auth/token', { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({ token_type: 'Bearer', scope: 'budget:read' });
    const me = await t.request('GET', '/v1/auth/me', { token: token.body.access_token });
    // /me names no permission, so an API client may not call it
    expect(me.status).toBe(403);

    const bad = await t.request('POST', '/v1/auth/token', { body: { grant_type: 'client_credentials', client_id: 'xihu-finance', client_secret: 'wrong' } });
    expect(bad.status).toBe(401);

    const audit = await t.request('GET', '/v1/audit?entity=api_client', { token: t.tokenFor(testPrincipals.auditor()) });
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'CREATE', actorName: 'city-admin' });
    expect(JSON.stringify(audit.body.items[0].after)).not.toContain('secret');
  });

  it('really enqueues and processes a BullMQ job', async () => {
    await ds.query(
      `INSERT INTO refresh_token (id, user_id, family_id, token_hash, expires_at, revoked_at) VALUES ('old', 'u', 'old', REPEAT('a', 64), UTC_TIMESTAMP(3) - INTERVAL 10 DAY, NULL)`,
    );
    const producer = t.app.get(JobProducer);
    const events = new QueueEvents(PruneRefreshTokensJob.queue, { connection: bullConnection(t.config.redisUrl), prefix: t.config.queuePrefix });
    await events.waitUntilReady();
    const job = await producer.enqueue(PruneRefreshTokensJob, { olderThanDays: 1 });
    const result = await job.waitUntilFinished(events, 15000);
    await events.close();
    expect(result).toEqual({ deleted: 1 });
    expect(await ds.query(`SELECT id FROM refresh_token WHERE id = 'old'`)).toEqual([]);
  });

  it('relays an outbox event written in a transaction to its queue exactly once per event', async () => {
    const outbox = t.app.get(OutboxService);
    const relay = t.app.get(OutboxRelay);
    await ds.transaction((m) => outbox.add(m, PruneRefreshTokensJob, { olderThanDays: 30 }));
    // a rolled-back transaction leaves nothing to relay
    await ds.transaction(async (m) => {
      await outbox.add(m, PruneRefreshTokensJob, { olderThanDays: 99 });
      throw new Error('rollback');
    }).catch(() => undefined);
    const [sentA, sentB] = await Promise.all([relay.relayNow(), relay.relayNow()]);
    expect(sentA + sentB).toBeGreaterThanOrEqual(1);
    const rows = await ds.query('SELECT payload, dispatched_at FROM outbox_event');
    expect(rows).toHaveLength(1);
    expect(rows[0].dispatched_at).not.toBeNull();
    const queue = t.app.get(JobProducer).queue(PruneRefreshTokensJob.queue);
    const ids = (await queue.getJobs(['waiting', 'active', 'completed', 'delayed'])).map((j) => j.id).filter((id) => id?.startsWith('outbox-'));
    expect(ids).toHaveLength(1);
  });
});

describe('rate limiting', () => {
  it('answers 429 with a code after 20 logins a minute from one client', async () => {
    const t = await startTestApp(workersService, testConfig('workers'));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        statuses.push((await t.request('POST', '/v1/auth/login', { body: { username: 'nobody', password: 'x' } })).status);
      }
      expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
      const limited = await t.request('POST', '/v1/auth/login', { body: { username: 'nobody', password: 'x' } });
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('RATE_LIMITED');
      // another client behind the gateway (X-Forwarded-For) has its own allowance
      const other = await t.request('POST', '/v1/auth/login', { body: { username: 'nobody', password: 'x' }, headers: { 'x-forwarded-for': '10.1.2.3' } });
      expect(other.status).toBe(401);
    } finally {
      await t.close();
    }
  });
});
