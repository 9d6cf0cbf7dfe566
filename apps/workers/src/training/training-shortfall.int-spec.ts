import { usingApp } from '@cws/testing';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const COMM = '330106003001';
const newId = residentIdSequence(970_000);

describe('training owed: pro-rated by the months employed in the year, membership by dates, seconded-in cadres excluded (real MySQL)', () => {
  const app = usingApp(() => startWorkersWithOrg());

  const register = async (name: string, hireDate: string, employmentType = 'FULL_TIME') =>
    (await hireWorker(app.t, app.tokens.xihu, { name, residentId: newId(), hireDate, employmentType, communityCode: COMM })).id;
  const classOf = async (title: string, startDate: string, endDate: string, hours: string) => {
    const course = (await app.t.request('POST', '/v1/training/courses', { token: app.tokens.admin, body: { name: `课程${title}`, category: 'PROFESSIONAL_SKILLS' } })).body;
    const provider = (await app.t.request('POST', '/v1/training/providers', { token: app.tokens.admin, body: { name: `机构${title}` } })).body;
    const k = await app.t.request('POST', '/v1/training/classes', { token: app.tokens.xihu, body: { courseId: course.id, providerId: provider.id, title, startDate, endDate, hours, cost: '0.00', districtCode: '330106' } });
    if (k.status !== 201) throw new Error(`class failed: ${JSON.stringify(k.body)}`);
    return k.body.id as number;
  };
  const pass = (classId: number, workerId: number) => app.t.request('POST', `/v1/training/classes/${classId}/records`, { token: app.tokens.xihu, body: { workerId, result: 'PASS' } });

  it('reports what each worker owes in 2026 and why', async () => {
    expect((await app.t.request('PUT', '/v1/training/rules/2026', { token: app.tokens.admin, body: { requiredHours: '40.0', source: '杭州市社区工作者培训管理办法（示例）' } })).status).toBe(200);
    const leftIn2027 = await register('次年离职', '2020-01-01');
    const lateHire = await register('年末入职', '2026-12-20');
    const lateHireTrained = await register('年末入职已培训', '2026-12-20');
    const seconded = await register('挂职干部', '2025-01-01', 'SECONDED_IN');
    const leftMidYear = await register('年中离职', '2019-05-01');
    const leftBefore = await register('上年离职', '2018-01-01');
    const spring = await classOf('春季班', '2026-03-01', '2026-03-02', '16.0');
    const winter = await classOf('冬季班', '2026-12-21', '2026-12-22', '4.0');
    expect((await pass(spring, leftMidYear)).status).toBe(201);
    expect((await pass(winter, lateHireTrained)).status).toBe(201);
    for (const [id, date] of [[leftIn2027, '2027-03-31'], [leftMidYear, '2026-06-30'], [leftBefore, '2025-12-31']] as const) {
      expect((await app.t.request('POST', `/v1/workers/${id}/leave`, { token: app.tokens.xihu, body: { date, reason: '个人原因辞职' } })).status).toBe(200);
    }

    const res = await app.t.request('GET', `/v1/training/shortfall?year=2026&community=${COMM}`, { token: app.tokens.xihu });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2026, requiredHours: '40.0', excluded: { secondedIn: 1 }, rule: expect.stringContaining('months employed') });
    const byId = new Map<number, Record<string, unknown>>(res.body.workers.map((w: { workerId: number }) => [w.workerId, w]));
    // left in 2027 (status LEFT today): still a member all of 2026, owes the full 40 hours
    expect(byId.get(leftIn2027)).toMatchObject({ hours: '0.0', owedHours: '40.0', shortBy: '40.0', monthsEmployed: 12, basis: 'FULL_YEAR', employedTo: '2026-12-31' });
    // hired 2026-12-20: owes one month's share, not the year's
    expect(byId.get(lateHire)).toMatchObject({
      owedHours: '3.3', shortBy: '3.3', monthsEmployed: 1, basis: 'HIRED_IN_YEAR', employedFrom: '2026-12-20', reason: 'hired 2026-12-20: 1 of 12 months × 40.0 h = 3.3 h',
    });
    expect(byId.has(lateHireTrained)).toBe(false); // 4.0 passed ≥ 3.3 owed
    // left 2026-06-30 with 16 hours: owes 6 months = 20.0
    expect(byId.get(leftMidYear)).toMatchObject({ hours: '16.0', owedHours: '20.0', shortBy: '4.0', monthsEmployed: 6, basis: 'LEFT_IN_YEAR' });
    expect(byId.has(seconded)).toBe(false);
    expect(byId.has(leftBefore)).toBe(false);
    expect(res.body.communities).toEqual([{ districtCode: '330106', streetCode: '330106003', communityCode: COMM, short: 3 }]);
  });
});
