/**
 * The role × scope part of the access matrix. The five demo roles (city admin, district HR of
 * 西湖区, street HR of 翠苑街道, finance, auditor):
 * - × every route of the four services (from the OpenAPI documents): a role the route does not name
 *   in `@Roles` answers 403 FORBIDDEN, a role it names never does;
 * - × every read route of a located record that has a fixture here × a record in 翠苑街道, one in
 *   another street of 西湖区 and one in 上城区: 200 when the role's scope covers the place, else 404
 *   (never 403: a record outside the scope answers like one that does not exist, and exactly like
 *   it — the same status, code and message as a guessed id that names no record); a route whose
 *   visible record answers a business refusal instead of 200 says so in `visibleAnswer`;
 * - the scheduler's hours, located by a query (`?community=`), × the same roles and places: the
 *   month's published hours of the place's centre when the scope covers it, none otherwise.
 * The roles a route allows are read from the running app's own route metadata, so the matrix
 * follows the code; what is checked is that the guard and every scope filter behave as declared.
 */
import { RequestMethod, type INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { scopeCovers, type Principal, type Role } from '@cws/kernel';
import { PiiCipher } from '@cws/persistence';
import { IS_PUBLIC, ROLES_KEY } from '@cws/platform';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
import { budgetService } from '../../apps/budget/src/budget.definition';
import { demoCommunities, seedBudgetService } from '../../apps/budget/src/seed/seed';
import { payrollService } from '../../apps/payroll/src/payroll.definition';
import { seedPayrollService } from '../../apps/payroll/src/seed/seed';
import { RosterGenerationRepository } from '../../apps/scheduler/src/rosters/roster-generation.repository';
import { schedulerService } from '../../apps/scheduler/src/scheduler.definition';
import { ServiceCentreRepository } from '../../apps/scheduler/src/centres/service-centre.repository';
import { defaultCentreConfig } from '@cws/scheduler-solver';
import { seedWorkersService } from '../../apps/workers/src/seed/seed';
import { workersService } from '../../apps/workers/src/workers.definition';
import { defaultPathValue } from './hostile-runner';
import { fillPath, type OpenApiDoc } from './openapi-cases';

const XIHU = '330106';
const CUIYUAN = '330106001';
const ROLES: Record<string, Principal> = {
  'city admin': testPrincipals.cityAdmin(),
  'district HR (西湖区)': testPrincipals.districtHr(XIHU),
  'street HR (翠苑街道)': { kind: 'user', id: 'u-street', name: 'street-hr', roles: ['STREET_HR'], scope: { level: 'STREET', district: XIHU, street: CUIYUAN }, permissions: [] },
  finance: testPrincipals.finance(),
  auditor: testPrincipals.auditor(),
};
type Place = 'this street' | 'other street of the district' | 'other district';
const PLACES: Record<Place, { district: string; street: string }> = {
  'this street': { district: XIHU, street: CUIYUAN },
  'other street of the district': { district: XIHU, street: '' },
  'other district': { district: '330102', street: '' },
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `METHOD /api/<service>/path/{param}` → the roles its handler (or controller) names; null = any signed-in role; 'public'. */
function declaredRoles(app: INestApplication, service: string): Map<string, Role[] | null | 'public'> {
  const out = new Map<string, Role[] | null | 'public'>();
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const cls = wrapper.metatype as (new (...a: never[]) => object) | null;
      if (!cls) continue;
      const base = String(Reflect.getMetadata('path', cls) ?? '');
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = (cls.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const sub = Reflect.getMetadata('path', handler);
        const method = Reflect.getMetadata('method', handler) as RequestMethod | undefined;
        if (sub === undefined || method === undefined) continue;
        const path = `/api/${service}/${[base, String(sub)].join('/')}`.replace(/\/+/g, '/').replace(/\/$/, '').replace(/:(\w+)/g, '{$1}');
        const isPublic = Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, cls);
        const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, cls) ?? null) as Role[] | null;
        out.set(`${RequestMethod[method].toLowerCase()} ${path}`, isPublic ? 'public' : roles);
      }
    }
  }
  return out;
}

