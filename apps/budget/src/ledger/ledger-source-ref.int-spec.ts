import { parseMoney } from '@cws/kernel';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { PostExpenditureHandler } from '../postings-queue/post-expenditure.job';
import { startSeededBudget } from '@cws/budget-testing';

describe('GET /v1/ledger?sourceRefPrefix= (real MySQL)', () => {
  let t: TestApp;
  let finance: string;

  beforeAll(async () => {
    ({ t, tokens: { finance } } = startedApp(await startSeededBudget()));
    const handler = t.app.get(PostExpenditureHandler);
    const post = (sourceRef: string, amount: string, community = '330106001001') => handler.post({
      source: 'PAYROLL', sourceRef, fiscalYear: 2026, funder: '330106', stream: 'PARTY_BUILDING', communityCode: community, streetCode: community.slice(0, 9),
      districtCode: community.slice(0, 6), amount, category: 'PAYROLL', description: 'test',
    });
    for (const [ref, amount] of [['payroll-run:7:330106001001:PARTY_BUILDING:WAGES', '100.00'], ['payroll-run:7:330106001001:PARTY_BUILDING:EMPLOYER', '20.50'], ['payroll-run:77:330106001001:PARTY_BUILDING:WAGES', '5.00'], ['payroll-run_7:x', '1.00']] as const) {
      expect((await post(ref, amount)).status).toBe('POSTED');
    }
  });
  afterAll(() => t?.close());

  it('lists only the entries of postings whose source reference starts with the prefix (a run, not run 77, not a look-alike with _)', async () => {
    const res = await t.request('GET', '/v1/ledger?sourceRefPrefix=payroll-run:7:&limit=1000', { token: finance });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items.map((e: { spent: string }) => parseMoney(e.spent)).reduce((a: bigint, b: bigint) => a + b, 0n)).toBe(parseMoney('120.50'));
    expect(res.body.items.every((e: { entryType: string }) => e.entryType === 'EXPENDITURE')).toBe(true);
    const underscore = await t.request('GET', '/v1/ledger?sourceRefPrefix=payroll-run_&limit=1000', { token: finance });
    expect(underscore.body.items).toHaveLength(1);
  });

  it('keeps scope: another district filters to nothing it may not see; a bad prefix is a 400 on the field', async () => {
    const other = await t.request('GET', '/v1/ledger?sourceRefPrefix=payroll-run:7:', { token: t.tokenFor(testPrincipals.districtHr('330102')) });
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
    const bad = await t.request('GET', '/v1/ledger?sourceRefPrefix=a%25b', { token: finance });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('sourceRefPrefix');
  });
});
