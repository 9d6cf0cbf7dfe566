import { testPrincipals, usingStack } from '@cws/testing';
// The payroll service reads the workforce only through the workers HTTP API; the test starts a real workers app for it.
import { computedRun, startPayrollOverWorkers } from '@cws/payroll-testing';

const XIHU = '330106';
type TaxState = Record<'income' | 'taxFree' | 'employeeContributions' | 'specialDeductions' | 'otherDeductions' | 'taxWithheld' | 'separateBonusTax', string> & { monthsEmployed: number; monthsPaid: number; separateBonusUsed: boolean };
type Slip = { workerId: number; lines: Array<{ kind: string; code: string; amount: string; rule: string }>; taxState: TaxState; flags: string[] };

// DOMAIN.md §4, in fen: the cumulative withholding table (annual brackets, rate %, quick deduction) and 5,000 a month.
const fen = (s: string): bigint => BigInt(s.replace('.', ''));
const money = (f: bigint): string => `${f < 0n ? '-' : ''}${(f < 0n ? -f : f) / 100n}.${String((f < 0n ? -f : f) % 100n).padStart(2, '0')}`;
const taxableOf = (t: TaxState): bigint =>
  fen(t.income) - fen(t.taxFree) - 500_000n * BigInt(t.monthsEmployed) - fen(t.employeeContributions) - fen(t.specialDeductions) - fen(t.otherDeductions);
const BRACKETS: Array<[bigint, bigint, bigint]> = [[3_600_000n, 3n, 0n], [14_400_000n, 10n, 252_000n], [30_000_000n, 20n, 1_692_000n], [42_000_000n, 25n, 3_192_000n], [66_000_000n, 30n, 5_292_000n], [96_000_000n, 35n, 8_592_000n]];
function cumulativeTaxDue(taxable: bigint): bigint {
  if (taxable <= 0n) return 0n;
  const [, rate, quick] = BRACKETS.find(([upTo]) => taxable <= upTo) ?? [0n, 45n, 18_192_000n];
  return (taxable * rate + 50n) / 100n - quick;
}

