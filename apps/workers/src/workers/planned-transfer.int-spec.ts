import { DataSource } from 'typeorm';
import { addDays } from '@cws/kernel';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { addMonths } from '@cws/workers-core';
import { hireWorker, residentIdSequence, startSeededWorkers } from '@cws/workers-testing';
import { today } from '../common/sql';
import { ApplyStatusCalendarHandler } from '../status-calendar/status-calendar.job';

const [FIRST, SECOND, THIRD] = ['330106001001', '330106002001', '330106003001'];
/** `today` shifted by n calendar days. */
const day = (n: number): string => addDays(today(), n);

/**
 * A transfer recorded ahead of its date (调令 with an effective date): kept as a plan, read by the day-based reads from
 * its date (roster availability, the payroll snapshot), and moved onto the register by the nightly status calendar.
 */
describe('planned transfers: recorded ahead, in the new community from their date, moved by the nightly calendar (real MySQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  let calendar: ApplyStatusCalendarHandler;
  const hire = residentIdSequence(8700);

  beforeAll(async () => {
    ({ t, ds } = startedApp(await startSeededWorkers({ workers: 5 })));
    admin = t.tokenFor(testPrincipals.cityAdmin());
    calendar = t.app.get(ApplyStatusCalendarHandler);
  });
  afterAll(() => t?.close());

  const patch = (id: number, body: Record<string, unknown>) => t.request('PATCH', `/v1/workers/${id}`, { token: admin, body });
  const detail = async (id: number) => (await t.request('GET', `/v1/workers/${id}`, { token: admin })).body;
  const snapshotPlace = async (id: number, asOf: string) => {
    const res = await t.request('GET', `/v1/snapshots?asOf=${asOf}&scope=330106&workers=${id}`, { token: t.tokenFor(testPrincipals.client(['payroll:read'])) });
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ communityCode: string; placeSince: string }>).map((i) => [i.communityCode, i.placeSince]);
  };
  const available = async (id: number, community: string, date: string) =>
    ((await t.request('GET', `/v1/availability?community=${community}&date=${date}`, { token: admin })).body.workers as Array<{ id: number }>).some((w) => w.id === id);

  it('plans a later day: the register keeps the current place, the day reads move on the date, and the calendar moves the worker then, once', async () => {
    const w = await hireWorker(t, admin, { residentId: hire(), communityCode: FIRST, hireDate: '2020-01-01' });
    const planned = await patch(w.id, { communityCode: SECOND, transferDate: day(10) });
    expect(planned.status).toBe(200);
    expect(planned.body.worker).toMatchObject({ communityCode: FIRST, placeSince: '2020-01-01', plannedTransfer: { date: day(10), communityCode: SECOND } });
    expect(await detail(w.id)).toMatchObject({ communityCode: FIRST, plannedTransfer: { date: day(10), communityCode: SECOND } });
    // planned again: the new plan replaces the old
    expect((await patch(w.id, { communityCode: THIRD, transferDate: day(12) })).body.worker.plannedTransfer).toEqual({ date: day(12), communityCode: THIRD });
    // the register lists the worker here, with the day they move
    const register = (await t.request('GET', `/v1/workers?community=${FIRST}&limit=200`, { token: admin })).body.items as Array<{ id: number; plannedTransferDate: string | null }>;
    expect(register.find((r) => r.id === w.id)?.plannedTransferDate).toBe(day(12));
    expect(register.filter((r) => r.plannedTransferDate).map((r) => r.id)).toEqual([w.id]);

    // the receiving street's HR sees who is coming, from where and when (the worker is not theirs yet: the record is a 404)
    const incoming = async (principal: ReturnType<typeof testPrincipals.streetUser>) =>
      (await t.request('GET', '/v1/workers/incoming-transfers', { token: t.tokenFor(principal) })).body.items as Array<Record<string, unknown>>;
    const receiving = testPrincipals.streetUser(THIRD.slice(0, 9));
    expect((await incoming(receiving)).filter((i) => i.workerId === w.id)).toEqual([
      { workerId: w.id, name: expect.any(String), date: day(12), fromCommunityCode: FIRST, fromCommunityName: expect.any(String), toCommunityCode: THIRD, toCommunityName: expect.any(String) },
    ]);
    expect((await t.request('GET', `/v1/workers/${w.id}`, { token: t.tokenFor(receiving) })).status).toBe(404);
    expect((await incoming(testPrincipals.streetUser(FIRST.slice(0, 9)))).some((i) => i.workerId === w.id)).toBe(false);

    // the payroll snapshot and roster availability of a day read the place of that day
    expect(await snapshotPlace(w.id, day(11))).toEqual([[FIRST, '2020-01-01']]);
    expect(await snapshotPlace(w.id, day(12))).toEqual([[THIRD, day(12)]]);
    expect([await available(w.id, FIRST, day(11)), await available(w.id, THIRD, day(11))]).toEqual([true, false]);
    expect([await available(w.id, FIRST, day(12)), await available(w.id, THIRD, day(12))]).toEqual([false, true]);
    // and so does the month a roster is solved from, ahead of the move
    const month = day(12).slice(0, 7);
    type MonthRow = { id: number; availableOn: string[]; arrivedFrom: string | null; arrivedOn: string | null };
    const monthOf = async (community: string) =>
      ((await t.request('GET', `/v1/availability/month?community=${community}&month=${month}`, { token: admin })).body.workers as MonthRow[]).find((x) => x.id === w.id);
    const daysIn = async (community: string) => (await monthOf(community))?.availableOn ?? [];
    expect((await daysIn(THIRD))[0]).toBe(day(12));
    expect((await daysIn(FIRST)).filter((d) => d >= day(12))).toEqual([]);
    // named as arriving on the day, from where: the scheduler carries that centre's days before it
    expect(await monthOf(THIRD)).toMatchObject({ arrivedFrom: FIRST, arrivedOn: day(12) });
    expect(await monthOf(FIRST)).toMatchObject({ arrivedFrom: null, arrivedOn: null });

    // a post here must end before the move; a transfer now, or leaving after the move, waits for the plan to go
    const post = (to?: string) => t.request('POST', '/v1/appointments', { token: admin, body: { workerId: w.id, communityCode: FIRST, bodyKind: 'STATION', role: 'STAFF', obtainedBy: 'APPOINTMENT', from: day(-5), ...(to ? { to } : {}) } });
    const refusedPost = await post();
    expect([refusedPost.status, refusedPost.body]).toEqual([409, expect.objectContaining({ code: 'TRANSFER_PLANNED' })]);
    expect((await post(day(11))).status).toBe(201);
    const now = await patch(w.id, { communityCode: SECOND });
    expect([now.status, now.body.code]).toEqual([409, 'TRANSFER_PLANNED']);
    const leaving = await t.request('POST', `/v1/workers/${w.id}/leave`, { token: admin, body: { date: day(20), reason: '个人原因辞职' } });
    expect([leaving.status, leaving.body.code]).toEqual([409, 'TRANSFER_PLANNED']);

    // the night before its day nothing moves; on its day the worker moves as a transfer recorded that day would
    expect((await calendar.handle({ today: day(11) })).transfers).toBe(0);
    expect((await detail(w.id)).communityCode).toBe(FIRST);
    expect((await calendar.handle({ today: day(12) })).transfers).toBe(1);
    expect(await detail(w.id)).toMatchObject({ communityCode: THIRD, streetCode: '330106003', placeSince: day(12), plannedTransfer: null });
    expect(await ds.query('SELECT community_code AS c, valid_from AS f, valid_to AS t FROM worker_place_history WHERE worker_id = ?', [w.id])).toEqual([{ c: FIRST, f: '2020-01-01', t: day(11) }]);
    const [event] = await ds.query("SELECT event_date AS d, JSON_UNQUOTE(JSON_EXTRACT(data, '$.to')) AS `to` FROM worker_event WHERE worker_id = ? AND kind = 'TRANSFER'", [w.id]);
    expect(event).toEqual({ d: day(12), to: THIRD });
    const changed = await ds.query("SELECT payload FROM outbox_event WHERE queue = 'workers-events' AND job_name = 'worker.changed' AND JSON_EXTRACT(payload, '$.workerId') = ? AND JSON_EXTRACT(payload, '$.transferDate') IS NOT NULL", [w.id]);
    expect(changed.map((r: { payload: string | object }) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload))).toEqual([
      expect.objectContaining({ communityCode: THIRD, transferDate: day(12), fields: ['communityCode'] }),
    ]);
    // the post that ended before the move is as it was
    expect(await ds.query('SELECT end_date AS `to`, end_reason AS reason FROM appointment WHERE worker_id = ?', [w.id])).toEqual([{ to: day(11), reason: null }]);
    // a re-run finds nothing to move
    expect((await calendar.handle({ today: day(12) })).transfers).toBe(0);
    expect(Number((await ds.query('SELECT COUNT(*) AS n FROM worker_place_history WHERE worker_id = ?', [w.id]))[0].n)).toBe(1);
  });

  it('names where a worker arriving on the 1st was the day before (arrivedFrom), for the scheduler to carry that centre\'s last days', async () => {
    const w = await hireWorker(t, admin, { residentId: hire(), communityCode: FIRST, hireDate: '2020-01-01' });
    const month = addMonths(`${today().slice(0, 7)}-01`, 1).slice(0, 7);
    expect((await patch(w.id, { communityCode: SECOND, transferDate: `${month}-01` })).status).toBe(200);
    const read = async (community: string) =>
      (await t.request('GET', `/v1/availability/month?community=${community}&month=${month}`, { token: admin })).body.workers as Array<{ id: number; arrivedFrom: string | null; arrivedOn: string | null; availableOn: string[] }>;
    const second = await read(SECOND);
    expect(second.find((x) => x.id === w.id)).toMatchObject({ arrivedFrom: FIRST, arrivedOn: `${month}-01`, availableOn: expect.arrayContaining([`${month}-01`]) });
    expect(second.filter((x) => x.id !== w.id).every((x) => x.arrivedFrom === null && x.arrivedOn === null)).toBe(true);
    expect((await read(FIRST)).some((x) => x.id === w.id)).toBe(false);
    expect((await t.request('DELETE', `/v1/workers/${w.id}/planned-transfer`, { token: admin })).status).toBe(204);
  });

  it('cancels a plan (then 404; the receiving community cannot be deactivated before), drops one that leaving makes moot, and refuses a date more than a year ahead on its field', async () => {
    const w = await hireWorker(t, admin, { residentId: hire(), communityCode: FIRST, hireDate: '2020-01-01' });
    expect((await patch(w.id, { communityCode: SECOND, transferDate: day(3) })).status).toBe(200);
    // the receiving community stays in use while someone is planned to arrive
    const deactivate = () => t.request('POST', `/v1/communities/${SECOND}/deactivate`, { token: admin });
    const refused = await deactivate();
    expect([refused.status, refused.body.code, refused.body.plannedTransfers]).toEqual([409, 'COMMUNITY_HAS_PLANNED_TRANSFERS', 1]);
    expect((await t.request('DELETE', `/v1/workers/${w.id}/planned-transfer`, { token: admin })).status).toBe(204);
    expect((await deactivate()).body.active).toBe(false);
    expect((await t.request('POST', `/v1/communities/${SECOND}/reactivate`, { token: admin })).body.active).toBe(true);
    expect((await detail(w.id)).plannedTransfer).toBeNull();
    expect(await available(w.id, SECOND, day(3))).toBe(false);
    expect((await t.request('DELETE', `/v1/workers/${w.id}/planned-transfer`, { token: admin })).status).toBe(404);
    // a worker id past any integer column, or not a number: refused, never a 500
    for (const id of ['99999999999999999999', '1.5', 'x']) {
      const res = await t.request('DELETE', `/v1/workers/${id}/planned-transfer`, { token: admin });
      expect([id, res.status < 500, [400, 404].includes(res.status), typeof res.body.code]).toEqual([id, true, true, 'string']);
    }
    // the incoming list takes no parameters and pages nothing: a forged cursor is not read
    const odd = await t.request('GET', '/v1/workers/incoming-transfers?after=forged', { token: admin });
    expect([odd.status, Array.isArray(odd.body.items)]).toEqual([200, true]);
    const [audit] = await ds.query("SELECT action FROM audit_log WHERE entity = 'worker' AND entity_id = ? ORDER BY id DESC LIMIT 1", [String(w.id)]);
    expect(audit.action).toBe('CANCEL_TRANSFER');

    const far = await patch(w.id, { communityCode: SECOND, transferDate: day(367) });
    expect([far.status, far.body.code, far.body.details?.[0]?.path]).toEqual([400, 'TRANSFER_DATE_TOO_FAR', 'transferDate']);

    // leaving before the planned day: the worker never moves
    expect((await patch(w.id, { communityCode: SECOND, transferDate: day(30) })).status).toBe(200);
    expect((await t.request('POST', `/v1/workers/${w.id}/leave`, { token: admin, body: { date: today(), reason: '个人原因辞职' } })).status).toBeLessThan(300);
    expect(await ds.query('SELECT worker_id FROM worker_planned_transfer WHERE worker_id = ?', [w.id])).toEqual([]);
    await calendar.handle({ today: day(30) });
    expect((await detail(w.id)).communityCode).toBe(FIRST);
  });
});
