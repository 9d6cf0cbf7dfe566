import { addDays, cityToday, parseMoney } from '@cws/kernel';
import { JobProducer } from '@cws/messaging';
import { NightlyRecomputeJob, PayDayJob } from '@cws/payroll-contracts';
import { testConfig, testPrincipals, type TestApp } from '@cws/testing';
import { DataSource } from 'typeorm';
// The payroll service reads the workforce only through the workers HTTP API; the test starts a real workers app for it.
import { computedRun, runPayslips, startPayrollOverWorkers, startSeededPayroll } from '@cws/payroll-testing';
import { hireWorker, residentIdSequence } from '@cws/workers-testing';
import { PayrollRunJobs } from './payroll-run.jobs';

const XIHU = '330106';

describe('payroll runs: lifecycle, four eyes, one run per period and scope (real MySQL, Redis, workers API)', () => {
  let workers: TestApp;
  let t: TestApp;
  let admin: string;
  let finance: string;
  let xihu: string;
  let shangcheng: string;

  beforeAll(async () => {
    ({ workers, payroll: t, tokens: { admin, finance, xihu, shangcheng } } = await startPayrollOverWorkers({ workers: 540 }));
  }, 120_000);
  // not the stack's close(): the last test replaces the payroll app
  afterAll(async () => {
    await t?.close();
    await workers?.close();
  });

  // t, not the payroll started first: the last test replaces the app
  const computed = (id: string, token = admin) => computedRun(t, token, id);

  const allSlips = (id: string, token = admin) => runPayslips(t, token, id, 100);

  let novemberId: string;

  it('creates a district run, computes every slip through a flow, and the totals are the sums of the slips', async () => {
    const res = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-11', type: 'REGULAR' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ period: '2026-11', type: 'REGULAR', scope: XIHU, status: 'DRAFT' });
    novemberId = res.body.id;
    const run = await computed(novemberId, xihu);
    expect(run.computation.state).toBe('DONE');
    expect(run.progress.failed).toBe(0);
    expect(run.progress.total).toBeGreaterThan(100);
    expect(run.progress.done).toBe(run.progress.total);
    // no scheduler runs beside this payroll: the run says so rather than "no roster" (and pays no roster hours)
    expect(run.inputs).toMatchObject({ asOf: '2026-11-30', hours: 'UNAVAILABLE', snapshotWorkers: run.progress.total });
    expect(run.inputs!.policyRowIds.length).toBeGreaterThan(10);

    const slips = await allSlips(novemberId, xihu);
    expect(slips).toHaveLength(run.progress.total);
    expect(new Set(slips.map((s) => s.districtCode))).toEqual(new Set([XIHU]));
    const sum = (k: 'gross' | 'net' | 'tax' | 'employeeContributions' | 'employerContributions') => slips.reduce((a, s) => a + parseMoney(s[k], { allowNegative: true }), 0n);
    expect(parseMoney(run.totals.gross)).toBe(sum('gross'));
    expect(parseMoney(run.totals.net)).toBe(sum('net'));
    expect(parseMoney(run.totals.tax)).toBe(sum('tax'));
    expect(parseMoney(run.totals.employerContributions)).toBe(sum('employerContributions'));
    expect(sum('gross') - sum('employeeContributions') - sum('tax') - parseMoney(run.totals.recoveries)).toBe(sum('net'));

    const one = await t.request('GET', `/v1/payslips/${slips[0].id}`, { token: xihu });
    expect(one.status).toBe(200);
    expect(one.body.lines.find((l: { code: string }) => l.code === 'BASE')).toBeTruthy();
    expect(one.body.lines.find((l: { code: string }) => l.code === 'IIT')).toBeTruthy();
    expect(one.body.taxState).toMatchObject({ year: 2026, lastMonth: 11 });
    // The seeded register has no grade yet: the grade is derived, and the slip says so.
    expect(one.body.gradeSource).toBe('DERIVED');
    expect(one.body.flags).toContain('GRADE_DERIVED');
  });

  it('allows one REGULAR run per period and scope, and refuses overlapping scopes with 409', async () => {
    const again = await t.request('POST', '/v1/runs', { token: admin, body: { period: '2026-11', type: 'REGULAR', scope: XIHU } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'PAYROLL_RUN_EXISTS' });
    const street = await t.request('POST', '/v1/runs', { token: admin, body: { period: '2026-11', type: 'REGULAR', scope: `${XIHU}001` } });
    expect(street.status).toBe(409);
    expect(street.body.code).toBe('PAYROLL_RUN_OVERLAPS');
    const city = await t.request('POST', '/v1/runs', { token: admin, body: { period: '2026-11', type: 'REGULAR' } });
    expect(city.status).toBe(409);
    expect(city.body.code).toBe('PAYROLL_RUN_OVERLAPS');
    // Concurrent creates for another district: exactly one wins.
    const racing = await Promise.all([1, 2, 3].map(() => t.request('POST', '/v1/runs', { token: admin, body: { period: '2026-11', type: 'REGULAR', scope: '330105' } })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(racing.filter((r) => r.status === 409).every((r) => r.body.code === 'PAYROLL_RUN_EXISTS')).toBe(true);
    await computed(racing.find((r) => r.status === 201)!.body.id);
    // Another district's run does not exist for this district's HR.
    expect((await t.request('GET', `/v1/runs/${novemberId}`, { token: shangcheng })).status).toBe(404);
    expect((await t.request('GET', `/v1/runs/${novemberId}/payslips`, { token: shangcheng })).status).toBe(404);
    const listed = await t.request('GET', '/v1/runs?period=2026-11', { token: shangcheng });
    expect(listed.body.items.map((r: { id: string }) => r.id)).not.toContain(novemberId);
  });

  it('four eyes: the submitter cannot approve; HR cannot approve or pay; finance approves and pays', async () => {
    expect((await t.request('POST', `/v1/runs/${novemberId}/approve`, { token: admin })).body.code).toBe('PAYROLL_RUN_STATUS');
    const submitted = await t.request('POST', `/v1/runs/${novemberId}/submit`, { token: admin });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('SUBMITTED');
    const self = await t.request('POST', `/v1/runs/${novemberId}/approve`, { token: admin });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('PAYROLL_FOUR_EYES');
    expect((await t.request('POST', `/v1/runs/${novemberId}/approve`, { token: xihu })).status).toBe(403);
    const approved = await t.request('POST', `/v1/runs/${novemberId}/approve`, { token: finance });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', approved: { by: 'finance' }, submitted: { by: 'city-admin' } });
    // Approved: no recalculation, no cancel.
    expect((await t.request('POST', `/v1/runs/${novemberId}/recalculate`, { token: admin })).status).toBe(409);
    expect((await t.request('POST', `/v1/runs/${novemberId}/cancel`, { token: admin })).status).toBe(409);
    expect((await t.request('POST', `/v1/runs/${novemberId}/pay`, { token: admin })).status).toBe(403);
    const client = t.tokenFor(testPrincipals.client(['payroll:pay']));
    const paid = await t.request('POST', `/v1/runs/${novemberId}/pay`, { token: client });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('PAID');
    expect((await t.request('POST', `/v1/runs/${novemberId}/pay`, { token: finance })).status).toBe(409);
  });

  it('changing a pay input of a paid period answers 409 with the run id; a change after it is accepted', async () => {
    const [overtime] = (await t.request('GET', '/v1/policy/rows?kind=OVERTIME', { token: admin })).body;
    const edit = (validFrom: string) => t.request('POST', '/v1/policy/rows', { token: admin, body: { kind: 'OVERTIME', validFrom, sourceRef: 'test edit', data: overtime.data } });
    const inside = await edit('2026-11-15');
    expect(inside.status).toBe(409);
    expect(inside.body).toMatchObject({ code: 'PAYROLL_PERIOD_SETTLED', details: expect.anything() });
    expect(JSON.stringify(inside.body)).toContain(novemberId);
    expect((await t.request('POST', `/v1/policy/rows/${overtime.id}/close`, { token: admin, body: { validTo: '2026-11-20' } })).status).toBe(409);
    expect((await edit('2026-12-01')).status).toBe(201);
  });

  it('reject sends a run back to DRAFT with the reason; cancel ends it and frees the period for a new run', async () => {
    const created = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-10', type: 'REGULAR' } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await computed(id, xihu);
    expect((await t.request('POST', `/v1/runs/${id}/submit`, { token: xihu })).status).toBe(200);
    const bad = await t.request('POST', `/v1/runs/${id}/reject`, { token: finance, body: {} });
    expect(bad.status).toBe(400);
    const rejected = await t.request('POST', `/v1/runs/${id}/reject`, { token: finance, body: { reason: '社区补贴有误' } });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'DRAFT', rejection: { reason: '社区补贴有误', by: 'finance' }, submitted: null });
    const cancelled = await t.request('POST', `/v1/runs/${id}/cancel`, { token: xihu });
    expect(cancelled.body.status).toBe('CANCELLED');
    const again = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-10', type: 'REGULAR' } });
    expect(again.status).toBe(201);
    await computed(again.body.id);
  });

  it('the nightly batch: a job scheduler at 01:30 Asia/Shanghai that recomputes every open draft with a new generation', async () => {
    const schedulers = await t.app.get(JobProducer).queue(NightlyRecomputeJob.queue).getJobSchedulers();
    expect(schedulers.map((j) => j.key).sort()).toEqual(['nightly-payroll-recompute', 'payroll-pay-day']);
    expect(schedulers).toContainEqual(expect.objectContaining({ key: 'nightly-payroll-recompute', pattern: '30 1 * * *', tz: 'Asia/Shanghai' }));
    const drafts = (await t.request('GET', '/v1/runs?status=DRAFT', { token: admin })).body.items as Array<{ id: string; computation: { generation: number } }>;
    expect(drafts.length).toBeGreaterThan(0);
    const result = await t.app.get(PayrollRunJobs).nightly();
    expect(result.recomputed.sort()).toEqual(drafts.map((d) => d.id).sort());
    for (const d of drafts) {
      const r = await computed(d.id);
      expect(r.computation).toMatchObject({ state: 'DONE', generation: d.computation.generation + 1 });
      expect(r.progress.done).toBe(r.progress.total);
    }
    // Settled runs are left alone.
    expect((await t.request('GET', `/v1/runs/${novemberId}`, { token: admin })).body.computation.generation).toBe(1);
  });

  it('the pay-day batch: finance schedules an approved run on the bank’s value date, and the batch pays it on that day, once', async () => {
    const schedulers = await t.app.get(JobProducer).queue(PayDayJob.queue).getJobSchedulers();
    expect(schedulers).toContainEqual(expect.objectContaining({ key: 'payroll-pay-day', pattern: '0 2 * * *', tz: 'Asia/Shanghai' }));
    const created = await t.request('POST', '/v1/runs', { token: admin, body: { period: '2026-06', type: 'REGULAR', scope: `${XIHU}003` } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await computed(id);
    const schedule = (payOn: unknown, token = finance) => t.request('POST', `/v1/runs/${id}/schedule-payment`, { token, body: { payOn } });
    // Only an APPROVED run is scheduled.
    expect((await schedule(cityToday())).body.code).toBe('PAYROLL_RUN_STATUS');
    expect((await t.request('POST', `/v1/runs/${id}/submit`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${id}/approve`, { token: finance })).status).toBe(200);

    // Refusals name the field; HR may not schedule a payment.
    const today = cityToday();
    for (const [payOn, code] of [[addDays(today, -1), 'PAY_DATE_PAST'], [addDays(today, 91), 'PAY_DATE_TOO_FAR'], ['2026-02-30', 'VALIDATION_FAILED'], [null, 'VALIDATION_FAILED']] as const) {
      const bad = await schedule(payOn);
      expect([payOn, bad.status, bad.body.code, bad.body.details?.[0]?.path]).toEqual([payOn, 400, code, 'payOn']);
    }
    expect((await schedule(today, xihu)).status).toBe(403);
    expect((await t.request('POST', `/v1/runs/${id}/unschedule-payment`, { token: finance })).body.code).toBe('PAYROLL_PAYMENT_NOT_SCHEDULED');

    // Scheduled three days ahead: the batch of the day before pays nothing.
    const payOn = addDays(today, 3);
    const scheduled = await schedule(payOn);
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: 'APPROVED', scheduledPayment: { payOn, by: 'finance', paidOnSchedule: false } });
    const jobs = t.app.get(PayrollRunJobs);
    expect(await jobs.payDay({ today: addDays(payOn, -1) })).toEqual({ today: addDays(payOn, -1), paid: [] });
    expect((await t.request('GET', `/v1/runs/${id}`, { token: admin })).body.status).toBe('APPROVED');

    // On the day: PAID by the batch, audited with who scheduled it, the cost postings queued as a manual payment queues them.
    const ds = t.app.get(DataSource);
    // the run's cost postings: their description names the run
    const outbox = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM outbox_event WHERE JSON_UNQUOTE(JSON_EXTRACT(payload, \'$.description\')) LIKE ?', [`%REGULAR run ${id},%`]))[0].n);
    const before = await outbox();
    expect(before).toBe(0);
    expect(await jobs.payDay({ today: payOn })).toEqual({ today: payOn, paid: [id] });
    const paid = (await t.request('GET', `/v1/runs/${id}`, { token: admin })).body;
    expect(paid).toMatchObject({ status: 'PAID', paid: { by: '发放日批处理 pay-day batch' }, scheduledPayment: { payOn, by: 'finance', paidOnSchedule: true } });
    const [audit] = await ds.query("SELECT actor_id, action, `after` FROM audit_log WHERE entity = 'payroll_run' AND entity_id = ? ORDER BY id DESC LIMIT 1", [id]);
    expect(audit).toMatchObject({ actor_id: 'pay-day-batch', action: 'PAY' });
    expect(typeof audit.after === 'string' ? JSON.parse(audit.after) : audit.after).toEqual({ status: 'PAID', payOn, scheduledBy: 'finance' });
    expect(await outbox()).toBeGreaterThan(before);

    // A retry, or the next night, pays nothing twice; a paid run has no schedule to change.
    const after = await outbox();
    expect(await jobs.payDay({ today: addDays(payOn, 1) })).toEqual({ today: addDays(payOn, 1), paid: [] });
    expect(await outbox()).toBe(after);
    expect((await t.request('POST', `/v1/runs/${id}/unschedule-payment`, { token: finance })).body.code).toBe('PAYROLL_RUN_STATUS');
  });

  it('withholds by what the register holds for tax: declared special deductions (the year-to-date sum, caught up from January) and the flags HR set', async () => {
    const street = `${XIHU}002`;
    const wds = workers.app.get(DataSource);
    const [declarer, other] = await wds.query(`SELECT id FROM worker WHERE street_code = ? AND status = 'ACTIVE' AND hire_date < '2026-01-01' ORDER BY id LIMIT 2`, [street]);
    const hr = workers.tokenFor(testPrincipals.districtHr(XIHU));
    const declared = await workers.request('POST', `/v1/workers/${declarer.id}/special-deductions`, { token: hr, body: { type: 'CHILD_EDUCATION', monthlyAmount: '2000.00', fromMonth: '2026-01' } });
    expect(declared.status).toBe(201);
    // and the other worker's flag set by HR: ≤ 60,000 here last year (the 60,000 rule from January)
    expect((await workers.request('PUT', `/v1/workers/${other.id}/tax-years/2026`, { token: hr, body: { firstJobOfYear: null, lowIncomeLastYear: true } })).status).toBe(200);
    const res = await t.request('POST', '/v1/runs', { token: admin, body: { period: '2026-08', type: 'REGULAR', scope: street } });
    expect(res.status).toBe(201);
    await computed(res.body.id);
    const slips = await allSlips(res.body.id);
    const taxStateOf = async (workerId: unknown) => {
      const slip = slips.find((x) => x.workerId === Number(workerId))!;
      return (await t.request('GET', `/v1/payslips/${slip.id}`, { token: admin })).body.taxState;
    };
    expect(await taxStateOf(declarer.id)).toMatchObject({ specialDeductions: '16000.00', lowIncomeLastYear: false }); // January–August, declared in August
    expect(await taxStateOf(other.id)).toMatchObject({ specialDeductions: '0.00', lowIncomeLastYear: true, monthsEmployed: 12 });
  });

  it('months are approved in order, a run computed before another was approved is stale, and one open TOP_UP run a year', async () => {
    const street = `${XIHU}002`;
    const run = async (period: string, type = 'REGULAR', scope = street) => t.request('POST', '/v1/runs', { token: admin, body: { period, type, scope } });
    const january = (await run('2026-01')).body.id as string;
    const february = (await run('2026-02')).body.id as string;
    await computed(january);
    await computed(february);
    expect((await t.request('POST', `/v1/runs/${february}/submit`, { token: admin })).status).toBe(200);
    const early = await t.request('POST', `/v1/runs/${february}/approve`, { token: finance });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'PAYROLL_EARLIER_RUN_OPEN', runId: january });
    expect((await t.request('POST', `/v1/runs/${january}/submit`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${january}/approve`, { token: finance })).status).toBe(200);
    // February's slips were computed from a year to date without January's: stale until recalculated
    const stale = await t.request('POST', `/v1/runs/${february}/approve`, { token: finance });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'PAYROLL_RUN_STALE', runId: january });
    expect((await t.request('POST', `/v1/runs/${february}/reject`, { token: finance, body: { reason: '一月已审批，重新计算' } })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${february}/recalculate`, { token: admin })).status).toBe(200);
    await computed(february);
    expect((await t.request('POST', `/v1/runs/${february}/submit`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${february}/approve`, { token: finance })).status).toBe(200);
    const [jan, feb] = [await allSlips(january), await allSlips(february)];
    expect(feb.length).toBe(jan.length);

    // A TOP_UP pays the year's stored top-ups: a second one that year over the same or an overlapping scope, while the first is open,
    // would pay them again (once it is settled, a second pays the difference: payroll-run-bonus.int-spec.ts).
    const topUp = await run('2026-03', 'TOP_UP');
    expect(topUp.status).toBe(201);
    expect((await run('2026-07', 'TOP_UP')).body).toMatchObject({ code: 'PAYROLL_RUN_EXISTS', runId: topUp.body.id });
    expect((await run('2026-08', 'TOP_UP', XIHU)).body).toMatchObject({ code: 'PAYROLL_RUN_OVERLAPS', runId: topUp.body.id });
    const next = await run('2027-01', 'TOP_UP');
    expect(next.status).toBe(201);
    for (const id of [topUp.body.id, next.body.id]) expect((await t.request('POST', `/v1/runs/${id}/cancel`, { token: admin })).status).toBe(200);
  }, 240_000);

  it('pays a worker once a month, where they were on its last day: a transfer back-dated into a computed month leaves them out of the new street’s run, named; one dated later moves nothing', async () => {
    const wAdmin = workers.tokenFor(testPrincipals.cityAdmin());
    const w = await hireWorker(workers, wAdmin, { name: '调动测试', residentId: residentIdSequence(975_000)(), communityCode: `${XIHU}001001`, hireDate: '2020-03-01', bankAccount: '6225768888888888' });
    const run = async (scope: string) => (await t.request('POST', '/v1/runs', { token: admin, body: { period: '2026-05', type: 'REGULAR', scope } })).body.id as string;
    const holds = async (runId: string) => (await allSlips(runId)).find((s) => s.workerId === w.id)?.status ?? null;
    const first = await run(`${XIHU}001`);
    await computed(first);
    expect(await holds(first)).toBe('COMPUTED');
    // then recorded: transferred from 16 May, so on 31 May the worker was in the other street, whose run finds them held
    const moved = await workers.request('PATCH', `/v1/workers/${w.id}`, { token: wAdmin, body: { communityCode: `${XIHU}002001`, transferDate: '2026-05-16', version: w.version } });
    expect(moved.status).toBe(200);
    const second = await run(`${XIHU}002`);
    const view = await computed(second);
    expect(view.inputs!.inOtherRuns).toEqual({ workers: 1, workerIds: [w.id], runIds: [first] });
    expect(await holds(second)).toBeNull();
    // the first run cancelled, a recalculation of the second pays the worker there
    expect((await t.request('POST', `/v1/runs/${first}/cancel`, { token: admin })).status).toBe(200);
    expect((await t.request('POST', `/v1/runs/${second}/recalculate`, { token: admin })).status).toBe(200);
    const again = await computed(second);
    expect(again.inputs!.inOtherRuns).toBeUndefined();
    expect(await holds(second)).toBe('COMPUTED');
    // Transferred again, from today: May stays the second street's — the third street's May run does not list them.
    const today = await workers.request('PATCH', `/v1/workers/${w.id}`, { token: wAdmin, body: { communityCode: `${XIHU}003001` } });
    expect(today.status).toBe(200);
    const third = await run(`${XIHU}003`);
    const thirdView = await computed(third);
    expect(thirdView.inputs!.inOtherRuns).toBeUndefined();
    expect(await holds(third)).toBeNull();
    expect((await t.request('POST', `/v1/runs/${second}/recalculate`, { token: admin })).status).toBe(200);
    await computed(second);
    expect(await holds(second)).toBe('COMPUTED');
    for (const id of [second, third]) expect((await t.request('POST', `/v1/runs/${id}/cancel`, { token: admin })).status).toBe(200);
  }, 240_000);

  it('validates the request: period, type, scope', async () => {
    const r = await t.request('POST', '/v1/runs', { token: admin, body: { period: '2026-13', type: 'WEEKLY', scope: '12' } });
    expect(r.status).toBe(400);
    expect(r.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['period', 'scope', 'type']);
    const outside = await t.request('POST', '/v1/runs', { token: xihu, body: { period: '2026-09', type: 'REGULAR', scope: '330102' } });
    expect(outside.status).toBe(404);
  });

  it('a re-seeded schema on the same queue prefix (npm start -- --reset) still computes its runs: job ids name the run by id and creation time', async () => {
    // This suite's runs started at id 1 and their jobs are kept in Redis (completed, for a day). A payroll
    // with a fresh schema on the same queue prefix — as after `npm start -- --reset` — restarts run ids at 1.
    const prefix = t.config.queuePrefix;
    const firstId = ((await t.request('GET', '/v1/runs?limit=500', { token: admin })).body.items as Array<{ id: string }>).map((r) => Number(r.id)).sort((a, b) => a - b)[0];
    expect(firstId).toBe(1);
    // Stop the app but keep its queue keys (close() would delete them); its schema is dropped below.
    const old = t;
    await old.app.close();
    t = await startSeededPayroll({ config: testConfig('payroll', { queuePrefix: prefix }), calls: { workers } });
    await t.app.get(DataSource).query(`DROP DATABASE IF EXISTS \`${old.config.database}\``);
    const created = await t.request('POST', '/v1/runs', { token: t.tokenFor(testPrincipals.districtHr(XIHU)), body: { period: '2026-11', type: 'REGULAR' } });
    expect(created.body.id).toBe('1');
    // Before job ids carried the creation time, BullMQ found the old run 1's job id, added nothing, and this run stayed QUEUED.
    const run = await computed(created.body.id);
    expect(run.computation.state).toBe('DONE');
    expect(run.progress.done).toBeGreaterThan(100);
  }, 120_000);
});
