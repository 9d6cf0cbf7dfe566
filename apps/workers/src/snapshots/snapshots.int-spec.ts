import { DataSource } from 'typeorm';
import { PiiCipher } from '@cws/persistence';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { hireWorker, residentIdSequence, startSeededWorkers } from '@cws/workers-testing';

const ASOF = '2026-01-01';
const digits = (s: string | null) => (s ?? '').replace(/\*/g, '');

describe('the snapshot is for machines: whole bank accounts only for payroll:read clients, every pull audited (real MySQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    ({ t, ds } = startedApp(await startSeededWorkers({ workers: 60 })));
  });
  afterAll(() => t?.close());

  const pull = async (token: string) => {
    const res = await t.request('GET', `/v1/snapshots?asOf=${ASOF}&limit=5000`, { token });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    return res.body.items as Array<{ workerId: number; bankAccount: string | null }>;
  };

  it('gives finance and city-admin users the last four digits only', async () => {
    for (const user of [testPrincipals.finance(), testPrincipals.cityAdmin(), testPrincipals.auditor()]) {
      const items = await pull(t.tokenFor(user));
      const withBank = items.filter((i) => i.bankAccount);
      expect(withBank.length).toBeGreaterThan(0);
      for (const i of withBank) {
        expect(i.bankAccount).toMatch(/^\*+\d{4}$/);
        expect(digits(i.bankAccount)).toHaveLength(4);
      }
    }
  });

  it('gives the payroll:read client whole accounts, and audits each pull with who, when and how many rows', async () => {
    const client = testPrincipals.client(['payroll:read']);
    const since = new Date(Date.now() - 1000);
    const items = await pull(t.tokenFor(client));
    const whole = items.filter((i) => i.bankAccount);
    expect(whole.length).toBeGreaterThan(0);
    for (const i of whole) expect(i.bankAccount).toMatch(/^\d{12,19}$/);
    const [row] = await ds.query(
      `SELECT actor_kind AS kind, actor_id AS actorId, actor_name AS actorName, action, occurred_at AS at, JSON_EXTRACT(\`after\`, '$.rows') AS \`rows\`,
              JSON_UNQUOTE(JSON_EXTRACT(\`after\`, '$.bankAccounts')) AS bank
         FROM audit_log WHERE entity = 'worker_snapshot' AND actor_id = ? ORDER BY id DESC LIMIT 1`,
      [client.id],
    );
    expect(row).toMatchObject({ kind: 'client', actorName: client.name, action: 'PULL_WITH_BANK_ACCOUNTS', bank: 'WHOLE' });
    expect(Number(row.rows)).toBe(items.length);
    expect(new Date(row.at).getTime()).toBeGreaterThanOrEqual(since.getTime());
    // user pulls are audited too
    const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'worker_snapshot' AND action = 'PULL' AND actor_name = 'finance'`);
    expect(Number(n)).toBeGreaterThanOrEqual(1);
  });

  it('adds whole resident IDs only when the payroll:read client asks (?identities=true), audited as PULL_WITH_IDENTITIES; users get 403', async () => {
    const client = testPrincipals.client(['payroll:read']);
    const plain = await pull(t.tokenFor(client));
    expect(plain.every((i) => !('residentId' in i))).toBe(true);
    const res = await t.request('GET', `/v1/snapshots?asOf=${ASOF}&limit=5000&identities=true`, { token: t.tokenFor(client) });
    expect(res.status).toBe(200);
    const items = res.body.items as Array<{ workerId: number; residentId: string }>;
    const [w] = await ds.query('SELECT resident_id_enc FROM worker WHERE id = ?', [items[0].workerId]);
    expect(items[0].residentId).toBe(t.app.get(PiiCipher).decrypt(w.resident_id_enc));
    expect(items.every((i) => /^\d{17}[\dX]$/.test(i.residentId))).toBe(true);
    const [row] = await ds.query(
      `SELECT action, JSON_UNQUOTE(JSON_EXTRACT(\`after\`, '$.residentIds')) AS ids FROM audit_log WHERE entity = 'worker_snapshot' AND actor_id = ? ORDER BY id DESC LIMIT 1`,
      [client.id],
    );
    expect(row).toEqual({ action: 'PULL_WITH_IDENTITIES', ids: 'WHOLE' });
    for (const user of [testPrincipals.finance(), testPrincipals.cityAdmin()]) {
      const refused = await t.request('GET', `/v1/snapshots?asOf=${ASOF}&identities=true`, { token: t.tokenFor(user) });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('IDENTITIES_NOT_PERMITTED');
    }
  });

  it('gives the days of the month a host pays for (outward secondments, clipped to the month): payroll pays home the rest', async () => {
    const hr = t.tokenFor(testPrincipals.districtHr('330106'));
    const [{ id: workerId, community }] = await ds.query(`SELECT id, community_code AS community FROM worker WHERE district_code = '330106' AND employment_type = 'FULL_TIME' AND status = 'ACTIVE' ORDER BY id LIMIT 1`);
    const started = await t.request('POST', '/v1/secondments', { token: hr, body: { workerId, direction: 'OUT', organisation: '翠苑街道办事处', from: '2026-03-10', to: '2026-04-20', payer: 'HOST' } });
    expect(started.status).toBe(201);
    const client = t.tokenFor(testPrincipals.client(['payroll:read']));
    const hostPaid = async (asOf: string) => {
      const res = await t.request('GET', `/v1/snapshots?asOf=${asOf}&scope=${community}&limit=5000`, { token: client });
      return (res.body.items as Array<{ workerId: number; hostPaidInMonth: unknown }>).find((i) => i.workerId === Number(workerId))?.hostPaidInMonth;
    };
    expect(await hostPaid('2026-03-31')).toEqual([{ from: '2026-03-10', to: '2026-03-31' }]);
    // the month of a leaver's snapshot (its first day) is the same month
    expect(await hostPaid('2026-04-01')).toEqual([{ from: '2026-04-01', to: '2026-04-20' }]);
    expect(await hostPaid('2026-05-31')).toEqual([]);
  });

  it('places each worker where they were on the day: a transfer, back-dated or not, moves the snapshots from its day on, not before', async () => {
    const admin = t.tokenFor(testPrincipals.cityAdmin());
    const client = t.tokenFor(testPrincipals.client(['payroll:read']));
    const [first, second, third] = ['330106001001', '330106002001', '330106003001'];
    const w = await hireWorker(t, admin, { residentId: residentIdSequence(8300)(), communityCode: first, hireDate: '2020-01-01' });
    const patch = (body: Record<string, unknown>) => t.request('PATCH', `/v1/workers/${w.id}`, { token: admin, body });
    expect((await patch({ communityCode: second, transferDate: '2026-05-15' })).status).toBe(200);
    expect((await patch({ communityCode: third, transferDate: '2026-09-01' })).status).toBe(200);
    const snapshot = async (asOf: string, scope: string, limit = 5000) => {
      const items: Array<{ workerId: number; communityCode: string; streetCode: string; districtCode: string; placeSince: string }> = [];
      let after: string | null = null;
      do {
        const res = await t.request('GET', `/v1/snapshots?asOf=${asOf}&scope=${scope}&limit=${limit}${after ? `&after=${after}` : ''}`, { token: client });
        expect(res.status).toBe(200);
        items.push(...res.body.items);
        after = res.body.nextAfter;
      } while (after);
      return items;
    };
    const placeOn = async (asOf: string, scope: string) => (await snapshot(asOf, scope)).find((i) => i.workerId === w.id)?.communityCode ?? null;
    // Each day in the community and street of that day, and in no other's snapshot.
    for (const [asOf, community] of [['2026-05-14', first], ['2026-05-15', second], ['2026-08-31', second], ['2026-09-01', third], ['2026-11-30', third]]) {
      for (const c of [first, second, third]) expect({ asOf, c, place: await placeOn(asOf, c.slice(0, 9)) }).toEqual({ asOf, c, place: c === community ? community : null });
    }
    const [april] = (await snapshot('2026-04-30', '330106')).filter((i) => i.workerId === w.id);
    expect(april).toMatchObject({ communityCode: first, streetCode: '330106001', districtCode: '330106', placeSince: '2020-01-01' });
    expect((await snapshot('2026-05-31', '330106')).find((i) => i.workerId === w.id)).toMatchObject({ communityCode: second, placeSince: '2026-05-15' });
    expect((await snapshot('2026-11-30', '330106')).find((i) => i.workerId === w.id)).toMatchObject({ communityCode: third, placeSince: '2026-09-01' });
    // Rosters ask who is available in a community on a day: the place of that day too.
    const availableIn = async (community: string, date: string) =>
      ((await t.request('GET', `/v1/availability?community=${community}&date=${date}`, { token: admin })).body.workers as Array<{ id: number }>).some((x) => x.id === w.id);
    expect([await availableIn(first, '2026-05-14'), await availableIn(second, '2026-05-14'), await availableIn(first, '2026-05-15'), await availableIn(second, '2026-05-15')]).toEqual([true, false, false, true]);
    expect([await availableIn(second, '2026-08-31'), await availableIn(third, '2026-08-31'), await availableIn(third, '2026-09-01')]).toEqual([true, false, true]);
    // Paged 7 at a time, the street's snapshot of April is the one-page snapshot: ids ascending, each once, the worker in it.
    const whole = await snapshot('2026-04-30', '330106001');
    const paged = await snapshot('2026-04-30', '330106001', 7);
    expect(paged.map((i) => i.workerId)).toEqual(whole.map((i) => i.workerId));
    expect(whole.map((i) => i.workerId)).toEqual([...new Set(whole.map((i) => i.workerId))].sort((a, b) => a - b));
    expect(whole.some((i) => i.workerId === w.id)).toBe(true);
    // The detail says since when the worker has been where they are.
    expect((await t.request('GET', `/v1/workers/${w.id}`, { token: admin })).body).toMatchObject({ communityCode: third, placeSince: '2026-09-01', hireDate: '2020-01-01' });
    // The register's 履历 dates each transfer on its day.
    const events = await ds.query("SELECT event_date AS date, JSON_UNQUOTE(JSON_EXTRACT(data, '$.to')) AS `to` FROM worker_event WHERE worker_id = ? AND kind = 'TRANSFER' ORDER BY event_date", [w.id]);
    expect(events.map((e: { date: string | Date; to: string }) => [String(e.date instanceof Date ? e.date.toISOString() : e.date).slice(0, 10), e.to])).toEqual([['2026-05-15', second], ['2026-09-01', third]]);
    // Refused: a day more than a year ahead, a day before the current place began, a date with no transfer.
    const refused = async (body: Record<string, unknown>) => {
      const res = await patch(body);
      expect(res.status).toBe(400);
      return [res.body.code, res.body.details[0].path];
    };
    expect(await refused({ communityCode: first, transferDate: '2999-01-01' })).toEqual(['TRANSFER_DATE_TOO_FAR', 'transferDate']);
    expect(await refused({ communityCode: first, transferDate: '2026-08-31' })).toEqual(['TRANSFER_BEFORE_CURRENT_PLACE', 'transferDate']);
    expect(await refused({ transferDate: '2026-10-01' })).toEqual(['TRANSFER_DATE_WITHOUT_TRANSFER', 'transferDate']);
    // a partial, impossible or non-text date is refused on its field, never a 500
    for (const transferDate of ['2026-10', '2026-02-30', '\ud800', 20261001]) expect((await refused({ communityCode: first, transferDate }))[1]).toBe('transferDate');
    expect(await placeOn('2026-11-30', third)).toBe(third);
  });

  it('pulls named workers only (?workers=, as payroll reads each leaver on their last day), each in that day\'s place; a bad list is a 400 on its field', async () => {
    const admin = t.tokenFor(testPrincipals.cityAdmin());
    const client = testPrincipals.client(['payroll:read']);
    const [first, second] = ['330106001001', '330106002001'];
    const hire = residentIdSequence(8400);
    const mover = await hireWorker(t, admin, { residentId: hire(), communityCode: first, hireDate: '2021-03-01' });
    const stayer = await hireWorker(t, admin, { residentId: hire(), communityCode: first, hireDate: '2021-03-01' });
    const later = await hireWorker(t, admin, { residentId: hire(), communityCode: first, hireDate: '2026-10-20' });
    expect((await t.request('PATCH', `/v1/workers/${mover.id}`, { token: admin, body: { communityCode: second, transferDate: '2026-10-12' } })).status).toBe(200);
    const named = async (asOf: string, scope = '330106') => {
      const res = await t.request('GET', `/v1/snapshots?asOf=${asOf}&scope=${scope}&workers=${mover.id},${stayer.id},${later.id}`, { token: t.tokenFor(client) });
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ workerId: number; communityCode: string }>).map((i) => [i.workerId, i.communityCode]);
    };
    // only the three named, only those employed that day, each where they were that day
    expect(await named('2026-10-11')).toEqual([[mover.id, first], [stayer.id, first]]);
    expect(await named('2026-10-22')).toEqual([[mover.id, second], [stayer.id, first], [later.id, first]]);
    expect(await named('2026-10-22', '330106002')).toEqual([[mover.id, second]]);
    const [row] = await ds.query("SELECT JSON_EXTRACT(`after`, '$.workers') AS workers, JSON_EXTRACT(`after`, '$.rows') AS `rows` FROM audit_log WHERE entity = 'worker_snapshot' AND actor_id = ? ORDER BY id DESC LIMIT 1", [client.id]);
    expect([Number(row.workers), Number(row.rows)]).toEqual([3, 1]);
    // at most 200 ids, digits and commas only: anything else is refused on the field, never a 500
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1).join(',');
    expect((await t.request('GET', `/v1/snapshots?asOf=2026-10-22&workers=${ids(200)}`, { token: admin })).status).toBe(200);
    for (const workers of [ids(201), '1,,2', '1,', 'x', '12345678901', '%F0%9F%98%80']) {
      const res = await t.request('GET', `/v1/snapshots?asOf=2026-10-22&workers=${workers}`, { token: admin });
      expect([workers, res.status, res.body.details?.[0]?.path]).toEqual([workers, 400, 'workers']);
    }
  });

  it('gives a month of availability in one read (GET /v1/availability/month), each day as the daily read answers it', async () => {
    const admin = t.tokenFor(testPrincipals.cityAdmin());
    const scheduler = t.tokenFor(testPrincipals.client(['scheduler:read']));
    const [first, second] = ['330106001001', '330106002001'];
    const hire = residentIdSequence(8500);
    // moved out on the 15th, on leave from the 5th to the 7th, seconded out from the 10th to the 12th, hired on the 20th, leaving on the 25th
    const mover = await hireWorker(t, admin, { residentId: hire(), communityCode: first, hireDate: '2021-03-01' });
    expect((await t.request('PATCH', `/v1/workers/${mover.id}`, { token: admin, body: { communityCode: second, transferDate: '2026-03-15' } })).status).toBe(200);
    const resting = await hireWorker(t, admin, { residentId: hire(), communityCode: first, hireDate: '2021-03-01' });
    expect((await t.request('POST', `/v1/workers/${resting.id}/events`, { token: admin, body: { kind: 'LEAVE', date: '2026-03-05' } })).status).toBe(201);
    expect((await t.request('POST', `/v1/workers/${resting.id}/events`, { token: admin, body: { kind: 'RETURN', date: '2026-03-08' } })).status).toBe(201);
    const away = await hireWorker(t, admin, { residentId: hire(), communityCode: first, hireDate: '2021-03-01' });
    const secondment = { workerId: away.id, direction: 'OUT', organisation: '翠苑街道办事处', from: '2026-03-10', to: '2026-03-12', payer: 'HOME' };
    expect((await t.request('POST', '/v1/secondments', { token: admin, body: secondment })).status).toBe(201);
    const late = await hireWorker(t, admin, { residentId: hire(), communityCode: first, hireDate: '2026-03-20' });
    expect((await t.request('POST', `/v1/workers/${late.id}/leave`, { token: admin, body: { date: '2026-03-25', reason: '个人原因辞职' } })).status).toBeLessThan(300);

    for (const community of [first, second]) {
      const month = await t.request('GET', `/v1/availability/month?community=${community}&month=2026-03`, { token: scheduler });
      expect(month.status).toBe(200);
      // the daily reads, turned into each worker's days
      const daily = new Map<number, string[]>();
      for (let d = 1; d <= 31; d++) {
        const date = `2026-03-${String(d).padStart(2, '0')}`;
        const day = await t.request('GET', `/v1/availability?community=${community}&date=${date}`, { token: scheduler });
        for (const w of day.body.workers as Array<{ id: number }>) daily.set(w.id, [...(daily.get(w.id) ?? []), date]);
      }
      const monthly = new Map((month.body.workers as Array<{ id: number; availableOn: string[] }>).map((w) => [w.id, w.availableOn]));
      expect(monthly).toEqual(daily);
      if (community === first) {
        expect(monthly.get(mover.id)!.at(-1)).toBe('2026-03-14');
        expect(monthly.get(resting.id)!.filter((d) => d >= '2026-03-05' && d <= '2026-03-07')).toEqual([]);
        expect(monthly.get(late.id)).toEqual(['2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25']);
        expect(monthly.get(away.id)!.filter((d) => d >= '2026-03-09' && d <= '2026-03-13')).toEqual(['2026-03-09', '2026-03-13']);
      } else expect(monthly.get(mover.id)![0]).toBe('2026-03-15');
    }
    // a bad month or community is refused on its field; another district's community is not there
    for (const [q, field] of [
      ['community=330106001001&month=2026-13', 'month'], ['community=330106001001&month=2026-3', 'month'], ['community=330106001001&month=%ED%A0%80', 'month'],
      ['community=3301&month=2026-03', 'community'], [`community=${'9'.repeat(40)}&month=2026-03`, 'community'],
    ]) {
      const res = await t.request('GET', `/v1/availability/month?${q}`, { token: admin });
      expect([res.status, res.body.details?.[0]?.path]).toEqual([400, field]);
    }
    expect((await t.request('GET', '/v1/availability/month?community=330106001001&month=2026-03', { token: t.tokenFor(testPrincipals.districtHr('330102')) })).status).toBe(404);
  });
});
