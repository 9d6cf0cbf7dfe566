/**
 * The access matrix, generated from the four services' OpenAPI documents: every route (every
 * method) × bad credentials (none, expired, wrong key, alg none, tampered claims, a refresh token as
 * the access token) must answer a JSON 401 and no data; method swaps answer a 4xx with a code, never
 * 2xx or 5xx; and a guessed id of another district's record answers exactly like one that does not exist.
 */
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PiiCipher } from '@cws/persistence';
import { TokenService } from '@cws/platform';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { budgetService } from '../../apps/budget/src/budget.definition';
import { demoCommunities, seedBudgetService } from '../../apps/budget/src/seed/seed';
import { payrollService } from '../../apps/payroll/src/payroll.definition';
import { schedulerService } from '../../apps/scheduler/src/scheduler.definition';
import { seedWorkersService, workersService } from '@cws/workers-testing';
import { defaultPathValue, superUser } from './hostile-runner';
import { fillPath, type OpenApiDoc } from './openapi-cases';

const PUBLIC = /\/auth\/(login|refresh|logout|token)$|\/(health|ready|live|metrics)(\/|$)|\/docs/;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const parts = (jwt: string) => jwt.split('.').map((p, i) => (i < 2 ? JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) : p));

/** Bad credentials made from a real token of the service. */
function badCredentials(app: TestApp, refreshToken: string): Record<string, string | undefined> {
  const tokens = app.app.get(TokenService);
  const good = app.tokenFor(superUser());
  const [header, claims] = parts(good);
  const body = (h: unknown, c: unknown) => `${b64(h)}.${b64(c)}`;
  const hs = (secret: string, h: unknown, c: unknown) => `${body(h, c)}.${createHmac('sha256', secret).update(body(h, c)).digest('base64url')}`;
  return {
    'no token': undefined,
    expired: tokens.sign(superUser(), -120),
    'wrong key': hs('not-the-service-key-but-32-characters-long', header, claims),
    'alg none': `${body({ ...header, alg: 'none' }, claims)}.`,
    'tampered claims': `${body(header, { ...claims, roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, sub: 'someone-else' })}.${good.split('.')[2]}`,
    'refresh token as access token': refreshToken,
  };
}

describe('access matrix over the four services (real MySQL and Redis)', () => {
  const apps: TestApp[] = [];
  let workers: TestApp;
  let refreshToken: string;
  beforeAll(async () => {
    workers = await startTestApp(workersService, testConfig('workers', { rateLimitPerMinute: 1_000_000 }));
    apps.push(workers);
    await seedWorkersService(workers.app.get(DataSource), workers.app.get(PiiCipher), { password: 'Test@2026', workers: 30 });
    const budget = await startTestApp(budgetService, testConfig('budget', { rateLimitPerMinute: 1_000_000 }));
    apps.push(budget);
    await seedBudgetService(budget.app.get(DataSource), demoCommunities());
    const origin = new URL(workers.baseUrl).origin;
    for (const def of [payrollService, schedulerService]) {
      const base = testConfig(def === payrollService ? 'payroll' : 'scheduler', { rateLimitPerMinute: 1_000_000 });
      apps.push(await startTestApp(def, { ...base, serviceUrls: { ...base.serviceUrls, workers: origin } }));
    }
    const login = await workers.request('POST', '/v1/auth/login', { body: { username: 'xihu-hr', password: 'Test@2026' } });
    expect(login.status).toBe(200);
    refreshToken = login.body.refreshToken;
  });
  afterAll(async () => {
    for (const app of apps.reverse()) await app.close();
  });

  it('every route × bad credential answers a JSON 401 with a code and no data; method swaps answer a 4xx', async () => {
    const size: Record<string, { routes: number; credentialCases: number; methodSwaps: number }> = {};
    const unexpected: string[] = [];
    const pathValue = defaultPathValue();
    for (const app of apps) {
      const service = app.config.service;
      const doc = (await app.request('GET', '/docs-json')).body as OpenApiDoc;
      const creds = badCredentials(app, refreshToken);
      const admin = app.tokenFor(superUser());
      const s = (size[service] = { routes: 0, credentialCases: 0, methodSwaps: 0 });
      for (const [template, item] of Object.entries(doc.paths)) {
        const url = fillPath(template, Object.fromEntries([...template.matchAll(/\{([^}]+)\}/g)].map(([, n]) => [n, pathValue({ method: 'POST', template }, n)]))).replace(`/api/${service}`, '');
        for (const m of METHODS) {
          if (!item[m]) {
            const res = await app.request(m.toUpperCase(), url, { token: admin, body: m === 'get' || m === 'delete' ? undefined : {} });
            s.methodSwaps++;
            // 404/405, or a 4xx of another route the path also matches (GET /rosters/generate → /rosters/{id})
            if (res.status < 400 || res.status >= 500 || typeof res.body?.code !== 'string') unexpected.push(`${service} ${m.toUpperCase()} ${template} (swap): ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
            continue;
          }
          s.routes++;
          if (PUBLIC.test(template)) continue;
          for (const [label, token] of Object.entries(creds)) {
            const res = await app.request(m.toUpperCase(), url, { token, body: m === 'get' || m === 'delete' ? undefined : {} });
            s.credentialCases++;
            const leaked = res.body && typeof res.body === 'object' && ('items' in res.body || 'id' in res.body);
            if (res.status !== 401 || typeof res.body?.code !== 'string' || leaked) {
              unexpected.push(`${service} ${m.toUpperCase()} ${template} [${label}]: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
            }
          }
        }
      }
    }
    const total = Object.values(size).reduce((a, s) => ({ routes: a.routes + s.routes, cases: a.cases + s.credentialCases + s.methodSwaps }), { routes: 0, cases: 0 });
    console.log(`access matrix: ${JSON.stringify(size)}; ${total.routes} routes, ${total.cases} cases, unexpected ${unexpected.length}`);
    expect(unexpected.slice(0, 30).join('\n')).toBe('');
    // a floor, so a route that drops out of an OpenAPI document cannot shrink the matrix unnoticed (docs/security.md)
    expect(total.routes).toBeGreaterThanOrEqual(179);
  }, 900_000);

  it('a guessed id of another district answers like an id that does not exist (404, same body shape)', async () => {
    const hangzhouOther = workers.tokenFor(testPrincipals.districtHr('330105'));
    const [inXihu] = await workers.app.get(DataSource).query(`SELECT id FROM worker WHERE district_code = '330106' ORDER BY id LIMIT 1`);
    const [{ maxId }] = await workers.app.get(DataSource).query('SELECT MAX(id) AS maxId FROM worker');
    const theirs = await workers.request('GET', `/v1/workers/${inXihu.id}`, { token: hangzhouOther });
    const none = await workers.request('GET', `/v1/workers/${Number(maxId) + 1000}`, { token: hangzhouOther });
    expect(theirs.status).toBe(404);
    expect(none.status).toBe(404);
    expect(theirs.body.code).toBe(none.body.code);
    expect(Object.keys(theirs.body).sort()).toEqual(Object.keys(none.body).sort());
    // the message names the id asked for, nothing about the record
    expect(theirs.body.message.replace(String(inXihu.id), 'N')).toBe(none.body.message.replace(String(Number(maxId) + 1000), 'N'));
  });
});
