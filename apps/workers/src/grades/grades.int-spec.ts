import { addDays } from '@cws/kernel';
import { testPrincipals, usingApp } from '@cws/testing';
import { today } from '../common/sql';
import { deriveMissingGrades } from './grade-backfill';
import { ApplyGradeProgressionHandler } from './grade-progression.job';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const CUIYUAN1 = '330106001001';
const newId = residentIdSequence(940_000);

describe('grades on the register: entry with prior service, GRADE_CHANGE, yearly progression, backfill, snapshot (real MySQL)', () => {
  const app = usingApp(() => startWorkersWithOrg());

  const register = (over: Record<string, unknown>) =>
    hireWorker(app.t, app.tokens.admin, { name: '周敏', residentId: newId(), hireDate: addDays(today(), -30), communityCode: CUIYUAN1, ...over });
  const detail = async (id: number) => (await app.t.request('GET', `/v1/workers/${id}`, { token: app.tokens.admin })).body;
  const snapshotOf = async (id: number, asOf = today()) => {
    const res = await app.t.request('GET', `/v1/snapshots?asOf=${asOf}&scope=${CUIYUAN1}&limit=5000`, { token: app.tokens.finance });
    expect(res.status).toBe(200);
    return (res.body.items as Array<Record<string, unknown>>).find((w) => w.workerId === id);
  };
  const gradeEvents = (id: number) =>
    app.ds.query(`SELECT payload FROM outbox_event WHERE job_name = 'worker.grade-changed' AND JSON_EXTRACT(payload, '$.workerId') = ? ORDER BY id`, [id])
      .then((rows: Array<{ payload: unknown }>) => rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload)));

  it('a recruit with 9 years of prior community service enters at the base grade + 3 (was: the base grade)', async () => {
    const fresh = await register({});
    const veteran = await register({ priorServiceMonths: 108 });
    expect(veteran.priorServiceMonths).toBe(108);
    expect(await detail(fresh.id)).toMatchObject({ grade: 3, gradeBand: 'OTHER', gradeDerived: false });
    const d = await detail(veteran.id);
    expect(d).toMatchObject({ grade: 6, gradeBand: 'OTHER', gradeDerived: false, gradeSince: addDays(today(), -30), priorServiceMonths: 108 });
    expect(d.grades).toEqual([expect.objectContaining({ grade: 6, cause: 'ENTRY', derived: false, policyRefs: expect.arrayContaining([expect.stringMatching(/^grade_policy:\d+$/)]) })]);
    expect(await snapshotOf(veteran.id)).toMatchObject({ grade: 6, gradeBand: 'OTHER', gradeDerived: false, priorServiceMonths: 108 });
    expect(await snapshotOf(veteran.id, addDays(today(), -31))).toBeUndefined(); // not yet hired
    // the grade at hire travels on worker.created; later changes on worker.grade-changed
    const [created] = await app.ds.query(`SELECT payload FROM outbox_event WHERE job_name = 'worker.created' AND JSON_EXTRACT(payload, '$.workerId') = ?`, [veteran.id]);
    expect(typeof created.payload === 'string' ? JSON.parse(created.payload) : created.payload).toMatchObject({ grade: 6, gradeBand: 'OTHER' });
    expect(await gradeEvents(veteran.id)).toEqual([]);
    // a primary head post re-places the grade in the HEAD band: a direct HEAD entry with 9 years (9 + 3) beats 6 moved up to 7
    const post = await app.t.request('POST', '/v1/appointments', {
      token: app.tokens.admin, body: { workerId: veteran.id, communityCode: CUIYUAN1, bodyKind: 'STATION', role: 'STATION_HEAD', obtainedBy: 'APPOINTMENT', from: today(), primary: true },
    });
    expect(post.status).toBe(201);
    expect(await detail(veteran.id)).toMatchObject({ grade: 12, gradeBand: 'HEAD' });
    expect(await gradeEvents(veteran.id)).toEqual([expect.objectContaining({ cause: 'BAND_CHANGE', grade: 12, band: 'HEAD', previousGrade: 6, from: today(), communityCode: CUIYUAN1 })]);
  });

  it('a back-dated primary post re-places the grade from its date, and the yearly steps recorded after it follow it (were left in the old band)', async () => {
    // hired 2015: steps on 2018-07-01, 2021-07-01 and 2024-07-01 are recorded at hire, in band OTHER
    const w = await register({ hireDate: '2015-07-01' });
    const rows = async () => (await detail(w.id)).grades.map((g: { from: string; cause: string; band: string; grade: number }) => [g.from, g.cause, g.band, g.grade]);
    expect((await rows()).slice(0, 2)).toEqual([['2024-07-01', 'ANNUAL_PROGRESSION', 'OTHER', 6], ['2021-07-01', 'ANNUAL_PROGRESSION', 'OTHER', 5]]);
    // HR records the deputy post the worker has held since 2023
    const post = await app.t.request('POST', '/v1/appointments', {
      token: app.tokens.admin, body: { workerId: w.id, communityCode: CUIYUAN1, bodyKind: 'STATION', role: 'DEPUTY_STATION_HEAD', obtainedBy: 'APPOINTMENT', from: '2023-01-01', primary: true },
    });
    expect(post.status).toBe(201);
    const after = await rows();
    const [, , , deputyGrade] = after.find((r: unknown[]) => r[0] === '2023-01-01')!;
    expect(after.slice(0, 3)).toEqual([
      ['2024-07-01', 'ANNUAL_PROGRESSION', 'DEPUTY', deputyGrade + 1], // re-derived: the step, in the new band
      ['2024-07-01', 'ANNUAL_PROGRESSION', 'OTHER', 6],
      ['2023-01-01', 'BAND_CHANGE', 'DEPUTY', deputyGrade],
    ]);
    expect(await detail(w.id)).toMatchObject({ grade: deputyGrade + 1, gradeBand: 'DEPUTY', gradeSince: '2024-07-01' });
    expect(await snapshotOf(w.id, '2024-06-30')).toMatchObject({ grade: deputyGrade, gradeBand: 'DEPUTY' });
    expect((await gradeEvents(w.id)).map((e) => [e.cause, e.band, e.from])).toEqual([['BAND_CHANGE', 'DEPUTY', '2023-01-01'], ['ANNUAL_PROGRESSION', 'DEPUTY', '2024-07-01']]);
    // a back-dated decision re-derives only up to the next decision: the band change stands
    const change = await app.t.request('POST', `/v1/workers/${w.id}/events`, { token: app.tokens.admin, body: { kind: 'GRADE_CHANGE', date: '2022-01-01', grade: 7 } });
    expect(change.status).toBe(201);
    expect((await rows()).slice(0, 4)).toEqual([...after.slice(0, 3), ['2022-01-01', 'GRADE_CHANGE', 'OTHER', 7]]);
  });

  it('a worker hired before the first policy row is placed by the earliest policy', async () => {
    const w = await register({ hireDate: '1995-09-01', education: 'JUNIOR_COLLEGE' });
    // JUNIOR_COLLEGE starts OTHER at 2; 31 years → capped at the band top 12
    expect(await detail(w.id)).toMatchObject({ grade: 12, gradeBand: 'OTHER' });
  });

  it('records an explicit GRADE_CHANGE event in the history, checked against the band range', async () => {
    const w = await register({});
    const out = await app.t.request('POST', `/v1/workers/${w.id}/events`, { token: app.tokens.admin, body: { kind: 'GRADE_CHANGE', date: today(), grade: 15 } });
    expect(out.status).toBe(400);
    expect(out.body).toMatchObject({ code: 'GRADE_OUT_OF_BAND', details: [{ path: 'grade' }] });
    const none = await app.t.request('POST', `/v1/workers/${w.id}/events`, { token: app.tokens.admin, body: { kind: 'GRADE_CHANGE', date: today() } });
    expect(none.body).toMatchObject({ code: 'GRADE_REQUIRED', details: [{ path: 'grade' }] });
    const stray = await app.t.request('POST', `/v1/workers/${w.id}/events`, { token: app.tokens.admin, body: { kind: 'COMMENDATION', date: today(), grade: 5 } });
    expect(stray.body).toMatchObject({ code: 'GRADE_ONLY_ON_GRADE_CHANGE', details: [{ path: 'grade' }] });
    const ok = await app.t.request('POST', `/v1/workers/${w.id}/events`, { token: app.tokens.admin, body: { kind: 'GRADE_CHANGE', date: today(), grade: 5, note: '年度考核优秀晋级' } });
    expect(ok.status).toBe(201);
    const d = await detail(w.id);
    expect(d).toMatchObject({ grade: 5, gradeBand: 'OTHER' });
    expect(d.grades.map((g: { cause: string; grade: number }) => [g.cause, g.grade])).toEqual([['GRADE_CHANGE', 5], ['ENTRY', 3]]);
    expect(d.events.find((e: { kind: string }) => e.kind === 'GRADE_CHANGE')).toMatchObject({ data: { grade: 5, band: null } });
    expect(await snapshotOf(w.id)).toMatchObject({ grade: 5, gradeDerived: false });
    expect(await gradeEvents(w.id)).toEqual([expect.objectContaining({ cause: 'GRADE_CHANGE', grade: 5, band: 'OTHER', previousGrade: 3, from: today(), derived: false })]);
  });

  it('the yearly job steps grades up from policy data, capped, and a re-run changes nothing', async () => {
    const w = await register({ hireDate: '2020-03-15' });
    // registered late: the entry grade (3) from the hire date, then each step due up to today on its date
    expect((await detail(w.id)).grades.map((g: { cause: string; grade: number; from: string }) => [g.cause, g.grade, g.from])).toEqual([
      ['ANNUAL_PROGRESSION', 5, '2026-03-15'], ['ANNUAL_PROGRESSION', 4, '2023-03-15'], ['ENTRY', 3, '2020-03-15'],
    ]);
    expect(await snapshotOf(w.id, '2024-01-01')).toMatchObject({ grade: 4, gradeDerived: false });
    const handler = app.t.app.get(ApplyGradeProgressionHandler);
    const first = await handler.handle({ asOf: '2029-03-15' });
    expect(first.progressed).toBeGreaterThanOrEqual(1);
    const again = await handler.handle({ asOf: '2029-03-15' });
    expect(again).toMatchObject({ progressed: 0, derived: 0 });
    expect(await snapshotOf(w.id, '2029-03-15')).toMatchObject({ grade: 6, gradeSince: '2029-03-15' });
    expect(await snapshotOf(w.id, '2029-03-14')).toMatchObject({ grade: 5 });
    // the step is policy data: with 2-year steps from 2030 the next one falls two years after the anchor (2029-03-15)
    await app.ds.query(`UPDATE grade_policy SET valid_to = '2029-12-31' WHERE kind = 'GRADE_PROGRESSION'`);
    await app.ds.query(`INSERT INTO grade_policy (kind, data, valid_from, source_ref, created_at) VALUES ('GRADE_PROGRESSION', '{"yearsPerStep": 2}', '2030-01-01', 'test', UTC_TIMESTAMP(3))`);
    await handler.handle({ asOf: '2031-03-14' });
    expect(await snapshotOf(w.id, '2031-03-14')).toMatchObject({ grade: 6 });
    await handler.handle({ asOf: '2031-03-15' });
    expect(await snapshotOf(w.id, '2031-03-15')).toMatchObject({ grade: 7 });
    await app.ds.query(`DELETE FROM grade_policy WHERE source_ref = 'test'`);
    await app.ds.query(`UPDATE grade_policy SET valid_to = NULL WHERE kind = 'GRADE_PROGRESSION'`);
  });

  it('the grade policy is effective-dated data: read in force on a date, a new row closes the old one, only the city admin edits', async () => {
    const rows = (await app.t.request('GET', '/v1/grade-policy?date=2026-06-30', { token: app.tokens.admin })).body as Array<{ kind: string; band: string | null; education: string | null; data: Record<string, number> }>;
    expect(rows).toHaveLength(1 + 3 + 21);
    expect(rows.find((r) => r.kind === 'ENTRY_GRADE' && r.band === 'OTHER' && r.education === 'BACHELOR')).toMatchObject({ data: { baseGrade: 3 }, validTo: null });
    const xihu = app.t.tokenFor(testPrincipals.districtHr('330106'));
    const body = { kind: 'ENTRY_GRADE', band: 'OTHER', education: 'BACHELOR', baseGrade: 4, validFrom: '2040-01-01', sourceRef: '示例：2040 年起本科入职四级' };
    expect((await app.t.request('POST', '/v1/grade-policy', { token: xihu, body })).status).toBe(403);
    expect((await app.t.request('POST', '/v1/grade-policy', { token: app.tokens.admin, body: { ...body, baseGrade: undefined } })).body)
      .toMatchObject({ code: 'GRADE_POLICY_FIELD_REQUIRED', details: [{ path: 'baseGrade' }] });
    const added = await app.t.request('POST', '/v1/grade-policy', { token: app.tokens.admin, body });
    expect(added.status).toBe(201);
    expect(added.body.closed).toHaveLength(1);
    expect((await app.t.request('POST', '/v1/grade-policy', { token: app.tokens.admin, body: { ...body, validFrom: '2039-06-01' } })).body.code).toBe('GRADE_POLICY_ROW_LATER');
    const entry = (date: string) => app.t.request('GET', `/v1/grade-policy?date=${date}`, { token: app.tokens.admin })
      .then((r) => r.body.find((x: { kind: string; band: string; education: string }) => x.kind === 'ENTRY_GRADE' && x.band === 'OTHER' && x.education === 'BACHELOR'));
    expect(await entry('2039-12-31')).toMatchObject({ data: { baseGrade: 3 }, validTo: '2039-12-31' });
    expect(await entry('2040-01-01')).toMatchObject({ data: { baseGrade: 4 }, sourceRef: '示例：2040 年起本科入职四级' });
    // the history lists the key's closed row and its successor, in date order; one kind when asked
    const history = await app.t.request('GET', '/v1/grade-policy/history?kind=ENTRY_GRADE', { token: xihu });
    expect(history.status).toBe(200);
    expect(history.body.every((r: { kind: string }) => r.kind === 'ENTRY_GRADE')).toBe(true);
    const key = history.body.filter((x: { band: string; education: string }) => x.band === 'OTHER' && x.education === 'BACHELOR');
    expect(key.map((r: { data: { baseGrade: number }; validFrom: string; validTo: string | null }) => [r.data.baseGrade, r.validTo])).toEqual([[3, '2039-12-31'], [4, null]]);
    const all = (await app.t.request('GET', '/v1/grade-policy/history', { token: xihu })).body;
    expect(all.length).toBe(rows.length + 1);
    for (const kind of ['GRADE', '%ED%A0%80', 'ENTRY_GRADE%00']) {
      expect((await app.t.request('GET', `/v1/grade-policy/history?kind=${kind}`, { token: xihu })).body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'kind' }] });
    }
    // a recruit hired under the new row enters at its grade
    expect(await detail((await register({ hireDate: '2040-03-01' })).id)).toMatchObject({ grades: [expect.objectContaining({ cause: 'ENTRY', grade: 4 })] });
  });

  type Row = { from: string; cause: string; band: string; grade: number };
  const history = async (id: number) => (await detail(id)).grades.map((g: Row) => [g.from, g.cause, g.grade]);

  it('a back-dated GRADE_CHANGE before the registration earns the steps due after it on their anniversaries (were: none until the next yearly run)', async () => {
    // hired 2015, registered today: steps on 2018-07-01, 2021-07-01 and 2024-07-01 recorded at hire
    const w = await register({ hireDate: '2015-07-01' });
    const change = await app.t.request('POST', `/v1/workers/${w.id}/events`, { token: app.tokens.admin, body: { kind: 'GRADE_CHANGE', date: '2022-01-01', grade: 7 } });
    expect(change.status).toBe(201);
    expect((await history(w.id)).slice(0, 4)).toEqual([
      ['2025-01-01', 'ANNUAL_PROGRESSION', 8], // three years after the decision
      ['2024-07-01', 'ANNUAL_PROGRESSION', 7], // the step recorded at hire no longer follows: the decided grade stands
      ['2024-07-01', 'ANNUAL_PROGRESSION', 6],
      ['2022-01-01', 'GRADE_CHANGE', 7],
    ]);
    expect(await snapshotOf(w.id, '2024-12-31')).toMatchObject({ grade: 7 });
    expect(await snapshotOf(w.id)).toMatchObject({ grade: 8, gradeSince: '2025-01-01' });
    expect((await gradeEvents(w.id)).map((e) => [e.cause, e.grade, e.from])).toEqual([
      ['GRADE_CHANGE', 7, '2022-01-01'], ['ANNUAL_PROGRESSION', 7, '2024-07-01'], ['ANNUAL_PROGRESSION', 8, '2025-01-01'],
    ]);
  });

  it('after the registration, the re-derived steps fall on the yearly runs\' 1 January, and a re-run adds nothing', async () => {
    // on the register since March 2020: the entry grade, then what the yearly runs of 2021–2026 recorded
    const w = await register({ hireDate: '2020-03-15' });
    await app.ds.query(`DELETE FROM worker_grade WHERE worker_id = ? AND cause <> 'ENTRY'`, [w.id]);
    await app.ds.query(`UPDATE worker_grade SET created_at = '2020-03-20 02:00:00' WHERE worker_id = ?`, [w.id]);
    const handler = app.t.app.get(ApplyGradeProgressionHandler);
    for (let year = 2021; year <= 2026; year++) await handler.handle({ asOf: `${year}-01-01` });
    expect(await history(w.id)).toEqual([['2024-01-01', 'ANNUAL_PROGRESSION', 4], ['2020-03-15', 'ENTRY', 3]]);
    // HR records a promotion decided in June 2021: the 2024 run's step no longer follows, and the 2025 run's is due
    const change = await app.t.request('POST', `/v1/workers/${w.id}/events`, { token: app.tokens.admin, body: { kind: 'GRADE_CHANGE', date: '2021-06-01', grade: 5 } });
    expect(change.status).toBe(201);
    expect(await history(w.id)).toEqual([
      ['2025-01-01', 'ANNUAL_PROGRESSION', 6],
      ['2024-01-01', 'ANNUAL_PROGRESSION', 5],
      ['2024-01-01', 'ANNUAL_PROGRESSION', 4],
      ['2021-06-01', 'GRADE_CHANGE', 5],
      ['2020-03-15', 'ENTRY', 3],
    ]);
    expect(await snapshotOf(w.id, '2024-12-31')).toMatchObject({ grade: 5 });
    expect(await snapshotOf(w.id)).toMatchObject({ grade: 6, gradeSince: '2025-01-01' });
    await handler.handle({ asOf: '2026-01-01' });
    expect(await history(w.id)).toHaveLength(5);
  });

  it('backfills today\'s derived grade for workers without one, marked derived (the migration\'s function)', async () => {
    const w = await register({ hireDate: '2014-06-01', education: 'MASTER' });
    await app.ds.query('DELETE FROM worker_grade WHERE worker_id = ?', [w.id]); // as before the migration
    expect(await snapshotOf(w.id)).toMatchObject({ grade: null, gradeDerived: false });
    const written = await app.ds.transaction((m) => deriveMissingGrades(m, today()));
    // MASTER starts OTHER at 4 on 2014-06-01, then a step every 3 years: 2017, 2020, 2023, 2026-06-01 → 8
    expect(written).toBe(5);
    expect(await snapshotOf(w.id)).toMatchObject({ grade: 8, gradeBand: 'OTHER', gradeDerived: true, gradeSince: '2026-06-01' });
    expect(await snapshotOf(w.id, '2026-05-31')).toMatchObject({ grade: 7, gradeDerived: true, gradeSince: '2023-06-01' });
    expect(await snapshotOf(w.id, '2014-06-01')).toMatchObject({ grade: 4, gradeDerived: true });
    const d = await detail(w.id);
    expect(d).toMatchObject({ grade: 8, gradeDerived: true });
    expect(d.grades.map((g: { grade: number; from: string; cause: string; derived: boolean }) => [g.grade, g.from, g.cause, g.derived])).toEqual([
      [8, '2026-06-01', 'DERIVED', true], [7, '2023-06-01', 'DERIVED', true], [6, '2020-06-01', 'DERIVED', true], [5, '2017-06-01', 'DERIVED', true], [4, '2014-06-01', 'DERIVED', true],
    ]);
    expect(await app.ds.transaction((m) => deriveMissingGrades(m, today()))).toBe(0);
  });
});