describe('access matrix: role × route × scope (real MySQL and Redis)', () => {
  const apps: Record<string, TestApp> = {};
  /**
   * Path values of located records, by route template (`#variant` after it when one route has two
   * fixtures) and place; `missing` names no record at all, for the id-guessing comparison.
   */
  const fixtures = new Map<string, Record<Place | 'missing', Record<string, string>>>();
  const MISSING_ID = '99999999';
  const fixture = (templates: string[], values: Record<Place, Record<string, string>>, missing: Record<string, string> = { id: MISSING_ID }) =>
    templates.forEach((t) => fixtures.set(t, { ...values, missing: { ...values['this street'], ...missing } }));
  /** What a visible record answers where it is not 200: the fixture runs are DRAFTs, and bank files are cut for approved runs only. */
  const visibleAnswer: Record<string, { status: number; code: string }> = {
    '/api/payroll/v1/runs/{id}/bank-files': { status: 409, code: 'PAYROLL_RUN_NOT_APPROVED' },
    '/api/payroll/v1/runs/{id}/bank-files/{account}.csv': { status: 409, code: 'PAYROLL_RUN_NOT_APPROVED' },
  };
  const HOURS_MONTH = '2026-06';
  /** The community whose centre has a published roster of HOURS_MONTH, by place. */
  let hoursCommunities = {} as Record<Place, string>;

  beforeAll(async () => {
    const workers = (apps.workers = await startTestApp(workersService, testConfig('workers', { rateLimitPerMinute: 1_000_000 })));
    const wds = workers.app.get(DataSource);
    await seedWorkersService(wds, workers.app.get(PiiCipher), { password: 'Test@2026', workers: 400 });
    const origin = new URL(workers.baseUrl).origin;
    for (const [name, def] of [['payroll', payrollService], ['scheduler', schedulerService]] as const) {
      const base = testConfig(name, { rateLimitPerMinute: 1_000_000 });
      apps[name] = await startTestApp(def, { ...base, serviceUrls: { ...base.serviceUrls, workers: origin } });
    }
    apps.budget = await startTestApp(budgetService, testConfig('budget', { rateLimitPerMinute: 1_000_000 }));
    await seedBudgetService(apps.budget.app.get(DataSource), demoCommunities());
    await seedPayrollService(apps.payroll.app.get(DataSource));

    // One street of 西湖区 other than 翠苑街道 that has workers and budget allocations, and one of 上城区.
    const [other] = await wds.query(`SELECT street_code AS s FROM worker WHERE district_code = ? AND street_code <> ? GROUP BY street_code ORDER BY street_code LIMIT 1`, [XIHU, CUIYUAN]);
    const [away] = await wds.query(`SELECT street_code AS s FROM worker WHERE district_code = '330102' GROUP BY street_code ORDER BY street_code LIMIT 1`);
    PLACES['other street of the district'].street = other.s;
    PLACES['other district'].street = away.s;
    const each = async <T = Record<string, string>>(f: (place: Place, at: { district: string; street: string }) => Promise<T>) => {
      const out = {} as Record<Place, T>;
      for (const [place, at] of Object.entries(PLACES) as [Place, { district: string; street: string }][]) out[place] = await f(place, at);
      return out;
    };

    // workers: a worker, its community and street of each place
    fixture(
      ['/api/workers/v1/workers/{id}', '/api/workers/v1/workers/{id}/posts', '/api/workers/v1/workers/{id}/secondments', '/api/workers/v1/workers/{id}/pii'],
      await each(async (_, at) => ({ id: String((await wds.query('SELECT MIN(id) AS id FROM worker WHERE street_code = ?', [at.street]))[0].id) })),
    );
    fixture(
      ['/api/workers/v1/communities/{code}', '/api/workers/v1/communities/{code}/posts', '/api/workers/v1/communities/{code}/history'],
      await each(async (_, at) => ({ code: (await wds.query('SELECT MIN(code) AS c FROM community WHERE street_code = ?', [at.street]))[0].c })),
      { code: '330102999999' },
    );
    fixture(['/api/workers/v1/streets/{code}', '/api/workers/v1/streets/{code}/history'], await each(async (_, at) => ({ code: at.street })), { code: '330102999' });

    // payroll: a computed REGULAR run over each street, and one of its payslips
    const admin = apps.payroll.tokenFor(ROLES['city admin']);
    const runs = await each(async (_, at) => {
      const res = await apps.payroll.request('POST', '/v1/runs', { token: admin, body: { period: '2026-11', type: 'REGULAR', scope: at.street } });
      expect(res.status).toBe(201);
      return { id: res.body.id };
    });
    for (const r of Object.values(runs)) {
      for (let i = 0; i < 600; i++) {
        const run = await apps.payroll.request('GET', `/v1/runs/${r.id}`, { token: admin });
        if (run.body.computation.state === 'DONE') break;
        await new Promise((ok) => setTimeout(ok, 100));
      }
    }
    fixture(['/api/payroll/v1/runs/{id}', '/api/payroll/v1/runs/{id}/payslips', '/api/payroll/v1/runs/{id}/register.xlsx', '/api/payroll/v1/runs/{id}/bank-files'], runs);
    fixture(['/api/payroll/v1/runs/{id}/declarations/iit.xlsx'], runs);
    fixture(['/api/payroll/v1/runs/{id}/declarations/{kind}.xlsx'], await each(async (place) => ({ ...runs[place], kind: 'social-insurance' })));
    fixture(['/api/payroll/v1/runs/{id}/bank-files/{account}.csv'], await each(async (place) => ({ ...runs[place], account: '1202020209000012345' })));
    const pds = apps.payroll.app.get(DataSource);
    fixture(
      ['/api/payroll/v1/payslips/{id}', '/api/payroll/v1/payslips/{id}.pdf'],
      await each(async (place) => ({ id: String((await pds.query('SELECT MIN(id) AS id FROM payslip WHERE run_id = ?', [runs[place].id]))[0].id) })),
    );

    // scheduler: a stored centre, a centre with no set-up of its own (its place comes from the workers
    // service, with the caller's token), a roster version solved and published, and a street's generation
    const sds = apps.scheduler.app.get(DataSource);
    const planner = apps.scheduler.tokenFor(ROLES['city admin']);
    const communities = await each(async (_, at) =>
      (await wds.query('SELECT code FROM community WHERE street_code = ? ORDER BY code LIMIT 2', [at.street])).map((r: { code: string }) => r.code as string));
    for (const [place, at] of Object.entries(PLACES) as [Place, { district: string; street: string }][]) {
      await new ServiceCentreRepository().upsert(sds.manager, { communityCode: communities[place][0], districtCode: at.district, streetCode: at.street, config: defaultCentreConfig(), updatedBy: 'matrix' });
    }
    fixture(['/api/scheduler/v1/centres/{community}'], await each(async (place) => ({ community: communities[place][0] })), { community: '330102999999' });
    fixture(['/api/scheduler/v1/centres/{community}#no set-up of its own'], await each(async (place) => {
      expect(communities[place][1]).toBeDefined();
      return { community: communities[place][1] };
    }), { community: '330102999999' });
    const rosters = await each(async (place) => {
      const res = await apps.scheduler.request('POST', '/v1/rosters', { token: planner, body: { community: communities[place][0], month: HOURS_MONTH } });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
      return { id: String(res.body.id) };
    });
    for (const r of Object.values(rosters)) {
      let status = 'QUEUED';
      for (let i = 0; i < 1800 && status === 'QUEUED'; i++) {
        status = (await apps.scheduler.request('GET', `/v1/rosters/${r.id}`, { token: planner })).body.status;
        if (status === 'QUEUED') await new Promise((ok) => setTimeout(ok, 100));
      }
      expect(status).toBe('DRAFT');
      expect((await apps.scheduler.request('POST', `/v1/rosters/${r.id}/publish`, { token: planner })).status).toBe(200);
    }
    hoursCommunities = Object.fromEntries((Object.keys(PLACES) as Place[]).map((place) => [place, communities[place][0]])) as Record<Place, string>;
    fixture(['/api/scheduler/v1/rosters/{id}', '/api/scheduler/v1/rosters/{id}/coverage'], rosters);
    const generationRows = new RosterGenerationRepository();
    fixture(['/api/scheduler/v1/rosters/generations/{id}'], await each(async (_, at) => ({
      id: String(await generationRows.insert(sds.manager, { month: '2026-07', scopeCode: at.street, total: 0, createdBy: 'matrix' })),
    })));

    // budget: an allocation of a community of each street, and an expenditure on it
    const finance = apps.budget.tokenFor(ROLES.finance);
    const bds = apps.budget.app.get(DataSource);
    // any street of the place's kind (the budget seed has its own streets): this one, another of 西湖区, one of 上城区
    const allocations = await each(async (place, at) => {
      const street = place === 'this street' ? 'street_code = ?' : place === 'other street of the district' ? 'street_code <> ?' : 'street_code IS NOT NULL AND ? IS NOT NULL';
      const [row] = await bds.query(
        `SELECT MIN(id) AS id FROM allocation WHERE district_code = ? AND ${street} AND community_code IS NOT NULL AND fiscal_year = 2026 AND amount - spent - committed >= 1`,
        [at.district, CUIYUAN],
      );
      expect(row.id).not.toBeNull();
      return { id: String(row.id) };
    });
    fixture(['/api/budget/v1/allocations/{id}'], allocations);
    fixture(['/api/budget/v1/postings/{id}'], await each(async (place) => {
      const res = await apps.budget.request('POST', `/v1/allocations/${allocations[place].id}/expenditures`, {
        token: finance, headers: { 'idempotency-key': `matrix-${place.replace(/\W/g, '')}` },
        body: { amount: '1.00', category: 'OFFICE', description: '办公用品', source: 'FINANCE_API' },
      });
      expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
      return { id: res.body.id };
    }));
  }, 600_000);

  afterAll(async () => {
    for (const app of Object.values(apps).reverse()) await app.close();
  });

  it('each role × each located record × this street / another street / another district answers 200 or 404 as the scope says (404 exactly as for an id that names nothing), 403 as the roles say', async () => {
    const unexpected: string[] = [];
    let cases = 0;
    let guesses = 0;
    for (const app of Object.values(apps)) {
      const service = app.config.service;
      const declared = declaredRoles(app.app, service);
      for (const [key, values] of fixtures) {
        const template = key.split('#')[0];
        if (!template.startsWith(`/api/${service}/`)) continue;
        const roles = declared.get(`get ${template}`);
        if (roles === undefined || roles === 'public') throw new Error(`no GET handler found for ${template}`);
        for (const [label, principal] of Object.entries(ROLES)) {
          const token = app.tokenFor(principal);
          // what this role gets for a record that does not exist: an out-of-scope record must answer the same
          const missingUrl = fillPath(template, values.missing).replace(`/api/${service}`, '');
          const none = await app.request('GET', missingUrl, { token });
          for (const [place, at] of Object.entries(PLACES) as [Place, { district: string; street: string }][]) {
            const allowed = roles === null || roles.some((r) => principal.roles.includes(r));
            const visible = visibleAnswer[template] ?? { status: 200, code: undefined };
            const expected = !allowed ? 403 : scopeCovers(principal.scope, at.district, at.street) ? visible.status : 404;
            const res = await app.request('GET', fillPath(template, values[place]).replace(`/api/${service}`, ''), { token });
            cases++;
            const codeOk = expected !== visible.status || !visible.code || res.body?.code === visible.code;
            if (res.status !== expected || !codeOk) unexpected.push(`${label} GET ${key} [${place}]: ${res.status}, expected ${expected} ${JSON.stringify(res.body).slice(0, 100)}`);
            if (expected === 404) {
              guesses++;
              const mask = (message: unknown, v: Record<string, string>) => Object.values(v).reduce((m, x) => m.split(x).join('N'), String(message));
              const same = none.status === 404 && res.body?.code === none.body?.code && mask(res.body?.message, values[place]) === mask(none.body?.message, values.missing)
                && JSON.stringify(Object.keys(res.body ?? {}).sort()) === JSON.stringify(Object.keys(none.body ?? {}).sort());
              if (!same) unexpected.push(`${label} GET ${key} [${place}] answers unlike a missing record: ${JSON.stringify(res.body).slice(0, 100)} vs ${none.status} ${JSON.stringify(none.body).slice(0, 100)}`);
            }
          }
        }
      }
    }
    console.log(`role × scope matrix: ${fixtures.size} located routes × ${Object.keys(ROLES).length} roles × ${Object.keys(PLACES).length} places = ${cases} cases (${guesses} of them compared with a missing record), unexpected ${unexpected.length}`);
    expect(unexpected.join('\n')).toBe('');
  }, 600_000);

  it('the scheduler hours, located by ?community=: each role × place answers the month of a centre in scope, and nothing of one outside it', async () => {
    const unexpected: string[] = [];
    for (const [label, principal] of Object.entries(ROLES)) {
      const token = apps.scheduler.tokenFor(principal);
      for (const [place, at] of Object.entries(PLACES) as [Place, { district: string; street: string }][]) {
        const res = await apps.scheduler.request('GET', `/v1/hours?month=${HOURS_MONTH}&community=${hoursCommunities[place]}`, { token });
        const shown = (res.body?.communities ?? []).map((c: { communityCode: string }) => c.communityCode);
        const expected = scopeCovers(principal.scope, at.district, at.street) ? [hoursCommunities[place]] : [];
        if (res.status !== 200 || JSON.stringify(shown) !== JSON.stringify(expected)) unexpected.push(`${label} hours [${place}]: ${res.status} ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
      }
      // without a community: only the centres of the role's scope
      const all = await apps.scheduler.request('GET', `/v1/hours?month=${HOURS_MONTH}`, { token });
      const outside = (all.body?.communities ?? []).filter((c: { districtCode: string; streetCode: string }) => !scopeCovers(principal.scope, c.districtCode, c.streetCode));
      if (all.status !== 200 || outside.length) unexpected.push(`${label} hours (all): ${all.status}, ${outside.length} outside the scope`);
    }
    expect(unexpected.join('\n')).toBe('');
  });

  it('each role × every route: 403 FORBIDDEN exactly when the route does not name the role', async () => {
    const unexpected: string[] = [];
    const size: Record<string, number> = {};
    const pathValue = defaultPathValue({ id: '99999999' });
    for (const app of Object.values(apps)) {
      const service = app.config.service;
      const declared = declaredRoles(app.app, service);
      const doc = (await app.request('GET', '/docs-json')).body as OpenApiDoc;
      size[service] = 0;
      for (const [template, item] of Object.entries(doc.paths)) {
        for (const m of METHODS) {
          if (!item[m]) continue;
          const roles = declared.get(`${m} ${template}`);
          if (roles === undefined) {
            unexpected.push(`${service} ${m.toUpperCase()} ${template}: documented but no handler found`);
            continue;
          }
          if (roles === 'public') continue;
          const names = Object.fromEntries([...template.matchAll(/\{([^}]+)\}/g)].map(([, n]) => [n, pathValue({ method: m.toUpperCase(), template, pathParams: [], multipart: false } as never, n)]));
          const url = fillPath(template, names).replace(`/api/${service}`, '');
          for (const [label, principal] of Object.entries(ROLES)) {
            const res = await app.request(m.toUpperCase(), url, { token: app.tokenFor(principal), body: m === 'get' || m === 'delete' ? undefined : {} });
            size[service]++;
            const allowed = roles === null || roles.some((r) => principal.roles.includes(r));
            const refused = res.status === 403 && res.body?.code === 'FORBIDDEN';
            if (allowed === refused || res.status >= 500 || res.status === 401) {
              unexpected.push(`${label} ${m.toUpperCase()} ${template}: ${res.status} ${JSON.stringify(res.body).slice(0, 100)} (roles ${roles ? roles.join(',') : 'any'})`);
            }
          }
        }
      }
    }
    const total = Object.values(size).reduce((a, b) => a + b, 0);
    console.log(`role × route matrix: ${JSON.stringify(size)} = ${total} cases, unexpected ${unexpected.length}`);
    expect(unexpected.slice(0, 40).join('\n')).toBe('');
  }, 900_000);
});
