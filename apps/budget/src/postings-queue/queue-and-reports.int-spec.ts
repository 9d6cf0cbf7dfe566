import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { QueueEvents } from 'bullmq';
import { PostExpenditureJob, type CostPosting } from '@cws/budget-contracts';
import { JobProducer } from '@cws/messaging';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { demoCommunities, seedBudgetService } from '../seed/seed';
import { PostExpenditureHandler } from './post-expenditure.job';
import { startSeededBudget } from '@cws/budget-testing';

describe('queue cost postings and reports (real MySQL and Redis)', () => {
  let t: TestApp;
  let ds: DataSource;
  let finance: string;

  const cost = (over: Partial<CostPosting> = {}): CostPosting => ({
    source: 'PAYROLL', sourceRef: 'payroll-run:2026-03:330106001001:PARTY_BUILDING', fiscalYear: 2026, funder: 'CITY', stream: 'PARTY_BUILDING',
    communityCode: '330106001001', streetCode: '330106001', districtCode: '330106', amount: '1234.56', category: 'PAYROLL', description: '2026年3月工资', ...over,
  });

  beforeAll(async () => {
    ({ t, ds, tokens: { finance } } = startedApp(await startSeededBudget()));
  });

  const park = async (sourceRef: string, over: Partial<CostPosting>) =>
    expect((await t.app.get(PostExpenditureHandler).post(cost({ sourceRef, ...over }))).status).toBe('PARKED');
  /** The parked rows' references a query lists, of those starting with `keep` (other tests park too). */
  const refs = async (query: string, token = finance, keep = 'filter:') => {
    const res = await t.request('GET', `/v1/unmatched-postings?${query}`, { token });
    expect(res.status).toBe(200);
    return res.body.items.map((u: { sourceRef: string }) => u.sourceRef).filter((r: string) => r.startsWith(keep));
  };
  afterAll(() => t?.close());

  it('seeds idempotently', async () => {
    const before = await ds.query('SELECT COUNT(*) AS n FROM ledger_entry');
    expect(await seedBudgetService(ds, demoCommunities())).toEqual({ appropriations: 0, allocations: 0 });
    expect(await ds.query('SELECT COUNT(*) AS n FROM ledger_entry')).toEqual(before);
    expect(await ds.query('SELECT year, status FROM fiscal_year ORDER BY year')).toEqual([{ year: 2025, status: 'CLOSED' }, { year: 2026, status: 'OPEN' }]);
  });

  it('books a payroll cost posting from the real queue once, however often it arrives', async () => {
    const producer = t.app.get(JobProducer);
    const u = new URL(t.config.redisUrl);
    const events = new QueueEvents(PostExpenditureJob.queue, { connection: { host: u.hostname, port: Number(u.port || 6379) }, prefix: t.config.queuePrefix });
    await events.waitUntilReady();
    const jobs = await Promise.all([1, 2, 3].map(() => producer.enqueue(PostExpenditureJob, cost())));
    const results = await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 15000)));
    await events.close();
    expect(results.filter((r) => r.status === 'POSTED')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'DUPLICATE')).toHaveLength(2);
    const rows = await ds.query(`SELECT l.d_spent, p.source, p.source_ref FROM ledger_entry l JOIN posting p ON p.id = l.posting_id WHERE p.external_key = ?`, [
      'PAYROLL:payroll-run:2026-03:330106001001:PARTY_BUILDING',
    ]);
    expect(rows).toEqual([{ d_spent: '1234.56', source: 'PAYROLL', source_ref: 'payroll-run:2026-03:330106001001:PARTY_BUILDING' }]);
  });

  it('parks what it cannot book (no allocation, closed year, short of money, malformed) and a person resolves it', async () => {
    const handler = t.app.get(PostExpenditureHandler);
    expect(await handler.post(cost({ source: 'TRAINING', sourceRef: 'course-1', communityCode: '330106009009', streetCode: '330106009' }))).toEqual({ status: 'PARKED', reason: 'NO_ALLOCATION' });
    expect(await handler.post(cost({ sourceRef: 'r-2025', fiscalYear: 2025 }))).toEqual({ status: 'PARKED', reason: 'FISCAL_YEAR_CLOSED' });
    expect(await handler.post(cost({ sourceRef: 'r-big', amount: '9999999.00' }))).toEqual({ status: 'PARKED', reason: 'INSUFFICIENT_FUNDS' });
    expect(await handler.post(cost({ sourceRef: 'r-bad', amount: '1.234' }))).toEqual({ status: 'PARKED', reason: 'INVALID_POSTING' });
    // parking is idempotent too
    expect(await handler.post(cost({ sourceRef: 'r-2025', fiscalYear: 2025 }))).toEqual({ status: 'PARKED', reason: 'FISCAL_YEAR_CLOSED' });
    const list = await t.request('GET', '/v1/unmatched-postings', { token: finance });
    expect(list.body.items.map((i: { reason: string }) => i.reason).sort()).toEqual(['FISCAL_YEAR_CLOSED', 'INSUFFICIENT_FUNDS', 'INVALID_POSTING', 'NO_ALLOCATION']);

    const parked = list.body.items.find((i: { reason: string }) => i.reason === 'NO_ALLOCATION');
    const target = String((await ds.query(`SELECT id FROM allocation WHERE community_code = '330106001002' AND stream = 'TRAINING' AND fiscal_year = 2026 LIMIT 1`))[0].id);
    const resolved = await t.request('POST', `/v1/unmatched-postings/${parked.id}/resolve`, { token: finance, headers: { 'idempotency-key': 'resolve-1' }, body: { allocationId: target } });
    expect(resolved.status).toBe(201);
    expect(resolved.body).toMatchObject({ source: 'TRAINING', sourceRef: 'course-1', amount: '1234.56' });
    // once booked, the same cost arriving again is a duplicate
    expect((await handler.post(cost({ source: 'TRAINING', sourceRef: 'course-1', communityCode: '330106009009', streetCode: '330106009' }))).status).toBe('DUPLICATE');
  });

  it('lists the parked postings of a year, a place and a stream, within scope (the filters every budget list takes)', async () => {
    // no allocation in these communities (or a closed year): each is parked
    await park('filter:2025', { fiscalYear: 2025 });
    await park('filter:xihu-009', { communityCode: '330106009007', streetCode: '330106009', stream: 'TRAINING' });
    await park('filter:xihu-008', { communityCode: '330106008007', streetCode: '330106008', stream: 'SERVICE_STATION' });
    await park('filter:shangcheng', { funder: '330102', communityCode: '330102009007', streetCode: '330102009', districtCode: '330102', stream: 'TRAINING' });
    expect(await refs('')).toEqual(['filter:2025', 'filter:xihu-009', 'filter:xihu-008', 'filter:shangcheng']);
    expect(await refs('fiscalYear=2025')).toEqual(['filter:2025']);
    expect(await refs('fiscalYear=2026&district=330106')).toEqual(['filter:xihu-009', 'filter:xihu-008']);
    expect(await refs('street=330106009')).toEqual(['filter:xihu-009']);
    expect(await refs('community=330106008007')).toEqual(['filter:xihu-008']);
    expect(await refs('stream=TRAINING')).toEqual(['filter:xihu-009', 'filter:shangcheng']);
    expect(await refs('funder=330102')).toEqual(['filter:shangcheng']);
    expect(await refs('state=RESOLVED&street=330106009')).toEqual([]);
    // a district sees its own; naming another district's place answers 404
    const shangcheng = t.tokenFor(testPrincipals.districtHr('330102'));
    expect(await refs('', shangcheng)).toEqual(['filter:shangcheng']);
    expect(await refs('stream=SERVICE_STATION', shangcheng)).toEqual([]);
    expect((await t.request('GET', '/v1/unmatched-postings?street=330106009', { token: shangcheng })).status).toBe(404);
  });

  it('lists the parked postings whose source reference starts with a prefix (`_` literal), within scope; a bad prefix is a 400 on the field', async () => {
    await park('pfx:xihu:1', { communityCode: '330106009007', streetCode: '330106009', stream: 'TRAINING' });
    await park('pfx_xihu:2', { communityCode: '330106008007', streetCode: '330106008', stream: 'SERVICE_STATION' });
    await park('pfx:shangcheng:1', { funder: '330102', communityCode: '330102009007', streetCode: '330102009', districtCode: '330102', stream: 'TRAINING' });
    const pfx = (query: string, token = finance) => refs(query, token, 'pfx');
    expect(await pfx('sourceRefPrefix=pfx:')).toEqual(['pfx:xihu:1', 'pfx:shangcheng:1']);
    // an unescaped `_` would match any one character, and pfx:… with it
    expect(await pfx('sourceRefPrefix=pfx_')).toEqual(['pfx_xihu:2']);
    expect(await pfx('sourceRefPrefix=pfx&district=330106&stream=TRAINING')).toEqual(['pfx:xihu:1']);
    expect(await pfx('sourceRefPrefix=pfx&state=RESOLVED')).toEqual([]);
    // a district user sees only their district's parked rows
    expect(await pfx('sourceRefPrefix=pfx', t.tokenFor(testPrincipals.districtHr('330106')))).toEqual(['pfx:xihu:1', 'pfx_xihu:2']);
    expect(await pfx('sourceRefPrefix=pfx', t.tokenFor(testPrincipals.districtHr('330102')))).toEqual(['pfx:shangcheng:1']);
    expect(await pfx('sourceRefPrefix=pfx:xihu', t.tokenFor(testPrincipals.districtHr('330102')))).toEqual([]);
    // a lone surrogate (its UTF-8 bytes) and a cut-off byte sequence decode to U+FFFD: refused like any other character
    for (const bad of ['pfx%25', 'pfx%20x', 'x'.repeat(101), '', 'pfx%ED%A0%80', 'pfx%F0']) {
      const res = await t.request('GET', `/v1/unmatched-postings?sourceRefPrefix=${bad}`, { token: finance });
      expect([res.status, res.body.code, res.body.details?.[0]?.path]).toEqual([400, 'VALIDATION_FAILED', 'sourceRefPrefix']);
    }
  });

  it('reports execution by stream, district, community and month, and exports .xlsx', async () => {
    const byStream = await t.request('GET', '/v1/reports/execution?fiscalYear=2026&groupBy=stream', { token: finance });
    expect(byStream.status).toBe(200);
    const party = byStream.body.rows.find((r: { key: string }) => r.key === 'PARTY_BUILDING');
    // city 36 × 20 000 + 200 000 reserve; each district 12 × 15 000 + 50 000
    expect(party).toMatchObject({ name: '社区党建工作经费', appropriated: '1610000.00', allocated: '1260000.00', spent: '1234.56', executionRate: '0.08' });
    const byDistrict = await t.request('GET', '/v1/reports/execution?fiscalYear=2026&groupBy=district&stream=PARTY_BUILDING&funder=CITY', { token: finance });
    expect(byDistrict.body.rateBase).toBe('allocated');
    expect(byDistrict.body.rows.find((r: { key: string }) => r.key === '330106')).toMatchObject({ allocated: '240000.00', spent: '1234.56', executionRate: '0.51' });
    const byMonth = await t.request('GET', '/v1/reports/execution?fiscalYear=2026&groupBy=month', { token: finance });
    expect(byMonth.body.rows.length).toBeGreaterThanOrEqual(1);
    const byCommunity = await t.request('GET', '/v1/reports/execution?fiscalYear=2026&groupBy=community&community=330106001001', { token: finance });
    expect(byCommunity.body.rows).toHaveLength(1);

    const xlsx = await fetch(`${t.baseUrl}/v1/reports/execution.xlsx?fiscalYear=2026&groupBy=stream`, { headers: { authorization: `Bearer ${finance}` } });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(1 + 5 + 1);
    expect(ws.getRow(2).getCell(1).value).toBe('PARTY_BUILDING');
  });

  it('flags communities below the per-household standard', async () => {
    const res = await t.request('GET', '/v1/reports/household-standard?fiscalYear=2026&stream=RESIDENTS_COMMITTEE', { token: finance });
    expect(res.status).toBe(200);
    expect(res.body.standardPerHousehold).toBe('20.00');
    expect(res.body.communities).toBe(36);
    // every community gets 70 000 (city 40 000 + district 30 000): below 20 × households when households > 3 500
    for (const r of res.body.rows) expect(r.belowStandard).toBe(r.households > 3500);
    expect(res.body.below).toBeGreaterThan(0);

    const put = await t.request('PUT', '/v1/household-counts/330106001001', { token: finance, body: { households: 4000, communityName: '翠苑一区社区' } });
    expect(put.status).toBe(200);
    const one = await t.request('GET', '/v1/reports/household-standard?fiscalYear=2026&stream=RESIDENTS_COMMITTEE&community=330106001001', { token: finance });
    expect(one.body.rows[0]).toMatchObject({ communityName: '翠苑一区社区', households: 4000, allocated: '70000.00', required: '80000.00', shortfall: '10000.00', belowStandard: true, perHousehold: '17.50' });
  });

  it('paginates the ledger by cursor for reconciliation, and documents the API', async () => {
    const first = await t.request('GET', '/v1/ledger?limit=50', { token: finance });
    const second = await t.request('GET', `/v1/ledger?limit=50&after=${first.body.nextAfter}`, { token: finance });
    expect(first.body.items).toHaveLength(50);
    expect(BigInt(second.body.items[0].id)).toBeGreaterThan(BigInt(first.body.items[49].id));
    const doc = await t.request('GET', '/docs-json');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/budget/v1/allocations/{id}/expenditures', '/api/budget/v1/ledger', '/api/budget/v1/transfers']));
    const exp = doc.body.paths['/api/budget/v1/allocations/{id}/expenditures'].post;
    expect(exp.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    const queue = doc.body.paths['/api/budget/v1/unmatched-postings'].get.parameters.find((p: { name: string }) => p.name === 'sourceRefPrefix');
    expect(queue).toMatchObject({ in: 'query', required: false, schema: { type: 'string' } });
    expect(queue.description).toMatch(/^parked postings whose sourceRef starts with this/);
  });
  it('books a negative payroll cost as a refund that lowers spent, once, never below zero; parks (and refuses to resolve) one that would', async () => {
    const handler = t.app.get(PostExpenditureHandler);
    const spentNow = async () => (await ds.query(`SELECT SUM(spent) AS s FROM allocation WHERE fiscal_year = 2026 AND funder = 'CITY' AND stream = 'PARTY_BUILDING' AND community_code = '330106001001'`))[0].s;
    expect(await spentNow()).toBe('1234.56');
    const refund = (ref: string, amount: string) => cost({ sourceRef: `payroll-run:77:330106001001:PARTY_BUILDING:${ref}`, amount });
    // Through the real queue, three times: one refund.
    const producer = t.app.get(JobProducer);
    const u = new URL(t.config.redisUrl);
    const events = new QueueEvents(PostExpenditureJob.queue, { connection: { host: u.hostname, port: Number(u.port || 6379) }, prefix: t.config.queuePrefix });
    await events.waitUntilReady();
    const jobs = await Promise.all([1, 2, 3].map(() => producer.enqueue(PostExpenditureJob, refund('WAGES', '-234.56'))));
    const results = await Promise.all(jobs.map((j) => j.waitUntilFinished(events, 15000)));
    await events.close();
    expect(results.map((r) => r.status).sort()).toEqual(['DUPLICATE', 'DUPLICATE', 'POSTED']);
    expect(await spentNow()).toBe('1000.00');
    const rows = await ds.query(`SELECT l.entry_type, l.d_spent, l.d_committed, p.kind, p.amount FROM ledger_entry l JOIN posting p ON p.id = l.posting_id WHERE p.external_key = ?`, [
      'PAYROLL:payroll-run:77:330106001001:PARTY_BUILDING:WAGES',
    ]);
    expect(rows).toEqual([{ entry_type: 'REFUND', d_spent: '-234.56', d_committed: '0.00', kind: 'REFUND', amount: '234.56' }]);

    // One fen more than is spent: parked with its own problem code, spent untouched; resolving it on the allocation is refused too.
    expect(await handler.post(refund('EMPLOYER', '-1000.01'))).toEqual({ status: 'PARKED', reason: 'REFUND_EXCEEDS_SPENT' });
    expect(await spentNow()).toBe('1000.00');
    const parked = (await t.request('GET', '/v1/unmatched-postings', { token: finance })).body.items.find((i: { reason: string }) => i.reason === 'REFUND_EXCEEDS_SPENT');
    expect(parked).toMatchObject({ sourceRef: 'payroll-run:77:330106001001:PARTY_BUILDING:EMPLOYER', amount: '-1000.01' });
    const alloc = String((await ds.query(`SELECT id FROM allocation WHERE fiscal_year = 2026 AND funder = 'CITY' AND stream = 'PARTY_BUILDING' AND community_code = '330106001001' LIMIT 1`))[0].id);
    const refused = await t.request('POST', `/v1/unmatched-postings/${parked.id}/resolve`, { token: finance, headers: { 'idempotency-key': 'resolve-refund-1' }, body: { allocationId: alloc } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('REFUND_EXCEEDS_SPENT');
    // Exactly what is spent is given back; the ledger by source reference carries the negative delta.
    expect((await handler.post(refund('EMPLOYER2', '-1000.00'))).status).toBe('POSTED');
    expect(await spentNow()).toBe('0.00');
    const ledger = await t.request('GET', '/v1/ledger?sourceRefPrefix=payroll-run:77:&limit=100', { token: finance });
    expect(ledger.body.items.map((e: { entryType: string; spent: string }) => [e.entryType, e.spent])).toEqual([['REFUND', '-234.56'], ['REFUND', '-1000.00']]);
    // Only payroll sends refunds: a negative training cost is malformed.
    expect(await handler.post(cost({ source: 'TRAINING', sourceRef: 'course-neg', amount: '-1.00' }))).toEqual({ status: 'PARKED', reason: 'INVALID_POSTING' });
  });

  it('answers DUPLICATE, without a retry, to deliveries that race past the first look-up', async () => {
    // last: it books one more cost. All three find no posting, then queue on the allocation's lock: the later two meet uq_posting_external
    const handler = t.app.get(PostExpenditureHandler);
    const racing = cost({ sourceRef: 'payroll-run:2026-04:330106001001:PARTY_BUILDING', amount: '10.00' });
    const results = await Promise.all([1, 2, 3].map(() => handler.post(racing)));
    expect(results.map((r) => r.status).sort()).toEqual(['DUPLICATE', 'DUPLICATE', 'POSTED']);
  });

  it('first saves of a household count and of a funding standard, five at once: every one 200, one audit CREATE each', async () => {
    // each writer gap-locks the row that is not there yet, then upserts it: InnoDB picked deadlock victims (500s)
    const admin = t.tokenFor(testPrincipals.cityAdmin());
    const writes: Array<[string, unknown, string, string]> = [
      ['/v1/household-counts/330106009009', { households: 3000, communityName: '未录入社区' }, 'household_count', '330106009009'],
      ['/v1/funding-standards/2031/PARTY_BUILDING', { perHousehold: '12.00' }, 'funding_standard', '2031/PARTY_BUILDING'],
    ];
    for (const [path, body, entity, entityId] of writes) {
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => t.request('PUT', path, { token: admin, body })));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      const actions = await ds.query('SELECT action FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id', [entity, entityId]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE', 'UPDATE']);
    }
  });
});
