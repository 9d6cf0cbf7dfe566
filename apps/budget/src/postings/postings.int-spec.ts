import { DataSource } from 'typeorm';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { idempotencyKey, idempotent, startSeededBudget } from '@cws/budget-testing';
import { isDuplicateKey } from '@cws/persistence';
import { POSTING_REVERSES_KEY } from './posting.repository';

/** The ledger's guarantees: exact balances under concurrency, idempotent replays, clean refusals. */
describe('budget postings (real MySQL and Redis)', () => {
  let t: TestApp;
  let ds: DataSource;
  let finance: string;
  let admin: string;
  let seq = 0;

  const post = (path: string, body: unknown, opts: { token?: string; idem?: string | null } = {}) =>
    t.request('POST', path, {
      token: opts.token ?? finance,
      body,
      headers: opts.idem === null ? {} : idempotent(opts.idem),
    });
  const ledgerCount = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM ledger_entry'))[0].n);

  /** A fresh enacted appropriation and a community allocation of `amount`. */
  async function allocation(amount: string, community = '330106001001'): Promise<string> {
    const ap = await post('/v1/appropriations', {
      fiscalYear: 2026, funder: '330106', stream: 'CO_BUILDING', kind: 'SUPPLEMENTARY', amount, documentNo: `西财预〔2026〕${++seq}号`, documentDate: '2026-03-01',
    });
    expect(ap.status).toBe(201);
    expect((await post(`/v1/appropriations/${ap.body.id}/enact`, undefined, { token: admin })).status).toBe(200);
    const al = await post('/v1/allocations', { appropriationId: ap.body.id, streetCode: community.slice(0, 9), communityCode: community, amount });
    expect(al.status).toBe(201);
    return al.body.id;
  }

  const expenditure = (amount: string, extra: Record<string, unknown> = {}) => ({
    amount, category: 'OFFICE', description: '办公用品', source: 'FINANCE_API', sourceRef: 'GK-1', ...extra,
  });

  beforeAll(async () => {
    ({ t, ds, tokens: { finance, admin } } = startedApp(await startSeededBudget()));
  });
  afterAll(() => t?.close());

  it('50 simultaneous expenditures against an allocation that affords 30: 30 succeed, 20 get 409, balance exactly zero, ledger agrees', async () => {
    const id = await allocation('3000.00');
    const results = await Promise.all(Array.from({ length: 50 }, () => post(`/v1/allocations/${id}/expenditures`, expenditure('100.00'))));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.filter((s) => s === 409)).toHaveLength(20);
    for (const r of results.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({ code: 'INSUFFICIENT_FUNDS', available: '0.00', requested: '100.00' });
    }
    const alloc = await t.request('GET', `/v1/allocations/${id}`, { token: finance });
    expect(alloc.body).toMatchObject({ amount: '3000.00', spent: '3000.00', committed: '0.00', available: '0.00' });
    const [sums] = await ds.query(
      `SELECT SUM(d_allocated) AS allocated, SUM(d_spent) AS spent, SUM(entry_type = 'EXPENDITURE') AS n FROM ledger_entry WHERE allocation_id = ?`,
      [id],
    );
    expect(sums).toMatchObject({ allocated: '3000.00', spent: '3000.00' });
    expect(Number(sums.n)).toBe(30);
    const balances = await t.request('GET', '/v1/balances?fiscalYear=2026&funder=330106&stream=CO_BUILDING&community=330106001001', { token: finance });
    expect(balances.status).toBe(200);
    // the ledger's sums and the locked running balance tell the same story
    const row = balances.body.items.find((b: { communityCode: string }) => b.communityCode === '330106001001');
    const [running] = await ds.query(
      `SELECT SUM(amount) AS amount, SUM(spent) AS spent, SUM(committed) AS committed FROM allocation WHERE fiscal_year = 2026 AND funder = '330106' AND stream = 'CO_BUILDING' AND community_code = '330106001001'`,
    );
    expect(row).toMatchObject({ allocated: running.amount, spent: running.spent, committed: running.committed });
  });

  it('replaying one posting 10 times concurrently with the same Idempotency-Key books it once and answers the same', async () => {
    const id = await allocation('1000.00', '330106001002');
    const before = await ledgerCount();
    const k = idempotencyKey();
    const body = expenditure('123.45', { sourceRef: 'GK-REPLAY' });
    const results = await Promise.all(Array.from({ length: 10 }, () => post(`/v1/allocations/${id}/expenditures`, body, { idem: k })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(results.every((r) => JSON.stringify(r.body) === JSON.stringify(results[0].body))).toBe(true);
    // the one request that ran answers without the replay mark; the nine that waited carry it
    const marks = results.map((r) => r.headers.get('idempotent-replayed'));
    expect(marks.filter((h) => h === 'true')).toHaveLength(9);
    expect(marks.filter((h) => h === null)).toHaveLength(1);
    expect(await ledgerCount()).toBe(before + 1);
    expect((await t.request('GET', `/v1/allocations/${id}`, { token: finance })).body.spent).toBe('123.45');

    // key order in the body does not matter; a different body with the same key is refused
    const reordered = await post(`/v1/allocations/${id}/expenditures`, { sourceRef: 'GK-REPLAY', source: 'FINANCE_API', description: '办公用品', category: 'OFFICE', amount: '123.45' }, { idem: k });
    expect(reordered.status).toBe(201);
    expect(reordered.body.id).toBe(results[0].body.id);
    expect(reordered.headers.get('idempotent-replayed')).toBe('true');
    const changed = await post(`/v1/allocations/${id}/expenditures`, expenditure('123.46', { sourceRef: 'GK-REPLAY' }), { idem: k });
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(changed.headers.get('idempotent-replayed')).toBeNull();
    expect(await ledgerCount()).toBe(before + 1);
    const [row] = await ds.query('SELECT expires_at > UTC_TIMESTAMP(3) + INTERVAL 24 HOUR AS kept FROM idempotency_key WHERE idem_key = ?', [k]);
    expect(Number(row.kept)).toBe(1);
  });

  it('requires an Idempotency-Key on money-moving POSTs', async () => {
    const id = await allocation('10.00', '330106001003');
    const res = await post(`/v1/allocations/${id}/expenditures`, expenditure('1.00'), { idem: null });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED', details: [{ path: 'header:Idempotency-Key', issue: 'is required' }] });
  });

  it.each([
    ['-5.00', 'NEGATIVE'],
    ['1.234', 'TOO_MANY_DECIMALS'],
    ['abc', 'NOT_A_NUMBER'],
    ['12,00', 'NOT_A_NUMBER'],
    ['10000000000000.00', 'OUT_OF_RANGE'],
    ['0.00', 'ZERO'],
  ])('refuses the malformed amount %s (%s) with 400 INVALID_AMOUNT and leaves the ledger unchanged', async (amount, reason) => {
    const id = (await ds.query(`SELECT id FROM allocation WHERE community_code = '330106002001' AND fiscal_year = 2026 LIMIT 1`))[0].id;
    const before = await ledgerCount();
    const res = await post(`/v1/allocations/${id}/expenditures`, expenditure(amount));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_AMOUNT');
    expect(res.body.details).toEqual([{ path: 'amount', issue: expect.stringMatching(new RegExp(`^${reason}`)) }]);
    expect(await ledgerCount()).toBe(before);
  });

  it('refuses an amount sent as a JSON number (400, field path) and leaves the ledger unchanged', async () => {
    const id = (await ds.query(`SELECT id FROM allocation WHERE community_code = '330106002001' AND fiscal_year = 2026 LIMIT 1`))[0].id;
    const before = await ledgerCount();
    const res = await post(`/v1/allocations/${id}/expenditures`, { ...expenditure('1.00'), amount: 12.5 });
    expect(res.status).toBe(400);
    expect(res.body.details[0].path).toBe('amount');
    expect(await ledgerCount()).toBe(before);
  });

  it('refuses postings to a closed year (409) and leaves the ledger unchanged', async () => {
    const id = (await ds.query(`SELECT id FROM allocation WHERE community_code = '330106001001' AND fiscal_year = 2025 LIMIT 1`))[0].id;
    const before = await ledgerCount();
    const res = await post(`/v1/allocations/${id}/expenditures`, expenditure('1.00'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'FISCAL_YEAR_CLOSED', fiscalYear: 2025 });
    const commit = await post(`/v1/allocations/${id}/commitments`, expenditure('1.00'));
    expect(commit.status).toBe(409);
    expect(await ledgerCount()).toBe(before);
  });

  it('refuses overspending without override (409 with the available amount); a CITY_ADMIN override is booked with its reason', async () => {
    const id = await allocation('500.00', '330106001004');
    const before = await ledgerCount();
    const refused = await post(`/v1/allocations/${id}/expenditures`, expenditure('500.01'));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'INSUFFICIENT_FUNDS', available: '500.00', requested: '500.01' });
    expect(await ledgerCount()).toBe(before);

    const reason = '防汛应急物资，区政府专题会议同意先行支出';
    const notAllowed = await post(`/v1/allocations/${id}/expenditures`, expenditure('600.00', { override: { reason } }));
    expect(notAllowed.status).toBe(403);
    expect(notAllowed.body.code).toBe('OVERRIDE_NOT_PERMITTED');

    const overridden = await post(`/v1/allocations/${id}/expenditures`, expenditure('600.00', { override: { reason } }), { token: admin });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({ overrideReason: reason, balanceAfter: { spent: '600.00', available: '-100.00' } });
    const audit = await ds.query(`SELECT action, actor_id FROM audit_log WHERE entity = 'posting' AND entity_id = ?`, [overridden.body.id]);
    expect(audit).toEqual([{ action: 'EXPENDITURE_OVERRIDE', actor_id: 'u-city' }]);
  });

  it('commitments convert to expenditures, reversals undo, transfers follow a task; the ledger is append-only', async () => {
    const from = await allocation('1000.00', '330106003001');
    const to = await allocation('100.00', '330106003002');
    const c = await post(`/v1/allocations/${from}/commitments`, expenditure('400.00', { category: 'CONTRACT', description: '活动场地租赁合同' }));
    expect(c.status).toBe(201);
    expect(c.body.balanceAfter).toEqual({ amount: '1000.00', committed: '400.00', spent: '0.00', available: '600.00' });
    // 450 against the 400 commitment: 400 drawn from it, 50 from available
    const e = await post(`/v1/allocations/${from}/expenditures`, expenditure('450.00', { commitmentId: c.body.id }));
    expect(e.status).toBe(201);
    expect(e.body.balanceAfter).toEqual({ amount: '1000.00', committed: '0.00', spent: '450.00', available: '550.00' });
    const rev = await post(`/v1/postings/${e.body.id}/reversal`, { reason: '重复录入' });
    expect(rev.status).toBe(201);
    expect(rev.body.balanceAfter.available).toBe('1000.00');
    const again = await post(`/v1/postings/${e.body.id}/reversal`, { reason: '再次冲销' });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ALREADY_REVERSED' });

    const tooMuch = await post('/v1/transfers', { fromAllocationId: from, toAllocationId: to, amount: '1000.01', reason: '养老服务站移交', taskRef: 'TASK-1' });
    expect(tooMuch.status).toBe(409);
    const tr = await post('/v1/transfers', { fromAllocationId: from, toAllocationId: to, amount: '300.00', reason: '居家养老服务站移交翠苑二区运营', taskRef: 'TASK-2026-0042' });
    expect(tr.status).toBe(201);
    expect(tr.body).toMatchObject({ kind: 'TRANSFER', taskRef: 'TASK-2026-0042', reason: '居家养老服务站移交翠苑二区运营', counterAllocationId: to });
    expect((await t.request('GET', `/v1/allocations/${to}`, { token: finance })).body.available).toBe('400.00');
    expect((await t.request('GET', `/v1/allocations/${from}`, { token: finance })).body.available).toBe('700.00');

    await expect(ds.query('UPDATE ledger_entry SET d_spent = 0 WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM ledger_entry WHERE id = 1')).rejects.toThrow(/append-only/);
  });

  it("only uq_posting_reverses's refusal reads as a double reversal: the server's duplicate on another unique key does not", async () => {
    const id = await allocation('300.00', '330106003003');
    const [a, b] = [await post(`/v1/allocations/${id}/expenditures`, expenditure('10.00')), await post(`/v1/allocations/${id}/expenditures`, expenditure('20.00'))];
    expect((await post(`/v1/postings/${a.body.id}/reversal`, { reason: '录错' })).status).toBe(201);
    await ds.query('UPDATE posting SET external_key = ? WHERE id = ?', [`test:${a.body.id}`, a.body.id]);
    // Statements the unique keys refuse (they change nothing), as the service would see them: TypeORM-wrapped driver errors.
    const refusal = (sql: string, params: unknown[]) => ds.query(sql, params).then(() => null, (err: unknown) => err);
    const reversedTwice = await refusal('UPDATE posting SET reverses_id = ? WHERE id = ?', [a.body.id, b.body.id]);
    const otherKey = await refusal('UPDATE posting SET external_key = ? WHERE id = ?', [`test:${a.body.id}`, b.body.id]);
    expect([isDuplicateKey(reversedTwice), isDuplicateKey(reversedTwice, POSTING_REVERSES_KEY)]).toEqual([true, true]);
    expect([isDuplicateKey(otherKey), isDuplicateKey(otherKey, POSTING_REVERSES_KEY)]).toEqual([true, false]);
  });

  it('lists the postings whose source reference starts with a prefix (`_` literal), with the other filters and within scope; a bad prefix is a 400 on the field', async () => {
    const [a1, a2] = [await allocation('1000.00', '330106001005'), await allocation('1000.00', '330106002005')];
    for (const [id, sourceRef, amount] of [[a1, 'PFX-2026:1', '10.00'], [a1, 'PFX-2026:2', '20.00'], [a1, 'PFX_2026:3', '30.00'], [a1, 'PFX-20261', '1.00'], [a2, 'PFX-2026:4', '40.00']]) {
      expect((await post(`/v1/allocations/${id}/expenditures`, expenditure(amount, { sourceRef }))).status).toBe(201);
    }
    const refs = async (query: string, token = finance) => {
      const res = await t.request('GET', `/v1/postings?${query}`, { token });
      expect(res.status).toBe(200);
      return res.body.items.map((p: { sourceRef: string }) => p.sourceRef);
    };
    expect(await refs('sourceRefPrefix=PFX-2026:')).toEqual(['PFX-2026:1', 'PFX-2026:2', 'PFX-2026:4']);
    // an unescaped `_` would match any one character, and PFX-2026:… with it
    expect(await refs('sourceRefPrefix=PFX_2026')).toEqual(['PFX_2026:3']);
    expect(await refs('sourceRefPrefix=PFX-2026&community=330106001005&kind=EXPENDITURE')).toEqual(['PFX-2026:1', 'PFX-2026:2', 'PFX-20261']);
    expect(await refs('sourceRefPrefix=PFX-2026:&limit=2')).toEqual(['PFX-2026:1', 'PFX-2026:2']);
    // exactly one reference: PFX-2026:1 alone, not what it starts (a training class 1 is not class 10)
    expect(await refs('sourceRef=PFX-2026:1')).toEqual(['PFX-2026:1']);
    expect((await t.request('GET', '/v1/postings?sourceRef=a%25b', { token: finance })).status).toBe(400);
    // scope applies: the district sees both streets, a user of street 001 its own, another district nothing
    expect(await refs('sourceRefPrefix=PFX-2026:', t.tokenFor(testPrincipals.districtHr('330106')))).toEqual(['PFX-2026:1', 'PFX-2026:2', 'PFX-2026:4']);
    expect(await refs('sourceRefPrefix=PFX-2026:', t.tokenFor(testPrincipals.streetUser('330106001')))).toEqual(['PFX-2026:1', 'PFX-2026:2']);
    expect(await refs('sourceRefPrefix=PFX', t.tokenFor(testPrincipals.districtHr('330102')))).toEqual([]);
    // a funder names whose money, not a place: a street or district user may name their own district's or the city's, not another's
    const xihu = t.tokenFor(testPrincipals.districtHr('330106'));
    expect(await refs('sourceRefPrefix=PFX-2026:&funder=330106', t.tokenFor(testPrincipals.streetUser('330106001')))).toEqual(['PFX-2026:1', 'PFX-2026:2']);
    const cityFunded = await t.request('GET', '/v1/postings?funder=CITY&limit=1000', { token: xihu });
    expect(cityFunded.status).toBe(200);
    expect(cityFunded.body.items.filter((p: { funder: string; districtCode: string }) => p.funder !== 'CITY' || p.districtCode !== '330106')).toEqual([]);
    const other = await t.request('GET', '/v1/postings?funder=330102', { token: xihu });
    expect([other.status, other.body.code]).toEqual([404, 'FUNDER_NOT_FOUND']);
    for (const bad of ['PFX%25', 'PFX%20x', 'x'.repeat(101), '']) {
      const res = await t.request('GET', `/v1/postings?sourceRefPrefix=${bad}`, { token: finance });
      expect([res.status, res.body.details?.[0]?.path]).toEqual([400, 'sourceRefPrefix']);
    }
  });

  it('enactment needs a second person (four-eyes)', async () => {
    const ap = await post('/v1/appropriations', {
      fiscalYear: 2026, funder: 'CITY', stream: 'TRAINING', kind: 'SUPPLEMENTARY', amount: '50000.00', documentNo: '杭财社〔2026〕99号', documentDate: '2026-04-01',
    });
    expect(ap.body.status).toBe('DRAFT');
    const self = await post(`/v1/appropriations/${ap.body.id}/enact`, undefined);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('FOUR_EYES_REQUIRED');
    const other = await post(`/v1/appropriations/${ap.body.id}/enact`, undefined, { token: admin });
    expect(other.status).toBe(200);
    expect(other.body).toMatchObject({ status: 'ENACTED', enactedBy: 'u-city', createdBy: 'u-fin' });
    const tooMuch = await post('/v1/allocations', { appropriationId: ap.body.id, streetCode: '330102001', communityCode: '330102001001', amount: '50000.01' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body).toMatchObject({ code: 'INSUFFICIENT_UNALLOCATED', unallocated: '50000.00' });
  });
});
