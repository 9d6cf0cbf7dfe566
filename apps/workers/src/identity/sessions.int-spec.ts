import { DataSource } from 'typeorm';
import { startedApp, startTestApp, type TestApp, testConfig, testPrincipals } from '@cws/testing';
// A second service proves the revocation list is shared: a logged-out token is refused everywhere.
import { payrollService } from '@cws/payroll-testing';
import { startWorkersWithOrg } from '@cws/workers-testing';

describe('sessions: refresh-token families and logout (real MySQL and Redis)', () => {
  let t: TestApp;
  let payroll: TestApp;
  let ds: DataSource;
  const login = async () => {
    const res = await t.request('POST', '/v1/auth/login', { body: { username: 'xihu-hr', password: 'Test@2026' } });
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; refreshToken: string };
  };
  const refresh = (refreshToken: string) => t.request('POST', '/v1/auth/refresh', { body: { refreshToken } });
  const me = async (token: string) => (await t.request('GET', '/v1/auth/me', { token })).status;

  beforeAll(async () => {
    ({ t, ds } = startedApp(await startWorkersWithOrg()));
    payroll = await startTestApp(payrollService, testConfig('payroll'));
  });
  afterAll(async () => {
    await payroll?.close();
    await t?.close();
  });

  it('revokes the whole family when a rotated refresh token is used again', async () => {
    const first = await login();
    const other = await login(); // another session of the same user
    const second = (await refresh(first.refreshToken)).body;
    expect(await me(second.accessToken)).toBe(200);

    // the stolen, already rotated token comes back
    const reused = await refresh(first.refreshToken);
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('INVALID_REFRESH_TOKEN');
    // the newer refresh token of the family is dead too, and so are its access tokens
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect(await me(second.accessToken)).toBe(401);
    expect(await me(first.accessToken)).toBe(401);
    const open = await ds.query(
      `SELECT COUNT(*) AS n FROM refresh_token WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = SHA2(?, 256)) AND revoked_at IS NULL`,
      [first.refreshToken],
    );
    expect(Number(open[0].n)).toBe(0);
    const [audit] = await ds.query(`SELECT action FROM audit_log WHERE entity = 'refresh_token_family' ORDER BY id DESC LIMIT 1`);
    expect(audit.action).toBe('REUSE_DETECTED');
    // the other login is another family: untouched
    expect(await me(other.accessToken)).toBe(200);
    expect((await refresh(other.refreshToken)).status).toBe(200);
  });

  it('refuses the access token after logout, in every service, until it would have expired', async () => {
    const s = await login();
    expect(await me(s.accessToken)).toBe(200);
    expect((await payroll.request('GET', '/v1/policy/rows', { token: s.accessToken })).status).toBe(200);

    expect((await t.request('POST', '/v1/auth/logout', { body: { refreshToken: s.refreshToken } })).status).toBe(204);
    expect(await me(s.accessToken)).toBe(401);
    expect((await payroll.request('GET', '/v1/policy/rows', { token: s.accessToken })).status).toBe(401);
    expect((await refresh(s.refreshToken)).status).toBe(401);
    // tokens without a session (API clients, test tokens) are unaffected
    expect(await me(t.tokenFor(testPrincipals.districtHr('330106')))).toBe(200);
  });

  it('refuses a revoked session before its role is checked, and does not count it against the rate limit', async () => {
    // The revocation check rides in the rate limiter's Redis script (rate-limit.ts); these pin what the separate check did.
    const s = await login();
    const remaining = async (token: string) => Number((await t.request('GET', '/v1/auth/me', { token })).headers.get('x-ratelimit-remaining'));
    const before = await remaining(s.accessToken);
    expect((await t.request('GET', '/v1/users', { token: s.accessToken })).status).toBe(403); // xihu-hr is no CITY_ADMIN
    expect((await t.request('POST', '/v1/auth/logout', { body: { refreshToken: s.refreshToken } })).status).toBe(204);
    const refused = await t.request('GET', '/v1/users', { token: s.accessToken });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('INVALID_TOKEN');
    for (let i = 0; i < 3; i++) expect(await me(s.accessToken)).toBe(401);
    // the same user's next session: only its own request counted since (the 403 and the 401s are refused before counting)
    expect(await remaining((await login()).accessToken)).toBe(before - 1);
  });
});
