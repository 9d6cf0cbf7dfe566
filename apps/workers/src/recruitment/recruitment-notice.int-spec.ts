import { addDays } from '@cws/kernel';
import { usingApp } from '@cws/testing';
import { today } from '../common/sql';
import { residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const COMM = '330106001002';
const newId = residentIdSequence(960_000);

describe('recruitment: ranking order, public notice (公示) with objections, prior service captured at hire (real MySQL)', () => {
  const app = usingApp(() => startWorkersWithOrg());

  const vacancy = async (over: Record<string, unknown> = {}) =>
    (await app.t.request('POST', '/v1/vacancies', { token: app.tokens.xihu, body: { communityCode: COMM, bodyKind: 'STATION', role: 'STAFF', headcount: 1, opensOn: '2025-03-01', closesOn: '2025-03-31', ...over } })).body as { id: number; noticeDays: number };
  const candidate = async (vacancyId: number, name: string, written: string, interview: string) => {
    const c = (await app.t.request('POST', `/v1/vacancies/${vacancyId}/candidates`, { token: app.tokens.xihu, body: { name, residentId: newId(), education: 'BACHELOR', politicalStatus: 'NONE' } })).body;
    await app.t.request('PATCH', `/v1/candidates/${c.id}/scores`, { token: app.tokens.xihu, body: { written, interview } });
    return c.id as number;
  };
  const post = (path: string, body: unknown) => app.t.request('POST', path, { token: app.tokens.xihu, body });
  const statusOf = async (id: number) => (await app.ds.query('SELECT status FROM candidate WHERE id = ?', [id]))[0].status;

  it('selection passing over a higher rank needs a recorded reason; the notice must end and objections be resolved before the hire', async () => {
    const v = await vacancy({ noticeDays: 5 });
    expect(v.noticeDays).toBe(5);
    const first = await candidate(v.id, '第一名', '90.00', '90.00');
    const second = await candidate(v.id, '第二名', '85.00', '85.00');
    await candidate(v.id, '第三名', '70.00', '70.00');

    // straight from ranking to hire is no longer possible
    expect((await post(`/v1/candidates/${second}/hire`, { hireDate: '2025-05-01' })).body.code).toBe('CANDIDATE_NOT_SELECTED');
    // passing over #1 without a reason: 422 naming the field, nothing changes
    const noReason = await post(`/v1/candidates/${second}/select`, { noticeStart: '2025-04-01' });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ code: 'RANKING_SKIP_REASON_REQUIRED', details: [{ path: 'skipReason', issue: expect.stringContaining(`#1 (id ${first}`) }] });
    expect(await statusOf(second)).toBe('APPLIED');
    const selected = await post(`/v1/candidates/${second}/select`, { noticeStart: '2025-04-01', skipReason: '第一名放弃体检' });
    expect(selected.status).toBe(201);
    expect(selected.body).toMatchObject({ status: 'SELECTED', noticeStart: '2025-04-01', noticeEnd: '2025-04-05', noticeDays: 5, skipReason: '第一名放弃体检', passedOver: [{ candidateId: first, rank: 1, total: '90.00' }] });
    const [audit] = await app.ds.query(`SELECT after FROM audit_log WHERE entity = 'candidate' AND action = 'SELECT' AND entity_id = ?`, [String(second)]);
    expect(JSON.stringify(audit.after)).toContain('第一名放弃体检');
    expect((await post(`/v1/candidates/${first}/select`, {})).body.code).toBe('VACANCY_FILLED');
    const ranking = (await app.t.request('GET', `/v1/vacancies/${v.id}/ranking`, { token: app.tokens.xihu })).body.candidates;
    expect(ranking.map((c: { rank: number; status: string; skipReason: string | null }) => [c.rank, c.status, c.skipReason])).toEqual([
      [1, 'APPLIED', null], [2, 'SELECTED', '第一名放弃体检'], [3, 'APPLIED', null],
    ]);

    // objections during the notice; an open one blocks the hire
    expect((await post(`/v1/candidates/${second}/objections`, { receivedOn: '2025-04-06', summary: '逾期' })).body)
      .toMatchObject({ code: 'OBJECTION_OUTSIDE_NOTICE', details: [{ path: 'receivedOn' }] });
    const objection = await post(`/v1/candidates/${second}/objections`, { receivedOn: '2025-04-03', summary: '反映该考生学历证明存疑' });
    expect(objection.status).toBe(201);
    expect((await post(`/v1/candidates/${second}/hire`, { hireDate: '2025-04-05' })).body.code).toBe('PUBLIC_NOTICE_RUNNING');
    expect((await post(`/v1/candidates/${second}/hire`, { hireDate: '2025-05-01' })).body.code).toBe('OBJECTION_OPEN');
    const resolved = await post(`/v1/objections/${objection.body.id}/resolve`, { outcome: 'DISMISSED', resolution: '经核实学历证明真实有效', resolvedOn: '2025-04-04' });
    expect(resolved.body).toMatchObject({ status: 'DISMISSED', resolvedOn: '2025-04-04' });
    expect((await post(`/v1/objections/${objection.body.id}/resolve`, { outcome: 'UPHELD', resolution: 'x' })).body.code).toBe('OBJECTION_RESOLVED');
    expect((await app.t.request('GET', `/v1/candidates/${second}/objections`, { token: app.tokens.xihu })).body).toEqual([expect.objectContaining({ summary: '反映该考生学历证明存疑', status: 'DISMISSED' })]);

    // hired with 9 years of prior community service: entry grade base + 3 (OTHER, BACHELOR: 3 + 3)
    const hired = await post(`/v1/candidates/${second}/hire`, { hireDate: '2025-05-01', priorServiceMonths: 108 });
    expect(hired.status).toBe(201);
    const detail = (await app.t.request('GET', `/v1/workers/${hired.body.worker.id}`, { token: app.tokens.xihu })).body;
    expect(detail).toMatchObject({ priorServiceMonths: 108, grades: expect.arrayContaining([expect.objectContaining({ cause: 'ENTRY', grade: 6, from: '2025-05-01' })]) });
    expect((await app.ds.query('SELECT prior_service_months AS m FROM candidate WHERE id = ?', [second]))[0].m).toBe(108);
  });

  it('an upheld objection disqualifies the candidate and frees the place; the notice lasts 7 days by default and blocks a hire while it runs', async () => {
    const v = await vacancy();
    expect(v.noticeDays).toBe(7);
    const a = await candidate(v.id, '甲', '88.00', '88.00');
    const b = await candidate(v.id, '乙', '80.00', '80.00');
    const start = addDays(today(), -2);
    expect((await post(`/v1/candidates/${a}/select`, { noticeStart: start })).body).toMatchObject({ noticeEnd: addDays(start, 6), passedOver: [] });
    const running = await post(`/v1/candidates/${a}/hire`, { hireDate: addDays(today(), 10) });
    expect(running.body).toMatchObject({ code: 'PUBLIC_NOTICE_RUNNING', noticeEnd: addDays(start, 6) });
    const o = await post(`/v1/candidates/${a}/objections`, { receivedOn: today(), summary: '反映该考生曾受处分' });
    expect((await post(`/v1/objections/${o.body.id}/resolve`, { outcome: 'UPHELD', resolution: '情况属实' })).body.status).toBe('UPHELD');
    expect(await statusOf(a)).toBe('DISQUALIFIED');
    // the disqualified candidate is no longer in contention: the next one needs no reason
    expect((await post(`/v1/candidates/${b}/select`, {})).body).toMatchObject({ status: 'SELECTED', passedOver: [], skipReason: null });
  });
});
