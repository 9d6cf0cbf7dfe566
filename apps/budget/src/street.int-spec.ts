import { DataSource } from 'typeorm';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { idempotent, startSeededBudget } from '@cws/budget-testing';

/**
 * Money allocated to a street (not a community) and postings against it; and what a street-scoped
 * user (STREET_HR of 330106001 西湖区 street 1) sees: only its street's records, 404 for the sibling
 * street 330106002 on every route.
 */
describe('budget: street allocations and street scope (real MySQL and Redis)', () => {
  let t: TestApp;
  let ds: DataSource;
  let finance: string;
  let admin: string;
  let streetHr: string;
  /** A street-scoped user who may post: writes to the sibling street must 404 too. */
  let streetFinance: string;
  let seq = 0;
  const own = { district: '330106', street: '330106001', community: '330106001001' };
  const sibling = { district: '330106', street: '330106002', community: '330106002001' };

  const post = (path: string, body: unknown, token = finance) => t.request('POST', path, { token, body, headers: idempotent() });
  const ledgerCount = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM ledger_entry'))[0].n);
  const expenditure = (amount: string, extra: Record<string, unknown> = {}) => ({
    amount, category: 'OFFICE', description: '街道办公用品', source: 'MANUAL', ...extra,
  });

  /** A fresh enacted district appropriation of `amount`, returning its id. */
  async function appropriation(amount: string): Promise<string> {
    const ap = await post('/v1/appropriations', {
      fiscalYear: 2026, funder: '330106', stream: 'CO_BUILDING', kind: 'SUPPLEMENTARY', amount, documentNo: `西财预〔2026〕街${++seq}号`, documentDate: '2026-04-01',
    });
    expect(ap.status).toBe(201);
    expect((await post(`/v1/appropriations/${ap.body.id}/enact`, undefined, admin)).status).toBe(200);
    return ap.body.id;
  }

  let ids: { ownAlloc: string; siblingAlloc: string; siblingPosting: string; siblingCommunityAlloc: string; appropriation: string; unmatched: string };

  beforeAll(async () => {
    ({ t, ds, tokens: { finance, admin } } = startedApp(await startSeededBudget()));
    streetHr = t.tokenFor(testPrincipals.streetUser(own.street));
    streetFinance = t.tokenFor(testPrincipals.streetUser(own.street, ['FINANCE']));

    const ap = await appropriation('5000.00');
    const ownAlloc = await post('/v1/allocations', { appropriationId: ap, streetCode: own.street, targetName: '西湖区一号街道', amount: '1000.00' });
    const siblingAlloc = await post('/v1/allocations', { appropriationId: ap, streetCode: sibling.street, amount: '1000.00' });
    expect([ownAlloc.status, siblingAlloc.status]).toEqual([201, 201]);
    const spent = await post(`/v1/allocations/${siblingAlloc.body.id}/expenditures`, expenditure('10.00'));
    expect(spent.status).toBe(201);
    const q = async (sql: string) => String((await ds.query(sql))[0].id);
    await ds.query(
      `INSERT INTO unmatched_posting (external_key, source, source_ref, reason, fiscal_year, funder, stream, district_code, street_code, community_code, amount, payload, received_at)
       VALUES ('TRAINING:sib', 'TRAINING', 'sib', 'NO_ALLOCATION', 2026, '330106', 'TRAINING', '330106', '330106002', '330106002001', '1.00', '{}', UTC_TIMESTAMP(3))`,
    );
    ids = {
      ownAlloc: ownAlloc.body.id,
      siblingAlloc: siblingAlloc.body.id,
      siblingPosting: spent.body.id,
      siblingCommunityAlloc: await q(`SELECT id FROM allocation WHERE community_code = '${sibling.community}' AND fiscal_year = 2026 AND funder = 'CITY' ORDER BY id LIMIT 1`),
      appropriation: ap,
      unmatched: await q(`SELECT id FROM unmatched_posting WHERE external_key = 'TRAINING:sib'`),
    };
  });
  afterAll(() => t?.close());

  describe('allocations to a street', () => {
    it('an allocation without a community is a STREET allocation booked on the street row of the ledger', async () => {
      const res = await t.request('GET', `/v1/allocations/${ids.ownAlloc}`, { token: finance });
      expect(res.body).toMatchObject({
        targetLevel: 'STREET', districtCode: '330106', streetCode: own.street, communityCode: null, targetName: '西湖区一号街道',
        initialAmount: '1000.00', amount: '1000.00', committed: '0.00', spent: '0.00', available: '1000.00',
      });
      const entries = await ds.query('SELECT entry_type, district_code, street_code, community_code, d_allocated FROM ledger_entry WHERE allocation_id = ?', [ids.ownAlloc]);
      expect(entries).toEqual([{ entry_type: 'ALLOCATION', district_code: '330106', street_code: own.street, community_code: null, d_allocated: '1000.00' }]);
    });

    it('commitments, expenditures (drawing on the commitment), overspend refusal, reversal and a transfer to a community work on it', async () => {
      const ap = await appropriation('2000.00');
      const al = await post('/v1/allocations', { appropriationId: ap, streetCode: own.street, amount: '1000.00' });
      expect(al.status).toBe(201);
      const id = al.body.id;
      const c = await post(`/v1/allocations/${id}/commitments`, expenditure('300.00', { category: 'CONTRACT' }));
      expect(c.status).toBe(201);
      expect(c.body).toMatchObject({ kind: 'COMMITMENT', streetCode: own.street, communityCode: null, balanceAfter: { committed: '300.00', available: '700.00' } });
      const e = await post(`/v1/allocations/${id}/expenditures`, expenditure('500.00', { commitmentId: c.body.id }));
      expect(e.status).toBe(201);
      expect(e.body).toMatchObject({ settled: '300.00', balanceAfter: { amount: '1000.00', committed: '0.00', spent: '500.00', available: '500.00' } });
      const over = await post(`/v1/allocations/${id}/expenditures`, expenditure('500.01'));
      expect(over.status).toBe(409);
      expect(over.body).toMatchObject({ code: 'INSUFFICIENT_FUNDS', available: '500.00', requested: '500.01' });
      const rev = await post(`/v1/postings/${e.body.id}/reversal`, { reason: '错记' });
      expect(rev.status).toBe(201);
      expect(rev.body.balanceAfter).toMatchObject({ committed: '0.00', spent: '0.00', available: '1000.00' });

      // 费随事转: street money follows a task down to one of its communities (same funder and year)
      const community = (await ds.query(`SELECT id FROM allocation WHERE community_code = ? AND fiscal_year = 2026 AND funder = '330106' AND stream = 'CO_BUILDING' ORDER BY id LIMIT 1`, [own.community]))[0].id;
      const tr = await post('/v1/transfers', { fromAllocationId: id, toAllocationId: String(community), amount: '250.00', reason: '社区承接街道任务', taskRef: 'TASK-STREET-1' });
      expect(tr.status).toBe(201);
      expect((await t.request('GET', `/v1/allocations/${id}`, { token: finance })).body).toMatchObject({ amount: '750.00', available: '750.00' });

      // the running columns equal the ledger's sums for the street allocation
      const [sums] = await ds.query('SELECT SUM(d_allocated) AS allocated, SUM(d_committed) AS committed, SUM(d_spent) AS spent FROM ledger_entry WHERE allocation_id = ?', [id]);
      const [running] = await ds.query('SELECT amount, committed, spent FROM allocation WHERE id = ?', [id]);
      expect(sums).toEqual({ allocated: running.amount, committed: running.committed, spent: running.spent });
      expect(sums).toEqual({ allocated: '750.00', committed: '0.00', spent: '0.00' });
      const postings = await t.request('GET', `/v1/postings?allocationId=${id}`, { token: finance });
      expect(postings.body.items.map((p: { kind: string }) => p.kind)).toEqual(['COMMITMENT', 'EXPENDITURE', 'REVERSAL', 'TRANSFER']);
    });

    it('balances and the execution report show street money on the street (no community)', async () => {
      const b = await t.request('GET', `/v1/balances?fiscalYear=2026&funder=330106&stream=CO_BUILDING&street=${own.street}`, { token: finance });
      expect(b.status).toBe(200);
      const streetRow = b.body.items.find((r: { communityCode: string | null }) => r.communityCode === null);
      const [running] = await ds.query(
        `SELECT SUM(amount) AS amount, SUM(committed) AS committed, SUM(spent) AS spent FROM allocation
          WHERE fiscal_year = 2026 AND funder = '330106' AND stream = 'CO_BUILDING' AND street_code = ? AND community_code IS NULL`,
        [own.street],
      );
      expect(streetRow).toMatchObject({ streetCode: own.street, districtCode: '330106', allocated: running.amount, committed: running.committed, spent: running.spent });
      const rep = await t.request('GET', `/v1/reports/execution?fiscalYear=2026&groupBy=street&stream=CO_BUILDING&funder=330106`, { token: finance });
      const [ledger] = await ds.query(
        `SELECT SUM(d_allocated) AS allocated, SUM(d_spent) AS spent FROM ledger_entry WHERE fiscal_year = 2026 AND funder = '330106' AND stream = 'CO_BUILDING' AND street_code = ?`,
        [own.street],
      );
      expect(rep.body.rows.find((r: { key: string }) => r.key === own.street)).toMatchObject({ allocated: ledger.allocated, spent: ledger.spent });
    });
    it('the unmatched-postings list honours the street and funder filters', async () => {
      await ds.query(
        `INSERT INTO unmatched_posting (external_key, source, source_ref, reason, fiscal_year, funder, stream, district_code, street_code, community_code, amount, payload, received_at)
         VALUES ('TRAINING:own', 'TRAINING', 'own', 'NO_ALLOCATION', 2026, 'CITY', 'TRAINING', '330106', '330106001', '330106001001', '1.00', '{}', UTC_TIMESTAMP(3))`,
      );
      const byStreet = await t.request('GET', `/v1/unmatched-postings?street=${sibling.street}`, { token: finance });
      expect(byStreet.body.items.map((u: { externalKey: string }) => u.externalKey)).toEqual(['TRAINING:sib']);
      const byFunder = await t.request('GET', '/v1/unmatched-postings?funder=CITY', { token: finance });
      expect(byFunder.body.items.map((u: { externalKey: string }) => u.externalKey)).toEqual(['TRAINING:own']);
      const mine = await t.request('GET', '/v1/unmatched-postings', { token: streetHr });
      expect(mine.body.items.map((u: { externalKey: string }) => u.externalKey)).toEqual(['TRAINING:own']);
    });
  });

  describe('a STREET_HR user of 330106001', () => {
    const reads: Array<[string, string]> = [
      ['GET', '/v1/allocations/{siblingAlloc}'],
      ['GET', '/v1/allocations/{siblingCommunityAlloc}'],
      ['GET', '/v1/allocations?street=330106002'],
      ['GET', '/v1/allocations?community=330106002001'],
      ['GET', '/v1/allocations?district=330102'],
      ['GET', '/v1/appropriations/{appropriation}'],
      ['GET', '/v1/postings/{siblingPosting}'],
      ['GET', '/v1/postings?street=330106002'],
      ['GET', '/v1/postings?community=330106002001'],
      ['GET', '/v1/ledger?street=330106002'],
      ['GET', '/v1/ledger?community=330106002001&after=0'],
      ['GET', '/v1/balances?street=330106002'],
      ['GET', '/v1/balances?community=330106002001'],
      ['GET', '/v1/reports/execution?fiscalYear=2026&groupBy=community&street=330106002'],
      ['GET', '/v1/reports/execution.xlsx?fiscalYear=2026&groupBy=stream&street=330106002'],
      ['GET', '/v1/reports/household-standard?fiscalYear=2026&stream=RESIDENTS_COMMITTEE&street=330106002'],
      ['GET', '/v1/household-counts?street=330106002'],
      ['GET', '/v1/unmatched-postings?street=330106002'],
      ['GET', '/v1/unmatched-postings?community=330106002001'],
    ];
    const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, k: keyof typeof ids) => ids[k]);

    it.each(reads)('%s %s → 404 for the sibling street', async (method, template) => {
      const res = await t.request(method, fill(template), { token: streetHr });
      expect({ status: res.status, code: res.body?.code }).toEqual({ status: 404, code: expect.stringMatching(/_NOT_FOUND$/) });
    });

    const body = { amount: '1.00', category: 'OFFICE', description: 'x', source: 'MANUAL' };
    const writes: Array<[string, string, () => unknown]> = [
      ['POST', '/v1/allocations', () => ({ appropriationId: ids.appropriation, streetCode: sibling.street, amount: '1.00' })],
      ['POST', '/v1/allocations', () => ({ appropriationId: ids.appropriation, streetCode: sibling.street, communityCode: sibling.community, amount: '1.00' })],
      ['POST', '/v1/allocations/{siblingAlloc}/commitments', () => body],
      ['POST', '/v1/allocations/{siblingAlloc}/expenditures', () => body],
      ['POST', '/v1/allocations/{siblingCommunityAlloc}/expenditures', () => body],
      ['POST', '/v1/postings/{siblingPosting}/reversal', () => ({ reason: 'try' })],
      ['POST', '/v1/transfers', () => ({ fromAllocationId: ids.siblingAlloc, toAllocationId: ids.ownAlloc, amount: '1.00', reason: 'try', taskRef: 'T' })],
      ['POST', '/v1/transfers', () => ({ fromAllocationId: ids.ownAlloc, toAllocationId: ids.siblingAlloc, amount: '1.00', reason: 'try', taskRef: 'T' })],
      ['PUT', '/v1/household-counts/330106002001', () => ({ households: 1 })],
      ['POST', '/v1/unmatched-postings/{unmatched}/resolve', () => ({ allocationId: ids.ownAlloc })],
    ];

    it.each(writes)('%s %s → 403 for STREET_HR (a reader), 404 for a street-scoped poster, ledger unchanged', async (method, template, make) => {
      const before = await ledgerCount();
      const asHr = await t.request(method, fill(template), { token: streetHr, body: make(), headers: idempotent() });
      expect(asHr.status).toBe(403);
      const asPoster = await t.request(method, fill(template), { token: streetFinance, body: make(), headers: idempotent() });
      expect({ status: asPoster.status, code: asPoster.body?.code }).toEqual({ status: 404, code: expect.stringMatching(/_NOT_FOUND$/) });
      expect(await ledgerCount()).toBe(before);
    });

    it('sees only its street in every list, report and balance; its own records answer 200', async () => {
      expect((await t.request('GET', `/v1/allocations/${ids.ownAlloc}`, { token: streetHr })).status).toBe(200);
      const spent = await post(`/v1/allocations/${ids.ownAlloc}/expenditures`, expenditure('1.00'), streetFinance);
      expect(spent.status).toBe(201);
      expect((await t.request('GET', `/v1/postings/${spent.body.id}`, { token: streetHr })).status).toBe(200);
      expect((await t.request('GET', `/v1/allocations?street=${own.street}`, { token: streetHr })).status).toBe(200);

      for (const path of ['/v1/allocations?limit=1000', '/v1/postings?limit=1000', '/v1/ledger?limit=1000', '/v1/balances', '/v1/household-counts', '/v1/unmatched-postings']) {
        const res = await t.request('GET', path, { token: streetHr });
        expect(res.status).toBe(200);
        const items: Array<{ districtCode: string | null; streetCode: string | null }> = Array.isArray(res.body) ? res.body : res.body.items;
        if (path !== '/v1/unmatched-postings') expect(items.length).toBeGreaterThan(0);
        expect(items.filter((i) => i.streetCode !== own.street)).toEqual([]);
      }
      // city and district appropriations are not the street's
      expect((await t.request('GET', '/v1/appropriations', { token: streetHr })).body.items).toEqual([]);

      // totals over its scope are the sums of its street's ledger rows only
      const [mine] = await ds.query(
        'SELECT SUM(d_allocated) AS allocated, SUM(d_committed) AS committed, SUM(d_spent) AS spent FROM ledger_entry WHERE fiscal_year = 2026 AND street_code = ?',
        [own.street],
      );
      const balances = await t.request('GET', '/v1/balances?fiscalYear=2026', { token: streetHr });
      expect(balances.body.totals).toMatchObject({ appropriated: '0.00', allocated: mine.allocated, committed: mine.committed, spent: mine.spent });
      const byStreet = await t.request('GET', '/v1/reports/execution?fiscalYear=2026&groupBy=street', { token: streetHr });
      expect(byStreet.body.rows.map((r: { key: string }) => r.key)).toEqual([own.street]);
      expect(byStreet.body.total).toMatchObject({ allocated: mine.allocated, spent: mine.spent });
      const byCommunity = await t.request('GET', '/v1/reports/execution?fiscalYear=2026&groupBy=community', { token: streetHr });
      expect(byCommunity.body.rows.every((r: { key: string | null }) => r.key === null || r.key.startsWith(own.street))).toBe(true);
      const household = await t.request('GET', '/v1/reports/household-standard?fiscalYear=2026&stream=RESIDENTS_COMMITTEE', { token: streetHr });
      expect(household.status).toBe(200);
      expect(household.body.rows.length).toBe(4);
      expect(household.body.rows.every((r: { streetCode: string }) => r.streetCode === own.street)).toBe(true);
    });
  });
});
