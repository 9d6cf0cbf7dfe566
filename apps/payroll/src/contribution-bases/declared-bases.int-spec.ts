import { formatMoney, parseMoney } from '@cws/kernel';
import { testPrincipals, usingStack } from '@cws/testing';
import { DataSource } from 'typeorm';
// The payroll service checks a declaration against the workforce the workers service serves: the test starts a real one.
import { computedRun, runPayslips, startPayrollOverWorkers } from '@cws/payroll-testing';

const XIHU = '330106';
const SHANGCHENG = '330102';
type Line = { kind: string; code: string; amount: string; rule: string };
type Snapshot = { workerId: number; districtCode: string; employmentType: string; secondment: unknown };

/** Contribution bases HR declares (docs/payroll.md "Contribution base"): validated, scoped, audited, and used by the runs. */
describe('declared contribution bases (workers + payroll apps)', () => {
  const stack = usingStack(() => startPayrollOverWorkers({ workers: 540 }), 120_000);
  const declare = (token: string, body: unknown) => stack.payroll.request('POST', '/v1/contribution-bases', { token, body });
  let xihuWorker = 0;
  let otherXihu = 0;
  let shangchengWorker = 0;

  it('picks its workers from the snapshot', async () => {
    const snap = await stack.workers.request('GET', '/v1/snapshots?asOf=2026-10-31&limit=5000', { token: stack.workers.tokenFor(testPrincipals.cityAdmin()) });
    const regular = (snap.body.items as Snapshot[]).filter((s) => s.employmentType === 'FULL_TIME' && !s.secondment);
    [xihuWorker, otherXihu] = regular.filter((s) => s.districtCode === XIHU).map((s) => s.workerId);
    shangchengWorker = regular.find((s) => s.districtCode === SHANGCHENG)!.workerId;
    expect([xihuWorker, otherXihu, shangchengWorker].every((id) => id > 0)).toBe(true);
  });

  it('refuses bad lists with the field at fault, and writes nothing of them', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ validFrom: '2026-10', items: [{ workerId: xihuWorker, base: '8000.00' }, { workerId: shangchengWorker, base: '8000.00' }] }, 'WORKER_NOT_IN_SCOPE', 'items[1].workerId'],
      [{ validFrom: '2026-10', items: [{ workerId: xihuWorker, base: '8000.00' }, { workerId: xihuWorker, base: '9000.00' }] }, 'DUPLICATE_WORKER', 'items[1].workerId'],
      [{ validFrom: '2026-10', items: [{ workerId: xihuWorker, base: '8000.001' }] }, 'VALIDATION_FAILED', 'items[0].base'],
      [{ validFrom: '2026-10', items: [{ workerId: xihuWorker, base: '0.00' }] }, 'VALIDATION_FAILED', 'items[0].base'],
      [{ validFrom: '2026-13', items: [{ workerId: xihuWorker, base: '8000.00' }] }, 'VALIDATION_FAILED', 'validFrom'],
      [{ validFrom: '2026-10', items: [] }, 'VALIDATION_FAILED', 'items'],
    ];
    for (const [body, code, path] of cases) {
      const res = await declare(stack.tokens.xihu, body);
      expect([res.status, res.body.code]).toEqual([400, code]);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const rows = await stack.payroll.app.get(DataSource).query('SELECT COUNT(*) AS n FROM declared_contribution_base');
    expect(Number(rows[0].n)).toBe(0);
  });

  it('declares, replaces a declaration of the same month, lists within the scope and audits each', async () => {
    const first = await declare(stack.tokens.xihu, { validFrom: '2026-10', items: [{ workerId: xihuWorker, base: '8000', housingFundBase: '9000.00', note: '社保中心核定' }, { workerId: otherXihu, base: '100.00' }] });
    expect([first.status, first.body]).toEqual([201, { validFrom: '2026-10', created: 2, replaced: 0 }]);
    const again = await declare(stack.tokens.xihu, { validFrom: '2026-10', items: [{ workerId: otherXihu, base: '6100.50' }] });
    expect(again.body).toEqual({ validFrom: '2026-10', created: 0, replaced: 1 });

    const list = await stack.payroll.request('GET', '/v1/contribution-bases?validFrom=2026-10', { token: stack.tokens.xihu });
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { workerId: number; base: string; housingFundBase: string | null }) => [d.workerId, d.base, d.housingFundBase]).sort()).toEqual(
      [[xihuWorker, '8000.00', '9000.00'], [otherXihu, '6100.50', null]].sort(),
    );
    // Another district sees none of them, and cannot withdraw one (404, as for any record outside the scope).
    expect((await stack.payroll.request('GET', '/v1/contribution-bases', { token: stack.tokens.shangcheng })).body.items).toEqual([]);
    const id = list.body.items[0].id;
    expect((await stack.payroll.request('DELETE', `/v1/contribution-bases/${id}`, { token: stack.tokens.shangcheng })).status).toBe(404);
    // Finance reads but does not declare.
    expect((await declare(stack.tokens.finance, { validFrom: '2026-10', items: [{ workerId: xihuWorker, base: '1.00' }] })).status).toBe(403);
    // The check reads only the id range the list spans: the city admin's one worker is one snapshot row, not the city.
    const workersDs = stack.workers.app.get(DataSource);
    const pulls = async () => Number((await workersDs.query("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'worker_snapshot'"))[0].n);
    const before = await pulls();
    expect((await declare(stack.tokens.admin, { validFrom: '2026-11', items: [{ workerId: shangchengWorker, base: '7000.00' }] })).status).toBe(201);
    const [pull] = await workersDs.query("SELECT `after` FROM audit_log WHERE entity = 'worker_snapshot' ORDER BY id DESC LIMIT 1");
    expect(await pulls()).toBe(before + 1);
    expect((typeof pull.after === 'string' ? JSON.parse(pull.after) : pull.after).rows).toBe(1);
    // Two workers far apart in id: one pull over the span between them (a page sized by the list, two rows, took one per pair).
    const [low, high] = [otherXihu, shangchengWorker].sort((a, b) => a - b);
    expect(high - low).toBeGreaterThan(10);
    expect((await declare(stack.tokens.admin, { validFrom: '2027-01', items: [{ workerId: high, base: '7000.00' }, { workerId: low, base: '7000.00' }] })).status).toBe(201);
    expect(await pulls()).toBe(before + 2);

    const audit: Array<{ action: string; entityId: string }> = await stack.payroll.app.get(DataSource).query(
      "SELECT action, entity_id AS entityId FROM audit_log WHERE entity = 'declared_contribution_base' ORDER BY id");
    expect(audit.map((a) => `${a.action}:${a.entityId}`)).toEqual([`DECLARE:${xihuWorker}`, `DECLARE:${otherXihu}`, `REPLACE:${otherXihu}`, `DECLARE:${shangchengWorker}`, `DECLARE:${high}`, `DECLARE:${low}`]);
  });

  it('a run of the month contributes on the declared bases; withdrawn, the next computation falls back', async () => {
    const run = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.xihu, body: { period: '2026-10', type: 'REGULAR', scope: XIHU } });
    expect(run.status).toBe(201);
    expect((await computedRun(stack.payroll, stack.tokens.admin, run.body.id)).progress.failed).toBe(0);
    const linesOf = async (workerId: number): Promise<Line[]> => {
      const hit = (await runPayslips(stack.payroll, stack.tokens.admin, run.body.id, 1000)).find((s) => s.workerId === workerId)!;
      return (await stack.payroll.request('GET', `/v1/payslips/${hit.id}`, { token: stack.tokens.admin })).body.lines;
    };
    const line = (lines: Line[], kind: string, code: string) => lines.find((l) => l.kind === kind && l.code === code)!;
    const declared = await linesOf(xihuWorker);
    expect(line(declared, 'INFO', 'CONTRIBUTION_BASE')).toMatchObject({ amount: '8000.00', rule: 'BASE_DECLARED' });
    expect(line(declared, 'INFO', 'HOUSING_FUND_BASE')).toMatchObject({ amount: '9000.00', rule: 'BASE_DECLARED' });
    // Pension 8 % of 8,000 (within the demo floor and ceiling); the housing fund 12 % of its own 9,000.
    expect(line(declared, 'EMPLOYEE_CONTRIBUTION', 'PENSION').amount).toBe('640.00');
    expect(line(declared, 'EMPLOYEE_CONTRIBUTION', 'HOUSING_FUND').amount).toBe('1080.00');

    const list = await stack.payroll.request('GET', `/v1/contribution-bases?workerId=${xihuWorker}`, { token: stack.tokens.xihu });
    expect((await stack.payroll.request('DELETE', `/v1/contribution-bases/${list.body.items[0].id}`, { token: stack.tokens.xihu })).status).toBe(204);
    expect((await stack.payroll.request('POST', `/v1/runs/${run.body.id}/recalculate`, { token: stack.tokens.xihu })).status).toBeLessThan(300);
    await computedRun(stack.payroll, stack.tokens.admin, run.body.id);
    const fallback = await linesOf(xihuWorker);
    expect(line(fallback, 'INFO', 'CONTRIBUTION_BASE').rule).toBe('BASE_THIS_MONTH');
    expect(fallback.find((l) => l.code === 'HOUSING_FUND_BASE')).toBeUndefined();
    const gross = fallback.filter((l) => l.kind === 'EARNING').reduce((t, l) => t + parseMoney(l.amount, { allowNegative: true }), 0n);
    expect(line(fallback, 'INFO', 'CONTRIBUTION_BASE').amount).toBe(formatMoney(gross));
  }, 120_000);
});
