/**
 * Rate limits shared through Redis by two instances of the workers service, counted per subject
 * (user or API client), per IP + username at login, per IP + client at the token endpoint; and the
 * OAuth token endpoint's no-store and RFC 6749 error fields.
 */
import { DataSource } from 'typeorm';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { seedOrgAndUsers, workersService } from '@cws/workers-testing';

describe('rate limits in Redis and the token endpoint (two workers instances, real MySQL and Redis)', () => {
  let one: TestApp;
  let two: TestApp;
  beforeAll(async () => {
    // one schema, one Redis prefix, two processes' worth of Nest apps: what two instances share
    const config = testConfig('workers', { rateLimitPerMinute: 6 });
    one = await startTestApp(workersService, config);
    two = await startTestApp(workersService, { ...config, runMigrations: false });
    await seedOrgAndUsers(one.app.get(DataSource), { password: 'Test@2026' });
  });
  afterAll(async () => {
    await two?.close().catch(() => undefined);
    await one?.close();
  });

  it('counts an authenticated subject across instances, not per IP; answers 429 with Retry-After in the error shape', async () => {
    const hr = one.tokenFor(testPrincipals.districtHr('330106'));
    const other = one.tokenFor(testPrincipals.districtHr('330105'));
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? two : one).request('GET', '/v1/districts', { token: hr })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    const refused = await two.request('GET', '/v1/districts', { token: hr });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', details: [], retryAfterSeconds: expect.any(Number) });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.message).not.toMatch(/ThrottlerException/);
    // same IP (127.0.0.1), another user: its own budget
    expect((await one.request('GET', '/v1/districts', { token: other })).status).toBe(200);
  });

  it('counts logins per IP and username: one username locked out does not lock out the office', async () => {
    const login = (app: TestApp, username: string, password = 'wrong') => app.request('POST', '/v1/auth/login', { body: { username, password } });
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await login(i % 2 ? two : one, 'xihu-hr')).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses[20]).toBe(429);
    const locked = await login(one, 'XIHU-HR', 'Test@2026');
    expect(locked.status).toBe(429); // the right password does not reopen the window
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await login(two, 'city-admin', 'Test@2026')).status).toBe(200);
  });

  it('the token endpoint: no-store on every answer, RFC 6749 error fields, per-client limit', async () => {
    const admin = one.tokenFor(testPrincipals.cityAdmin());
    const created = await one.request('POST', '/v1/api-clients', {
      token: admin, body: { clientId: 'xihu-finance', name: '西湖区财政局', scopeLevel: 'DISTRICT', scopeDistrict: '330106', permissions: ['budget:read'] },
    });
    expect(created.status).toBe(201);
    const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
      one.request('POST', '/v1/auth/token', { body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

    const ok = await form({ grant_type: 'client_credentials', client_id: 'xihu-finance', client_secret: created.body.clientSecret });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ access_token: expect.any(String), token_type: 'Bearer', expires_in: expect.any(Number), scope: 'budget:read' });
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.headers.get('pragma')).toBe('no-cache');

    const basic = `Basic ${Buffer.from(`xihu-finance:${encodeURIComponent('wrong')}`).toString('base64')}`;
    const cases: Array<[string, Promise<{ status: number; body: any; headers: Headers }>, number, string]> = [
      ['wrong secret (Basic)', form({ grant_type: 'client_credentials' }, { authorization: basic }), 401, 'invalid_client'],
      ['unknown client', form({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' }), 401, 'invalid_client'],
      ['other grant type', form({ grant_type: 'password', client_id: 'xihu-finance', client_secret: 'x' }), 400, 'unsupported_grant_type'],
      ['no grant type', form({ client_id: 'xihu-finance', client_secret: 'x' }), 400, 'invalid_request'],
      ['scope not granted', form({ grant_type: 'client_credentials', client_id: 'xihu-finance', client_secret: created.body.clientSecret, scope: 'budget:write' }), 400, 'invalid_scope'],
      ['no secret', form({ grant_type: 'client_credentials', client_id: 'xihu-finance' }), 400, 'invalid_request'],
    ];
    for (const [label, pending, status, error] of cases) {
      const res = await pending;
      expect({ label, status: res.status, error: res.body.error }).toEqual({ label, status, error });
      expect(res.body.error_description).toEqual(expect.any(String));
      expect(res.headers.get('cache-control')).toBe('no-store');
      if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Basic /);
    }
    // 30 a minute per IP + client: the 31st for this client is a 429 in OAuth form, another client is not limited by it
    let last = { status: 0, body: {} as any, headers: new Headers() };
    for (let i = cases.length + 1; i <= 30; i++) last = await form({ grant_type: 'client_credentials', client_id: 'xihu-finance', client_secret: 'x' });
    expect(last.status).toBe(401);
    const limited = await form({ grant_type: 'client_credentials', client_id: 'xihu-finance', client_secret: 'x' });
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ error: 'temporarily_unavailable', code: 'RATE_LIMITED' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('cache-control')).toBe('no-store');
    expect((await form({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' })).status).toBe(401);
  });
});
