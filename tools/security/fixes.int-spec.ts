/**
 * The 500s of issue #13, one by one, against real workers and budget apps: each is now a 4xx with
 * a code and a field path, and writes nothing.
 */
import net from 'node:net';
import { DataSource } from 'typeorm';
import { PiiCipher } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import { startTestApp, testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { budgetService } from '../../apps/budget/src/budget.definition';
import { demoCommunities, seedBudgetService } from '../../apps/budget/src/seed/seed';
import { seedWorkersService, workersService } from '@cws/workers-testing';

/** One raw HTTP/1.1 exchange (fetch refuses the malformed headers these tests need). */
export function rawHttp(baseUrl: string, request: string): Promise<{ status: number; headers: string; body: string }> {
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(u.port), u.hostname, () => s.end(request));
    let data = '';
    s.on('data', (c) => (data += c.toString('latin1')));
    s.on('error', reject);
    s.on('close', () => {
      const [head, ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: rest.join('\r\n\r\n') });
    });
  });
}

describe('issue #13 fixes (workers + budget, real MySQL and Redis)', () => {
  let w: TestApp;
  let b: TestApp;
  let wds: DataSource;
  let bds: DataSource;
  let admin: string;
  let finance: string;

  beforeAll(async () => {
    const c = testConfig('workers');
    w = await startTestApp(workersService, c);
    b = await startTestApp(budgetService, testConfig('budget', { queuePrefix: c.queuePrefix }));
    wds = w.app.get(DataSource);
    bds = b.app.get(DataSource);
    await seedWorkersService(wds, w.app.get(PiiCipher), { password: 'Test@2026', workers: 30 });
    await seedBudgetService(bds, demoCommunities());
    admin = w.tokenFor(testPrincipals.cityAdmin());
    finance = b.tokenFor(testPrincipals.finance());
  });
  afterAll(async () => {
    await b?.close();
    await w?.close();
  });

  const count = async (ds: DataSource, table: string) => Number((await ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const expect400At = (res: { status: number; body: any }, path: string) => {
    expect(res.status).toBe(400);
    expect(res.body.code).toEqual(expect.any(String));
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
  };

  it.each(['2026', '2026-05', '2026-W05', '2026-W05-3', '2026-100', '2026-05-01T00:00:00Z', '2026-05-01 08:00', '2026-02-30', '20260501'])(
    'refuses the date %s on the five routes of the issue (400 at the field, nothing written)',
    async (date) => {
      const before = await count(wds, 'audit_log');
      expect400At(await w.request('POST', '/v1/workers/1/leave', { token: admin, body: { date, reason: '个人原因' } }), 'date');
      expect400At(await w.request('POST', '/v1/appointments/1/end', { token: admin, body: { to: date, reason: '换届' } }), 'to');
      expect400At(await w.request('POST', '/v1/candidates/1/hire', { token: admin, body: { hireDate: date } }), 'hireDate');
      const klass = { courseId: 1, providerId: 1, title: 't', startDate: '2026-04-07', endDate: date, hours: '24.0', cost: '0' };
      expect400At(await w.request('POST', '/v1/training/classes', { token: admin, body: klass }), 'endDate');
      const vacancy = { communityCode: '330106001001', bodyKind: 'STATION', role: 'STAFF', headcount: 1, opensOn: '2026-03-01', closesOn: date };
      expect400At(await w.request('POST', '/v1/vacancies', { token: admin, body: vacancy }), 'closesOn');
      expect(await count(wds, 'audit_log')).toBe(before);
    },
  );

  it('the audit log is append-only in the database: an UPDATE or DELETE of a row is refused, even by the service’s own user', async () => {
    for (const app of [w, b]) {
      const ds = app.app.get(DataSource);
      await app.app.get(AuditService).record(null, { entity: 'probe', entityId: 1, action: 'CREATE', after: { n: 1 } });
      const [row] = await ds.query(`SELECT id, action FROM audit_log WHERE entity = 'probe'`);
      await expect(ds.query(`UPDATE audit_log SET action = 'FORGED' WHERE id = ?`, [row.id])).rejects.toThrow('audit_log is append-only');
      await expect(ds.query('DELETE FROM audit_log WHERE id = ?', [row.id])).rejects.toThrow('audit_log is append-only');
      const [after] = await ds.query('SELECT action FROM audit_log WHERE id = ?', [row.id]);
      expect(after.action).toBe(row.action);
    }
  });

  it('refuses a lone UTF-16 surrogate in any text field, keeps emoji, RTL marks and rare CJK', async () => {
    const v = (await w.request('GET', '/v1/communities/330106001001', { token: admin })).body.version;
    for (const name of ['a\ud800b', '\udc00', 'x\ud83d']) {
      expect400At(await w.request('PATCH', '/v1/communities/330106001001', { token: admin, body: { version: v, name } }), 'name');
    }
    expect400At(await w.request('POST', '/v1/training/courses', { token: admin, body: { name: '\ud800', category: 'PROFESSIONAL_SKILLS' } }), 'name');
    expect400At(await w.request('PATCH', '/v1/communities/330106001001', { token: admin, body: { version: v, facilities: ['OFFICE', '\udfff'] } }), 'facilities[1]');
    const ok = await w.request('PATCH', '/v1/communities/330106001001', { token: admin, body: { version: v, name: '\u200f😀𠀀社区' } });
    expect(ok.status).toBe(200);
    expect(ok.body.name).toBe('\u200f😀𠀀社区');
  });

  it('PATCH /communities/{code} with name: null is a 400 at name, and the row is unchanged', async () => {
    const before = (await w.request('GET', '/v1/communities/330106001002', { token: admin })).body;
    expect400At(await w.request('PATCH', '/v1/communities/330106001002', { token: admin, body: { version: before.version, name: null } }), 'name');
    expect((await w.request('GET', '/v1/communities/330106001002', { token: admin })).body).toEqual(before);
  });

  it('a training class cost is limited by its DECIMAL(15,2) column', async () => {
    const course = (await w.request('POST', '/v1/training/courses', { token: admin, body: { name: '社区治理实务', category: 'PROFESSIONAL_SKILLS' } })).body;
    const provider = (await w.request('POST', '/v1/training/providers', { token: admin, body: { name: '杭州市委党校' } })).body;
    const klass = (cost: string) => ({
      courseId: course.id, providerId: provider.id, title: '能力提升班', startDate: '2026-04-07', endDate: '2026-04-09', hours: '24.0', cost, chargeCommunityCode: '330106001001',
    });
    const before = await count(wds, 'training_class');
    for (const cost of ['10000000000000.00', '99999999999999', '1e5', '-1.00', '1.001']) {
      expect400At(await w.request('POST', '/v1/training/classes', { token: admin, body: klass(cost) }), 'cost');
    }
    expect(await count(wds, 'training_class')).toBe(before);
    const max = await w.request('POST', '/v1/training/classes', { token: admin, body: klass('9999999999999.99') });
    expect(max.status).toBe(201);
    expect(max.body.cost).toBe('9999999999999.99');
  });

  it('refuses keyset cursors it did not issue; follows the ones it did', async () => {
    for (const after of ['WzEsWzEsMl1d', 'WzEsMl0', 'x', 'WzEsMl0.AAAAAAAAAAAAAAAAAAAAAA']) {
      expect400At(await w.request('GET', `/v1/workers?after=${after}`, { token: admin }), 'after');
    }
    const first = await w.request('GET', '/v1/workers?limit=2&sort=name', { token: admin });
    const next = await w.request('GET', `/v1/workers?limit=2&sort=name&after=${first.body.nextAfter}`, { token: admin });
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    // a name cursor on the id sort does not fit its shape
    expect400At(await w.request('GET', `/v1/workers?limit=2&after=${first.body.nextAfter}`, { token: admin }), 'after');
    expect400At(await w.request('GET', '/v1/audit?before=1%20OR%201', { token: admin }), 'before');
  });

  it('GET /reports/household-standard names its missing parameters (400), and answers with them', async () => {
    expect400At(await b.request('GET', '/v1/reports/household-standard', { token: finance }), 'fiscalYear');
    expect400At(await b.request('GET', '/v1/reports/household-standard?fiscalYear=2026', { token: finance }), 'stream');
    expect400At(await b.request('GET', '/v1/reports/execution?groupBy=stream', { token: finance }), 'fiscalYear');
    expect((await b.request('GET', '/v1/reports/household-standard?fiscalYear=2026&stream=RESIDENTS_COMMITTEE', { token: finance })).status).toBe(200);
  });

  it('a malformed Basic header on POST /auth/token is an OAuth invalid_request, not a 500', async () => {
    for (const header of [`Basic ${Buffer.from('a:%ZZ').toString('base64')}`, 'Basic !!!', `Basic ${Buffer.from('nocolon').toString('base64')}`, 'Basic']) {
      const res = await w.request('POST', '/v1/auth/token', {
        body: 'grant_type=client_credentials', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: header },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid_request', error_description: expect.any(String), code: 'MALFORMED_BASIC_AUTH' });
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('a malformed Authorization header anywhere else answers a JSON 401 (or a JSON 400 when it is not HTTP)', async () => {
    for (const header of ['Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic %%%', 'bearer x y z', 'Bearer eyJhbGciOiJub25lIn0.e30.', 'Token abc']) {
      const res = await w.request('GET', '/v1/workers', { headers: { authorization: header } });
      expect(res.status).toBe(401);
      expect(res.body.code).toMatch(/^(UNAUTHENTICATED|INVALID_TOKEN)$/);
    }
    const raw = await rawHttp(w.baseUrl, 'GET /api/workers/v1/workers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \x01\x7f\r\n\r\n');
    expect(raw.status).toBe(400);
    expect(raw.headers).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(raw.body)).toMatchObject({ code: 'MALFORMED_REQUEST' });
    const badPath = await w.request('GET', '/v1/communities/%E0%A4%A', { token: admin });
    expect(badPath.status).toBe(400);
    expect(badPath.body.code).toEqual(expect.any(String));
  });

  it('five concurrent reversals of one expenditure: exactly one 201 and four 409 ALREADY_REVERSED', async () => {
    const [alloc] = await bds.query(`SELECT id FROM allocation WHERE community_code = '330106001001' AND fiscal_year = 2026 ORDER BY id LIMIT 1`);
    const expenditure = await b.request('POST', `/v1/allocations/${alloc.id}/expenditures`, {
      token: finance, headers: { 'idempotency-key': 'rev-race-exp' }, body: { amount: '10.00', category: 'OFFICE', description: '办公用品', source: 'MANUAL' },
    });
    expect(expenditure.status).toBe(201);
    for (let round = 0; round < 3; round++) {
      const id = round === 0 ? expenditure.body.id : (await b.request('POST', `/v1/allocations/${alloc.id}/expenditures`, {
        token: finance, headers: { 'idempotency-key': `rev-race-exp-${round}` }, body: { amount: '1.00', category: 'OFFICE', description: '办公用品', source: 'MANUAL' },
      })).body.id;
      const results = await Promise.all(
        [0, 1, 2, 3, 4].map((i) =>
          b.request('POST', `/v1/postings/${id}/reversal`, { token: finance, headers: { 'idempotency-key': `rev-${round}-${i}` }, body: { reason: `重复录入 ${i}` } }),
        ),
      );
      const statuses = results.map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409, 409, 409, 409]);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'ALREADY_REVERSED')).toBe(true);
      expect((await bds.query('SELECT COUNT(*) AS n FROM posting WHERE reverses_id = ?', [id]))[0].n).toBe('1');
    }
  });
});
