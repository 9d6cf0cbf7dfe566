import { DataSource } from 'typeorm';
import type { CostPosting } from '@cws/budget-contracts';
import { startedApp, type TestApp } from '@cws/testing';
import { idempotent, startSeededBudget } from '@cws/budget-testing';
import { PostExpenditureHandler } from './post-expenditure.job';

/**
 * Where a queue refund lands when its account has two allocations: back on the allocation that paid the cost
 * it names (`refundOf`, a CORRECTION run's corrected posting), else on the first whose spent covers it.
 */
describe('queue refunds go back to the allocation that paid (real MySQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let finance: string;
  const community = '330106001001';
  const ref = (run: number) => `payroll-run:${run}:${community}:PARTY_BUILDING:WAGES`;
  const cost = (sourceRef: string, amount: string, over: Partial<CostPosting> = {}): CostPosting => ({
    source: 'PAYROLL', sourceRef, fiscalYear: 2026, funder: 'CITY', stream: 'PARTY_BUILDING', communityCode: community, streetCode: community.slice(0, 9),
    districtCode: community.slice(0, 6), amount, category: 'PAYROLL_WAGES', description: '工资', ...over,
  });
  /** The allocation a queue posting was booked on. */
  const bookedOn = async (sourceRef: string) => {
    const [row] = await ds.query('SELECT allocation_id AS a FROM posting WHERE external_key = ?', [`PAYROLL:${sourceRef}`]);
    return row ? String(row.a) : null;
  };

  beforeAll(async () => {
    ({ t, ds, tokens: { finance } } = startedApp(await startSeededBudget()));
  });
  afterAll(() => t?.close());

  it('books a refund on the payer it names when that one can take it, else on the first whose spent covers it', async () => {
    const handler = t.app.get(PostExpenditureHandler);
    const [seeded] = await ds.query(
      `SELECT id, appropriation_id AS ap, amount - committed - spent AS available FROM allocation
        WHERE fiscal_year = 2026 AND funder = 'CITY' AND stream = 'PARTY_BUILDING' AND community_code = ?`, [community]);
    const a1 = String(seeded.id);
    // the first allocation is spent down to 100.00; a second one (from the same appropriation's reserve) pays what follows
    const [whole, cents] = String(seeded.available).split('.');
    expect((await handler.post(cost(ref(901), `${BigInt(whole) - 100n}.${cents}`))).status).toBe('POSTED');
    const second = await t.request('POST', '/v1/allocations', {
      token: finance, headers: idempotent(), body: { appropriationId: String(seeded.ap), streetCode: community.slice(0, 9), communityCode: community, amount: '1000.00' },
    });
    expect(second.status).toBe(201);
    const a2 = String(second.body.id);
    expect((await handler.post(cost(ref(902), '500.00'))).status).toBe('POSTED');
    expect([await bookedOn(ref(901)), await bookedOn(ref(902))]).toEqual([a1, a2]);

    // run 903 corrects run 902: its refund goes back to a2, though a1's spent would cover it too
    expect((await handler.post(cost(ref(903), '-300.00', { refundOf: ref(902) }))).status).toBe('POSTED');
    expect(await bookedOn(ref(903))).toBe(a2);
    // no payer named, or one unknown: the first whose spent covers it (as before refundOf)
    expect((await handler.post(cost(ref(904), '-300.00'))).status).toBe('POSTED');
    expect((await handler.post(cost(ref(905), '-1.00', { refundOf: ref(999) }))).status).toBe('POSTED');
    expect([await bookedOn(ref(904)), await bookedOn(ref(905))]).toEqual([a1, a1]);
    // the payer has 200.00 of spent left: a refund of 250.00 cannot go back there and lands on a1
    expect((await handler.post(cost(ref(906), '-250.00', { refundOf: ref(902) }))).status).toBe('POSTED');
    expect(await bookedOn(ref(906))).toBe(a1);
    const spent = async (id: string) => String((await ds.query('SELECT spent FROM allocation WHERE id = ?', [id]))[0].spent);
    expect(await spent(a2)).toBe('200.00');

    // a malformed refundOf is parked as INVALID_POSTING, nothing booked
    expect(await handler.post(cost(ref(907), '-1.00', { refundOf: 'x'.repeat(101) }))).toEqual({ status: 'PARKED', reason: 'INVALID_POSTING' });
    expect(await handler.post(cost(ref(908), '-1.00', { refundOf: 42 as unknown as string }))).toEqual({ status: 'PARKED', reason: 'INVALID_POSTING' });
    expect([await bookedOn(ref(907)), await bookedOn(ref(908))]).toEqual([null, null]);
  });

  it('a cost parked short of money and booked by a later delivery (after a new allocation) leaves the parked queue; resolving it then is a 409', async () => {
    const handler = t.app.get(PostExpenditureHandler);
    expect(await handler.post(cost(ref(920), '3000.00'))).toEqual({ status: 'PARKED', reason: 'INSUFFICIENT_FUNDS' });
    const [parked] = await ds.query('SELECT u.id, a.appropriation_id AS ap FROM unmatched_posting u JOIN allocation a ON a.community_code = u.community_code AND a.stream = u.stream AND a.fiscal_year = u.fiscal_year AND a.funder = u.funder WHERE u.external_key = ? LIMIT 1', [`PAYROLL:${ref(920)}`]);
    const more = await t.request('POST', '/v1/allocations', {
      token: finance, headers: idempotent(), body: { appropriationId: String(parked.ap), streetCode: community.slice(0, 9), communityCode: community, amount: '3000.00' },
    });
    expect(more.status).toBe(201);
    // the outbox delivers at least once: the same cost again, now affordable
    const again = await handler.post(cost(ref(920), '3000.00'));
    expect(again).toMatchObject({ status: 'POSTED' });
    const [row] = await ds.query('SELECT resolved_posting_id AS p FROM unmatched_posting WHERE id = ?', [parked.id]);
    expect(String(row.p)).toBe(String((again as { postingId: string }).postingId));
    const open = await t.request('GET', '/v1/unmatched-postings?state=OPEN&limit=100', { token: finance });
    expect(open.body.items.map((i: { id: string }) => String(i.id))).not.toContain(String(parked.id));
    const resolve = await t.request('POST', `/v1/unmatched-postings/${parked.id}/resolve`, { token: finance, headers: idempotent(), body: { allocationId: more.body.id } });
    expect(resolve.status).toBe(409);
    expect(resolve.body.code).toBe('ALREADY_RESOLVED');
  });
});
