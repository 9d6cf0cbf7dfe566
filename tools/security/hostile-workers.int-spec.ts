import { DataSource } from 'typeorm';
import { PiiCipher } from '@cws/persistence';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { seedWorkersService, workersService } from '@cws/workers-testing';
import { defaultPathValue, describeFindings, FULL, runHostileCases } from './hostile-runner';

/** Hostile input on every write route of the workers service (the import upload has its own spec). */
describe(`hostile input: workers (${FULL ? 'full' : 'fast'})`, () => {
  let app: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    app = await startTestApp(workersService, testConfig('workers', { rateLimitPerMinute: 1_000_000 }));
    ds = app.app.get(DataSource);
    await seedWorkersService(ds, app.app.get(PiiCipher), { password: 'Test@2026', workers: 30 });
    // one of each record the routes' {id} can name
    const token = app.tokenFor(testPrincipals.cityAdmin());
    const post = (path: string, body: unknown) => app.request('POST', path, { token, body });
    await post('/v1/vacancies', { communityCode: '330106001001', bodyKind: 'STATION', role: 'STAFF', headcount: 2, opensOn: '2026-03-01', closesOn: '2026-03-31' });
    await post('/v1/vacancies/1/candidates', { name: '陈晓燕', residentId: '34052419800101001X', education: 'BACHELOR', politicalStatus: 'LEAGUE_MEMBER' });
    await post('/v1/training/courses', { name: '社区治理实务', category: 'PROFESSIONAL_SKILLS' });
    await post('/v1/training/providers', { name: '杭州市委党校' });
    await post('/v1/training/classes', { courseId: 1, providerId: 1, title: '能力提升班', startDate: '2026-04-07', endDate: '2026-04-09', hours: '24.0', cost: '0' });
    await post('/v1/secondments', { workerId: 2, direction: 'OUT', organisation: '翠苑街道办事处', from: '2026-03-01', payer: 'HOME' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers every generated case with a 4xx (code, field path) or a success — never a 5xx — and a refused case writes nothing', async () => {
    const s = await runHostileCases(app, ds, {
      pathValue: defaultPathValue(),
      skip: (r) => r.multipart, // tools/security/uploads.int-spec.ts
    });
    console.log(`workers: ${s.routes} write routes, ${s.cases} cases, statuses ${JSON.stringify(s.byStatus)}, concurrent ${JSON.stringify(s.concurrentByStatus)}, findings ${s.findings.length}`);
    // every write route of the service's OpenAPI document is generated from (a floor: one dropped from the document shows)
    expect(s.routes).toBeGreaterThanOrEqual(57);
    expect(s.cases).toBeGreaterThan(0);
    expect(describeFindings(s)).toBe('');
  }, 900_000);
});