/** 财税〔2018〕164号: the separate taxation of an annual bonus, at most once per worker per calendar year. */
describe('BONUS runs: the separate bonus taxation once a year (real MySQL, Redis, workers API)', () => {
  const stack = usingStack(() => startPayrollOverWorkers({ workers: 540 }), 120_000);
  let decemberTopUp = ''; // the TOP_UP run of the fourth spec, left a draft

  const bonusRun = async (period: string) => {
    const res = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period, type: 'BONUS', scope: XIHU, bonus: { amount: '36000.00', method: 'SEPARATE' } } });
    expect(res.status).toBe(201);
    return computedRun(stack.payroll, stack.tokens.admin, res.body.id);
  };
  const slipsByWorker = async (runId: string): Promise<Map<number, Slip>> => {
    const page = await stack.payroll.request('GET', `/v1/runs/${runId}/payslips?limit=5000`, { token: stack.tokens.admin });
    const all = await Promise.all(page.body.items.map(async (s: { id: string }) => (await stack.payroll.request('GET', `/v1/payslips/${s.id}`, { token: stack.tokens.admin })).body as Slip));
    return new Map(all.map((s) => [s.workerId, s]));
  };
  const slips = async (runId: string): Promise<Slip[]> => {
    const page = await stack.payroll.request('GET', `/v1/runs/${runId}/payslips?limit=5000`, { token: stack.tokens.admin });
    return Promise.all(page.body.items.slice(0, 20).map(async (s: { id: string }) => (await stack.payroll.request('GET', `/v1/payslips/${s.id}`, { token: stack.tokens.admin })).body));
  };

  it('taxes the March bonus separately (1,080.00 on 36,000) from the month’s approved wages, and merges December’s into them', async () => {
    expect((await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period: '2026-03', type: 'BONUS', scope: XIHU } })).status).toBe(400);
    let march = await bonusRun('2026-03');
    expect(march.inputs!.bonus).toEqual({ amount: '36000.00', method: 'SEPARATE' });
    expect((await stack.payroll.request('POST', `/v1/runs/${march.id}/submit`, { token: stack.tokens.admin })).status).toBe(200);
    // The month's REGULAR run is approved first: with none, then with one still a draft, the bonus approval → 409.
    const early = await stack.payroll.request('POST', `/v1/runs/${march.id}/approve`, { token: stack.tokens.finance });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PAYROLL_REGULAR_NOT_APPROVED');
    const regular = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period: '2026-03', type: 'REGULAR', scope: XIHU } });
    expect(regular.status).toBe(201);
    const draft = await stack.payroll.request('POST', `/v1/runs/${march.id}/approve`, { token: stack.tokens.finance });
    expect(draft.status).toBe(409);
    expect(draft.body.code).toBe('PAYROLL_REGULAR_NOT_APPROVED');
    expect(draft.body.message).toContain(regular.body.id);
    await computedRun(stack.payroll, stack.tokens.admin, regular.body.id);
    expect((await stack.payroll.request('POST', `/v1/runs/${regular.body.id}/submit`, { token: stack.tokens.admin })).status).toBe(200);
    expect((await stack.payroll.request('POST', `/v1/runs/${regular.body.id}/approve`, { token: stack.tokens.finance })).status).toBe(200);
    // The bonus was computed before the month's wages were approved: its slips start from February's state → stale.
    const stale = await stack.payroll.request('POST', `/v1/runs/${march.id}/approve`, { token: stack.tokens.finance });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'PAYROLL_RUN_STALE', runId: regular.body.id });
    expect((await stack.payroll.request('POST', `/v1/runs/${march.id}/reject`, { token: stack.tokens.finance, body: { reason: 'recompute after March wages' } })).status).toBe(200);
    expect((await stack.payroll.request('POST', `/v1/runs/${march.id}/recalculate`, { token: stack.tokens.admin })).status).toBe(200);
    march = await computedRun(stack.payroll, stack.tokens.admin, march.id);
    const wages = await slipsByWorker(regular.body.id);
    const paid = (await slips(march.id)).filter((s) => s.lines.some((l) => l.code === 'YEAR_END_BONUS'));
    expect(paid.length).toBeGreaterThan(5);
    for (const s of paid) {
      expect(s.lines.find((l) => l.code === 'IIT_BONUS')?.amount).toBe('1080.00');
      expect(s.lines.find((l) => l.code === 'YEAR_END_BONUS')?.rule).toBe('BONUS_SEPARATE');
      // the bonus's state is the month's wages' state, the separate option now used
      const after = wages.get(s.workerId)!.taxState;
      expect(fen(after.income)).toBeGreaterThan(0n);
      expect(s.taxState).toEqual({ ...after, separateBonusUsed: true, separateBonusTax: '1080.00' });
    }
    expect((await stack.payroll.request('POST', `/v1/runs/${march.id}/submit`, { token: stack.tokens.admin })).status).toBe(200);
    expect((await stack.payroll.request('POST', `/v1/runs/${march.id}/approve`, { token: stack.tokens.finance })).status).toBe(200);

    const december = await bonusRun('2026-12');
    const byWorker = new Map((await slips(december.id)).map((s) => [s.workerId, s]));
    let compared = 0;
    for (const before of paid) {
      const s = byWorker.get(before.workerId);
      if (!s) continue;
      compared++;
      expect(s.lines.find((l) => l.code === 'IIT_BONUS')).toBeUndefined();
      expect(s.lines.find((l) => l.code === 'YEAR_END_BONUS')?.rule).toBe('BONUS_MERGED_SEPARATE_ALREADY_USED');
      // Merged into the year to date that March left: the cumulative table on its taxable income + 36,000, less what was withheld.
      const from = before.taxState;
      expect(s.taxState.income).toBe(money(fen(from.income) + 3_600_000n));
      const owed = cumulativeTaxDue(taxableOf(s.taxState)) - fen(from.taxWithheld);
      expect(s.lines.find((l) => l.code === 'IIT')?.amount).toBe(money(owed > 0n ? owed : 0n));
      expect(s.flags).toContain('BONUS_MERGED');
    }
    expect(compared).toBeGreaterThan(0);
  }, 240_000);

  it('a BONUS run with per-worker amounts pays those workers only, each its own amount, still taxed separately once a year', async () => {
    const snap = await stack.workers.request('GET', `/v1/snapshots?asOf=2026-06-30&scope=330102&limit=5000`, { token: stack.workers.tokenFor(testPrincipals.cityAdmin()) });
    const [a, b] = (snap.body.items as Array<{ workerId: number; employmentType: string; secondment: unknown }>).filter((x) => x.employmentType === 'FULL_TIME' && !x.secondment);
    const amounts = [{ workerId: a.workerId, amount: '12000.00' }, { workerId: b.workerId, amount: '48000.00' }];
    const both = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period: '2026-06', type: 'BONUS', scope: '330102', bonus: { amount: '1.00', amounts, method: 'SEPARATE' } } });
    expect(both.status).toBe(400);
    const twice = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period: '2026-06', type: 'BONUS', scope: '330102', bonus: { amounts: [amounts[0], amounts[0]], method: 'SEPARATE' } } });
    expect(twice.status).toBe(400);
    expect(twice.body.details[0].path).toBe('bonus.amounts[1].workerId');
    const created = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period: '2026-06', type: 'BONUS', scope: '330102', bonus: { amounts, method: 'SEPARATE' } } });
    expect(created.status).toBe(201);
    const run = await computedRun(stack.payroll, stack.tokens.admin, created.body.id);
    expect(run.progress).toEqual({ done: 2, total: 2, failed: 0 });
    expect(run.inputs!.bonus).toEqual({ method: 'SEPARATE', workers: 2, total: '60000.00' });
    expect(run.totals.gross).toBe('60000.00');
    const got = await slips(run.id);
    const of = (id: number) => got.find((s) => s.workerId === id)!;
    expect(of(a.workerId).lines.find((l) => l.code === 'YEAR_END_BONUS')?.amount).toBe('12000.00');
    expect(of(b.workerId).lines.find((l) => l.code === 'YEAR_END_BONUS')?.amount).toBe('48000.00');
    // 上城区 had no bonus this year, so each is taxed separately: 12,000 ÷ 12 → 3 % = 360.00; 48,000 ÷ 12 → 10 % − 210 = 4,590.00.
    for (const [id, tax] of [[a.workerId, '360.00'], [b.workerId, '4590.00']] as const) {
      expect(of(id).lines.find((l) => l.code === 'IIT_BONUS')?.amount).toBe(tax);
      expect(of(id).taxState.separateBonusUsed).toBe(true);
    }
  }, 120_000);

  it('a per-worker list naming workers outside the scope is not submitted: the refusal names them (PAYROLL_RUN_WORKERS_MISSING)', async () => {
    const token = stack.workers.tokenFor(testPrincipals.cityAdmin());
    const [inScope] = (await stack.workers.request('GET', '/v1/snapshots?asOf=2026-08-31&scope=330102&limit=1', { token })).body.items as Array<{ workerId: number }>;
    const [elsewhere] = (await stack.workers.request('GET', `/v1/snapshots?asOf=2026-08-31&scope=${XIHU}&limit=1`, { token })).body.items as Array<{ workerId: number }>;
    const amounts = [{ workerId: inScope.workerId, amount: '100.00' }, { workerId: elsewhere.workerId, amount: '100.00' }, { workerId: 99_999_999, amount: '100.00' }];
    const created = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period: '2026-08', type: 'BONUS', scope: '330102', bonus: { amounts, method: 'MERGED' } } });
    expect(created.status).toBe(201);
    const run = await computedRun(stack.payroll, stack.tokens.admin, created.body.id);
    expect(run.progress).toEqual({ done: 1, total: 1, failed: 0 });
    const submitted = await stack.payroll.request('POST', `/v1/runs/${run.id}/submit`, { token: stack.tokens.admin });
    expect(submitted.status).toBe(409);
    expect(submitted.body).toMatchObject({ code: 'PAYROLL_RUN_WORKERS_MISSING', runId: run.id, workerIds: [elsewhere.workerId, 99_999_999], missing: 2 });
    expect((await stack.payroll.request('POST', `/v1/runs/${run.id}/cancel`, { token: stack.tokens.admin })).status).toBe(200);
  }, 120_000);

  it('a TOP_UP run pays exactly the stored year-end top-ups (年终补差) of its scope, as wages of the month', async () => {
    const xihu = stack.payroll.tokenFor(testPrincipals.districtHr(XIHU));
    const topUp = await stack.payroll.request('POST', '/v1/benchmark/top-ups', { token: xihu, body: { year: 2026, rule: 'PER_WORKER', ratio: '0.60' } });
    expect(topUp.status).toBe(201);
    const lines = (await stack.payroll.request('GET', `/v1/benchmark/top-ups/${topUp.body.id}/lines?limit=5000&onlyPositive=true`, { token: xihu })).body.items as Array<{ workerId: string | number; topUp: string }>;
    const owed = new Map(lines.filter((l) => l.topUp !== '0.00').map((l) => [Number(l.workerId), l.topUp]));
    expect(owed.size).toBeGreaterThan(0);
    const created = await stack.payroll.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-12', type: 'TOP_UP' } });
    expect(created.status).toBe(201);
    const run = await computedRun(stack.payroll, xihu, created.body.id);
    expect(run.progress).toEqual({ done: owed.size, total: owed.size, failed: 0 });
    const page = (await stack.payroll.request('GET', `/v1/runs/${run.id}/payslips?limit=5000`, { token: xihu })).body.items as Array<{ id: string; workerId: number; gross: string }>;
    expect(new Map(page.map((s) => [s.workerId, s.gross]))).toEqual(owed);
    const one = (await stack.payroll.request('GET', `/v1/payslips/${page[0].id}`, { token: xihu })).body as Slip;
    expect(one.lines.find((l) => l.code === 'TOP_UP')).toMatchObject({ rule: 'TOP_UP_MERGED', amount: owed.get(one.workerId) });
    expect(one.lines.find((l) => l.code === 'IIT')).toBeTruthy();
    decemberTopUp = run.id;
  }, 120_000);

  it('a second TOP_UP run of the year, once the first is settled, pays each worker the new result less what the first paid', async () => {
    const xihu = stack.payroll.tokenFor(testPrincipals.districtHr(XIHU));
    expect((await stack.payroll.request('POST', `/v1/runs/${decemberTopUp}/cancel`, { token: xihu })).status).toBe(200);
    const owedBy = async (ratio: string) => {
      const result = await stack.payroll.request('POST', '/v1/benchmark/top-ups', { token: xihu, body: { year: 2026, rule: 'PER_WORKER', ratio } });
      expect(result.status).toBe(201);
      const lines = (await stack.payroll.request('GET', `/v1/benchmark/top-ups/${result.body.id}/lines?limit=5000&onlyPositive=true`, { token: xihu })).body.items as Array<{ workerId: string | number; topUp: string }>;
      return { resultId: String(result.body.id), owed: new Map(lines.filter((l) => l.topUp !== '0.00').map((l) => [Number(l.workerId), fen(l.topUp)])) };
    };
    const paidBy = async (runId: string) =>
      new Map(((await stack.payroll.request('GET', `/v1/runs/${runId}/payslips?limit=5000`, { token: xihu })).body.items as Array<{ workerId: number; gross: string }>).map((s) => [s.workerId, fen(s.gross)]));
    // March's wages are approved (the first spec): the first top-up is paid with them.
    const first = await owedBy('0.60');
    const one = await stack.payroll.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-03', type: 'TOP_UP' } });
    expect(one.status).toBe(201);
    await computedRun(stack.payroll, xihu, one.body.id);
    // while it is open, a second would pay the same top-ups again
    expect((await stack.payroll.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-04', type: 'TOP_UP' } })).body).toMatchObject({ code: 'PAYROLL_RUN_EXISTS', runId: one.body.id });
    expect((await stack.payroll.request('POST', `/v1/runs/${one.body.id}/submit`, { token: xihu })).status).toBe(200);
    expect((await stack.payroll.request('POST', `/v1/runs/${one.body.id}/approve`, { token: stack.tokens.finance })).status).toBe(200);
    expect(await paidBy(one.body.id)).toEqual(first.owed);

    // The benchmark is recalculated higher: the second run pays the difference, to the fen, and only where there is one.
    const second = await owedBy('0.70');
    const expected = new Map([...second.owed].map(([id, f]) => [id, f - (first.owed.get(id) ?? 0n)] as const).filter(([, f]) => f > 0n));
    const two = await stack.payroll.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-03', type: 'TOP_UP' } });
    expect(two.status).toBe(201);
    const run = await computedRun(stack.payroll, xihu, two.body.id);
    expect(await paidBy(two.body.id)).toEqual(expected);
    const deducted = [...expected.keys()].filter((id) => first.owed.has(id)).length; // paid only the difference
    expect(deducted).toBeGreaterThan(0);
    expect(run.inputs!.topUp).toEqual({ resultId: second.resultId, deductedWorkers: deducted, overpaid: { workers: 0, workerIds: [] } });
  }, 180_000);

  it('one worker’s bad data fails that worker’s slip with the reason, not the run; such a run cannot be submitted', async () => {
    // A qualification level dropped from the allowance table from December: workers holding it cannot be priced.
    const [row] = (await stack.payroll.request('GET', '/v1/policy/rows?kind=ALLOWANCE&key=QUALIFICATION', { token: stack.tokens.admin })).body;
    const levels = row.data.levels as Array<{ level: string }>;
    const dropped = levels[levels.length - 1].level;
    const edit = await stack.payroll.request('POST', '/v1/policy/rows', { token: stack.tokens.admin, body: { kind: 'ALLOWANCE', validFrom: '2026-12-01', sourceRef: 'test: level withdrawn', data: { ...row.data, levels: levels.slice(0, -1) } } });
    expect(edit.status).toBe(201);
    const created = await stack.payroll.request('POST', '/v1/runs', { token: stack.tokens.admin, body: { period: '2026-12', type: 'REGULAR', scope: XIHU } });
    const run = await computedRun(stack.payroll, stack.tokens.admin, created.body.id);
    expect(run.computation.state).toBe('DONE');
    expect(run.progress.failed).toBeGreaterThan(0);
    expect(run.progress.done).toBeGreaterThan(0);
    expect(run.progress.done + run.progress.failed).toBe(run.progress.total);
    const page = (await stack.payroll.request('GET', `/v1/runs/${run.id}/payslips?limit=5000`, { token: stack.tokens.admin })).body.items as Array<{ id: string; status: string }>;
    const failed = page.find((s) => s.status === 'FAILED')!;
    const slip = (await stack.payroll.request('GET', `/v1/payslips/${failed.id}`, { token: stack.tokens.admin })).body;
    expect(slip.failure).toMatchObject({ code: 'QUALIFICATION_UNKNOWN' });
    expect(slip.failure.message).toContain(dropped);
    const submit = await stack.payroll.request('POST', `/v1/runs/${run.id}/submit`, { token: stack.tokens.admin });
    expect(submit.status).toBe(409);
    expect(submit.body.code).toBe('PAYROLL_RUN_HAS_FAILURES');
  }, 120_000);
});
