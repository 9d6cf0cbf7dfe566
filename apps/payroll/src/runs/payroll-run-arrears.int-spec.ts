import { parseMoney, formatMoney } from '@cws/kernel';
import { OutboxRelay } from '@cws/messaging';
import { testPrincipals, usingStack } from '@cws/testing';
import type { PayslipLine } from '@cws/payroll-contracts';
import { DataSource } from 'typeorm';
// The payroll service reads the workforce only through the workers HTTP API and events; the test starts a real workers app for both.
import { computedRun, recordedChange, runPayslips, startPayrollOverWorkers } from '@cws/payroll-testing';
import { wageRecordOf } from '@cws/payroll-engine';
import { decodeLines } from './line-items';
import { PayslipRepository } from './payslip.repository';
import { groupByWorker } from './slip-rows';

const XIHU = '330106';
type Line = { kind: string; code: string; amount: string; refPeriod?: string };

/**
 * A grade change recorded in October but effective from 1 September, after September was approved:
 * the October run pays the difference as an arrears line referencing 2026-09, and only for that worker.
 */
describe('arrears from a back-dated grade change (workers + payroll apps, events through the outbox)', () => {
  const stack = usingStack(() => startPayrollOverWorkers({ workers: 540, sharedQueue: true }), 120_000);

  let septemberId = '';
  let octoberId = '';
  const computed = (id: string) => computedRun(stack.payroll, stack.tokens.admin, id);
  const slipOf = async (runId: string, workerId: number) => {
    const hit = (await runPayslips(stack.payroll, stack.tokens.admin, runId, 1000)).find((s) => s.workerId === workerId);
    if (!hit) throw new Error(`no slip for worker ${workerId}`);
    return (await stack.payroll.request('GET', `/v1/payslips/${hit.id}`, { token: stack.tokens.admin })).body as { lines: Line[]; flags: string[]; grade: number };
  };

  it('pays the September difference in October, referencing 2026-09', async () => {
    const september = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period: '2026-09', type: 'REGULAR', scope: XIHU } });
    expect(september.status).toBe(201);
    septemberId = september.body.id;
    await computed(september.body.id);
    expect((await stack.payroll.request('POST', `/v1/runs/${september.body.id}/submit`, { token: stack.tokens.admin })).status).toBe(200);
    expect((await stack.payroll.request('POST', `/v1/runs/${september.body.id}/approve`, { token: stack.tokens.finance })).status).toBe(200);

    // A full-time worker of the district with a recorded grade below the top of its band.
    const snap = await stack.workers.request('GET', `/v1/snapshots?asOf=2026-09-30&scope=${XIHU}&limit=5000`, { token: stack.workers.tokenFor(testPrincipals.cityAdmin()) });
    const top: Record<string, number> = { HEAD: 18, DEPUTY: 15, OTHER: 12 };
    const w = (snap.body.items as Array<{ workerId: number; grade: number | null; gradeBand: string | null; employmentType: string; secondment: unknown }>).find(
      (x) => x.employmentType === 'FULL_TIME' && !x.secondment && x.grade !== null && x.gradeBand !== null && x.grade < top[x.gradeBand],
    )!;
    expect(w).toBeTruthy();
    const before = await slipOf(september.body.id, w.workerId);

    // Recorded now, effective from 1 September: a back-dated change.
    const change = await stack.workers.request('POST', `/v1/workers/${w.workerId}/events`, {
      token: stack.workers.tokenFor(testPrincipals.cityAdmin()), body: { kind: 'GRADE_CHANGE', date: '2026-09-01', grade: w.grade! + 1, note: '晋级（补录）' },
    });
    expect(change.status).toBe(201);
    await stack.workers.app.get(OutboxRelay).relayNow();
    await recordedChange(stack.payroll, stack.tokens.admin, w.workerId, 'worker.grade-changed', '2026-09-01');

    const october = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period: '2026-10', type: 'REGULAR', scope: XIHU } });
    expect(october.status).toBe(201);
    octoberId = october.body.id;
    const run = await computed(october.body.id);
    expect(run.progress.failed).toBe(0);
    const after = await slipOf(october.body.id, w.workerId);
    expect(after.grade).toBe(w.grade! + 1);
    const base = (s: { lines: Line[] }) => parseMoney(s.lines.find((l) => l.code === 'BASE')!.amount);
    const arrears = after.lines.filter((l) => l.code === 'ARREARS');
    expect(arrears).toEqual([expect.objectContaining({ kind: 'EARNING', refPeriod: '2026-09', amount: formatMoney(base(after) - base(before)) })]);
    expect(base(after)).toBeGreaterThan(base(before));
    expect(after.flags).toContain('ARREARS');

    // Nobody else in the district gets arrears.
    const others = await stack.payroll.app.get(DataSource).query("SELECT COUNT(*) AS n FROM payslip WHERE run_id = ? AND flags LIKE '%ARREARS%'", [october.body.id]);
    expect(Number(others[0].n)).toBe(1);
  }, 180_000);

  it('contributions stand on the newcomer rule: September on its own full month, October on September’s gross (DOMAIN.md §3)', async () => {
    expect(octoberId).not.toBe('');
    // The demo register has no 2025 wages: each worker's base is their first full month here.
    type Slip = { workerId: number; gross: string; flags: string; lines: PayslipLine[] };
    const slips = async (runId: string): Promise<Map<number, Slip>> => {
      const rows: Array<{ workerId: string; gross: string; flags: string; lineItems: string }> = await stack.payroll.app.get(DataSource).query(
        "SELECT worker_id AS workerId, gross, flags, line_items AS lineItems FROM payslip WHERE run_id = ? AND status = 'COMPUTED' AND payer = 'HOME'", [runId]);
      return new Map(rows.map((r) => [Number(r.workerId), { workerId: Number(r.workerId), gross: String(r.gross), flags: r.flags, lines: decodeLines(r.lineItems) }]));
    };
    const baseLine = (s: Slip) => s.lines.find((l) => l.code === 'CONTRIBUTION_BASE');
    const [september, october] = await Promise.all([slips(septemberId), slips(octoberId)]);
    const full = [...september.values()].filter((s) => !s.flags.split(',').some((f) => f === 'PRO_RATED' || f === 'ARREARS' || f === 'SECONDED_IN_SUBSIDY_ONLY'));
    expect(full.length).toBeGreaterThan(100);
    for (const s of full) {
      expect(baseLine(s)).toMatchObject({ kind: 'INFO', amount: s.gross, rule: 'BASE_THIS_MONTH' });
      const next = october.get(s.workerId);
      if (next) expect(baseLine(next)).toMatchObject({ amount: s.gross, rule: 'BASE_FIRST_FULL_MONTH' });
    }
    // What a run of 2027 would average (January switch: 2026): only September is settled yet, October is a draft.
    const ids = full.slice(0, 50).map((s) => s.workerId);
    const history = groupByWorker(await stack.payroll.app.get(PayslipRepository).settledSince(ids, '2026-01', '2027-01'));
    for (const id of ids) expect(wageRecordOf(history.get(id)!, 2026, '2027-01')).toEqual({ wagesFen: parseMoney(september.get(id)!.gross), months: 1, firstFullMonthFen: null });
  }, 60_000);
});
