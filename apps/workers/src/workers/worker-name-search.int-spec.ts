import { DataSource } from 'typeorm';
import { PiiCipher } from '@cws/persistence';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { protectResidentId } from '../common/pii';
import { demoResidentId } from '../seed/seed-workers';
import { WorkerRepository } from './worker.repository';
import { hireWorker, residentIdSequence, startSeededWorkers } from '@cws/workers-testing';

/**
 * The register's name search reads `worker_name_gram`; it must answer exactly what
 * `name LIKE '%q%'` answers, for every kind of search text, and follow names as they change.
 */
const newId = residentIdSequence(700_000);

describe('worker name search through the gram index (real MySQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: string;

  /** Ids and total the API gives for `q` (city scope, one page of 200). */
  const search = async (q: string) => {
    const res = await t.request('GET', `/v1/workers?limit=200&q=${encodeURIComponent(q)}`, { token: admin });
    expect(res.status).toBe(200);
    return { ids: res.body.items.map((w: { id: number }) => w.id), total: res.body.total };
  };
  /** What a full scan with LIKE answers (the old query). */
  const scan = async (q: string) => {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const rows: Array<{ id: number }> = await ds.query('SELECT id FROM worker WHERE name LIKE ? ORDER BY id', [like]);
    return { ids: rows.slice(0, 200).map((r) => Number(r.id)), total: rows.length };
  };
  /** Ids and total a district HR user of 330106 gets for `q`, and what LIKE answers over that district. */
  const searchXihu = async (q: string) => {
    const res = await t.request('GET', `/v1/workers?limit=200&q=${encodeURIComponent(q)}`, { token: t.tokenFor(testPrincipals.districtHr('330106')) });
    expect(res.status).toBe(200);
    return { ids: res.body.items.map((w: { id: number }) => w.id), total: res.body.total };
  };
  const scanXihu = async (q: string) => {
    const like = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const rows: Array<{ id: number }> = await ds.query(`SELECT id FROM worker WHERE district_code = '330106' AND name LIKE ? ORDER BY id`, [like]);
    return { ids: rows.slice(0, 200).map((r) => Number(r.id)), total: rows.length };
  };
  const hire = (name: string) => hireWorker(t, admin, { name, residentId: newId(), hireDate: '2020-07-01', communityCode: '330106001001' });

  beforeAll(async () => {
    ({ t, ds, tokens: { admin } } = startedApp(await startSeededWorkers({ workers: 400 })));
  });
  afterAll(() => t?.close());

  it('answers what LIKE answers for every one- and two-character piece of the seeded names, and for whole names', async () => {
    const names: string[] = (await ds.query('SELECT name FROM worker ORDER BY id LIMIT 25')).map((r: { name: string }) => r.name);
    const queries = new Set<string>();
    for (const n of names) {
      const chars = Array.from(n);
      queries.add(n);
      chars.forEach((c, i) => {
        queries.add(c);
        if (i + 1 < chars.length) queries.add(c + chars[i + 1]);
      });
    }
    expect(queries.size).toBeGreaterThan(40);
    let nonEmpty = 0;
    for (const q of queries) {
      const expected = await scan(q);
      expect({ q, ...(await search(q)) }).toEqual({ q, ...expected });
      if (expected.total > 0) nonEmpty++;
    }
    expect(nonEmpty).toBe(queries.size);
    // a district's search reads only its own gram rows, and still answers what LIKE answers there
    let inDistrict = 0;
    for (const q of queries) {
      const expected = await scanXihu(q);
      expect({ q, ...(await searchXihu(q)) }).toEqual({ q, ...expected });
      if (expected.total > 0) inDistrict++;
    }
    expect(inDistrict).toBeGreaterThan(0);
    expect(inDistrict).toBeLessThan(queries.size);
  });

  it('finds new and renamed workers, text in the middle of a name, Latin text in any case, and LIKE wildcards as plain text', async () => {
    const a = await hire('欧阳娜娜');
    const b = await hire('Anna·Li');
    const c = await hire('王100%_好');
    for (const q of ['阳娜', '欧阳娜娜', '娜', 'anna', 'NA·L', 'li', '100%', '%_', '_']) {
      const expected = await scan(q);
      expect({ q, ...(await search(q)) }).toEqual({ q, ...expected });
      expect(expected.total).toBeGreaterThan(0);
    }
    expect((await search('阳娜')).ids).toContain(a.id);
    expect((await search('anna')).ids).toContain(b.id);
    expect((await search('%_')).ids).toEqual([c.id]);
    expect((await search('阳娜娜娜')).total).toBe(0);

    const renamed = await t.request('PATCH', `/v1/workers/${a.id}`, { token: admin, body: { name: '司马娜娜', version: a.version } });
    expect(renamed.status).toBe(200);
    expect((await search('欧阳')).ids).not.toContain(a.id);
    expect((await search('司马')).ids).toContain(a.id);
    expect(await search('马娜')).toEqual(await scan('马娜'));
    // The grams are exactly those of the current name.
    const grams = (await ds.query('SELECT gram FROM worker_name_gram WHERE worker_id = ? ORDER BY gram', [a.id])).map((r: { gram: string }) => r.gram);
    expect(grams.sort()).toEqual(['司', '司马', '娜', '娜娜', '马', '马娜'].sort());
  });

  it('indexes workers inserted in bulk without ids (the import path): found by their names', async () => {
    const cipher = t.app.get(PiiCipher);
    const names = ['慕容复', '慕容博'];
    await ds.transaction((m) => WorkerRepository.insertMany(m, names.map((name, i) => ({
      name, sex: 'M' as const, birthDate: '1980-01-01', residentId: protectResidentId(cipher, demoResidentId('330106', 760_000 + i, 'M').id), phone: null,
      education: 'BACHELOR' as const, politicalStatus: 'NONE' as const, qualificationLevel: 'NONE' as const, qualificationCert: null, hireDate: '2020-01-01',
      employmentType: 'FULL_TIME' as const, bankAccount: null, bankLuhnOk: null, communityCode: '330106001001', streetCode: '330106001', districtCode: '330106',
    }))));
    const found = await search('慕容');
    expect(found.total).toBe(2);
    expect(found).toEqual(await scan('慕容'));
  });

  it('keeps the scope: a district HR user finds no worker of another district by name', async () => {
    const w = await hire('独孤求败');
    const other = t.tokenFor(testPrincipals.districtHr('330102'));
    const res = await t.request('GET', `/v1/workers?q=${encodeURIComponent('独孤')}`, { token: other });
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: { id: number }) => x.id)).not.toContain(w.id);
    expect(res.body.total).toBe(0);
  });

  it('follows a transfer: the worker is found by name in the new street and district (scope or filter), no longer in the old', async () => {
    const w = await hire('上官婉儿');
    const street = (code: string) => t.tokenFor(testPrincipals.streetUser(code));
    const tokens = { xihu: t.tokenFor(testPrincipals.districtHr('330106')), shangcheng: t.tokenFor(testPrincipals.districtHr('330102')), cuiyuan: street('330106001'), wenxin: street('330106002') };
    const filters = ['district=330106', 'district=330102', 'street=330106001', 'street=330106002'];
    /** Who finds the worker by name: each scoped token, then the city admin with each place filter. */
    const finders = async () => {
      const found: string[] = [];
      const seen = async (label: string, query: string, token: string) => {
        const res = await t.request('GET', `/v1/workers?q=${encodeURIComponent('上官')}${query}`, { token });
        expect(res.status).toBe(200);
        if (res.body.items.some((x: { id: number }) => x.id === w.id)) found.push(label);
      };
      for (const [label, token] of Object.entries(tokens)) await seen(label, '', token);
      for (const f of filters) await seen(f, `&${f}`, admin);
      return found;
    };
    const transfer = async (communityCode: string, version: number) => {
      const res = await t.request('PATCH', `/v1/workers/${w.id}`, { token: admin, body: { communityCode, version } });
      expect(res.status).toBe(200);
      return res.body.worker as { version: number };
    };
    expect(await finders()).toEqual(['xihu', 'cuiyuan', 'district=330106', 'street=330106001']);
    // another street of the same district
    const moved = await transfer('330106002001', w.version);
    expect(await finders()).toEqual(['xihu', 'wenxin', 'district=330106', 'street=330106002']);
    // another district
    await transfer('330102001001', moved.version);
    expect(await finders()).toEqual(['shangcheng', 'district=330102']);
    expect(await ds.query('SELECT DISTINCT district_code AS d, street_code AS s FROM worker_name_gram WHERE worker_id = ?', [w.id])).toEqual([{ d: '330102', s: '330102001' }]);
  });
});
