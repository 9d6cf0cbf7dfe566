import { DataSource } from 'typeorm';
import { PostExpenditureJob, type CostPosting } from '@cws/budget-contracts';
import { JobProducer, OutboxRelay } from '@cws/messaging';
import { eventually, type TestApp, testConfig, testPrincipals } from '@cws/testing';
// The budget service takes training costs only through its queue; the test starts a real budget app on the same queue prefix.
import { startSeededBudget } from '@cws/budget-testing';
import { startWorkersWithOrg } from '@cws/workers-testing';

/** Training class costs travel workers → outbox → BullMQ → budget ledger, and are booked once. */
describe('training costs reach the budget (workers + budget apps, real MySQL and Redis)', () => {
  let workers: TestApp;
  let budget: TestApp;
  let wds: DataSource;
  let xihu: string;
  let finance: string;

  beforeAll(async () => {
    workers = await startWorkersWithOrg();
    // 2025 CLOSED, 2026 OPEN; every community has TRAINING allocations from the city and from its district.
    budget = await startSeededBudget({ config: testConfig('budget', { queuePrefix: workers.config.queuePrefix }) });
    wds = workers.app.get(DataSource);
    xihu = workers.tokenFor(testPrincipals.districtHr('330106'));
    finance = budget.tokenFor(testPrincipals.finance());
    // stop the relay's 1 s timer so the test decides when events move (relayNow still works)
    await workers.app.get(OutboxRelay).onModuleDestroy();
  });
  afterAll(async () => {
    await budget?.close();
    await workers?.close();
  });

  const ledgerFor = async (community: string) => {
    const res = await budget.request('GET', `/v1/ledger?fiscalYear=2026&stream=TRAINING&funder=330106&community=${community}&limit=500`, { token: finance });
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ entryType: string; spent: string; postingId: string | null }>).filter((e) => e.entryType === 'EXPENDITURE');
  };
  const waitFor = <T>(probe: () => Promise<T | undefined>) => eventually('the budget ledger', probe);

  it('a class cost is written to the outbox with the class, relayed, and booked once on the district TRAINING allocation', async () => {
    const admin = workers.tokenFor(testPrincipals.cityAdmin());
    const course = (await workers.request('POST', '/v1/training/courses', { token: admin, body: { name: '社区治理实务', category: 'PROFESSIONAL_SKILLS' } })).body;
    const provider = (await workers.request('POST', '/v1/training/providers', { token: admin, body: { name: '杭州市委党校' } })).body;
    const k = await workers.request('POST', '/v1/training/classes', {
      token: xihu,
      body: {
        courseId: course.id, providerId: provider.id, title: '2026年西湖区社区工作者能力提升班', startDate: '2026-04-07', endDate: '2026-04-09',
        hours: '24.0', cost: '1200.5', chargeCommunityCode: '330106001001',
      },
    });
    expect(k.status).toBe(201);
    expect(k.body.posting).toEqual({
      sourceRef: `training-class:${k.body.id}`, fiscalYear: 2026, funder: '330106', stream: 'TRAINING', communityCode: '330106001001', amount: '1200.50', status: 'PENDING',
    });
    // the outbox row was committed with the class
    const [event] = await wds.query(`SELECT payload FROM outbox_event WHERE queue = 'budget-postings' AND job_name = 'post-cost'`);
    const payload: CostPosting = typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload;
    expect(payload).toMatchObject({ source: 'TRAINING', sourceRef: `training-class:${k.body.id}`, districtCode: '330106', streetCode: '330106001', amount: '1200.50' });
    expect((await workers.request('GET', '/v1/training/postings?status=PENDING', { token: xihu })).body).toHaveLength(1);
    // a state that is not one: 400 on the field (it used to reach the SQL as an unknown state and answer [])
    const bogus = await workers.request('GET', '/v1/training/postings?status=pending', { token: xihu });
    expect([bogus.status, bogus.body.details?.[0]?.path]).toEqual([400, 'status']);

    expect(await ledgerFor('330106001001')).toEqual([]);
    const relay = workers.app.get(OutboxRelay);
    await relay.relayNow();
    const entries = await waitFor(async () => {
      const e = await ledgerFor('330106001001');
      return e.length ? e : undefined;
    });
    expect(entries).toEqual([expect.objectContaining({ spent: '1200.50' })]);
    const posting = await budget.request('GET', `/v1/postings/${entries[0].postingId}`, { token: finance });
    expect(posting.body).toMatchObject({ source: 'TRAINING', sourceRef: `training-class:${k.body.id}`, amount: '1200.50' });

    // the workers side shows it SENT
    const sent = (await workers.request('GET', '/v1/training/postings', { token: xihu })).body;
    expect(sent).toEqual([expect.objectContaining({ classId: k.body.id, status: 'SENT', funder: '330106', stream: 'TRAINING', fiscalYear: 2026, sourceRef: `training-class:${k.body.id}` })]);
    expect(sent[0].sentAt).toBeTruthy();

    // relaying again, a relay that crashed before marking its rows, and a second event for the same class: still one entry
    await relay.relayNow();
    await wds.query(`UPDATE outbox_event SET dispatched_at = NULL WHERE queue = 'budget-postings'`);
    await relay.relayNow();
    const again = await workers.app.get(JobProducer).enqueue(PostExpenditureJob, payload, { jobId: `redelivery-${k.body.id}` });
    await waitFor(async () => ((await again.getState()) === 'completed' ? true : undefined));
    expect(await ledgerFor('330106001001')).toHaveLength(1);
    const all = await budget.request('GET', `/v1/postings?fiscalYear=2026&stream=TRAINING&community=330106001001`, { token: finance });
    expect(all.body.items.filter((p: { sourceRef: string }) => p.sourceRef === `training-class:${k.body.id}`)).toHaveLength(1);
  });

  it('a cost needs a charge community inside the organising district; a free class posts nothing', async () => {
    const base = { courseId: 1, providerId: 1, title: '免费讲座', startDate: '2026-05-01', endDate: '2026-05-01', hours: '2.0' };
    const missing = await workers.request('POST', '/v1/training/classes', { token: xihu, body: { ...base, cost: '10.00' } });
    expect(missing.body).toMatchObject({ code: 'CHARGE_COMMUNITY_REQUIRED', details: [{ path: 'chargeCommunityCode' }] });
    const other = await workers.request('POST', '/v1/training/classes', { token: xihu, body: { ...base, cost: '10.00', chargeCommunityCode: '330102001001' } });
    expect(other.status).toBe(404);
    const admin = workers.tokenFor(testPrincipals.cityAdmin());
    const outside = await workers.request('POST', '/v1/training/classes', { token: admin, body: { ...base, cost: '10.00', districtCode: '330106', chargeCommunityCode: '330102001001' } });
    expect(outside.body.code).toBe('CHARGE_COMMUNITY_OUTSIDE_DISTRICT');
    const free = await workers.request('POST', '/v1/training/classes', { token: xihu, body: { ...base, cost: '0.00' } });
    expect(free.status).toBe(201);
    expect(free.body.posting).toBeNull();
    expect(await wds.query(`SELECT id FROM training_cost_posting WHERE class_id = ?`, [free.body.id])).toEqual([]);
  });
});
