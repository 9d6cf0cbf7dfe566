import { DEMO_CALENDAR_2026, type RosterProblem } from '@cws/scheduler-solver';
import type { TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
import { solvedRoster, startSchedulerOverWorkers } from '@cws/scheduler-testing';

describe('calendar, centres and worker requests (real MySQL and Redis, real workers app)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  let xihu: string;
  let other: string;
  let community: string;
  let secondXihu: string;
  let lastXihu: string;
  let close: () => Promise<void>;
  let started: Awaited<ReturnType<typeof startSchedulerOverWorkers>>;

  beforeAll(async () => {
    started = await startSchedulerOverWorkers();
    ({ scheduler: t, community, tokens: { admin, xihu, shangcheng: other }, close } = started);
    secondXihu = started.communities.filter((c) => c.districtCode === '330106')[1].code;
    lastXihu = started.communities.filter((c) => c.districtCode === '330106').at(-1)!.code;
    ds = t.app.get(DataSource);
  }, 180_000);
  afterAll(() => close?.());

  it('serves the seeded 2026 calendar; only a city administrator edits it, with field paths on bad dates', async () => {
    const res = await t.request('GET', '/v1/calendar/2026', { token: xihu });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, label: expect.stringMatching(/^demo/), holidays: DEMO_CALENDAR_2026.holidays });
    expect((await t.request('GET', '/v1/calendar/2031', { token: xihu })).status).toBe(404);
    // a year beyond the column (SMALLINT) with lists that need no date: a 400 naming `year`, not the INSERT's 500
    for (const year of ['40000', '2026.5', '1999']) {
      const beyond = await t.request('PUT', `/v1/calendar/${year}`, { token: admin, body: { label: 'x', holidays: [], restDays: [], adjustedWorkingDays: [] } });
      expect([beyond.status, beyond.body.code, beyond.body.details?.[0]?.path]).toEqual([400, 'VALIDATION_FAILED', 'year']);
    }
    const body = { label: 'test 2027', holidays: [{ date: '2027-01-01', name: '元旦' }], restDays: [], adjustedWorkingDays: [{ date: '2027-01-04', name: '周一' }] };
    expect((await t.request('PUT', '/v1/calendar/2027', { token: xihu, body })).status).toBe(403);
    const bad = await t.request('PUT', '/v1/calendar/2027', { token: admin, body });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'ADJUSTED_DAY_NOT_WEEKEND', details: [{ path: 'adjustedWorkingDays[0].date' }] });
    const twice = await t.request('PUT', '/v1/calendar/2027', { token: admin, body: { ...body, restDays: [{ date: '2027-01-01', name: 'x' }], adjustedWorkingDays: [] } });
    expect(twice.body).toMatchObject({ code: 'CALENDAR_DATE_TWICE', details: [{ path: 'restDays[0].date' }] });
    const ok = await t.request('PUT', '/v1/calendar/2027', { token: admin, body: { ...body, adjustedWorkingDays: [{ date: '2027-01-09', name: '调休上班' }] } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ year: 2027, updatedBy: 'city-admin', adjustedWorkingDays: [{ date: '2027-01-09' }] });
    const [audit] = await ds.query("SELECT action FROM audit_log WHERE entity = 'holiday_calendar' AND entity_id = '2027'");
    expect(audit.action).toBe('CREATE');
  });

  it('serves the default centre set-up, stores an edited one, rejects a bad one with every path, and hides other districts', async () => {
    const def = await t.request('GET', `/v1/centres/${secondXihu}`, { token: xihu });
    expect(def.status).toBe(200);
    expect(def.body).toMatchObject({ communityCode: secondXihu, districtCode: '330106', isDefault: true, config: { restDaysPer7: 1 } });
    expect(def.body.config.templates.map((x: { code: string }) => x.code)).toEqual(['EARLY', 'MID', 'LATE']);
    expect((await t.request('GET', `/v1/centres/${community}`, { token: other })).status).toBe(404);
    expect((await t.request('GET', `/v1/centres/${secondXihu}`, { token: other })).status).toBe(404);

    const bad = await t.request('PUT', `/v1/centres/${secondXihu}`, {
      token: xihu,
      body: { ...def.body.config, restDaysPer7: 2, templates: [{ code: 'EARLY', start: '08:00', end: '21:30', breakMinutes: 30 }], coverage: [{ dayTypes: ['WEEKDAY'], from: '08:15', to: '17:30', min: 3 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CENTRE_CONFIG_INVALID');
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['coverage[0].from', 'templates[0]']);
    const unknown = await t.request('PUT', `/v1/centres/${secondXihu}`, { token: xihu, body: { ...def.body.config, extra: 1 } });
    expect(unknown.status).toBe(400);

    const two = { ...def.body.config, restDaysPer7: 2 };
    const put = await t.request('PUT', `/v1/centres/${secondXihu}`, { token: xihu, body: two });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ isDefault: false, updatedBy: 'hr-330106', config: { restDaysPer7: 2 } });
    expect((await t.request('PUT', `/v1/centres/${secondXihu}`, { token: other, body: two })).status).toBe(404);
  });

  it('ETag and If-Match on the calendar and a centre: a stale If-Match is 412 and writes nothing; the current one saves', async () => {
    const audits = async (entity: string, id: string) => Number((await ds.query('SELECT COUNT(*) AS n FROM audit_log WHERE entity = ? AND entity_id = ?', [entity, id]))[0].n);
    const body = { label: 'if-match', holidays: [{ date: '2036-01-01', name: '元旦' }], restDays: [], adjustedWorkingDays: [] };
    // a year not on file: no ETag can match it
    const none = await t.request('PUT', '/v1/calendar/2036', { token: admin, body, headers: { 'If-Match': '"anything"' } });
    expect([none.status, none.body.code, none.body.details?.[0]?.path]).toEqual([412, 'PRECONDITION_FAILED', 'header:If-Match']);
    // the first save of a year read as not on file sends If-None-Match: *, so a second first save is 412, not an overwrite
    const first = await t.request('PUT', '/v1/calendar/2036', { token: admin, body, headers: { 'If-None-Match': '*' } });
    expect(first.status).toBe(200);
    const created = await audits('holiday_calendar', '2036');
    const second = await t.request('PUT', '/v1/calendar/2036', { token: admin, body: { ...body, label: 'second' }, headers: { 'If-None-Match': '*' } });
    expect([second.status, second.body.code, second.body.details?.[0]?.path]).toEqual([412, 'PRECONDITION_FAILED', 'header:If-None-Match']);
    expect(await audits('holiday_calendar', '2036')).toBe(created);
    const read = await t.request('GET', '/v1/calendar/2036', { token: xihu });
    const tag = read.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    expect(first.headers.get('etag')).toBe(tag);
    // another administrator saves meanwhile: the tag read before is stale
    const meanwhile = await t.request('PUT', '/v1/calendar/2036', { token: admin, body: { ...body, label: 'meanwhile' }, headers: { 'If-Match': tag! } });
    expect(meanwhile.status).toBe(200);
    expect(meanwhile.headers.get('etag')).not.toBe(tag);
    const before = await audits('holiday_calendar', '2036');
    const stale = await t.request('PUT', '/v1/calendar/2036', { token: admin, body: { ...body, label: 'stale' }, headers: { 'If-Match': tag! } });
    expect([stale.status, stale.body.code]).toEqual([412, 'PRECONDITION_FAILED']);
    expect((await t.request('GET', '/v1/calendar/2036', { token: xihu })).body.label).toBe('meanwhile');
    expect(await audits('holiday_calendar', '2036')).toBe(before);

    // a centre never saved: the default's tag holds until the first save, then is stale
    const centre = started.communities.filter((c) => c.districtCode === '330106')[2].code;
    const def = await t.request('GET', `/v1/centres/${centre}`, { token: xihu });
    expect(def.body.isDefault).toBe(true);
    const defTag = def.headers.get('etag')!;
    const saved = await t.request('PUT', `/v1/centres/${centre}`, { token: xihu, body: { ...def.body.config, restDaysPer7: 2 }, headers: { 'If-Match': defTag } });
    expect([saved.status, saved.body.config.restDaysPer7]).toEqual([200, 2]);
    const after = await audits('service_centre', centre);
    const lost = await t.request('PUT', `/v1/centres/${centre}`, { token: xihu, body: def.body.config, headers: { 'If-Match': defTag } });
    expect([lost.status, lost.body.code]).toEqual([412, 'PRECONDITION_FAILED']);
    expect((await t.request('GET', `/v1/centres/${centre}`, { token: xihu })).body.config.restDaysPer7).toBe(2);
    expect(await audits('service_centre', centre)).toBe(after);
    const current = await t.request('PUT', `/v1/centres/${centre}`, { token: xihu, body: def.body.config, headers: { 'If-Match': saved.headers.get('etag')! } });
    expect([current.status, current.body.config.restDaysPer7]).toEqual([200, 1]);
  });

  it('concurrent first saves of a calendar year and of a centre: every one 200, never a 500; the audit has one CREATE each', async () => {
    // each writer finds no row (a gap lock), then inserts: InnoDB made one of them a deadlock victim now and then
    const calendar = { label: 'concurrent', holidays: [], restDays: [], adjustedWorkingDays: [] };
    for (const year of [2032, 2033, 2034, 2035]) {
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => t.request('PUT', `/v1/calendar/${year}`, { token: admin, body: calendar })));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
      const actions = await ds.query("SELECT action FROM audit_log WHERE entity = 'holiday_calendar' AND entity_id = ? ORDER BY id", [String(year)]);
      expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE', 'UPDATE']);
    }
    const { config } = (await t.request('GET', `/v1/centres/${lastXihu}`, { token: xihu })).body;
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => t.request('PUT', `/v1/centres/${lastXihu}`, { token: xihu, body: config })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const actions = await ds.query("SELECT action FROM audit_log WHERE entity = 'service_centre' AND entity_id = ? ORDER BY id", [lastXihu]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE', 'UPDATE']);
  });

  it('uses declared unavailability and day-off requests in the next solve', async () => {
    const roster0 = await t.request('POST', '/v1/rosters', { token: xihu, body: { community: secondXihu, month: '2026-12' } });
    expect(roster0.status).toBe(201);
    const first = await solvedRoster(t, xihu, roster0.body.id);
    const busy = first.assignments.find((a: { date: string }) => a.date === '2026-12-10').workerId;
    const req = await t.request('POST', `/v1/centres/${secondXihu}/requests`, { token: xihu, body: { workerId: busy, date: '2026-12-10', kind: 'UNAVAILABLE', note: '体检' } });
    expect(req.status).toBe(201);
    const off = first.assignments.find((a: { date: string; workerId: number }) => a.date === '2026-12-11' && a.workerId !== busy).workerId;
    expect((await t.request('POST', `/v1/centres/${secondXihu}/requests`, { token: xihu, body: { workerId: off, date: '2026-12-11', kind: 'OFF' } })).status).toBe(201);
    expect((await t.request('POST', `/v1/centres/${secondXihu}/requests`, { token: xihu, body: { workerId: off, date: '2026-12-12', kind: 'SHIFT' } })).body.code).toBe('REQUEST_SHIFT_MISSING');
    expect((await t.request('POST', `/v1/centres/${secondXihu}/requests`, { token: other, body: { workerId: off, date: '2026-12-11', kind: 'OFF' } })).status).toBe(404);

    const again = await solvedRoster(t, xihu, (await t.request('POST', '/v1/rosters', { token: xihu, body: { community: secondXihu, month: '2026-12' } })).body.id);
    expect(again).toMatchObject({ status: 'DRAFT', version: 2, uncovered: [] });
    const [stored] = await ds.query('SELECT problem FROM roster WHERE id = ?', [again.id]);
    const problem: RosterProblem = JSON.parse(stored.problem);
    expect(problem.centre.restDaysPer7).toBe(2);
    expect(problem.workers.find((w) => w.id === busy)!.unavailable).toContain('2026-12-10');
    expect(again.assignments.some((a: { workerId: number; date: string }) => a.workerId === busy && a.date === '2026-12-10')).toBe(false);
    expect(again.assignments.some((a: { workerId: number; date: string }) => a.workerId === off && a.date === '2026-12-11')).toBe(false);

    // Version 2 published: the older draft cannot be published over it.
    expect((await t.request('POST', `/v1/rosters/${again.id}/publish`, { token: xihu })).status).toBe(200);
    const stale = await t.request('POST', `/v1/rosters/${first.id}/publish`, { token: xihu });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('ROSTER_OUTDATED');
    // Two re-plans of version 2: once one is published, the other (planned from version 2, not from it) is refused too,
    // though its number is higher — publishing it would drop the first one's changes.
    const replan = async () => solvedRoster(t, xihu, (await t.request('POST', `/v1/rosters/${again.id}/replan`, { token: xihu })).body.id);
    const [v3, v4] = [await replan(), await replan()];
    expect([v3.version, v4.version, v3.basedOn, v4.basedOn]).toEqual([3, 4, again.id, again.id]);
    expect((await t.request('POST', `/v1/rosters/${v3.id}/publish`, { token: xihu })).status).toBe(200);
    const sibling = await t.request('POST', `/v1/rosters/${v4.id}/publish`, { token: xihu });
    expect(sibling.status).toBe(409);
    expect(sibling.body.code).toBe('ROSTER_OUTDATED');
    expect(sibling.body.message).toContain('version 3 has been published since');
  });

  it('records a leave of several days in one call, each day audited; a span past 31 days or ending before it starts, or a worker not of the centre, writes nothing', async () => {
    const month = '2027-02';
    const first = await solvedRoster(t, xihu, (await t.request('POST', '/v1/rosters', { token: xihu, body: { community: secondXihu, month } })).body.id);
    const worker = first.assignments[0].workerId as number;
    const REQ = `/v1/centres/${secondXihu}/requests`;
    const span = await t.request('POST', REQ, { token: xihu, body: { workerId: worker, date: '2027-02-26', until: '2027-03-02', kind: 'UNAVAILABLE', note: '年休假' } });
    expect(span.status).toBe(201);
    expect(span.body).toMatchObject({ workerId: worker, date: '2027-02-26', until: '2027-03-02', kind: 'UNAVAILABLE' });
    const days = async () => (await ds.query("SELECT DATE_FORMAT(day, '%Y-%m-%d') AS day, note FROM worker_request WHERE worker_id = ? AND community_code = ? ORDER BY day", [worker, secondXihu])).map((r: { day: string; note: string }) => `${r.day} ${r.note}`);
    expect(await days()).toEqual(['2027-02-26 年休假', '2027-02-27 年休假', '2027-02-28 年休假', '2027-03-01 年休假', '2027-03-02 年休假']);
    const spanIds = ['2027-02-26', '2027-02-27', '2027-02-28', '2027-03-01', '2027-03-02'].map((d) => `${worker}:${d}`);
    const audited = await ds.query("SELECT entity_id AS id, action FROM audit_log WHERE entity = 'worker_request' AND entity_id IN (?) ORDER BY entity_id", [spanIds]);
    expect(audited.map((a: { id: string; action: string }) => `${a.id} ${a.action}`)).toEqual(spanIds.map((id) => `${id} UPSERT`));

    for (const [until, code] of [['2027-04-02', 'REQUEST_SPAN_TOO_LONG'], ['2027-02-25', 'REQUEST_UNTIL_BEFORE_DATE'], ['2027-02-30', 'VALIDATION_FAILED']]) {
      const refused = await t.request('POST', REQ, { token: xihu, body: { workerId: worker, date: '2027-03-02', until, kind: 'OFF' } });
      expect([refused.status, refused.body.code, refused.body.details?.[0]?.path]).toEqual([400, code, 'until']);
    }
    expect(await days()).toHaveLength(5);
    // a worker of another community (in scope), or one nobody in scope has: refused, nothing written
    const [elsewhere] = (await started.workers.request('GET', `/v1/workers?community=${lastXihu}&status=ACTIVE&limit=1`, { token: xihu })).body.items;
    const foreign = await t.request('POST', REQ, { token: xihu, body: { workerId: elsewhere.id, date: '2027-02-10', kind: 'OFF' } });
    expect([foreign.status, foreign.body.code, foreign.body.details?.[0]?.path]).toEqual([400, 'REQUEST_WORKER_NOT_IN_COMMUNITY', 'workerId']);
    expect((await t.request('POST', REQ, { token: xihu, body: { workerId: 99_999_999, date: '2027-02-10', kind: 'OFF' } })).status).toBe(404);
    expect(await days()).toHaveLength(5);
    // recorded again over the same days with a shorter span: those days are replaced, the others stay
    expect((await t.request('POST', REQ, { token: xihu, body: { workerId: worker, date: '2027-02-27', until: '2027-02-28', kind: 'OFF', note: '调休' } })).status).toBe(201);
    expect(await days()).toEqual(['2027-02-26 年休假', '2027-02-27 调休', '2027-02-28 调休', '2027-03-01 年休假', '2027-03-02 年休假']);
  });

  it('lists the month’s requests by day and withdraws one (audited); outside the scope, 404', async () => {
    const month = '2027-01';
    const first = await solvedRoster(t, xihu, (await t.request('POST', '/v1/rosters', { token: xihu, body: { community: secondXihu, month } })).body.id);
    const [a, b] = [...new Set(first.assignments.map((x: { workerId: number }) => x.workerId))] as number[];
    expect((await t.request('POST', `/v1/centres/${secondXihu}/requests`, { token: xihu, body: { workerId: b, date: '2027-01-20', kind: 'OFF' } })).status).toBe(201);
    expect((await t.request('POST', `/v1/centres/${secondXihu}/requests`, { token: xihu, body: { workerId: a, date: '2027-01-05', kind: 'UNAVAILABLE', note: '体检' } })).status).toBe(201);
    const listed = await t.request('GET', `/v1/centres/${secondXihu}/requests?month=${month}`, { token: xihu });
    expect(listed.status).toBe(200);
    expect(listed.body.map((r: { workerId: number; date: string; kind: string; note?: string }) => [r.date, r.workerId, r.kind, r.note ?? null])).toEqual([
      ['2027-01-05', a, 'UNAVAILABLE', '体检'],
      ['2027-01-20', b, 'OFF', null],
    ]);
    expect(listed.body[0].createdBy).toEqual(expect.any(String));
    expect((await t.request('GET', `/v1/centres/${secondXihu}/requests?month=2027-1`, { token: xihu })).status).toBe(400);
    // a partial or impossible date, a huge id, a lone surrogate: 400 on the field, never a 500
    for (const path of [`${b}/2027-01`, `${b}/2027-02-30`, `${'9'.repeat(30)}/2027-01-20`, `${b}/%ED%A0%80`]) {
      expect((await t.request('DELETE', `/v1/centres/${secondXihu}/requests/${path}`, { token: xihu })).status).toBe(400);
    }
    expect((await t.request('GET', `/v1/centres/${secondXihu}/requests?month=${month}`, { token: other })).status).toBe(404);
    expect((await t.request('DELETE', `/v1/centres/${secondXihu}/requests/${b}/2027-01-20`, { token: other })).status).toBe(404);

    expect((await t.request('DELETE', `/v1/centres/${secondXihu}/requests/${b}/2027-01-20`, { token: xihu })).status).toBe(204);
    expect((await t.request('DELETE', `/v1/centres/${secondXihu}/requests/${b}/2027-01-20`, { token: xihu })).status).toBe(404);
    const left = await t.request('GET', `/v1/centres/${secondXihu}/requests?month=${month}`, { token: xihu });
    expect(left.body.map((r: { workerId: number }) => r.workerId)).toEqual([a]);
    const audit = await ds.query("SELECT action FROM audit_log WHERE entity = 'worker_request' AND entity_id = ? ORDER BY id", [`${b}:2027-01-20`]);
    expect(audit.map((x: { action: string }) => x.action)).toEqual(['UPSERT', 'DELETE']);
  });
});
