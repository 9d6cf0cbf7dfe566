import { DataSource } from 'typeorm';
import { PiiCipher } from '@cws/persistence';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { startSeededWorkers } from '@cws/workers-testing';

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
});
