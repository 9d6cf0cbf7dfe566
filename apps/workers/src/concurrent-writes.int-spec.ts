import { startedApp, type StartedApp, type TestResponse } from '@cws/testing';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const newId = residentIdSequence(870_000);

/**
 * The same write five times at once. A create answers one 201 and four 409 with the rule's code, never
 * a 500: a check before the insert does not see a row another transaction has not committed yet, and
 * where nothing else serialises the writers (no parent row locked first) the unique index refuses the
 * later ones; its refusal must become the same 409 (districts, users and API clients answered 500).
 */
describe('concurrent writes of the same record (real MySQL)', () => {
  let app: StartedApp;
  beforeAll(async () => {
    app = startedApp(await startWorkersWithOrg());
  });
  afterAll(() => app?.t.close());

  type Who = 'admin' | 'xihu';
  const send = (method: string, path: string, body: unknown, who: Who) => app.t.request(method, path, { token: app.tokens[who], body });
  const fiveAtOnce = (method: string, path: string, body: unknown, who: Who): Promise<TestResponse[]> => Promise.all([1, 2, 3, 4, 5].map(() => send(method, path, body, who)));
  const statuses = (answers: TestResponse[]) => answers.map((a) => `${a.status} ${a.status === 201 ? '' : (a.body as { code?: string }).code}`).sort();
  const oneCreated = (code: string) => ['201 ', ...Array(4).fill(`409 ${code}`)];
  const created = async (path: string, body: unknown, who: Who) => (await send('POST', path, body, who)).body;

  it.each([
    ['a district', '/v1/districts', { code: '330109', name: '萧山区' }, 'DISTRICT_EXISTS'],
    ['a street', '/v1/streets', { code: '330106077', name: '并发街道' }, 'STREET_EXISTS'],
    ['a user', '/v1/users', { username: 'race-hr', displayName: '并发', password: 'S3cure!pass', roles: ['DISTRICT_HR'], scopeLevel: 'DISTRICT', scopeDistrict: '330105' }, 'USERNAME_TAKEN'],
    ['an API client', '/v1/api-clients', { clientId: 'race-finance', name: '并发财政', scopeLevel: 'DISTRICT', scopeDistrict: '330105', permissions: ['budget:read'] }, 'CLIENT_ID_TAKEN'],
  ])('%s (city administrator)', async (_, path, body, code) => {
    expect(statuses(await fiveAtOnce('POST', path, body, 'admin'))).toEqual(oneCreated(code));
  });

  it('a community, a worker, a candidate and a training record (district HR)', async () => {
    expect(statuses(await fiveAtOnce('POST', '/v1/communities', { code: '330106001077', name: '并发社区' }, 'xihu'))).toEqual(oneCreated('COMMUNITY_EXISTS'));
    const person = { name: '同一人', residentId: newId(), hireDate: '2025-01-01', communityCode: '330106001001', employmentType: 'FULL_TIME', qualificationLevel: 'NONE', education: 'BACHELOR', politicalStatus: 'NONE' };
    expect(statuses(await fiveAtOnce('POST', '/v1/workers', person, 'xihu'))).toEqual(oneCreated('RESIDENT_ID_TAKEN'));

    const vacancy = await created('/v1/vacancies', { communityCode: '330106001001', bodyKind: 'STATION', role: 'STAFF', headcount: 1, opensOn: '2025-03-01', closesOn: '2025-03-31' }, 'xihu');
    const candidate = { name: '候选', residentId: newId(), education: 'BACHELOR', politicalStatus: 'NONE' };
    expect(statuses(await fiveAtOnce('POST', `/v1/vacancies/${vacancy.id}/candidates`, candidate, 'xihu'))).toEqual(oneCreated('CANDIDATE_EXISTS'));

    const course = await created('/v1/training/courses', { name: '并发课', category: 'PROFESSIONAL_SKILLS' }, 'admin');
    const provider = await created('/v1/training/providers', { name: '并发机构' }, 'admin');
    const training = await created('/v1/training/classes', { courseId: course.id, providerId: provider.id, title: '班', startDate: '2025-04-07', endDate: '2025-04-08', hours: '8.0', cost: '0.00', chargeCommunityCode: '330106001001' }, 'xihu');
    const trainee = await hireWorker(app.t, app.tokens.xihu, { name: '学员', residentId: newId(), hireDate: '2020-01-01', communityCode: '330106001001' });
    expect(statuses(await fiveAtOnce('POST', `/v1/training/classes/${training.id}/records`, { workerId: trainee.id, result: 'PASS' }, 'xihu'))).toEqual(oneCreated('TRAINING_ALREADY_RECORDED'));
  });

  it('a first training rule of a year, five saves at once: every one 200, one audit CREATE', async () => {
    const answers = await fiveAtOnce('PUT', '/v1/training/rules/2031', { requiredHours: '40.0', source: '并发' }, 'admin');
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const actions = await app.ds.query("SELECT action FROM audit_log WHERE entity = 'training_rule' AND entity_id = '2031' ORDER BY id");
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE', 'UPDATE']);
  });
});
