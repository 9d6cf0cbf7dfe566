import { DataSource } from 'typeorm';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { idempotent, startSeededBudget } from '@cws/budget-testing';

/**
 * A finance-bureau client of 西湖区 (330106) with read and write permissions must not see or
 * post to 上城区 (330102): every route answers 404 for the other district's records.
 */
describe('budget API scope for a district finance-bureau client', () => {
  let t: TestApp;
  let ds: DataSource;
  let xihu: string;
  let ids: { allocation: string; posting: string; appropriation: string; cityAppropriation: string; unmatched: string };
  const other = { district: '330102', street: '330102001', community: '330102001001' };

  beforeAll(async () => {
    ({ t, ds } = startedApp(await startSeededBudget()));
    xihu = t.tokenFor(testPrincipals.client(['budget:read', 'budget:write'], '330106'));
    const q = async (sql: string) => String((await ds.query(sql))[0].id);
    const allocation = await q(`SELECT id FROM allocation WHERE community_code = '330102001001' AND fiscal_year = 2026 AND funder = '330102' ORDER BY id LIMIT 1`);
    const fin = t.tokenFor(testPrincipals.finance());
    const spent = await t.request('POST', `/v1/allocations/${allocation}/expenditures`, {
      token: fin, headers: idempotent(), body: { amount: '10.00', category: 'OFFICE', description: '办公用品', source: 'MANUAL' },
    });
    expect(spent.status).toBe(201);
    ids = {
      allocation,
      posting: spent.body.id,
      appropriation: await q(`SELECT id FROM appropriation WHERE funder = '330102' AND fiscal_year = 2026 LIMIT 1`),
      cityAppropriation: await q(`SELECT id FROM appropriation WHERE funder = 'CITY' AND fiscal_year = 2026 LIMIT 1`),
      unmatched: '0',
    };
    await ds.query(
      `INSERT INTO unmatched_posting (external_key, source, source_ref, reason, fiscal_year, funder, stream, district_code, street_code, community_code, amount, payload, received_at)
       VALUES ('PAYROLL:x', 'PAYROLL', 'x', 'NO_ALLOCATION', 2026, '330102', 'PARTY_BUILDING', '330102', '330102001', '330102001001', '1.00', '{}', UTC_TIMESTAMP(3))`,
    );
    ids.unmatched = await q(`SELECT id FROM unmatched_posting WHERE external_key = 'PAYROLL:x'`);
  });
  afterAll(() => t?.close());

  const posting = { amount: '1.00', category: 'OFFICE', description: 'x', source: 'FINANCE_API' };
  const routes: Array<[string, string, () => unknown]> = [
    ['GET', '/v1/appropriations/{appropriation}', () => undefined],
    ['GET', '/v1/appropriations/{cityAppropriation}', () => undefined],
    ['GET', '/v1/appropriations?district=330102', () => undefined],
    ['GET', '/v1/appropriations?funder=330102', () => undefined],
    ['POST', '/v1/appropriations', () => ({ fiscalYear: 2026, funder: '330102', stream: 'CO_BUILDING', kind: 'SUPPLEMENTARY', amount: '1.00', documentNo: 'x', documentDate: '2026-01-01' })],
    ['POST', '/v1/appropriations/{appropriation}/enact', () => undefined],
    ['GET', '/v1/allocations/{allocation}', () => undefined],
    ['GET', '/v1/allocations?district=330102', () => undefined],
    ['GET', '/v1/allocations?community=330102001001', () => undefined],
    ['POST', '/v1/allocations', () => ({ appropriationId: ids.cityAppropriation, streetCode: other.street, communityCode: other.community, amount: '1.00' })],
    ['POST', '/v1/allocations/{allocation}/commitments', () => posting],
    ['POST', '/v1/allocations/{allocation}/expenditures', () => posting],
    ['GET', '/v1/postings/{posting}', () => undefined],
    ['GET', '/v1/postings?street=330102001', () => undefined],
    ['POST', '/v1/postings/{posting}/reversal', () => ({ reason: 'try' })],
    ['POST', '/v1/transfers', () => ({ fromAllocationId: ids.allocation, toAllocationId: '1', amount: '1.00', reason: 'try', taskRef: 'T' })],
    ['GET', '/v1/ledger?district=330102', () => undefined],
    ['GET', '/v1/ledger?community=330102001001&after=0', () => undefined],
    ['GET', '/v1/balances?district=330102', () => undefined],
    ['GET', '/v1/balances?funder=330102', () => undefined],
    ['GET', '/v1/reports/execution?fiscalYear=2026&groupBy=community&district=330102', () => undefined],
    ['GET', '/v1/reports/execution.xlsx?fiscalYear=2026&groupBy=stream&district=330102', () => undefined],
    ['GET', '/v1/reports/household-standard?fiscalYear=2026&stream=RESIDENTS_COMMITTEE&district=330102', () => undefined],
    ['GET', '/v1/household-counts?district=330102', () => undefined],
    ['PUT', '/v1/household-counts/330102001001', () => ({ households: 1 })],
    ['GET', '/v1/unmatched-postings?district=330102', () => undefined],
    ['POST', '/v1/unmatched-postings/{unmatched}/resolve', () => ({ allocationId: ids.allocation })],
  ];

  it.each(routes)('%s %s → 404 for another district', async (method, template, body) => {
    const path = template.replace(/\{(\w+)\}/g, (_, k: keyof typeof ids) => ids[k]);
    const before = Number((await ds.query('SELECT COUNT(*) AS n FROM ledger_entry'))[0].n);
    const res = await t.request(method, path, { token: xihu, body: body(), headers: idempotent() });
    expect({ status: res.status, code: res.body?.code }).toEqual({ status: 404, code: expect.stringMatching(/_NOT_FOUND$/) });
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM ledger_entry'))[0].n)).toBe(before);
  });

  it('lists only its own district, and its own records answer 200', async () => {
    const own = String((await ds.query(`SELECT id FROM allocation WHERE community_code = '330106001001' AND fiscal_year = 2026 AND funder = 'CITY' LIMIT 1`))[0].id);
    expect((await t.request('GET', `/v1/allocations/${own}`, { token: xihu })).status).toBe(200);
    const spent = await t.request('POST', `/v1/allocations/${own}/expenditures`, { token: xihu, headers: idempotent(), body: posting });
    expect(spent.status).toBe(201);
    const lists = ['/v1/allocations?limit=1000', '/v1/postings', '/v1/ledger?limit=1000', '/v1/balances', '/v1/appropriations', '/v1/unmatched-postings', '/v1/household-counts'];
    for (const path of lists) {
      const res = await t.request('GET', path, { token: xihu });
      expect(res.status).toBe(200);
      const items: Array<{ districtCode: string | null }> = Array.isArray(res.body) ? res.body : res.body.items;
      expect(items.every((i) => i.districtCode === '330106')).toBe(true);
    }
    const report = await t.request('GET', '/v1/reports/execution?fiscalYear=2026&groupBy=district', { token: xihu });
    expect(report.body.rows.map((r: { key: string }) => r.key)).toEqual(['330106']);
  });

  it('needs budget:write to post and budget:read to read (403)', async () => {
    const readOnly = t.tokenFor(testPrincipals.client(['budget:read'], '330106'));
    const own = String((await ds.query(`SELECT id FROM allocation WHERE community_code = '330106001001' LIMIT 1`))[0].id);
    expect((await t.request('POST', `/v1/allocations/${own}/expenditures`, { token: readOnly, headers: idempotent(), body: posting })).status).toBe(403);
    const writeOnly = t.tokenFor(testPrincipals.client(['budget:write'], '330106'));
    expect((await t.request('GET', '/v1/ledger', { token: writeOnly })).status).toBe(403);
    expect((await t.request('POST', '/v1/fiscal-years/2026/close', { token: xihu })).status).toBe(403);
  });
});
