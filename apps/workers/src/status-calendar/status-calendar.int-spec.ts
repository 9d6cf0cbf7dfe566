import { DataSource } from 'typeorm';
import { addDays } from '@cws/kernel';
import { JobProducer } from '@cws/messaging';
import { startedApp, type TestApp } from '@cws/testing';
import { ApplyStatusCalendarJob } from '@cws/workers-contracts';
import { today } from '../common/sql';
import { ApplyStatusCalendarHandler } from './status-calendar.job';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const CUIYUAN1 = '330106001001';
const newId = residentIdSequence(930_000);

/** `today` shifted by n calendar days, as YYYY-MM-DD. */
const day = (n: number): string => addDays(today(), n);

describe('status calendar: the nightly job moves statuses on their dates, once (real MySQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  let finance: string;
  let handler: ApplyStatusCalendarHandler;

  const hire = async () => (await hireWorker(t, admin, { name: '孙梅', residentId: newId(), communityCode: CUIYUAN1 })).id;
  const worker = async (id: number) => (await ds.query('SELECT status, version FROM worker WHERE id = ?', [id]))[0] as { status: string; version: number };
  const counts = async (id: number) => {
    const [row] = await ds.query(
      `SELECT (SELECT COUNT(*) FROM outbox_event WHERE queue = 'workers-events' AND JSON_EXTRACT(payload, '$.workerId') = ?) AS outbox,
              (SELECT COUNT(*) FROM audit_log WHERE entity IN ('worker', 'secondment')) AS audit,
              (SELECT COUNT(*) FROM worker_event WHERE worker_id = ?) AS events`,
      [id, id],
    );
    return { outbox: Number(row.outbox), audit: Number(row.audit), events: Number(row.events) };
  };
  const outboxOf = (id: number, name: string) =>
    ds.query(`SELECT payload FROM outbox_event WHERE queue = 'workers-events' AND job_name = ? AND JSON_EXTRACT(payload, '$.workerId') = ?`, [name, id]);
  const snapshotStatus = async (id: number, asOf: string) => {
    const res = await t.request('GET', `/v1/snapshots?asOf=${asOf}&scope=${CUIYUAN1}&limit=5000`, { token: finance });
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ workerId: number; status: string }>).find((w) => w.workerId === id)?.status;
  };

  beforeAll(async () => {
    ({ t, ds, tokens: { admin, finance } } = startedApp(await startWorkersWithOrg()));
    handler = t.app.get(ApplyStatusCalendarHandler);
  });
  afterAll(() => t?.close());

  it('registers the nightly job scheduler', async () => {
    const scheduler = await t.app.get(JobProducer).queue(ApplyStatusCalendarJob.queue).getJobScheduler('nightly-status-calendar');
    expect(scheduler).toMatchObject({ name: ApplyStatusCalendarJob.name, pattern: '5 0 * * *', tz: 'Asia/Shanghai' });
  });

  it('a future OUT secondment flips the status on its first day and back the day after its last, announced once; re-runs change nothing', async () => {
    const id = await hire();
    const res = await t.request('POST', '/v1/secondments', {
      token: admin, body: { workerId: id, direction: 'OUT', organisation: '翠苑街道办事处', from: day(10), to: day(20), payer: 'HOST' },
    });
    expect(res.status).toBe(201);
    const secondmentId = res.body.id as number;
    expect((await worker(id)).status).toBe('ACTIVE');
    expect(await outboxOf(id, 'secondment.started')).toHaveLength(0);

    const eve = await handler.handle({ today: day(9) });
    expect(eve).toMatchObject({ workers: 0, statusChanges: 0 });
    expect((await worker(id)).status).toBe('ACTIVE');

    const first = await handler.handle({ today: day(10) });
    expect(first).toMatchObject({ statusChanges: 1, secondmentsStarted: 1, secondmentsEnded: 0 });
    const on = await worker(id);
    expect(on.status).toBe('SECONDED_OUT');
    const started = await outboxOf(id, 'secondment.started');
    expect(started).toHaveLength(1);
    expect(started[0].payload).toMatchObject({ secondmentId, direction: 'OUT', from: day(10), to: day(20) });
    const [event] = await ds.query(`SELECT event_date AS date, data FROM worker_event WHERE worker_id = ? AND kind = 'STATUS_CHANGE'`, [id]);
    expect(event.date).toBe(day(10));
    expect(typeof event.data === 'string' ? JSON.parse(event.data) : event.data).toMatchObject({ from: 'ACTIVE', to: 'SECONDED_OUT', cause: 'SECONDMENT_START', secondmentId });
    const [audit] = await ds.query("SELECT actor_kind AS actorKind, `after` FROM audit_log WHERE entity = 'worker' AND entity_id = ? AND action = 'STATUS_CHANGE'", [String(id)]);
    expect(audit).toBeDefined();
    expect(typeof audit.after === 'string' ? JSON.parse(audit.after) : audit.after).toMatchObject({ status: 'SECONDED_OUT', cause: 'SECONDMENT_START' });

    const settled = await counts(id);
    const again = await handler.handle({ today: day(10) });
    expect(again).toMatchObject({ workers: 0, statusChanges: 0, secondmentsStarted: 0 });
    expect(await worker(id)).toEqual(on);
    expect(await counts(id)).toEqual(settled);

    expect(await handler.handle({ today: day(20) })).toMatchObject({ workers: 0 });
    expect((await worker(id)).status).toBe('SECONDED_OUT');
    const back = await handler.handle({ today: day(21) });
    expect(back).toMatchObject({ statusChanges: 1, secondmentsEnded: 1 });
    expect((await worker(id)).status).toBe('ACTIVE');
    expect(await outboxOf(id, 'secondment.ended')).toEqual([{ payload: expect.objectContaining({ secondmentId, to: day(20) }) }]);
    const [row] = await ds.query('SELECT status FROM secondment WHERE id = ?', [secondmentId]);
    expect(row.status).toBe('ENDED');
    const ended = await counts(id);
    expect(await handler.handle({ today: day(22) })).toMatchObject({ workers: 0 });
    expect(await counts(id)).toEqual(ended);
  });

  it('a secondment running today flips the status at once and is announced at creation, not again by the job', async () => {
    const id = await hire();
    const res = await t.request('POST', '/v1/secondments', {
      token: admin, body: { workerId: id, direction: 'OUT', organisation: '西湖区委组织部', from: day(-3), payer: 'HOME' },
    });
    expect(res.status).toBe(201);
    expect((await worker(id)).status).toBe('SECONDED_OUT');
    expect(await outboxOf(id, 'secondment.started')).toHaveLength(1);
    await handler.handle({ today: day(0) });
    expect(await outboxOf(id, 'secondment.started')).toHaveLength(1);
    // Ending it with a future last day: the status stays until the day after, then the job moves it and announces the end.
    const end = await t.request('POST', `/v1/secondments/${res.body.id}/end`, { token: admin, body: { to: day(2) } });
    expect(end.status).toBe(200);
    expect((await worker(id)).status).toBe('SECONDED_OUT');
    expect(await outboxOf(id, 'secondment.ended')).toHaveLength(0);
    await handler.handle({ today: day(3) });
    expect((await worker(id)).status).toBe('ACTIVE');
    expect(await outboxOf(id, 'secondment.ended')).toHaveLength(1);
  });

  it('a future leave moves the status on its dates; the snapshot reports ON_LEAVE by the asOf date', async () => {
    const id = await hire();
    const leave = await t.request('POST', `/v1/workers/${id}/events`, { token: admin, body: { kind: 'LEAVE', date: day(30), note: '产假' } });
    expect(leave.status).toBe(201);
    const ret = await t.request('POST', `/v1/workers/${id}/events`, { token: admin, body: { kind: 'RETURN', date: day(40) } });
    expect(ret.status).toBe(201);
    const overlap = await t.request('POST', `/v1/workers/${id}/events`, { token: admin, body: { kind: 'LEAVE', date: day(35) } });
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('LEAVE_OVERLAP');
    expect((await worker(id)).status).toBe('ACTIVE');

    expect(await snapshotStatus(id, day(29))).toBe('ACTIVE');
    expect(await snapshotStatus(id, day(30))).toBe('ON_LEAVE');
    expect(await snapshotStatus(id, day(39))).toBe('ON_LEAVE');
    expect(await snapshotStatus(id, day(40))).toBe('ACTIVE');

    expect(await handler.handle({ today: day(30) })).toMatchObject({ statusChanges: 1, leavesStarted: 1 });
    expect((await worker(id)).status).toBe('ON_LEAVE');
    const settled = await counts(id);
    expect(await handler.handle({ today: day(30) })).toMatchObject({ workers: 0, statusChanges: 0 });
    expect(await counts(id)).toEqual(settled);
    const avail = await t.request('GET', `/v1/availability?community=${CUIYUAN1}&date=${day(31)}`, { token: admin });
    expect(avail.body.workers.map((w: { id: number }) => w.id)).not.toContain(id);

    expect(await handler.handle({ today: day(40) })).toMatchObject({ statusChanges: 1, leavesEnded: 1 });
    expect((await worker(id)).status).toBe('ACTIVE');
    const changes = await ds.query(`SELECT data FROM worker_event WHERE worker_id = ? AND kind = 'STATUS_CHANGE' ORDER BY id`, [id]);
    expect(changes.map((e: { data: unknown }) => (typeof e.data === 'string' ? JSON.parse(e.data) : e.data).cause)).toEqual(['LEAVE_START', 'LEAVE_END']);
  });

  it('a leave in the past changes the status at once and shows in snapshots of its dates only', async () => {
    const id = await hire();
    expect((await t.request('POST', `/v1/workers/${id}/events`, { token: admin, body: { kind: 'LEAVE', date: '2024-03-01' } })).status).toBe(201);
    expect((await worker(id)).status).toBe('ON_LEAVE');
    expect((await t.request('POST', `/v1/workers/${id}/events`, { token: admin, body: { kind: 'RETURN', date: '2024-06-01' } })).status).toBe(201);
    expect((await worker(id)).status).toBe('ACTIVE');
    expect(await snapshotStatus(id, '2024-02-29')).toBe('ACTIVE');
    expect(await snapshotStatus(id, '2024-04-01')).toBe('ON_LEAVE');
    expect(await snapshotStatus(id, '2024-06-01')).toBe('ACTIVE');
    expect(await handler.handle({ today: day(0) })).toMatchObject({ workers: 0 });
    const early = await t.request('POST', `/v1/workers/${id}/events`, { token: admin, body: { kind: 'RETURN', date: '2024-07-01' } });
    expect(early.body.code).toBe('WORKER_NOT_ON_LEAVE');
  });
});
