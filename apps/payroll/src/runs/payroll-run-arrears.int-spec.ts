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
  let november = { id: '', street: '', mover: 0 }; // a street's approved November run (the third spec)
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

  it('re-measures a worker transferred to another street since: the arrears of a back-dated raise are the raise, not the month clawed back', async () => {
    const admin = stack.tokens.admin;
    const wAdmin = stack.workers.tokenFor(testPrincipals.cityAdmin());
    const approve = async (id: string) => {
      expect((await stack.payroll.request('POST', `/v1/runs/${id}/submit`, { token: admin })).status).toBe(200);
      expect((await stack.payroll.request('POST', `/v1/runs/${id}/approve`, { token: stack.tokens.finance })).status).toBe(200);
    };
    await approve(octoberId); // months are approved in order
    // A full-time worker of a Xihu street with a grade below the top of its band (not the one raised above).
    const snap = await stack.workers.request('GET', `/v1/snapshots?asOf=2026-11-30&scope=${XIHU}&limit=5000`, { token: wAdmin });
    const top: Record<string, number> = { HEAD: 18, DEPUTY: 15, OTHER: 12 };
    type Snap = { workerId: number; streetCode: string; grade: number | null; gradeBand: string | null; gradeSince: string | null; employmentType: string; secondment: unknown };
    const w = (snap.body.items as Snap[]).find((x) => x.employmentType === 'FULL_TIME' && !x.secondment && x.grade !== null && x.gradeBand !== null && x.grade < top[x.gradeBand] && (x.gradeSince ?? '') < '2026-09-01')!;
    expect(w).toBeTruthy();
    const run = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: '2026-11', type: 'REGULAR', scope: w.streetCode } });
    expect(run.status).toBe(201);
    await computed(run.body.id);
    await approve(run.body.id);
    november = { id: run.body.id, street: w.streetCode, mover: w.workerId };
    const before = await slipOf(november.id, w.workerId);

    // Transferred to another street from 1 December, then raised from 1 November (recorded after November was approved).
    const target = ((await stack.workers.request('GET', `/v1/communities?district=${XIHU}`, { token: wAdmin })).body as Array<{ code: string; streetCode: string }>).find((c) => c.streetCode !== w.streetCode)!;
    const detail = (await stack.workers.request('GET', `/v1/workers/${w.workerId}`, { token: wAdmin })).body;
    for (const post of detail.appointments as Array<{ id: number; to: string | null }>) {
      if (post.to === null) expect((await stack.workers.request('POST', `/v1/appointments/${post.id}/end`, { token: wAdmin, body: { to: '2026-11-30', reason: '调动' } })).status).toBeLessThan(300);
    }
    expect((await stack.workers.request('PATCH', `/v1/workers/${w.workerId}`, { token: wAdmin, body: { communityCode: target.code, transferDate: '2026-12-01' } })).status).toBe(200);
    const raise = await stack.workers.request('POST', `/v1/workers/${w.workerId}/events`, { token: wAdmin, body: { kind: 'GRADE_CHANGE', date: '2026-11-01', grade: w.grade! + 1, note: '晋级（补录）' } });
    expect(raise.status).toBe(201);
    await stack.workers.app.get(OutboxRelay).relayNow();
    await recordedChange(stack.payroll, admin, w.workerId, 'worker.grade-changed', '2026-11-01');

    // December's run of the new street pays November's raise: November re-measured where the worker was then.
    const december = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: '2026-12', type: 'REGULAR', scope: target.streetCode } });
    expect(december.status).toBe(201);
    expect((await computed(december.body.id)).progress.failed).toBe(0);
    const after = await slipOf(december.body.id, w.workerId);
    const base = (x: { lines: Line[] }) => parseMoney(x.lines.find((l) => l.code === 'BASE')!.amount);
    expect(base(after)).toBeGreaterThan(base(before));
    expect(after.lines.filter((l) => l.code === 'ARREARS')).toEqual([expect.objectContaining({ refPeriod: '2026-11', amount: formatMoney(base(after) - base(before)) })]);
  }, 180_000);

  it('a leaving back-dated into a paid month: the next run names the claw-back it cannot carry, and a CORRECTION of that month settles it', async () => {
    const admin = stack.tokens.admin;
    const wAdmin = stack.workers.tokenFor(testPrincipals.cityAdmin());
    expect(november.id).not.toBe('');
    // A worker paid November in full by that street's run, then recorded as having left on 20 November.
    const paid = (await runPayslips(stack.payroll, admin, november.id, 1000)).filter((x) => x.workerId !== november.mover);
    let leaver = 0;
    for (const item of paid) {
      const slip = (await stack.payroll.request('GET', `/v1/payslips/${item.id}`, { token: admin })).body as { flags: string[] };
      if (!slip.flags.includes('PRO_RATED') && !slip.flags.some((f) => f.startsWith('SECONDED'))) {
        leaver = item.workerId;
        break;
      }
    }
    expect(leaver).toBeGreaterThan(0);
    expect((await stack.workers.request('POST', `/v1/workers/${leaver}/leave`, { token: wAdmin, body: { date: '2026-11-20', reason: '个人原因辞职（补录）' } })).status).toBeLessThan(300);
    await stack.workers.app.get(OutboxRelay).relayNow();
    await recordedChange(stack.payroll, admin, leaver, 'worker.left', '2026-11-20');

    // December's run of the street does not pay the leaver: it names what they were overpaid for November.
    const december = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: '2026-12', type: 'REGULAR', scope: november.street } });
    expect(december.status).toBe(201);
    const run = await computed(december.body.id);
    expect((await runPayslips(stack.payroll, admin, december.body.id, 1000)).some((x) => x.workerId === leaver)).toBe(false);
    expect(run.inputs!.arrearsNotCarried).toMatchObject({ workers: 1, items: [{ workerId: leaver, refPeriod: '2026-11' }] });
    const owed = parseMoney(run.inputs!.arrearsNotCarried!.items[0].amount, { allowNegative: true });
    expect(owed).toBeLessThan(0n);

    // A CORRECTION of November re-issues the slip to the 20th: its earnings fall by exactly that amount.
    const correction = await stack.payroll.request('POST', '/v1/runs', { token: admin, body: { period: '2026-11', type: 'CORRECTION', correctsRunId: november.id, workerIds: [leaver], scope: november.street } });
    expect(correction.status).toBe(201);
    expect((await computed(correction.body.id)).progress.failed).toBe(0);
    const [pair] = await runPayslips(stack.payroll, admin, correction.body.id, 10);
    expect(pair.workerId).toBe(leaver);
    const rows: Array<{ kind: string; gross: string }> = await stack.payroll.app.get(DataSource).query('SELECT slip_kind AS kind, gross FROM payslip WHERE run_id = ? ORDER BY slip_kind', [correction.body.id]);
    expect(rows.reduce((t, r) => t + parseMoney(r.gross, { allowNegative: true }), 0n)).toBe(owed);
  }, 180_000);
});
