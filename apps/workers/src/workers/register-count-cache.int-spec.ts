import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type IORedis from 'ioredis';
import { COLUMNS, csvLine } from '@cws/workers-core';
import { REDIS } from '@cws/platform';
import { startedApp, startTestApp, testPrincipals, type TestApp } from '@cws/testing';
import { residentIdSequence, startWorkersWithOrg, workersService } from '@cws/workers-testing';
import { today } from '../common/sql';
import { demoResidentId } from '../seed/seed-workers';
import { RegisterGeneration } from './register-generation';
import type { CreateWorkerDto } from './workers.dto';
import { WorkersService } from './workers.service';

const CUIYUAN1 = '330106001001';
const newId = residentIdSequence(940_000, 'M');
let importSeq = 540_000;
const Q = '&q=%E7%BC%93%E5%AD%98'; // 缓存

/**
 * The first page's count comes from Redis while the register generation is unchanged
 * (register-count-cache.ts): after every kind of write the total is still the filter's COUNT(*),
 * asked twice around the write so the second read of each pair would be the cached one; a second
 * instance sharing schema and Redis sees a write through the first; a lost generation or a failing
 * Redis count as before; and a cached first page sends no COUNT to MariaDB.
 */
describe('register count cache: the first page total stays the COUNT(*) across writes (real MySQL + Redis)', () => {
  let t: TestApp;
  let other: INestApplication;
  let otherUrl: string;
  let ds: DataSource;
  let redis: IORedis;
  let admin: string;
  let xihu: string;

  const countOf = async (where = '') =>
    Number((await ds.query(`SELECT COUNT(*) AS n FROM worker w WHERE w.district_code = '330106' ${where}`))[0].n);
  const firstTotal = async (query: string, base?: string) => {
    const res = base
      ? await fetch(`${base}/v1/workers?limit=2${query}`, { headers: { authorization: `Bearer ${xihu}` } }).then(async (r) => ({ status: r.status, body: await r.json() }))
      : await t.request('GET', `/v1/workers?limit=2${query}`, { token: xihu });
    if (res.status !== 200) throw new Error(`list: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.total as number;
  };
  /** Asked twice (the second from the cache when the first stored it): both the filter's COUNT(*). */
  const twice = async (query: string, where = '') => {
    const [a, b] = [await firstTotal(query), await firstTotal(query)];
    const expected = await countOf(where);
    expect([a, b]).toEqual([expected, expected]);
    return expected;
  };
  const ok = async (method: string, path: string, body: object, status = 201) => {
    const res = await t.request(method, path, { token: admin, body });
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const hireBody = (name: string): CreateWorkerDto => ({
    name, residentId: newId(), education: 'BACHELOR', politicalStatus: 'NONE', hireDate: '2015-07-01', employmentType: 'FULL_TIME', communityCode: CUIYUAN1,
  });
  const hire = async (name: string) => (await ok('POST', '/v1/workers', hireBody(name))).worker.id as number;

  beforeAll(async () => {
    ({ t, ds, tokens: { admin, xihu } } = startedApp(await startWorkersWithOrg()));
    redis = t.app.get(REDIS);
    // a second instance on the same schema and Redis prefix (closed without dropping them: t owns them)
    const second = await startTestApp(workersService, { ...t.config, port: 0 });
    other = second.app;
    otherUrl = second.baseUrl;
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('after a hire (API and recruitment’s in-transaction path), a rename, a leave and a status move', async () => {
    await hire('缓存甲');
    const all = await twice('');
    const named = await twice(Q, "AND w.name LIKE '%缓存%'");
    const w = await hire('缓存乙');
    expect(await twice('')).toBe(all + 1);
    expect(await twice(Q, "AND w.name LIKE '%缓存%'")).toBe(named + 1);

    // recruitment hires through createInTx inside its own transaction
    await ds.transaction((m) => t.app.get(WorkersService).createInTx(m, testPrincipals.cityAdmin(), hireBody('缓存丙')));
    expect(await twice('')).toBe(all + 2);
    expect(await twice(Q, "AND w.name LIKE '%缓存%'")).toBe(named + 2);

    await ok('PATCH', `/v1/workers/${w}`, { name: '改了名' }, 200);
    expect(await twice(Q, "AND w.name LIKE '%缓存%'")).toBe(named + 1);

    const onLeave = await twice('&status=ON_LEAVE', "AND w.status = 'ON_LEAVE'");
    await ok('POST', `/v1/workers/${w}/events`, { kind: 'LEAVE', date: today() });
    expect(await twice('&status=ON_LEAVE', "AND w.status = 'ON_LEAVE'")).toBe(onLeave + 1);

    const active = await twice('&status=ACTIVE', "AND w.status = 'ACTIVE'");
    const x = await hire('缓存丁');
    expect(await twice('&status=ACTIVE', "AND w.status = 'ACTIVE'")).toBe(active + 1);
    // each pair around one write only: read after the hire, so only the leave can make it stale
    const left = await twice('&status=LEFT', "AND w.status = 'LEFT'");
    await ok('POST', `/v1/workers/${x}/leave`, { date: '2025-01-31', reason: 'RESIGNED' }, 200);
    expect(await twice('&status=LEFT', "AND w.status = 'LEFT'")).toBe(left + 1);
    expect(await twice('&status=ACTIVE', "AND w.status = 'ACTIVE'")).toBe(active);
  });

  it('after an import and after an appointment starts and ends (the band and role filters)', async () => {
    const all = await twice('');
    const headers = COLUMNS.map((c) => c.header);
    const row = (name: string) => {
      const r: Record<string, string> = {
        姓名: name, 身份证号: demoResidentId('330106', importSeq++, 'F').id, 手机号: '13800138000', 学历: '本科', 政治面貌: '中共党员', 社工资格: '社会工作师',
        资格证书编号: '', 入职日期: '2016-05-01', 用工类型: '专职社区工作者', 社区代码: CUIYUAN1, 银行账号: '6225768888888888',
      };
      return headers.map((h) => r[h] ?? '');
    };
    const form = new FormData();
    form.append('file', new Blob(['\ufeff' + [csvLine(headers), csvLine(row('缓存导入一')), csvLine(row('缓存导入二'))].join('\r\n')]), 'batch.csv');
    const staged = (await (await fetch(`${t.baseUrl}/v1/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${xihu}` } })).json()) as { id: number };
    expect((await t.request('POST', `/v1/imports/${staged.id}/commit`, { token: xihu, body: {} })).status).toBe(201);
    expect(await twice('')).toBe(all + 2);

    const todayIn = `a.start_date <= '${today()}' AND (a.end_date IS NULL OR a.end_date >= '${today()}')`;
    const headWhere = `AND EXISTS (SELECT 1 FROM appointment a WHERE a.worker_id = w.id AND a.is_primary = 1 AND a.band = 'HEAD' AND ${todayIn})`;
    const roleWhere = `AND EXISTS (SELECT 1 FROM appointment a WHERE a.worker_id = w.id AND a.role = 'SECRETARY' AND ${todayIn})`;
    const w = await hire('缓存书记');
    const heads = await twice('&post=HEAD', headWhere);
    const secretaries = await twice('&post=SECRETARY', roleWhere);
    const post = await ok('POST', '/v1/appointments', { workerId: w, communityCode: CUIYUAN1, bodyKind: 'PARTY', role: 'SECRETARY', obtainedBy: 'ELECTION', from: '2021-01-01', primary: true });
    expect(await twice('&post=HEAD', headWhere)).toBe(heads + 1);
    expect(await twice('&post=SECRETARY', roleWhere)).toBe(secretaries + 1);
    await ok('POST', `/v1/appointments/${post.id}/end`, { to: '2024-12-31', reason: '换届' }, 200);
    expect(await twice('&post=HEAD', headWhere)).toBe(heads);
    expect(await twice('&post=SECRETARY', roleWhere)).toBe(secretaries);
  });

  it('a write through one instance shows in the other instance’s next first page', async () => {
    const before = await twice('');
    expect([await firstTotal('', otherUrl), await firstTotal('', otherUrl)]).toEqual([before, before]);
    const res = await fetch(`${otherUrl}/v1/workers`, {
      method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(hireBody('缓存他处')),
    });
    expect(res.status).toBe(201);
    expect(await firstTotal('')).toBe(before + 1);
    await hire('缓存此处');
    expect(await firstTotal('', otherUrl)).toBe(before + 2);
  });

  it('a lost generation or a failing Redis still answers the COUNT(*)', async () => {
    const generation = t.app.get(RegisterGeneration);
    const all = await twice('');
    // a write whose bump never came (a process dead between commit and bump), then the generation lost (evicted, deleted)
    const [{ id }] = await ds.query("SELECT id FROM worker WHERE district_code = '330106' AND status = 'ACTIVE' ORDER BY id LIMIT 1");
    await ds.query("UPDATE worker SET district_code = '330102', street_code = '330102001', community_code = '330102001001' WHERE id = ?", [id]);
    await redis.del(generation.key);
    expect(await twice('')).toBe(all - 1);
    await ds.query("UPDATE worker SET district_code = '330106', street_code = '330106001', community_code = ? WHERE id = ?", [CUIYUAN1, id]);
    await generation.bump();

    const mget = jest.spyOn(redis, 'mget').mockRejectedValue(new Error('Connection is closed.'));
    try {
      await hire('缓存断开');
      expect(await twice('')).toBe(all + 1);
    } finally {
      mget.mockRestore();
    }
    expect(await twice('')).toBe(all + 1);
  });

  it('the second identical first page sends no COUNT to MariaDB', async () => {
    // every statement a query runner of this app sends
    const probe = ds.createQueryRunner();
    const runnerProto = Object.getPrototypeOf(probe) as { query: (sql: string, ...rest: unknown[]) => Promise<unknown> };
    await probe.release();
    const sent = jest.spyOn(runnerProto, 'query');
    const counts = () => sent.mock.calls.filter(([sql]) => sql.includes('COUNT(*)')).length;
    const pages = () => sent.mock.calls.filter(([sql]) => sql.includes('communityName')).length;
    try {
      await hire('缓存计数');
      sent.mockClear();
      const a = await firstTotal('&status=ACTIVE');
      expect([pages(), counts()]).toEqual([1, 1]);
      sent.mockClear();
      const b = await firstTotal('&status=ACTIVE');
      expect([pages(), counts(), b]).toEqual([1, 0, a]);
    } finally {
      sent.mockRestore();
    }
  });
});
