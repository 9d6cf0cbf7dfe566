import { usingApp } from '@cws/testing';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const newId = residentIdSequence(700_000, 'M');

describe('org profile, training, recruitment (real MySQL)', () => {
  const app = usingApp(() => startWorkersWithOrg());
  /** A class of a new course (named) at a new provider, created by xihu's HR. */
  const newClass = async (course: string, body: Record<string, string>) => {
    const c = (await app.t.request('POST', '/v1/training/courses', { token: app.tokens.admin, body: { name: course, category: 'PROFESSIONAL_SKILLS' } })).body;
    const provider = (await app.t.request('POST', '/v1/training/providers', { token: app.tokens.admin, body: { name: `${course}机构` } })).body;
    return app.t.request('POST', '/v1/training/classes', { token: app.tokens.xihu, body: { courseId: c.id, providerId: provider.id, ...body } });
  };

  it('community profile: three bodies, activity share flagged below 60 %, facility checklist, history; deactivated not deleted once it has workers', async () => {
    const created = await app.t.request('POST', '/v1/communities', {
      token: app.tokens.xihu,
      body: { code: '330106001099', name: '测试社区', households: 2000, population: 5200, floorArea: '1000.00', activityArea: '550.00', facilities: ['OFFICE', 'PARTY_ROOM'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ activityShare: '0.5500', activityShareBelowTarget: true, version: 1 });
    expect(created.body.bodies.map((b: { kind: string }) => b.kind)).toEqual(['PARTY', 'COMMITTEE', 'STATION']);
    expect(created.body.missingFacilities).toHaveLength(12);
    const bad = await app.t.request('PATCH', '/v1/communities/330106001099', { token: app.tokens.xihu, body: { version: 1, facilities: ['OFFICE', 'SPA'] } });
    expect(bad.body).toMatchObject({ code: 'UNKNOWN_FACILITY', details: [{ path: 'facilities[1]' }] });
    const upd = await app.t.request('PATCH', '/v1/communities/330106001099', { token: app.tokens.xihu, body: { version: 1, activityArea: '650.00' } });
    expect(upd.body).toMatchObject({ activityShare: '0.6500', activityShareBelowTarget: false, version: 2 });
    expect((await app.t.request('PATCH', '/v1/communities/330106001099', { token: app.tokens.xihu, body: { version: 1, households: 1 } })).body.code).toBe('STALE_VERSION');
    const history = await app.t.request('GET', '/v1/communities/330106001099/history', { token: app.tokens.xihu });
    expect(history.body.map((h: { action: string }) => h.action)).toEqual(['UPDATE', 'CREATE']);
    expect((await app.t.request('PATCH', '/v1/communities/330106001099', { token: app.tokens.shangcheng, body: { version: 2, households: 1 } })).status).toBe(404);

    await hireWorker(app.t, app.tokens.xihu, { residentId: newId(), hireDate: '2020-01-01', communityCode: '330106001099' });
    const del = await app.t.request('DELETE', '/v1/communities/330106001099', { token: app.tokens.xihu });
    expect(del.body.code).toBe('COMMUNITY_HAS_WORKERS');
    expect((await app.t.request('POST', '/v1/communities/330106001099/deactivate', { token: app.tokens.xihu })).body.active).toBe(false);
    const hireInto = await app.t.request('POST', '/v1/workers', {
      token: app.tokens.xihu,
      body: { name: '测试2', residentId: newId(), education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2020-01-01', employmentType: 'FULL_TIME', communityCode: '330106001099' },
    });
    expect(hireInto.body.code).toBe('COMMUNITY_INACTIVE');
  });

  it('training: class cost becomes a budget posting in the outbox; passes earn hours; shortfall report by community', async () => {
    const k = await newClass('社区治理实务', { title: '能力提升班', startDate: '2025-04-07', endDate: '2025-04-09', hours: '24.0', cost: '36000.00', chargeCommunityCode: '330106002002' });
    expect(k.status).toBe(201);
    expect(k.body.districtCode).toBe('330106');
    const postings = await app.t.request('GET', '/v1/training/postings', { token: app.tokens.xihu });
    expect(postings.body).toEqual([expect.objectContaining({
      classId: k.body.id, amount: '36000.00', funder: '330106', stream: 'TRAINING', fiscalYear: 2025, communityCode: '330106002002',
      sourceRef: `training-class:${k.body.id}`, idempotencyKey: `workers:training-class:${k.body.id}`,
    })]);
    expect(['PENDING', 'SENT']).toContain(postings.body[0].status);
    expect((await app.t.request('GET', '/v1/training/postings', { token: app.tokens.shangcheng })).body).toEqual([]);

    const mk = async (name: string) => (await hireWorker(app.t, app.tokens.xihu, { name, residentId: newId(), hireDate: '2020-01-01', communityCode: '330106002002' })).id;
    const a = await mk('学员甲');
    const b = await mk('学员乙');
    expect((await app.t.request('POST', `/v1/training/classes/${k.body.id}/records`, { token: app.tokens.xihu, body: { workerId: a, result: 'PASS', certificateNo: 'C-1' } })).body.hours).toBe('24.0');
    expect((await app.t.request('POST', `/v1/training/classes/${k.body.id}/records`, { token: app.tokens.xihu, body: { workerId: b, result: 'FAIL' } })).body.hours).toBe('0.0');
    expect((await app.t.request('POST', `/v1/training/classes/${k.body.id}/records`, { token: app.tokens.xihu, body: { workerId: a, result: 'PASS' } })).body.code).toBe('TRAINING_ALREADY_RECORDED');
    expect((await app.t.request('PUT', '/v1/training/rules/2025', { token: app.tokens.admin, body: { requiredHours: '20.0', source: '示例规则' } })).status).toBe(200);
    const short = await app.t.request('GET', '/v1/training/shortfall?year=2025&community=330106002002', { token: app.tokens.xihu });
    expect(short.body.workers.map((w: { workerId: number }) => w.workerId)).toEqual([b]);
    expect(short.body.communities).toEqual([{ districtCode: '330106', streetCode: '330106002', communityCode: '330106002002', short: 1 }]);
    const detail = await app.t.request('GET', `/v1/workers/${a}`, { token: app.tokens.xihu });
    expect(detail.body.training[0]).toMatchObject({ result: 'PASS', certificateNo: 'C-1', category: 'PROFESSIONAL_SKILLS' });
    const events = await app.ds.query(`SELECT COUNT(*) AS n FROM outbox_event WHERE job_name = 'training.completed'`);
    expect(Number(events[0].n)).toBe(1);
  });

  it('recruitment: ranked results; hire creates the worker and the appointment in one transaction, or neither', async () => {
    const v = (await app.t.request('POST', '/v1/vacancies', {
      token: app.tokens.xihu, body: { communityCode: '330106003003', bodyKind: 'STATION', role: 'STATION_HEAD', headcount: 1, opensOn: '2025-03-01', closesOn: '2025-03-31', writtenWeight: '0.40' },
    })).body;
    const add = async (name: string, written: string, interview: string) => {
      const c = (await app.t.request('POST', `/v1/vacancies/${v.id}/candidates`, { token: app.tokens.xihu, body: { name, residentId: newId(), education: 'BACHELOR', politicalStatus: 'LEAGUE_MEMBER' } })).body;
      await app.t.request('PATCH', `/v1/candidates/${c.id}/scores`, { token: app.tokens.xihu, body: { written, interview } });
      return c.id as number;
    };
    const c1 = await add('候选甲', '90.00', '70.00'); // 78.00
    const c2 = await add('候选乙', '70.00', '85.00'); // 79.00
    const c3 = await add('候选丙', '80.00', '78.00'); // 78.80
    const ranking = await app.t.request('GET', `/v1/vacancies/${v.id}/ranking`, { token: app.tokens.xihu });
    expect(ranking.body.candidates.map((c: { id: number; total: string }) => [c.id, c.total])).toEqual([[c2, '79.00'], [c3, '78.80'], [c1, '78.00']]);
    expect(JSON.stringify(ranking.body)).not.toMatch(/\d{17}[\dX]/);

    // someone else already heads the station: hiring fails whole (no worker left behind)
    const incumbent = await hireWorker(app.t, app.tokens.xihu, { name: '现任站长', residentId: newId(), hireDate: '2015-01-01', communityCode: '330106003003' });
    const held = await app.t.request('POST', '/v1/appointments', { token: app.tokens.xihu, body: { workerId: incumbent.id, communityCode: '330106003003', bodyKind: 'STATION', role: 'STATION_HEAD', obtainedBy: 'APPOINTMENT', from: '2020-01-01', to: '2025-04-30', primary: true } });
    expect(held.status).toBe(201);
    // the top candidate is selected and the public notice (7 days) runs 2025-04-01 – 2025-04-07
    expect((await app.t.request('POST', `/v1/candidates/${c2}/select`, { token: app.tokens.xihu, body: { noticeStart: '2025-04-01' } })).body).toMatchObject({ noticeEnd: '2025-04-07', passedOver: [] });
    const blocked = await app.t.request('POST', `/v1/candidates/${c2}/hire`, { token: app.tokens.xihu, body: { hireDate: '2025-04-10' } });
    expect(blocked.body.code).toBe('BODY_HEAD_TAKEN');
    expect(await app.ds.query(`SELECT id FROM worker WHERE name = '候选乙'`)).toEqual([]);

    const hired = await app.t.request('POST', `/v1/candidates/${c2}/hire`, { token: app.tokens.xihu, body: { hireDate: '2025-05-01', bankAccount: '6225768888888888' } });
    expect(hired.status).toBe(201);
    expect(hired.body.appointment).toMatchObject({ role: 'STATION_HEAD', obtainedBy: 'RECRUITMENT', isPrimary: true, from: '2025-05-01' });
    expect((await app.t.request('POST', `/v1/candidates/${c3}/hire`, { token: app.tokens.xihu, body: { hireDate: '2025-05-01' } })).body.code).toBe('CANDIDATE_NOT_SELECTED');
    expect((await app.t.request('POST', `/v1/candidates/${c3}/select`, { token: app.tokens.xihu, body: {} })).body.code).toBe('VACANCY_FILLED');
    expect((await app.t.request('POST', `/v1/candidates/${c3}/hire`, { token: app.tokens.shangcheng, body: { hireDate: '2025-05-01' } })).status).toBe(404);
    expect((await app.t.request('GET', `/v1/vacancies/${v.id}/ranking`, { token: app.tokens.shangcheng })).status).toBe(404);
    const cand = JSON.stringify(await app.ds.query('SELECT * FROM candidate'));
    expect(cand).not.toMatch(/"\d{17}[\dX]"/);
  });

  it('a community created by mistake is deleted (audited); one a record names — a training class charged to it — is kept: 409 COMMUNITY_IN_USE, and one a transferred worker served in: 409 COMMUNITY_HAS_WORKERS', async () => {
    const make = (code: string) => app.t.request('POST', '/v1/communities', { token: app.tokens.xihu, body: { code, name: `误建${code.slice(-2)}`, households: 0, population: 0, floorArea: '0.00', activityArea: '0.00' } });
    expect((await make('330106001097')).status).toBe(201);
    expect((await app.t.request('DELETE', '/v1/communities/330106001097', { token: app.tokens.shangcheng })).status).toBe(404);
    expect((await app.t.request('DELETE', '/v1/communities/330106001097', { token: app.tokens.xihu })).status).toBe(204);
    expect((await app.t.request('GET', '/v1/communities/330106001097', { token: app.tokens.xihu })).status).toBe(404);
    const [audit] = await app.ds.query("SELECT action FROM audit_log WHERE entity = 'community' AND entity_id = '330106001097' ORDER BY id DESC LIMIT 1");
    expect(audit.action).toBe('DELETE');

    expect((await make('330106001096')).status).toBe(201);
    const k = await newClass('误建社区测试课程', { title: '测试班', startDate: '2025-05-07', endDate: '2025-05-08', hours: '8.0', cost: '100.00', chargeCommunityCode: '330106001096' });
    expect(k.status).toBe(201);
    const kept = await app.t.request('DELETE', '/v1/communities/330106001096', { token: app.tokens.xihu });
    expect([kept.status, kept.body.code, kept.body.uses]).toEqual([409, 'COMMUNITY_IN_USE', { elections: 0, vacancies: 0, trainingClasses: 1 }]);
    expect((await app.t.request('GET', '/v1/communities/330106001096', { token: app.tokens.xihu })).status).toBe(200);

    // A worker who served there and was transferred out (no post held) keeps it too: their place history names it.
    expect((await make('330106001095')).status).toBe(201);
    const served = await hireWorker(app.t, app.tokens.xihu, { residentId: newId(), hireDate: '2020-01-01', communityCode: '330106001095' });
    expect((await app.t.request('PATCH', `/v1/workers/${served.id}`, { token: app.tokens.xihu, body: { communityCode: '330106001001', transferDate: '2025-03-01' } })).status).toBe(200);
    const moved = await app.t.request('DELETE', '/v1/communities/330106001095', { token: app.tokens.xihu });
    expect([moved.status, moved.body.code]).toEqual([409, 'COMMUNITY_HAS_WORKERS']);
    expect((await app.t.request('GET', '/v1/communities/330106001095', { token: app.tokens.xihu })).status).toBe(200);
  });
});
