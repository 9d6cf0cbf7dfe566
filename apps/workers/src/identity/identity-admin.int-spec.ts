import { DataSource } from 'typeorm';
import type { Principal } from '@cws/kernel';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { seedOrgAndUsers, startWorkersWithOrg, TEST_PASSWORD } from '@cws/workers-testing';

describe('identity admin: users and API clients (real MySQL and Redis)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  const PASSWORD = TEST_PASSWORD;
  const login = (username: string, password = PASSWORD) => t.request('POST', '/v1/auth/login', { body: { username, password } });
  const me = async (token: string) => (await t.request('GET', '/v1/auth/me', { token })).status;
  const userId = async (username: string): Promise<string> => (await ds.query('SELECT id FROM app_user WHERE username = ?', [username]))[0].id;
  const lastAudit = async (entity: string, entityId: string) =>
    (await ds.query('SELECT action, actor_name AS actor, `before`, `after` FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1', [entity, entityId]))[0];
  const tokenGrant = (clientId: string, secret: string) =>
    t.request('POST', '/v1/auth/token', {
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  const districtAdmin = (district: string): Principal => ({ ...testPrincipals.cityAdmin(), id: `u-admin-${district}`, name: `admin-${district}`, scope: { level: 'DISTRICT', district } });

  beforeAll(async () => {
    ({ t, ds, tokens: { admin } } = startedApp(await startWorkersWithOrg()));
  });
  afterAll(() => t?.close());

  it('creates a user: the answer is the row as stored (no hash), the audit entry holds the same view, the new user signs in', async () => {
    const before = Date.now();
    const res = await t.request('POST', '/v1/users', {
      token: admin,
      body: { username: 'gongshu-hr', displayName: '拱墅区人社科', password: 'S3cure!pass', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330105' },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(['active', 'createdAt', 'displayName', 'id', 'roles', 'scopeDistrict', 'scopeLevel', 'scopeStreet', 'username']);
    expect(res.body).toMatchObject({
      username: 'gongshu-hr', displayName: '拱墅区人社科', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330105', scopeStreet: null, active: true,
    });
    const createdAt = Date.parse(res.body.createdAt);
    expect(createdAt).toBeGreaterThanOrEqual(before - 1000);
    expect(createdAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await userId('gongshu-hr')).toBe(res.body.id);
    // the stored instant is the one answered (the data source reads DATETIME as UTC)
    const [row] = await ds.query("SELECT DATE_FORMAT(created_at, '%Y-%m-%dT%H:%i:%s.%fZ') AS at FROM app_user WHERE id = ?", [res.body.id]);
    expect(row.at.replace(/(\.\d{3})\d{3}Z$/, '$1Z')).toBe(res.body.createdAt);
    const audit = await lastAudit('user', res.body.id);
    expect(audit).toMatchObject({ action: 'CREATE', actor: 'city-admin', before: null });
    expect(typeof audit.after === 'string' ? JSON.parse(audit.after) : audit.after).toEqual(res.body);
    expect((await login('gongshu-hr', 'S3cure!pass')).status).toBe(200);

    const again = await t.request('POST', '/v1/users', {
      token: admin,
      body: { username: 'gongshu-hr', displayName: 'x', password: 'S3cure!pass', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330105' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'USERNAME_TAKEN', details: [{ path: 'username' }] });
  });

  it('re-running the demo seed neither fails nor duplicates users, and leaves existing ones as they are', async () => {
    const users = () => ds.query('SELECT id, username, password_hash AS hash, created_at AS at FROM app_user ORDER BY username');
    const seeded = await users();
    expect(seeded.length).toBeGreaterThanOrEqual(6);
    await seedOrgAndUsers(ds, { password: 'An0ther!pass' });
    expect(await users()).toEqual(seeded);
    expect((await login('city-admin')).status).toBe(200);
  });

  it('disables a user: they cannot sign in, their refresh tokens are revoked and their access tokens refused; enabling lets them back', async () => {
    const session = (await login('shangcheng-hr')).body as { accessToken: string; refreshToken: string };
    expect(await me(session.accessToken)).toBe(200);
    const id = await userId('shangcheng-hr');

    const disabled = await t.request('POST', `/v1/users/${id}/disable`, { token: admin });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id, active: false });
    expect(disabled.body.passwordHash).toBeUndefined();

    expect((await login('shangcheng-hr')).body.code).toBe('INVALID_CREDENTIALS');
    expect(await me(session.accessToken)).toBe(401);
    expect((await t.request('POST', '/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    const [open] = await ds.query('SELECT COUNT(*) AS n FROM refresh_token WHERE user_id = ? AND revoked_at IS NULL', [id]);
    expect(Number(open.n)).toBe(0);
    const audit = await lastAudit('user', id);
    expect(audit).toMatchObject({ action: 'DISABLE', actor: 'city-admin' });
    expect(JSON.stringify(audit)).not.toContain('passwordHash');

    expect((await t.request('POST', `/v1/users/${id}/enable`, { token: admin })).body.active).toBe(true);
    expect((await login('shangcheng-hr')).status).toBe(200);
  });

  it('resets a password: the old one stops working, the new one signs in, open sessions end', async () => {
    const id = await userId('cuiyuan-hr');
    const before = (await login('cuiyuan-hr')).body.accessToken as string;
    const short = await t.request('POST', `/v1/users/${id}/reset-password`, { token: admin, body: { password: 'short' } });
    expect(short.status).toBe(400);
    expect(short.body.details[0].path).toBe('password');

    expect((await t.request('POST', `/v1/users/${id}/reset-password`, { token: admin, body: { password: 'N3w!passw0rd' } })).status).toBe(204);
    expect((await login('cuiyuan-hr')).status).toBe(401);
    expect((await login('cuiyuan-hr', 'N3w!passw0rd')).status).toBe(200);
    expect(await me(before)).toBe(401);
    expect((await lastAudit('user', id)).action).toBe('RESET_PASSWORD');
  });

  it('edits a user: names stay signed in, a change of roles or scope ends sessions; the scope is checked', async () => {
    const id = await userId('xihu-hr');
    const session = (await login('xihu-hr')).body.accessToken as string;
    const renamed = await t.request('PATCH', `/v1/users/${id}`, { token: admin, body: { displayName: '西湖区人社科' } });
    expect(renamed.body).toMatchObject({ displayName: '西湖区人社科', roles: ['DISTRICT_HR'], scopeDistrict: '330106' });
    expect(await me(session)).toBe(200);

    const badStreet = await t.request('PATCH', `/v1/users/${id}`, { token: admin, body: { scopeLevel: 'STREET', scopeDistrict: '330106', scopeStreet: '330102001' } });
    expect(badStreet.status).toBe(400);
    expect(badStreet.body).toMatchObject({ code: 'SCOPE_STREET_OUTSIDE_DISTRICT', details: [{ path: 'scopeStreet' }] });
    const noLevel = await t.request('PATCH', `/v1/users/${id}`, { token: admin, body: { scopeDistrict: '330102' } });
    expect(noLevel.body.details[0].path).toBe('scopeLevel');

    const moved = await t.request('PATCH', `/v1/users/${id}`, { token: admin, body: { roles: ['DISTRICT_HR', 'FINANCE'], scopeLevel: 'STREET', scopeDistrict: '330106', scopeStreet: '330106001' } });
    expect(moved.body).toMatchObject({ roles: ['DISTRICT_HR', 'FINANCE'], scopeLevel: 'STREET', scopeStreet: '330106001' });
    expect(await me(session)).toBe(401);
    const audit = await lastAudit('user', id);
    expect(audit.before.scopeLevel).toBe('DISTRICT');
    expect(audit.after).toMatchObject({ scopeLevel: 'STREET', sessionsEnded: 1 });
    const fresh = (await login('xihu-hr')).body.accessToken as string;
    expect((await t.request('GET', '/v1/auth/me', { token: fresh })).body.scope).toEqual({ level: 'STREET', district: '330106', street: '330106001' });
    await t.request('PATCH', `/v1/users/${id}`, { token: admin, body: { roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330106' } });
  });

  it('keeps an admin from locking themselves out', async () => {
    const id = await userId('city-admin');
    const self = t.tokenFor({ ...testPrincipals.cityAdmin(), id });
    const disable = await t.request('POST', `/v1/users/${id}/disable`, { token: self });
    expect(disable.status).toBe(409);
    expect(disable.body.code).toBe('SELF_LOCKOUT');
    const demote = await t.request('PATCH', `/v1/users/${id}`, { token: self, body: { roles: ['AUDITOR'] } });
    expect(demote.body.code).toBe('SELF_LOCKOUT');
    expect((await ds.query('SELECT active FROM app_user WHERE id = ?', [id]))[0].active).toBe(1);
  });

  it('keeps a district admin inside their district: others answer 404, no wider scope can be granted; other roles get 403', async () => {
    const xihuAdmin = t.tokenFor(districtAdmin('330106'));
    const listed = (await t.request('GET', '/v1/users', { token: xihuAdmin })).body as { username: string }[];
    expect(listed.map((u) => u.username).sort()).toEqual(['cuiyuan-hr', 'xihu-hr']);

    const other = await userId('shangcheng-hr');
    expect((await t.request('POST', `/v1/users/${other}/disable`, { token: xihuAdmin })).status).toBe(404);
    expect((await t.request('POST', `/v1/users/${await userId('city-admin')}/reset-password`, { token: xihuAdmin, body: { password: 'Whatever!123' } })).status).toBe(404);
    const widen = await t.request('PATCH', `/v1/users/${await userId('cuiyuan-hr')}`, { token: xihuAdmin, body: { scopeLevel: 'CITY' } });
    expect(widen.status).toBe(403);
    expect(widen.body).toMatchObject({ code: 'SCOPE_OUTSIDE_YOURS', details: [{ path: 'scopeLevel' }] });
    const elsewhere = await t.request('POST', '/v1/users', {
      token: xihuAdmin,
      body: { username: 'sc-new', displayName: 'x', password: 'S3cure!pass', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330102' },
    });
    expect(elsewhere.body).toMatchObject({ code: 'SCOPE_OUTSIDE_YOURS', details: [{ path: 'scopeDistrict' }] });

    const hr = t.tokenFor(testPrincipals.districtHr('330106'));
    expect((await t.request('POST', `/v1/users/${other}/disable`, { token: hr })).status).toBe(403);
    expect((await t.request('POST', `/v1/users/not-a-uuid/disable`, { token: admin })).status).toBe(400);
  });

  it('rotates a client secret (shown once, the old one refused) and revokes a client for good', async () => {
    const created = await t.request('POST', '/v1/api-clients', {
      token: admin,
      body: { clientId: 'gongshu-finance', name: '拱墅区财政局', scopeLevel: 'DISTRICT', scopeDistrict: '330105', permissions: ['budget:read'] },
    });
    const { id, clientSecret: first } = created.body as { id: string; clientSecret: string };
    expect((await tokenGrant('gongshu-finance', first)).status).toBe(200);

    const rotated = await t.request('POST', `/v1/api-clients/${id}/rotate-secret`, { token: admin });
    expect(rotated.status).toBe(200);
    expect(rotated.body.clientSecret).toHaveLength(32);
    expect(rotated.body.clientSecret).not.toBe(first);
    expect(rotated.body.secretHash).toBeUndefined();
    expect((await tokenGrant('gongshu-finance', first)).status).toBe(401);
    expect((await tokenGrant('gongshu-finance', rotated.body.clientSecret)).status).toBe(200);
    const audit = await lastAudit('api_client', id);
    expect(audit.action).toBe('ROTATE_SECRET');
    expect(JSON.stringify(audit)).not.toContain(rotated.body.clientSecret);
    expect((await t.request('GET', '/v1/api-clients', { token: admin })).body.find((c: { id: string }) => c.id === id).clientSecret).toBeUndefined();

    expect((await t.request('POST', `/v1/api-clients/${id}/revoke`, { token: admin })).body.active).toBe(false);
    expect((await tokenGrant('gongshu-finance', rotated.body.clientSecret)).status).toBe(401);
    const again = await t.request('POST', `/v1/api-clients/${id}/rotate-secret`, { token: admin });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('API_CLIENT_REVOKED');
    expect((await t.request('POST', `/v1/api-clients/${id}/revoke`, { token: t.tokenFor(districtAdmin('330106')) })).status).toBe(404);
  });
});
