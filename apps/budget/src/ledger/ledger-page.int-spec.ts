import { formatMoney, parseMoney } from '@cws/kernel';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { DataSource } from 'typeorm';
import { PostExpenditureHandler } from '../postings-queue/post-expenditure.job';
import { startSeededBudget } from '@cws/budget-testing';
import { LedgerEntryEntity } from './ledger-entry.entity';

describe('GET /v1/ledger (real MySQL)', () => {
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
    // a refund: the ledger's negative delta
    expect((await post('payroll-run:78:330106001001:PARTY_BUILDING:WAGES', '-0.50')).status).toBe('POSTED');
  });
  afterAll(() => t?.close());

  it('shows each entry as its hydrated row would be shown: the same fields, amounts and instant (createdAt in UTC, to the millisecond)', async () => {
    const entities = await t.app.get(DataSource).getRepository(LedgerEntryEntity).find({ order: { id: 'ASC' } });
    const expected = entities.map((e) => ({
      id: e.id, fiscalYear: e.fiscalYear, funder: e.funder, stream: e.stream, districtCode: e.districtCode, streetCode: e.streetCode,
      communityCode: e.communityCode, entryType: e.entryType, appropriationId: e.appropriationId, allocationId: e.allocationId, postingId: e.postingId,
      appropriated: formatMoney(parseMoney(e.dAppropriated, { allowNegative: true })), allocated: formatMoney(parseMoney(e.dAllocated, { allowNegative: true })),
      committed: formatMoney(parseMoney(e.dCommitted, { allowNegative: true })), spent: formatMoney(parseMoney(e.dSpent, { allowNegative: true })),
      memo: e.memo, createdAt: e.createdAt.toISOString(),
    }));
    expect(expected.some((e) => e.spent.startsWith('-'))).toBe(true);
    const items: unknown[] = [];
    let after = '';
    do {
      const res = await t.request('GET', `/v1/ledger?limit=7${after ? `&after=${after}` : ''}`, { token: finance });
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      after = res.body.nextAfter ?? '';
    } while (after);
    // toStrictEqual: key order aside, no field more or less, and the same types (ids as strings, the year a number)
    expect(items).toStrictEqual(expected);
    expect(JSON.stringify(items)).toBe(JSON.stringify(expected));
  });

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
