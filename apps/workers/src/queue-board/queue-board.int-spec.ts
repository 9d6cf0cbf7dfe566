import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { workersService } from '../workers.definition';
import { BOARD_QUEUES } from './queue-board';

describe('Bull Board at /admin/queues: city admins only (real Redis)', () => {
  let t: TestApp;
  let origin: string;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers, redirect: 'manual' });

  beforeAll(async () => {
    t = await startTestApp(workersService, testConfig('workers'));
    origin = new URL(t.baseUrl).origin;
  });
  afterAll(() => t?.close());

  it('refuses anyone who is not a city-scoped CITY_ADMIN: 401 without a valid token, 403 for other roles and API clients', async () => {
    const none = await get('/admin/queues');
    expect(none.status).toBe(401);
    expect(((await none.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    expect((await get('/admin/queues', { authorization: 'Bearer not.a.token' })).status).toBe(401);
    expect((await get('/admin/queues', { cookie: 'cws_queues=forged' })).status).toBe(401);
    for (const p of [testPrincipals.districtHr('330106'), testPrincipals.auditor(), testPrincipals.client(['workers:read', 'payroll:read'])]) {
      const res = await get('/admin/queues/api/queues', { authorization: `Bearer ${t.tokenFor(p)}` });
      expect(res.status).toBe(403);
    }
    const districtAdmin = { ...testPrincipals.cityAdmin(), scope: { level: 'DISTRICT' as const, district: '330106' } };
    expect((await get('/admin/queues', { authorization: `Bearer ${t.tokenFor(districtAdmin)}` })).status).toBe(403);
    // the session endpoint refuses the same way and sets no cookie
    const hrSession = await fetch(`${origin}/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${t.tokenFor(testPrincipals.districtHr('330106'))}` } });
    expect(hrSession.status).toBe(403);
    expect(hrSession.headers.get('set-cookie')).toBeNull();
  });

  it('shows a city admin every queue of the suite, by bearer token or by the session cookie', async () => {
    const token = t.tokenFor(testPrincipals.cityAdmin());
    const page = await get('/admin/queues', { authorization: `Bearer ${token}` });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<title>CWS queues<\/title>[\s\S]*static\/js\/main\./);

    const session = await fetch(`${origin}/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(session.status).toBe(204);
    const setCookie = session.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^cws_queues=[^;]+; Path=\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0];
    const api = await get('/admin/queues/api/queues', { cookie });
    expect(api.status).toBe(200);
    const names = ((await api.json()) as { queues: Array<{ name: string }> }).queues.map((q) => q.name).sort();
    expect(names).toEqual([...BOARD_QUEUES].sort());
    // a change through the cookie from another site is refused
    const cross = await fetch(`${origin}/admin/queues/api/queues/workers-events/clean/failed`, { method: 'PUT', headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(cross.status).toBe(403);
  });
});
