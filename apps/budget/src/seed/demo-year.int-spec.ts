import { DataSource } from 'typeorm';
import { startedApp, type TestApp } from '@cws/testing';
import { demoCommunities, seedPayBudget, startSeededBudget } from '@cws/budget-testing';

// The demo follows the calendar: `npm start` in a later year than the demo was written for (2026) seeds that year.
describe('the demo budget of a later year (real MySQL and Redis)', () => {
  let t: TestApp;
  let finance: string;
  beforeAll(async () => {
    ({ t, tokens: { finance } } = startedApp(await startSeededBudget({ year: 2027 })));
  });
  afterAll(() => t?.close());

  it('opens that year with the streams appropriated and allocated, the year before closed, and the pay money in that year', async () => {
    const years = (await t.request('GET', '/v1/fiscal-years', { token: finance })).body as Array<{ year: number; status: string }>;
    expect(years.map(({ year, status }) => [year, status])).toEqual([[2027, 'OPEN'], [2026, 'CLOSED']]);
    const allocations = await t.request('GET', '/v1/allocations?fiscalYear=2027&limit=5', { token: finance });
    expect(allocations.status).toBe(200);
    expect(allocations.body.items.length).toBeGreaterThan(0);
    expect(await seedPayBudget(t.app.get(DataSource), demoCommunities(), { year: 2027 })).toMatchObject({ appropriations: 9 });
    const [{ n }] = await t.app.get(DataSource).query("SELECT COUNT(*) AS n FROM appropriation WHERE fiscal_year = 2027 AND kind = 'SUPPLEMENTARY'");
    expect(Number(n)).toBe(9);
  });
});
