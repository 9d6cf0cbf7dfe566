import { startedApp, type TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
import { startSeededPayroll } from '@cws/payroll-testing';

/** ETag / If-Match on policy rows (issue #15): a stale If-Match answers 412 and writes nothing; If-None-Match: * makes a first row create-only. */
describe('policy rows: ETag and If-Match on close; a year\'s gaps (real MySQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;

  beforeAll(async () => {
    ({ t, ds, tokens: { admin } } = startedApp(await startSeededPayroll()));
  });
  afterAll(() => t?.close());

  it('a new row sent with If-Match (the ETag of the open row it supersedes): stale gets 412 and adds nothing; current supersedes', async () => {
    const [open] = (await t.request('GET', '/v1/policy/rows?kind=OVERTIME', { token: admin })).body;
    const etag = (await t.request('GET', `/v1/policy/rows/${open.id}`, { token: admin })).headers.get('etag')!;
    const count = async () => Number((await ds.query(`SELECT COUNT(*) AS n FROM policy_row WHERE kind = 'OVERTIME'`))[0].n);
    const before = await count();
    const body = { kind: 'OVERTIME', validFrom: '2029-01-01', sourceRef: 'If-Match test', data: open.data };
    const stale = await t.request('POST', '/v1/policy/rows', { token: admin, headers: { 'if-match': '"stale-tag-000000000000000000"' }, body });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect(await count()).toBe(before);
    expect((await ds.query('SELECT valid_to FROM policy_row WHERE id = ?', [open.id]))[0].valid_to).toBeNull();

    const ok = await t.request('POST', '/v1/policy/rows', { token: admin, headers: { 'if-match': etag }, body });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
    expect(await count()).toBe(before + 1);
    // the superseded row's tag changed (it is closed now): sending it again is stale
    expect((await t.request('POST', '/v1/policy/rows', { token: admin, headers: { 'if-match': etag }, body: { ...body, validFrom: '2029-06-01' } })).status).toBe(412);
  });

  it('a read carries an ETag; closing with a stale If-Match gets 412 and the row stays open; the current one closes it', async () => {
    const [open] = (await t.request('GET', '/v1/policy/rows?kind=OVERTIME', { token: admin })).body;
    const read = await t.request('GET', `/v1/policy/rows/${open.id}`, { token: admin });
    expect(read.status).toBe(200);
    const etag = read.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    // the same row read twice has the same tag
    expect((await t.request('GET', `/v1/policy/rows/${open.id}`, { token: admin })).headers.get('etag')).toBe(etag);

    const audits = async () => Number((await ds.query(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'policy_row' AND entity_id = ?`, [open.id]))[0].n);
    const auditsBefore = await audits();
    const stale = await t.request('POST', `/v1/policy/rows/${open.id}/close`, { token: admin, headers: { 'if-match': '"not-the-current-version-xx"' }, body: { validTo: '2030-12-31' } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: [{ path: 'header:If-Match' }] });
    const [still] = await ds.query('SELECT valid_to FROM policy_row WHERE id = ?', [open.id]);
    expect(still.valid_to).toBeNull();
    expect(await audits()).toBe(auditsBefore);

    const closed = await t.request('POST', `/v1/policy/rows/${open.id}/close`, { token: admin, headers: { 'if-match': etag! }, body: { validTo: '2030-12-31' } });
    expect(closed.status).toBe(200);
    expect(closed.body.validTo).toBe('2030-12-31');
    const newTag = closed.headers.get('etag');
    expect(newTag).not.toBe(etag);
    expect((await t.request('GET', `/v1/policy/rows/${open.id}`, { token: admin })).headers.get('etag')).toBe(newTag);
    // the tag read before the close is stale now: 412 comes before the "already closed" 409
    expect((await t.request('POST', `/v1/policy/rows/${open.id}/close`, { token: admin, headers: { 'if-match': etag! }, body: { validTo: '2030-12-30' } })).status).toBe(412);
  });


  it('a first row sent with If-None-Match: * (a new key): written when the key has no open row; 412 naming the header, nothing written, once it has', async () => {
    const rows = async () => Number((await ds.query(`SELECT COUNT(*) AS n FROM policy_row WHERE kind = 'CITY_WAGE' AND row_key = '2031'`))[0].n);
    const audits = async () => Number((await ds.query(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'policy_row'`))[0].n);
    const body = { kind: 'CITY_WAGE', validFrom: '2032-01-01', sourceRef: '杭州市统计局 2031 年公报', data: { year: 2031, annual: '213370.50', caliber: 'URBAN_NON_PRIVATE' } };
    expect(await rows()).toBe(0);

    const created = await t.request('POST', '/v1/policy/rows', { token: admin, headers: { 'if-none-match': '*' }, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'CITY_WAGE', key: '2031', validFrom: '2032-01-01', validTo: null, supersededBy: null, data: body.data });
    expect(created.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
    expect(await rows()).toBe(1);

    // someone else's first row of the same key is there now: the second "first row" is refused, not a silent successor
    const auditsBefore = await audits();
    const again = await t.request('POST', '/v1/policy/rows', { token: admin, headers: { 'if-none-match': '*' }, body: { ...body, validFrom: '2032-02-01', data: { ...body.data, annual: '213999.00' } } });
    expect(again.status).toBe(412);
    expect(again.body).toMatchObject({ code: 'PRECONDITION_FAILED', details: [{ path: 'header:If-None-Match' }] });
    expect(await rows()).toBe(1);
    expect(await audits()).toBe(auditsBefore);
    const [kept] = await ds.query(`SELECT valid_to, superseded_by FROM policy_row WHERE id = ?`, [created.body.id]);
    expect(kept).toMatchObject({ valid_to: null, superseded_by: null });

    // the open row's own ETag (a new version of it) still supersedes it
    const etag = (await t.request('GET', `/v1/policy/rows/${created.body.id}`, { token: admin })).headers.get('etag')!;
    const next = await t.request('POST', '/v1/policy/rows', { token: admin, headers: { 'if-match': etag }, body: { ...body, validFrom: '2032-07-01', data: { ...body.data, annual: '213999.00' } } });
    expect(next.status).toBe(201);
    expect(await rows()).toBe(2);
  });

  it('two first rows of a new key sent at once with If-None-Match: *: one 201, the other 412 (or 409), one row open', async () => {
    const body = { kind: 'PAYING_ACCOUNT', validFrom: '2026-01-01', sourceRef: 'new district account', data: { orgCode: '330110', account: '12020211099033011000', name: '杭州市余杭区社区工作者工资专户' } };
    const answers = await Promise.all([1, 2, 3].map(() => t.request('POST', '/v1/policy/rows', { token: admin, headers: { 'if-none-match': '*' }, body })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201)) expect(['PRECONDITION_FAILED', 'POLICY_ROW_CONFLICT']).toContain(a.body.code);
    const open = await ds.query(`SELECT id FROM policy_row WHERE kind = 'PAYING_ACCOUNT' AND row_key = '330110'`);
    expect(open).toHaveLength(1);
  });


  it('concurrent new rows of a (kind, key): each 201 (superseding the one before) or 409, never a 500; one row stays open', async () => {
    // The test before closed the open OVERTIME row: the first round finds none to lock, the later ones find the
    // round before's. Either way the writers' locks on the open_key index met in a deadlock now and then (a 500).
    const [last] = (await t.request('GET', '/v1/policy/rows?kind=OVERTIME&history=true', { token: admin })).body;
    for (const validFrom of ['2031-01-01', '2032-01-01', '2033-01-01', '2034-01-01', '2035-01-01', '2036-01-01']) {
      const body = { kind: 'OVERTIME', validFrom, sourceRef: 'concurrent first rows', data: last.data };
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => t.request('POST', '/v1/policy/rows', { token: admin, body })));
      for (const a of answers) expect(a.status === 201 || (a.status === 409 && a.body.code === 'POLICY_ROW_CONFLICT')).toBe(true);
      const open = (await t.request('GET', '/v1/policy/rows?kind=OVERTIME', { token: admin })).body as Array<{ id: string; validFrom: string }>;
      expect(open.map((r) => r.validFrom)).toEqual([validFrom]);
    }
  });

  it('answers what a year lacks with a 200, the tables a run of that year would be refused for (422 POLICY_INCOMPLETE)', async () => {
    const gaps = async (query: string) => t.request('GET', `/v1/policy/gaps?${query}`, { token: admin });
    // a year the seed set up completely: nothing missing, and its effective policy builds
    const complete = await gaps('year=2026');
    expect(complete.status).toBe(200);
    expect(complete.body).toEqual({ year: 2026, asOf: '2026-01-01', missing: [] });
    expect((await t.request('GET', '/v1/policy/effective?year=2026', { token: admin })).status).toBe(200);
    // a year without its unit value (and with no city wage for its benchmark): the same list as the refusal's details
    const refused = await t.request('GET', '/v1/policy/effective?year=2099', { token: admin });
    expect([refused.status, refused.body.code]).toEqual([422, 'POLICY_INCOMPLETE']);
    const lacking = await gaps('year=2099&asOf=2099-03-01');
    expect(lacking.status).toBe(200);
    expect(lacking.body.missing).toContain('UNIT_VALUE:2099');
    expect((await gaps('year=2099')).body).toEqual({ year: 2099, asOf: '2099-01-01', missing: refused.body.details.map((d: { path: string }) => d.path) });
    // hostile values are a 400 on their field, never a 500: a word, a year out of range, a huge number, a lone
    // surrogate, a partial or impossible date
    for (const [q, path] of [
      ['year=abc', 'year'], ['year=1999', 'year'], ['year=99999999999999999999', 'year'], ['year=%ED%A0%80', 'year'],
      ['year=2026&asOf=2026-02', 'asOf'], ['year=2026&asOf=2026-02-30', 'asOf'], ['year=2026&asOf=%ED%A0%80', 'asOf'],
    ]) {
      const res = await gaps(q);
      expect([q, res.status, res.body.details?.[0]?.path]).toEqual([q, 400, path]);
    }
  });
});
