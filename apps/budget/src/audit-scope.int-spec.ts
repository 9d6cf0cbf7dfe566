import { DataSource } from 'typeorm';
import { startedApp, type TestApp, testPrincipals } from '@cws/testing';
import { idempotent, startSeededBudget } from '@cws/budget-testing';

/**
 * The audit log follows scope: a row is visible only to users who may see every record it names.
 * A transfer from a 上城区 (330102) allocation to a 西湖区 (330106) one names both, so it is the city's.
 */
describe('budget audit log by scope (real MySQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  const fin = () => t.tokenFor(testPrincipals.finance());
  const allocationIn = async (community: string) =>
    String((await ds.query(`SELECT id FROM allocation WHERE community_code = ? AND fiscal_year = 2026 AND funder = 'CITY' ORDER BY id LIMIT 1`, [community]))[0].id);
  let shangcheng: string;
  let xihuA: string;
  let xihuB: string;

  beforeAll(async () => {
    ({ t, ds } = startedApp(await startSeededBudget()));
    shangcheng = await allocationIn('330102001001');
    xihuA = await allocationIn('330106001001');
    xihuB = await allocationIn('330106002001');
    const transfer = (from: string, to: string, taskRef: string) =>
      t.request('POST', '/v1/transfers', { token: fin(), headers: idempotent(), body: { fromAllocationId: from, toAllocationId: to, amount: '100.00', reason: '费随事转', taskRef } });
    expect((await transfer(shangcheng, xihuA, 'TASK-ACROSS')).status).toBe(201);
    expect((await transfer(xihuA, xihuB, 'TASK-WITHIN')).status).toBe(201);
  });
  afterAll(() => t?.close());

  const readAll = async (token: string, query = '') => {
    const res = await t.request('GET', `/v1/audit?limit=500${query}`, { token });
    expect(res.status).toBe(200);
    return res.body.items as Array<Record<string, any>>;
  };
  /** Every allocation id a row names, in its before/after views. */
  const allocationsNamed = (row: Record<string, any>) =>
    [row.before, row.after].filter(Boolean).flatMap((v) => [v.allocationId, v.counterAllocationId, v.id && row.entity === 'allocation' ? v.id : null]).filter(Boolean).map(String);

  it('shows xihu-hr no row about another district’s records — not even the transfer into its own allocation', async () => {
    const xihu = t.tokenFor(testPrincipals.districtHr('330106'));
    for (const query of ['', '&action=TRANSFER_IN', '&action=TRANSFER', '&entity=posting']) {
      const rows = await readAll(xihu, query);
      for (const row of rows) {
        expect(row.districtCode).toBe('330106');
        expect(JSON.stringify([row.before, row.after])).not.toContain('330102');
        expect(allocationsNamed(row)).not.toContain(shangcheng);
      }
    }
    // what it may see, it sees: the transfer between two of its own allocations
    const own = await readAll(xihu, '&action=TRANSFER');
    expect(own.map((r) => r.after.taskRef ?? r.after.sourceRef)).toEqual(['TASK-WITHIN']);
    // the 上城区 allocation itself is a 404 for it, as before
    expect((await t.request('GET', `/v1/allocations/${shangcheng}`, { token: xihu })).status).toBe(404);
  });

  it('keeps the cross-district transfer for the city, and a within-district one at the district', async () => {
    const city = await readAll(t.tokenFor(testPrincipals.auditor()), '&action=TRANSFER');
    const across = city.find((r) => allocationsNamed(r).includes(shangcheng));
    expect(across).toMatchObject({ districtCode: null, streetCode: null });
    const within = city.find((r) => allocationsNamed(r).includes(xihuB));
    expect(within).toMatchObject({ districtCode: '330106', streetCode: null });
    const shangchengHr = await readAll(t.tokenFor(testPrincipals.districtHr('330102')), '&action=TRANSFER');
    expect(shangchengHr).toEqual([]);
  });
});
