import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const newId = residentIdSequence(810_000);

describe('GET /v1/vacancies: the vacancies in your scope, newest first, with counts (real MySQL)', () => {
  let t: TestApp;
  let xihu: string;
  const ids: number[] = [];

  beforeAll(async () => {
    ({ t, tokens: { xihu } } = startedApp(await startWorkersWithOrg()));
    const admin = t.tokenFor(testPrincipals.cityAdmin());
    const vacancy = async (token: string, communityCode: string, headcount: number) =>
      (await t.request('POST', '/v1/vacancies', { token, body: { communityCode, bodyKind: 'STATION', role: 'STAFF', headcount, opensOn: '2026-03-01', closesOn: '2026-03-31' } })).body.id as number;
    for (const n of [1, 2, 3]) ids.push(await vacancy(xihu, '330106001001', n));
    await vacancy(admin, '330102001001', 1); // another district's
    for (const name of ['甲', '乙']) {
      const c = (await t.request('POST', `/v1/vacancies/${ids[0]}/candidates`, { token: xihu, body: { name, residentId: newId(), education: 'BACHELOR', politicalStatus: 'NONE' } })).body;
      await t.request('PATCH', `/v1/candidates/${c.id}/scores`, { token: xihu, body: { written: name === '甲' ? '90.00' : '70.00', interview: '80.00' } });
      if (name === '甲') expect((await t.request('POST', `/v1/candidates/${c.id}/select`, { token: xihu, body: {} })).status).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it('pages newest first by id, counting applicants and the selected', async () => {
    const first = await t.request('GET', '/v1/vacancies?limit=2', { token: xihu });
    expect(first.status).toBe(200);
    expect(first.body.items.map((v: { id: number }) => v.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.items[0]).toMatchObject({ communityCode: '330106001001', streetCode: '330106001', districtCode: '330106', bodyKind: 'STATION', role: 'STAFF', headcount: 3, opensOn: '2026-03-01', status: 'OPEN', noticeDays: 7, candidates: 0 });
    const second = await t.request('GET', `/v1/vacancies?limit=2&after=${first.body.nextAfter}`, { token: xihu });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[0], candidates: 2, selected: 1, hired: 0, writtenWeight: '0.50' })], nextAfter: null });
  });

  it('shows each district its own, filters by status and community, and refuses a bad cursor on its field', async () => {
    const other = (await t.request('GET', '/v1/vacancies', { token: t.tokenFor(testPrincipals.districtHr('330102')) })).body.items;
    expect(other.map((v: { districtCode: string }) => v.districtCode)).toEqual(['330102']);
    expect((await t.request('GET', '/v1/vacancies', { token: t.tokenFor(testPrincipals.cityAdmin()) })).body.items).toHaveLength(4);
    expect((await t.request('GET', '/v1/vacancies?status=FILLED', { token: xihu })).body.items).toEqual([]);
    expect((await t.request('GET', '/v1/vacancies?communityCode=330106001002', { token: xihu })).body.items).toEqual([]);
    const bad = await t.request('GET', '/v1/vacancies?after=abc', { token: xihu });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('after');
  });
});
