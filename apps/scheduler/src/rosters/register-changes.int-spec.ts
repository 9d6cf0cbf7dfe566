import { OutboxRelay } from '@cws/messaging';
import { testPrincipals, until, type TestApp } from '@cws/testing';
import { WORKERS_EVENTS_QUEUE, WORKERS_EVENTS_SCHEDULER_COPY } from '@cws/workers-contracts';
import { DataSource } from 'typeorm';
import { solvedRoster, startSchedulerOverWorkers } from '@cws/scheduler-testing';
import { RosterWorker1768700000000 } from '../migrations/1768700000000-roster-worker';
import { CheckPublishedRostersHandler } from './roster-check.job';
import { RosterRepository } from './roster.repository';

// Years ahead of any run of this spec: every day of it is still ahead, so every shift a change breaks counts.
const MONTH = '2036-11';

type Shift = { workerId: number; date: string; shift: string };

describe('published rosters follow the register\'s events (workers and scheduler on one queue prefix, real MySQL and Redis)', () => {
  let workers: TestApp;
  let t: TestApp;
  let xihu: string;
  let admin: string;
  let community: string;
  let communities: Array<{ code: string; districtCode: string }>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ workers, scheduler: t, community, communities, tokens: { xihu }, close } = await startSchedulerOverWorkers({ sharedQueue: true }));
    admin = workers.tokenFor(testPrincipals.cityAdmin());
  }, 180_000);
  afterAll(() => close?.());

  const toReplan = async (): Promise<Array<{ rosterId: number; conflictsAhead: number }>> => (await t.request('GET', '/v1/rosters/to-replan', { token: xihu })).body.items;
  /** The to-replan list once the workers service's events have been relayed and the scheduler has checked. */
  const listedWith = (rosterId: number, conflictsAhead: number) =>
    until(`roster ${rosterId} listed with ${conflictsAhead} shifts to change`, async () => {
      await workers.app.get(OutboxRelay).relayNow();
      return toReplan();
    }, (items) => items.some((x) => x.rosterId === rosterId && x.conflictsAhead === conflictsAhead), 60_000);

  /**
   * A draft written beside a published version `from` as if solved with these shifts (and `from`'s problem): a QUEUED row
   * then the repository's `saveSolution`, as a solve stores one (its shifts indexed by worker with it).
   */
  const draftFrom = async (from: { problem: string; objective: number }, row: Record<string, unknown>, shifts: Shift[]): Promise<number> => {
    const ds = t.app.get(DataSource);
    const cols = Object.keys(row);
    const res = await ds.query(
      `INSERT INTO roster (${cols.join(', ')}, status, seed, created_by, created_at) VALUES (${cols.map(() => '?').join(', ')}, 'QUEUED', 1, 'int-spec', UTC_TIMESTAMP(3))`,
      Object.values(row),
    );
    const solution = { problem: JSON.parse(from.problem), assignments: shifts, uncovered: [], hours: [], objective: Number(from.objective) };
    const saved = await ds.transaction((tx) => t.app.get(RosterRepository).saveSolution(tx, Number(res.insertId), solution));
    expect(saved).toBe(true);
    return Number(res.insertId);
  };

  it('lists a published roster to re-plan within seconds of leave recorded ahead and of a leaver, without the hourly check', async () => {
    const queued = await t.request('POST', '/v1/rosters', { token: xihu, body: { community, month: MONTH } });
    expect(queued.status).toBe(201);
    const roster = await solvedRoster(t, xihu, queued.body.id);
    expect((await t.request('POST', `/v1/rosters/${roster.id}/publish`, { token: xihu })).status).toBe(200);
    const shifts = roster.assignments as Shift[];
    const [onLeave, leaver] = [...new Set(shifts.map((a) => a.workerId))];
    const leaveShifts = shifts.filter((a) => a.workerId === onLeave && a.date >= `${MONTH}-10` && a.date < `${MONTH}-14`).length;
    const leaverShifts = shifts.filter((a) => a.workerId === leaver && a.date > `${MONTH}-20`).length;
    expect(leaveShifts).toBeGreaterThan(0);
    expect(leaverShifts).toBeGreaterThan(0);
    expect(await toReplan()).toEqual([]);

    // leave dated years ahead moves no status today, yet the days it covers can no longer be staffed by them
    for (const [kind, date] of [['LEAVE', `${MONTH}-10`], ['RETURN', `${MONTH}-14`]]) {
      expect((await workers.request('POST', `/v1/workers/${onLeave}/events`, { token: admin, body: { kind, date } })).status).toBe(201);
    }
    await listedWith(roster.id, leaveShifts);

    expect((await workers.request('POST', `/v1/workers/${leaver}/leave`, { token: admin, body: { date: `${MONTH}-20`, reason: '个人原因辞职' } })).status).toBe(200);
    await listedWith(roster.id, leaveShifts + leaverShifts);
    // each of these events went to both services' queues: payroll's and the scheduler's copy
    const wds = workers.app.get(DataSource);
    const queuesOf = async (job: string, workerId: number) =>
      (await wds.query('SELECT queue FROM outbox_event WHERE job_name = ? AND JSON_EXTRACT(payload, \'$.workerId\') = ? ORDER BY queue', [job, workerId])).map((r: { queue: string }) => r.queue);
    expect(await queuesOf('worker.left', leaver)).toEqual([WORKERS_EVENTS_QUEUE, WORKERS_EVENTS_SCHEDULER_COPY]);
    expect(await queuesOf('worker.changed', onLeave)).toEqual([WORKERS_EVENTS_QUEUE, WORKERS_EVENTS_QUEUE, WORKERS_EVENTS_SCHEDULER_COPY, WORKERS_EVENTS_SCHEDULER_COPY]);
    // the hourly check finds what the events already stored
    expect(await t.app.get(CheckPublishedRostersHandler).handle()).toEqual({ checked: 1, toReplan: 1, failed: 0 });
    expect((await toReplan()).find((x) => x.rosterId === roster.id)?.conflictsAhead).toBe(leaveShifts + leaverShifts);
  }, 240_000);

  it('lists the month after to re-plan when the month before is published anew with too little rest before its 1st; a re-plan from it clears it', async () => {
    const next = '2036-12';
    const queued = await t.request('POST', '/v1/rosters', { token: xihu, body: { community, month: next } });
    expect(queued.status).toBe(201);
    const december = await solvedRoster(t, xihu, queued.body.id);
    expect((await t.request('POST', `/v1/rosters/${december.id}/publish`, { token: xihu })).status).toBe(200);
    const restAcross = async (id: number) =>
      ((await t.request('GET', `/v1/rosters/${id}/conflicts`, { token: xihu })).body.conflicts as Array<{ reason: string }>).filter((c) => c.reason === 'REST_ACROSS_MONTHS');
    expect(await restAcross(december.id)).toEqual([]);

    // November changed since December was solved: someone on December's 1st now works 25–30 November too (a version
    // of November written here as a re-plan would store it), published through the API
    const ds = t.app.get(DataSource);
    const [november] = await ds.query("SELECT * FROM roster WHERE community_code = ? AND month = ? AND status = 'PUBLISHED'", [community, MONTH]);
    const onFirst = (december.assignments as Shift[]).filter((a) => a.date === `${next}-01`);
    expect(onFirst.length).toBeGreaterThan(0);
    const tired = onFirst[0];
    const lastWeek = ['25', '26', '27', '28', '29', '30'].map((d) => `${MONTH}-${d}`);
    const changed = [
      ...(JSON.parse(november.assignments) as Shift[]).filter((a) => !(a.workerId === tired.workerId && lastWeek.includes(a.date))),
      ...lastWeek.map((date) => ({ workerId: tired.workerId, date, shift: 'MID' })),
    ];
    const draft = await draftFrom(november, {
      community_code: november.community_code, district_code: november.district_code, street_code: november.street_code, month: MONTH,
      version: november.version + 1, reason: 'REPLAN', based_on_id: november.id,
    }, changed);
    expect((await t.request('POST', `/v1/rosters/${draft}/publish`, { token: xihu })).status).toBe(200);
    // publishing November checked December at once: listed, with the one shift that now ends a 7-day run
    const expected = [{ workerId: tired.workerId, date: `${next}-01`, shift: tired.shift, reason: 'REST_ACROSS_MONTHS', past: false }];
    expect((await toReplan()).find((x) => x.rosterId === december.id)?.conflictsAhead).toBeGreaterThanOrEqual(1);
    expect(await restAcross(december.id)).toEqual(expected);

    // a re-plan of December carries November as published now, and keeps the rest
    const replan = await t.request('POST', `/v1/rosters/${december.id}/replan`, { token: xihu });
    expect(replan.status).toBe(201);
    const replanned = await solvedRoster(t, xihu, replan.body.id);
    expect((replanned.assignments as Shift[]).some((a) => a.workerId === tired.workerId && a.date === `${next}-01`)).toBe(false);
    expect((await t.request('POST', `/v1/rosters/${replanned.id}/publish`, { token: xihu })).status).toBe(200);
    expect(await restAcross(replanned.id)).toEqual([]);
    expect((await toReplan()).map((x) => x.rosterId)).not.toContain(december.id);
  }, 240_000);

  it('checks only the rosters a worker has shifts in, not for a change of their details, and refuses an event without a worker id', async () => {
    const handler = t.app.get(CheckPublishedRostersHandler);
    expect(await handler.workerChanged({ workerId: 999_999_999 })).toEqual({ checked: 0, toReplan: 0 });
    const [published] = await t.app.get(DataSource).query("SELECT assignments FROM roster WHERE status = 'PUBLISHED' AND month = '2036-12'");
    const rostered = (JSON.parse(published.assignments) as Shift[])[0].workerId;
    expect(await handler.workerChanged({ workerId: rostered, fields: ['phone', 'education'] })).toEqual({ checked: 0, toReplan: 0 });
    expect((await handler.workerChanged({ workerId: rostered, fields: ['status'] })).checked).toBeGreaterThanOrEqual(1);
    expect((await handler.secondmentStarted({ workerId: rostered })).checked).toBeGreaterThanOrEqual(1);
    for (const payload of [{}, { workerId: '12' }, { workerId: 0 }, null]) expect(() => handler.workerChanged(payload)).toThrow('a register event without a worker id');
  });

  it('reads the old centre\'s month before for a worker a transfer brought in, when that centre publishes it anew, and lists the month to re-plan at once', async () => {
    const january = await solvedRoster(t, xihu, (await t.request('POST', '/v1/rosters', { token: xihu, body: { community, month: '2037-01' } })).body.id);
    expect((await t.request('POST', `/v1/rosters/${january.id}/publish`, { token: xihu })).status).toBe(200);
    const restAcross = async () =>
      ((await t.request('GET', `/v1/rosters/${january.id}/conflicts`, { token: xihu })).body.conflicts as Array<{ reason: string }>).filter((c) => c.reason === 'REST_ACROSS_MONTHS');
    expect(await restAcross()).toEqual([]);

    // another centre of the district publishes a December in which a worker on this January's 1st works 26–31 December
    // (as if they had worked there until a transfer on 1 January); this centre's December is not published again
    const ds = t.app.get(DataSource);
    const tired = (january.assignments as Shift[]).filter((a) => a.date === '2037-01-01')[0];
    const other = communities.find((c) => c.code !== community && c.districtCode === community.slice(0, 6))!.code;
    const lastWeek = ['26', '27', '28', '29', '30', '31'].map((d) => ({ workerId: tired.workerId, date: `2036-12-${d}`, shift: 'MID' }));
    const [december] = await ds.query("SELECT * FROM roster WHERE community_code = ? AND month = '2036-12' AND status = 'PUBLISHED'", [community]);
    const draft = await draftFrom(december, {
      community_code: other, district_code: december.district_code, street_code: other.slice(0, 9), month: '2036-12', version: 1, reason: 'GENERATE',
    }, lastWeek);
    expect((await t.request('POST', `/v1/rosters/${draft}/publish`, { token: xihu })).status).toBe(200);
    // that publication checked this centre's January at once (the worker's last six days there): listed to re-plan
    // without the hourly check or a read of its conflicts
    expect((await toReplan()).find((x) => x.rosterId === january.id)?.conflictsAhead).toBeGreaterThanOrEqual(1);
    expect(await restAcross()).toEqual([{ workerId: tired.workerId, date: '2037-01-01', shift: tired.shift, reason: 'REST_ACROSS_MONTHS', past: false }]);
  }, 240_000);

  it('indexes the workers of the versions solved before roster_worker existed as a solve indexes them (its migration)', async () => {
    const ds = t.app.get(DataSource);
    const indexed = () => ds.query('SELECT roster_id, worker_id, month FROM roster_worker ORDER BY roster_id, worker_id');
    const written = await indexed();
    // every version with shifts, each worker once (the specs above solved, swapped and wrote several)
    const [{ versions }] = await ds.query('SELECT COUNT(*) AS versions FROM roster WHERE JSON_LENGTH(assignments) > 0');
    expect(new Set(written.map((r: { roster_id: string }) => r.roster_id)).size).toBe(Number(versions));
    expect(Number(versions)).toBeGreaterThanOrEqual(5);
    const qr = ds.createQueryRunner();
    try {
      const migration = new RosterWorker1768700000000();
      await migration.down(qr);
      await migration.up(qr);
    } finally {
      await qr.release();
    }
    expect(await indexed()).toEqual(written);
  });
});
