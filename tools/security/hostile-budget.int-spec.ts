import { DataSource } from 'typeorm';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { budgetService } from '../../apps/budget/src/budget.definition';
import { demoCommunities, seedBudgetService } from '../../apps/budget/src/seed/seed';
import { defaultPathValue, describeFindings, FULL, runHostileCases } from './hostile-runner';

/** Hostile input on every write route of the budget service. */
describe(`hostile input: budget (${FULL ? 'full' : 'fast'})`, () => {
  let app: TestApp;
  let ds: DataSource;
  let ids: Record<string, string>;
  beforeAll(async () => {
    app = await startTestApp(budgetService, testConfig('budget', { rateLimitPerMinute: 1_000_000 }));
    ds = app.app.get(DataSource);
    await seedBudgetService(ds, demoCommunities());
    const [alloc] = await ds.query(`SELECT id FROM allocation WHERE community_code = '330106001001' AND fiscal_year = 2026 ORDER BY id LIMIT 1`);
    const exp = await app.request('POST', `/v1/allocations/${alloc.id}/expenditures`, {
      token: app.tokenFor(testPrincipals.finance()), headers: { 'idempotency-key': 'hostile-seed' },
      body: { amount: '10.00', category: 'OFFICE', description: '办公用品', source: 'MANUAL' },
    });
    ids = { allocation: String(alloc.id), posting: String(exp.body.id) };
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers every generated case with a 4xx (code, field path) or a success — never a 5xx — and a refused case writes nothing', async () => {
    const base = defaultPathValue();
    const s = await runHostileCases(app, ds, {
      pathValue: (route, name) => (name === 'id' && route.template.includes('/allocations/') ? ids.allocation : name === 'id' && route.template.includes('/postings/') ? ids.posting : base(route, name)),
    });
    console.log(`budget: ${s.routes} write routes, ${s.cases} cases, statuses ${JSON.stringify(s.byStatus)}, concurrent ${JSON.stringify(s.concurrentByStatus)}, findings ${s.findings.length}`);
    // every write route of the service's OpenAPI document is generated from (a floor: one dropped from the document shows)
    expect(s.routes).toBeGreaterThanOrEqual(13);
    expect(s.cases).toBeGreaterThan(0);
    expect(describeFindings(s)).toBe('');
  }, 900_000);
});
