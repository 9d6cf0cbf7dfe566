import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { startWorkersWithOrg } from '@cws/workers-testing';

describe('org tree: districts and streets with history (real MySQL)', () => {
  let t: TestApp;
  let admin: string;
  let xihu: string;
  let shangcheng: string;
  let cuiyuan: string;

  beforeAll(async () => {
    ({ t, tokens: { admin, xihu, shangcheng } } = startedApp(await startWorkersWithOrg()));
    cuiyuan = t.tokenFor(testPrincipals.streetUser('330106001'));
  });
  afterAll(() => t?.close());

  it('districts: CITY_ADMIN creates, renames with a version, deactivates once its streets are inactive, deletes only while empty; history', async () => {
    const created = await t.request('POST', '/v1/districts', { token: admin, body: { code: '330108', name: '滨江区' } });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ code: '330108', name: '滨江区', kind: 'DISTRICT', active: true, version: 1 });
    expect((await t.request('POST', '/v1/districts', { token: admin, body: { code: '330108', name: '重复' } })).body.code).toBe('DISTRICT_EXISTS');
    expect((await t.request('POST', '/v1/districts', { token: xihu, body: { code: '330109', name: '萧山区' } })).status).toBe(403);
    expect((await t.request('POST', '/v1/districts', { token: admin, body: { code: '33010', name: 'x' } })).status).toBe(400);

    const renamed = await t.request('PATCH', '/v1/districts/330108', { token: admin, body: { version: 1, name: '杭州市滨江区' } });
    expect(renamed.body).toMatchObject({ name: '杭州市滨江区', version: 2 });
    expect((await t.request('PATCH', '/v1/districts/330108', { token: admin, body: { version: 1, name: '旧版本' } })).body.code).toBe('STALE_VERSION');
    expect((await t.request('PATCH', '/v1/districts/330106', { token: xihu, body: { version: 1, name: '改名' } })).status).toBe(403);

    // a street under it: the district cannot be deleted, and is deactivated only after the street
    expect((await t.request('POST', '/v1/streets', { token: admin, body: { code: '330108001', name: '西兴街道' } })).status).toBe(201);
    expect((await t.request('DELETE', '/v1/districts/330108', { token: admin })).body.code).toBe('DISTRICT_HAS_STREETS');
    expect((await t.request('POST', '/v1/districts/330108/deactivate', { token: admin })).body).toMatchObject({ code: 'DISTRICT_HAS_ACTIVE_STREETS', activeStreets: 1 });
    expect((await t.request('POST', '/v1/streets/330108001/deactivate', { token: admin })).body).toMatchObject({ active: false, version: 2 });
    const off = await t.request('POST', '/v1/districts/330108/deactivate', { token: admin });
    expect(off.body).toMatchObject({ active: false, version: 3 });
    // no new streets in an inactive district, and its streets stay down until it is back
    expect((await t.request('POST', '/v1/streets', { token: admin, body: { code: '330108002', name: '长河街道' } })).body.code).toBe('DISTRICT_INACTIVE');
    expect((await t.request('POST', '/v1/streets/330108001/reactivate', { token: admin })).body.code).toBe('DISTRICT_INACTIVE');
    expect((await t.request('POST', '/v1/districts/330108/reactivate', { token: admin })).body).toMatchObject({ active: true, version: 4 });

    const history = await t.request('GET', '/v1/districts/330108/history', { token: admin });
    expect(history.body.map((h: { action: string }) => h.action)).toEqual(['REACTIVATE', 'DEACTIVATE', 'UPDATE', 'CREATE']);
    expect(history.body[2]).toMatchObject({ actorName: 'city-admin', before: { name: '滨江区' }, after: { name: '杭州市滨江区' } });

    // an empty district created by mistake can be deleted (the audit row stays)
    await t.request('POST', '/v1/districts', { token: admin, body: { code: '330199', name: '误建区' } });
    expect((await t.request('DELETE', '/v1/districts/330199', { token: admin })).status).toBe(204);
    expect((await t.request('GET', '/v1/districts/330199', { token: admin })).status).toBe(404);
    expect((await t.request('GET', '/v1/districts/330199/history', { token: admin })).status).toBe(404);
  });

  it('districts: outside a district admin’s scope is 404', async () => {
    const districtAdmin = t.tokenFor({ ...testPrincipals.districtHr('330106'), roles: ['CITY_ADMIN'] });
    expect((await t.request('GET', '/v1/districts/330102', { token: xihu })).status).toBe(404);
    expect((await t.request('GET', '/v1/districts/330102/history', { token: xihu })).status).toBe(404);
    expect((await t.request('PATCH', '/v1/districts/330102', { token: districtAdmin, body: { version: 1, name: 'x' } })).status).toBe(404);
    expect((await t.request('POST', '/v1/districts/330102/deactivate', { token: districtAdmin })).status).toBe(404);
    expect((await t.request('POST', '/v1/districts/330102/reactivate', { token: districtAdmin })).status).toBe(404);
    expect((await t.request('DELETE', '/v1/districts/330102', { token: districtAdmin })).status).toBe(404);
    expect((await t.request('POST', '/v1/districts', { token: districtAdmin, body: { code: '330177', name: 'x' } })).body.code).toBe('CITY_SCOPE_REQUIRED');
    expect((await t.request('GET', '/v1/districts/330106', { token: xihu })).body).toMatchObject({ name: '西湖区', active: true });
  });

  it('streets: DISTRICT_HR in scope creates, edits, deactivates once its communities are inactive; 404 outside; STREET_HR reads only', async () => {
    const s = await t.request('POST', '/v1/streets', { token: xihu, body: { code: '330106004', name: '北山街道', kind: 'STREET' } });
    expect(s.status).toBe(201);
    expect(s.body).toEqual({ code: '330106004', name: '北山街道', districtCode: '330106', kind: 'STREET', active: true, version: 1 });
    expect((await t.request('POST', '/v1/streets', { token: xihu, body: { code: '330106004', name: '重复' } })).body.code).toBe('STREET_EXISTS');
    expect((await t.request('POST', '/v1/streets', { token: shangcheng, body: { code: '330106005', name: '越界' } })).status).toBe(404);
    expect((await t.request('POST', '/v1/streets', { token: cuiyuan, body: { code: '330106006', name: '街道人事' } })).status).toBe(403);

    const edited = await t.request('PATCH', '/v1/streets/330106004', { token: xihu, body: { version: 1, name: '北山街道（新）', kind: 'TOWN' } });
    expect(edited.body).toMatchObject({ name: '北山街道（新）', kind: 'TOWN', version: 2 });
    expect((await t.request('PATCH', '/v1/streets/330106004', { token: xihu, body: { version: 1, name: 'x' } })).body.code).toBe('STALE_VERSION');

    // a community under it: no delete; deactivation waits for the community; an inactive street takes no communities
    const c = await t.request('POST', '/v1/communities', { token: xihu, body: { code: '330106004001', name: '北山社区' } });
    expect(c.status).toBe(201);
    expect((await t.request('DELETE', '/v1/streets/330106004', { token: xihu })).body.code).toBe('STREET_HAS_COMMUNITIES');
    expect((await t.request('POST', '/v1/streets/330106004/deactivate', { token: xihu })).body).toMatchObject({ code: 'STREET_HAS_ACTIVE_COMMUNITIES', activeCommunities: 1 });
    await t.request('POST', '/v1/communities/330106004001/deactivate', { token: xihu });
    expect((await t.request('POST', '/v1/streets/330106004/deactivate', { token: xihu })).body).toMatchObject({ active: false, version: 3 });
    expect((await t.request('POST', '/v1/communities', { token: xihu, body: { code: '330106004002', name: '新社区' } })).body.code).toBe('STREET_INACTIVE');
    expect((await t.request('POST', '/v1/communities/330106004001/reactivate', { token: xihu })).body.code).toBe('STREET_INACTIVE');
    expect((await t.request('POST', '/v1/streets/330106004/reactivate', { token: xihu })).body).toMatchObject({ active: true, version: 4 });
    const history = await t.request('GET', '/v1/streets/330106004/history', { token: xihu });
    expect(history.body.map((h: { action: string }) => h.action)).toEqual(['REACTIVATE', 'DEACTIVATE', 'UPDATE', 'CREATE']);

    // another district's HR: 404 on every street route
    for (const [method, path, body] of [
      ['GET', '/v1/streets/330106004', undefined],
      ['GET', '/v1/streets/330106004/history', undefined],
      ['PATCH', '/v1/streets/330106004', { version: 4, name: 'x' }],
      ['POST', '/v1/streets/330106004/deactivate', undefined],
      ['POST', '/v1/streets/330106004/reactivate', undefined],
      ['DELETE', '/v1/streets/330106004', undefined],
    ] as const) {
      expect([method, path, (await t.request(method, path, { token: shangcheng, body })).status]).toEqual([method, path, 404]);
    }
    // street HR: reads its own street, 404 for the neighbour, 403 for writes
    expect((await t.request('GET', '/v1/streets/330106001', { token: cuiyuan })).body.name).toBe('翠苑街道');
    expect((await t.request('GET', '/v1/streets/330106004', { token: cuiyuan })).status).toBe(404);
    expect((await t.request('PATCH', '/v1/streets/330106001', { token: cuiyuan, body: { version: 1, name: 'x' } })).status).toBe(403);

    // a street created by mistake (no communities) can be deleted
    await t.request('POST', '/v1/streets', { token: xihu, body: { code: '330106009', name: '误建街道' } });
    expect((await t.request('DELETE', '/v1/streets/330106009', { token: xihu })).status).toBe(204);
    expect((await t.request('GET', '/v1/streets?district=330106', { token: xihu })).body.map((r: { code: string }) => r.code)).not.toContain('330106009');
  });
});
