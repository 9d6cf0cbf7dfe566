import { startedApp, type TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
import { startWorkersWithOrg } from '@cws/workers-testing';

/** ETag / If-Match on communities (issue #15): a stale If-Match answers 412 and writes nothing. */
describe('communities: ETag and If-Match (real MySQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;
  const CODE = '330106001001';
  const row = async () => (await ds.query('SELECT households, active, version FROM community WHERE code = ?', [CODE]))[0];

  beforeAll(async () => {
    ({ t, ds, tokens: { admin } } = startedApp(await startWorkersWithOrg()));
  });
  afterAll(() => t?.close());

  it('a read carries the version as ETag; a write with a stale If-Match gets 412 PRECONDITION_FAILED and changes nothing', async () => {
    const read = await t.request('GET', `/v1/communities/${CODE}`, { token: admin });
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag');
    expect(etag).toBe(`"${read.body.version}"`);
    const before = await row();

    const stale = await t.request('PATCH', `/v1/communities/${CODE}`, { token: admin, headers: { 'if-match': `"${read.body.version + 7}"` }, body: { version: read.body.version, households: 1 } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: [{ path: 'header:If-Match' }] });
    expect(await row()).toEqual(before);
    const audits = Number((await ds.query(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'community' AND entity_id = ?`, [CODE]))[0].n);
    expect(audits).toBe(0);

    const fresh = await t.request('PATCH', `/v1/communities/${CODE}`, { token: admin, headers: { 'if-match': etag! }, body: { version: read.body.version, households: 4321 } });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ households: 4321, version: read.body.version + 1 });
    expect(fresh.headers.get('etag')).toBe(`"${read.body.version + 1}"`);

    // the ETag read before that edit is now stale for deactivate too; a current one (or none) works
    const late = await t.request('POST', `/v1/communities/${CODE}/deactivate`, { token: admin, headers: { 'if-match': etag! } });
    expect(late.status).toBe(412);
    expect((await row()).active).toBe(1);
    const ok = await t.request('POST', `/v1/communities/${CODE}/deactivate`, { token: admin, headers: { 'if-match': fresh.headers.get('etag')! } });
    expect(ok.status).toBe(200);
    expect(ok.body.active).toBe(false);
    // If-Match is optional: without it the write behaves as before
    const noHeader = await t.request('POST', `/v1/communities/${CODE}/reactivate`, { token: admin });
    expect(noHeader.status).toBe(200);
    expect(noHeader.body.active).toBe(true);
  });
});
