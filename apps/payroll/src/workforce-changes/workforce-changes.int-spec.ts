import { DataSource } from 'typeorm';
import { districtOf } from '@cws/kernel';
import type { Job } from 'bullmq';
import { JobProducer, OutboxRelay } from '@cws/messaging';
import { eventually, startTestApp, type TestApp, testConfig, testPrincipals } from '@cws/testing';
import { WORKERS_EVENTS_QUEUE, WorkerCreatedEvent, type WorkerRef } from '@cws/workers-contracts';
// Payroll hears about workforce changes only through the workers-events queue; the test starts a real workers app on the same queue prefix.
import { demoResidentId, hireWorker, startWorkersWithOrg } from '@cws/workers-testing';
import { payrollService } from '@cws/payroll-testing';

interface Change { id: string; eventName: string; workerId: number; districtCode: string | null; streetCode: string | null; communityCode: string | null; effectiveDate: string | null; receivedAt: string }

/** Worker events travel workers → outbox → BullMQ `workers-events` → payroll workforce_change, and are recorded once. */
describe('workforce changes reach payroll (workers + payroll apps, real MySQL and Redis)', () => {
  let workers: TestApp;
  let payroll: TestApp;
  let wds: DataSource;
  let pds: DataSource;
  let relay: OutboxRelay;
  let wAdmin: string;
  let pAdmin: string;
  let seq = 700_000;

  beforeAll(async () => {
    workers = await startWorkersWithOrg();
    payroll = await startTestApp(payrollService, testConfig('payroll', { queuePrefix: workers.config.queuePrefix }));
    wds = workers.app.get(DataSource);
    pds = payroll.app.get(DataSource);
    wAdmin = workers.tokenFor(testPrincipals.cityAdmin());
    pAdmin = payroll.tokenFor(testPrincipals.cityAdmin());
    relay = workers.app.get(OutboxRelay);
    // stop the relay's 1 s timer so the test decides when events move (relayNow still works)
    await relay.onModuleDestroy();
  });
  afterAll(async () => {
    await payroll?.close();
    await workers?.close();
  });

  const hire = (communityCode: string, hireDate: string) =>
    hireWorker(workers, wAdmin, { name: '陈建国', residentId: demoResidentId(districtOf(communityCode), seq++, 'M').id, hireDate, communityCode, bankAccount: '6225768888888888' });
  const changes = async (query: string, token = pAdmin) => {
    const res = await payroll.request('GET', `/v1/workforce-changes${query}`, { token });
    expect(res.status).toBe(200);
    return res.body as { items: Change[]; nextAfter: string | null };
  };
  const waitFor = <T>(probe: () => Promise<T | undefined>) => eventually('payroll', probe);
  const finished = (job: Job) =>
    waitFor(async () => {
      const state = await job.getState();
      if (state === 'failed') throw new Error(`job ${job.id} failed: ${job.failedReason}`);
      return state === 'completed' ? true : undefined;
    });
  const rowsFor = async (workerId: number) => Number((await pds.query('SELECT COUNT(*) AS n FROM workforce_change WHERE worker_id = ?', [workerId]))[0].n);

  it('a new worker reaches payroll as one worker.created change, however often the event is delivered', async () => {
    const w = await hire('330106001001', '2015-07-01');
    expect((await changes(`?workerId=${w.id}`)).items).toEqual([]);

    await relay.relayNow();
    const items = await waitFor(async () => {
      const page = await changes(`?workerId=${w.id}`);
      return page.items.length ? page.items : undefined;
    });
    expect(items).toEqual([
      expect.objectContaining({ eventName: 'worker.created', workerId: w.id, districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', effectiveDate: '2015-07-01' }),
    ]);

    // relaying again, a relay that crashed before marking its row (the finished job gone from Redis, so BullMQ takes it again), and a duplicate job: still one row
    const [outbox] = await wds.query(`SELECT id, payload FROM outbox_event WHERE queue = ? AND job_name = 'worker.created' AND JSON_EXTRACT(payload, '$.workerId') = ?`, [WORKERS_EVENTS_QUEUE, w.id]);
    const payload: WorkerRef & { hireDate: string } = typeof outbox.payload === 'string' ? JSON.parse(outbox.payload) : outbox.payload;
    const producer = workers.app.get(JobProducer);
    const queue = producer.queue(WORKERS_EVENTS_QUEUE);
    expect(await relay.relayNow()).toBe(0);
    await (await queue.getJob(`outbox-${outbox.id}`))?.remove();
    await wds.query('UPDATE outbox_event SET dispatched_at = NULL WHERE id = ?', [outbox.id]);
    expect(await relay.relayNow()).toBe(1);
    const redelivered = (await queue.getJob(`outbox-${outbox.id}`))!;
    await finished(redelivered);
    expect((await queue.getJob(`outbox-${outbox.id}`))!.returnvalue).toEqual({ recorded: false });
    const duplicate = await producer.enqueue(WorkerCreatedEvent, payload, { jobId: `duplicate-${outbox.id}` }, { outboxId: String(outbox.id) });
    await finished(duplicate);
    expect((await queue.getJob(`duplicate-${outbox.id}`))!.returnvalue).toEqual({ recorded: false });
    expect(await rowsFor(w.id)).toBe(1);
    expect((await changes(`?workerId=${w.id}`)).items).toHaveLength(1);
  });

  it('lists in keyset pages filtered by scope; another district sees nothing and gets 404 by id; roles and clients', async () => {
    const xihuWorker = await hire('330106001002', '2020-03-01');
    const shangchengWorker = await hire('330102001001', '2021-09-01');
    await relay.relayNow();
    await waitFor(async () => ((await rowsFor(xihuWorker.id)) && (await rowsFor(shangchengWorker.id)) ? true : undefined));

    // keyset paging over everything (city admin)
    const all = await changes('?limit=500');
    expect(all.items.length).toBeGreaterThanOrEqual(3);
    const first = await changes('?limit=1');
    expect(first.items).toHaveLength(1);
    expect(first.nextAfter).toBe(first.items[0].id);
    const second = await changes(`?limit=1&after=${first.nextAfter}`);
    expect(second.items[0].id).toBe(all.items[1].id);
    expect((await changes(`?after=${all.items[all.items.length - 1].id}`)).items).toEqual([]);
    expect((await changes('?since=2999-01-01')).items).toEqual([]);
    expect((await changes(`?since=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`)).items.length).toBe(all.items.length);

    // a district HR sees their district only; another district's row is 404 by id
    const xihu = payroll.tokenFor(testPrincipals.districtHr('330106'));
    const shangcheng = payroll.tokenFor(testPrincipals.districtHr('330102'));
    const xihuItems = (await changes('', xihu)).items;
    expect(xihuItems.map((c) => c.workerId)).toContain(xihuWorker.id);
    expect(xihuItems.every((c) => c.districtCode === '330106')).toBe(true);
    expect((await changes(`?workerId=${xihuWorker.id}`, shangcheng)).items).toEqual([]);
    const xihuChange = xihuItems.find((c) => c.workerId === xihuWorker.id)!;
    const hidden = await payroll.request('GET', `/v1/workforce-changes/${xihuChange.id}`, { token: shangcheng });
    expect(hidden.status).toBe(404);
    expect(hidden.body.code).toBe('WORKFORCE_CHANGE_NOT_FOUND');
    const shown = await payroll.request('GET', `/v1/workforce-changes/${xihuChange.id}`, { token: xihu });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: xihuChange.id, eventName: 'worker.created', workerId: xihuWorker.id, effectiveDate: '2020-03-01' });
    expect((await payroll.request('GET', '/v1/workforce-changes/999999999', { token: pAdmin })).status).toBe(404);

    // auditors and payroll:read clients read; FINANCE users and clients without the permission do not
    expect((await changes('?limit=1', payroll.tokenFor(testPrincipals.auditor()))).items).toHaveLength(1);
    expect((await changes(`?workerId=${shangchengWorker.id}`, payroll.tokenFor(testPrincipals.client(['payroll:read'], '330102')))).items).toHaveLength(1);
    expect((await payroll.request('GET', '/v1/workforce-changes', { token: payroll.tokenFor(testPrincipals.finance()) })).status).toBe(403);
    expect((await payroll.request('GET', '/v1/workforce-changes', { token: payroll.tokenFor(testPrincipals.client(['payroll:write'])) })).status).toBe(403);
    expect((await payroll.request('GET', '/v1/workforce-changes?limit=0', { token: pAdmin })).status).toBe(400);
  });
});
