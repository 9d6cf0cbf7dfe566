import { DataSource } from 'typeorm';
import { startedApp, type TestApp } from '@cws/testing';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const newId = residentIdSequence(700_000, 'M');

describe('org profile, training, recruitment (real MySQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  let xihu: string;
  let shangcheng: string;

  beforeAll(async () => {
    ({ t, ds, tokens: { admin, xihu, shangcheng } } = startedApp(await startWorkersWithOrg()));
  });
  afterAll(() => t?.close());

  it('community profile: three bodies, activity share flagged below 60 %, facility checklist, history; deactivated not deleted once it has workers', async () => {
    const created = await t.request('POST', '/v1/communities', {
      token: xihu,
      body: { code: '330106001099', name: '测试社区', households: 2000, population: 5200, floorArea: '1000.00', activityArea: '550.00', facilities: ['OFFICE', 'PARTY_ROOM'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ activityShare: '0.5500', activityShareBelowTarget: true, version: 1 });
    expect(created.body.bodies.map((b: { kind: string }) => b.kind)).toEqual(['PARTY', 'COMMITTEE', 'STATION']);
    expect(created.body.missingFacilities).toHaveLength(12);
    const bad = await t.request('PATCH', '/v1/communities/330106001099', { token: xihu, body: { version: 1, facilities: ['OFFICE', 'SPA'] } });
    expect(bad.body).toMatchObject({ code: 'UNKNOWN_FACILITY', details: [{ path: 'facilities[1]' }] });
    const upd = await t.request('PATCH', '/v1/communities/330106001099', { token: xihu, body: { version: 1, activityArea: '650.00' } });
    expect(upd.body).toMatchObject({ activityShare: '0.6500', activityShareBelowTarget: false, version: 2 });
    expect((await t.request('PATCH', '/v1/communities/330106001099', { token: xihu, body: { version: 1, households: 1 } })).body.code).toBe('STALE_VERSION');
    const history = await t.request('GET', '/v1/communities/330106001099/history', { token: xihu });
    expect(history.body.map((h: { action: string }) => h.action)).toEqual(['UPDATE', 'CREATE']);
    expect((await t.request('PATCH', '/v1/communities/330106001099', { token: shangcheng, body: { version: 2, households: 1 } })).status).toBe(404);

    await hireWorker(t, xihu, { residentId: newId(), hireDate: '2020-01-01', communityCode: '330106001099' });
    const del = await t.request('DELETE', '/v1/communities/330106001099', { token: xihu });
    expect(del.body.code).toBe('COMMUNITY_HAS_WORKERS');
    expect((await t.request('POST', '/v1/communities/330106001099/deactivate', { token: xihu })).body.active).toBe(false);
    const hireInto = await t.request('POST', '/v1/workers', {
      token: xihu,
      body: { name: '测试2', residentId: newId(), education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2020-01-01', employmentType: 'FULL_TIME', communityCode: '330106001099' },
    });
    expect(hireInto.body.code).toBe('COMMUNITY_INACTIVE');
  });

  it('training: class cost becomes a budget posting in the outbox; passes earn hours; shortfall report by community', async () => {
    const course = (await t.request('POST', '/v1/training/courses', { token: admin, body: { name: '社区治理实务', category: 'PROFESSIONAL_SKILLS' } })).body;
    const provider = (await t.request('POST', '/v1/training/providers', { token: admin, body: { name: '杭州市委党校' } })).body;
    const k = await t.request('POST', '/v1/training/classes', {
      token: xihu,
      body: { courseId: course.id, providerId: provider.id, title: '能力提升班', startDate: '2025-04-07', endDate: '2025-04-09', hours: '24.0', cost: '36000.00', chargeCommunityCode: '330106002002' },
    });
    expect(k.status).toBe(201);
    expect(k.body.districtCode).toBe('330106');
    const postings = await t.request('GET', '/v1/training/postings', { token: xihu });
    expect(postings.body).toEqual([expect.objectContaining({
      classId: k.body.id, amount: '36000.00', funder: '330106', stream: 'TRAINING', fiscalYear: 2025, communityCode: '330106002002',
      sourceRef: `training-class:${k.body.id}`, idempotencyKey: `workers:training-class:${k.body.id}`,
    })]);
    expect(['PENDING', 'SENT']).toContain(postings.body[0].status);
    expect((await t.request('GET', '/v1/training/postings', { token: shangcheng })).body).toEqual([]);

    const mk = async (name: string) => (await hireWorker(t, xihu, { name, residentId: newId(), hireDate: '2020-01-01', communityCode: '330106002002' })).id;
    const a = await mk('学员甲');
    const b = await mk('学员乙');
    expect((await t.request('POST', `/v1/training/classes/${k.body.id}/records`, { token: xihu, body: { workerId: a, result: 'PASS', certificateNo: 'C-1' } })).body.hours).toBe('24.0');
    expect((await t.request('POST', `/v1/training/classes/${k.body.id}/records`, { token: xihu, body: { workerId: b, result: 'FAIL' } })).body.hours).toBe('0.0');
    expect((await t.request('POST', `/v1/training/classes/${k.body.id}/records`, { token: xihu, body: { workerId: a, result: 'PASS' } })).body.code).toBe('TRAINING_ALREADY_RECORDED');
    expect((await t.request('PUT', '/v1/training/rules/2025', { token: admin, body: { requiredHours: '20.0', source: '示例规则' } })).status).toBe(200);
    const short = await t.request('GET', '/v1/training/shortfall?year=2025&community=330106002002', { token: xihu });
    expect(short.body.workers.map((w: { workerId: number }) => w.workerId)).toEqual([b]);
    expect(short.body.communities).toEqual([{ districtCode: '330106', streetCode: '330106002', communityCode: '330106002002', short: 1 }]);
    const detail = await t.request('GET', `/v1/workers/${a}`, { token: xihu });
    expect(detail.body.training[0]).toMatchObject({ result: 'PASS', certificateNo: 'C-1', category: 'PROFESSIONAL_SKILLS' });
    const events = await ds.query(`SELECT COUNT(*) AS n FROM outbox_event WHERE job_name = 'training.completed'`);
    expect(Number(events[0].n)).toBe(1);
  });

  it('recruitment: ranked results; hire creates the worker and the appointment in one transaction, or neither', async () => {
    const v = (await t.request('POST', '/v1/vacancies', {
      token: xihu, body: { communityCode: '330106003003', bodyKind: 'STATION', role: 'STATION_HEAD', headcount: 1, opensOn: '2025-03-01', closesOn: '2025-03-31', writtenWeight: '0.40' },
    })).body;
    const add = async (name: string, written: string, interview: string) => {
      const c = (await t.request('POST', `/v1/vacancies/${v.id}/candidates`, { token: xihu, body: { name, residentId: newId(), education: 'BACHELOR', politicalStatus: 'LEAGUE_MEMBER' } })).body;
      await t.request('PATCH', `/v1/candidates/${c.id}/scores`, { token: xihu, body: { written, interview } });
      return c.id as number;
    };
    const c1 = await add('候选甲', '90.00', '70.00'); // 78.00
    const c2 = await add('候选乙', '70.00', '85.00'); // 79.00
    const c3 = await add('候选丙', '80.00', '78.00'); // 78.80
    const ranking = await t.request('GET', `/v1/vacancies/${v.id}/ranking`, { token: xihu });
    expect(ranking.body.candidates.map((c: { id: number; total: string }) => [c.id, c.total])).toEqual([[c2, '79.00'], [c3, '78.80'], [c1, '78.00']]);
    expect(JSON.stringify(ranking.body)).not.toMatch(/\d{17}[\dX]/);

    // someone else already heads the station: hiring fails whole (no worker left behind)
    const incumbent = await hireWorker(t, xihu, { name: '现任站长', residentId: newId(), hireDate: '2015-01-01', communityCode: '330106003003' });
    const held = await t.request('POST', '/v1/appointments', { token: xihu, body: { workerId: incumbent.id, communityCode: '330106003003', bodyKind: 'STATION', role: 'STATION_HEAD', obtainedBy: 'APPOINTMENT', from: '2020-01-01', to: '2025-04-30', primary: true } });
    expect(held.status).toBe(201);
    // the top candidate is selected and the public notice (7 days) runs 2025-04-01 – 2025-04-07
    expect((await t.request('POST', `/v1/candidates/${c2}/select`, { token: xihu, body: { noticeStart: '2025-04-01' } })).body).toMatchObject({ noticeEnd: '2025-04-07', passedOver: [] });
    const blocked = await t.request('POST', `/v1/candidates/${c2}/hire`, { token: xihu, body: { hireDate: '2025-04-10' } });
    expect(blocked.body.code).toBe('BODY_HEAD_TAKEN');
    expect(await ds.query(`SELECT id FROM worker WHERE name = '候选乙'`)).toEqual([]);

    const hired = await t.request('POST', `/v1/candidates/${c2}/hire`, { token: xihu, body: { hireDate: '2025-05-01', bankAccount: '6225768888888888' } });
    expect(hired.status).toBe(201);
    expect(hired.body.appointment).toMatchObject({ role: 'STATION_HEAD', obtainedBy: 'RECRUITMENT', isPrimary: true, from: '2025-05-01' });
    expect((await t.request('POST', `/v1/candidates/${c3}/hire`, { token: xihu, body: { hireDate: '2025-05-01' } })).body.code).toBe('CANDIDATE_NOT_SELECTED');
    expect((await t.request('POST', `/v1/candidates/${c3}/select`, { token: xihu, body: {} })).body.code).toBe('VACANCY_FILLED');
    expect((await t.request('POST', `/v1/candidates/${c3}/hire`, { token: shangcheng, body: { hireDate: '2025-05-01' } })).status).toBe(404);
    expect((await t.request('GET', `/v1/vacancies/${v.id}/ranking`, { token: shangcheng })).status).toBe(404);
    const cand = JSON.stringify(await ds.query('SELECT * FROM candidate'));
    expect(cand).not.toMatch(/"\d{17}[\dX]"/);
  });
});
