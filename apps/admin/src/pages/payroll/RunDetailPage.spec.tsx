import { cityToday } from '@cws/kernel';
import type { PolicyRowView, RunView } from '@cws/payroll-contracts';
import { Route as Path, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { chooseOption, click, found, json, renderApp, renderPageAs, type Route, scriptedFetch, sentBodies, textOf, typeDateInto, waitFor, xihuHr } from '../../test-utils';
import { RunDetailPage, runActions } from './RunDetailPage';
import { correctionScope } from './RunCorrection';
import { RunInputs } from './RunInputs';

const run = (patch: Partial<RunView>): RunView =>
  ({
    id: '1', period: '2026-11', type: 'REGULAR', scope: '330106', status: 'SUBMITTED', correctsRunId: null,
    progress: { done: 10, total: 10, failed: 0 },
    totals: { gross: '1.00', employeeContributions: '0.00', tax: '0.00', recoveries: '0.00', net: '1.00', employerContributions: '0.00' },
    computation: { state: 'DONE', generation: 1, startedAt: null, finishedAt: null, error: null },
    inputs: null, rejection: null, created: { by: 'xihu-hr', at: '' }, submitted: { by: 'city-admin', at: '' }, approved: null, paid: null, cancelled: null,
    ...patch,
  }) as RunView;

const R = '/api/payroll/v1/runs/1';
const finance: Me = { kind: 'user', id: 'u-fin', name: 'finance', roles: ['FINANCE'], scope: { level: 'CITY' }, permissions: [] };
const admin: Me = { ...finance, id: 'u-city', name: 'city-admin', roles: ['CITY_ADMIN'] };
const approved = run({ status: 'APPROVED', approved: { by: 'city-admin', at: '' } });
const scheduled = (payOn: string): RunView => ({ ...approved, scheduledPayment: { payOn, by: 'finance', at: '2026-12-01T01:00:00.000Z', paidOnSchedule: false } });
const refusal = (status: number, code: string, path?: string) => json(status, { code, message: 'refused', details: path ? [{ path, issue: 'refused' }] : [] });

/** The run page at /payroll/runs/1, the run answered by `current()` (a test moves it on as the service would). */
const renderRun = (me: Me, current: () => RunView, extra: Record<string, Route> = {}) =>
  renderPageAs(
    me,
    <Routes>
      <Path path="/payroll/runs/:id" element={<RunDetailPage />} />
    </Routes>,
    { [`GET ${R}`]: () => current(), [`GET ${R}/payslips`]: () => ({ items: [], nextAfter: null }), ...extra },
    '/payroll/runs/1',
  );
/** The error under the schedule dialog's date field. */
const payOnError = () => document.querySelector('[data-testid="schedule-payment-form"] #payOn')?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';

describe('runActions (four eyes in the UI; the API enforces the same)', () => {
  it('disables approval for the submitter and offers it to another approver', () => {
    expect(runActions(run({}), { name: 'city-admin', roles: ['CITY_ADMIN'] })).toMatchObject({ approve: true, approveBlockedForSubmitter: true, reject: false });
    expect(runActions(run({}), { name: 'finance', roles: ['FINANCE'] })).toMatchObject({ approve: true, approveBlockedForSubmitter: false, reject: true });
    expect(runActions(run({}), { name: 'xihu-hr', roles: ['DISTRICT_HR'] })).toMatchObject({ approve: false, reject: false });
  });

  it('lets HR submit a draft only once it is computed without failures; only finance pays', () => {
    expect(runActions(run({ status: 'DRAFT', computation: { state: 'COMPUTING', generation: 1, startedAt: null, finishedAt: null, error: null } }), { name: 'xihu-hr', roles: ['DISTRICT_HR'] })).toMatchObject({ submit: true, submitReady: false });
    expect(runActions(run({ status: 'DRAFT', progress: { done: 10, total: 10, failed: 1 } }), { name: 'xihu-hr', roles: ['DISTRICT_HR'] }).submitReady).toBe(false);
    expect(runActions(run({ status: 'DRAFT' }), { name: 'xihu-hr', roles: ['DISTRICT_HR'] }).submitReady).toBe(true);
    expect(runActions(run({ status: 'APPROVED' }), { name: 'finance', roles: ['FINANCE'] })).toMatchObject({ pay: true, schedulePayment: true, bankFiles: true });
    expect(runActions(run({ status: 'APPROVED' }), { name: 'city-admin', roles: ['CITY_ADMIN'] })).toMatchObject({ pay: false, schedulePayment: false, bankFiles: true });
    expect(runActions(run({ status: 'PAID' }), { name: 'finance', roles: ['FINANCE'] })).toMatchObject({ pay: false, schedulePayment: false });
  });

  it('offers the IIT declaration (whole resident IDs) only to the roles the API gives it: not to street HR or auditors', () => {
    const iit = (roles: string[]) => runActions(run({ status: 'PAID' }), { name: 'x', roles }).iitDeclaration;
    expect(['CITY_ADMIN', 'DISTRICT_HR', 'FINANCE'].map((r) => iit([r]))).toEqual([true, true, true]);
    expect(['STREET_HR', 'AUDITOR'].map((r) => iit([r]))).toEqual([false, false]);
  });
});

describe('RunDetailPage: pay day (预约发放)', () => {
  it('finance schedules an approved run: today by default, a past day refused in the form, the service’s PAY_DATE_TOO_FAR on the field, then the date shown', async () => {
    const today = cityToday();
    let current = approved;
    let answers = 0;
    const { calls } = renderRun(finance, () => current, {
      [`POST ${R}/schedule-payment`]: (_, init) => {
        if (++answers === 1) return refusal(400, 'PAY_DATE_TOO_FAR', 'payOn');
        return (current = scheduled(JSON.parse(String(init.body)).payOn));
      },
    });
    await click(await found('[data-testid="run-schedule-payment"]'));
    const input = (await found('[data-testid="schedule-payment-form"] #payOn')) as HTMLInputElement;
    expect(input.value).toBe(today);
    expect(textOf('schedule-payment-form')).toContain('the pay-day batch marks this run paid');

    await typeDateInto(input, '2020-01-02');
    await click(document.querySelector('[data-testid="schedule-payment-form-ok"]'));
    await waitFor(() => expect(payOnError()).toBe('The pay day cannot be before today (Beijing time)'));
    expect(sentBodies(calls, 'POST')).toEqual([]);

    await typeDateInto(input, today);
    await click(document.querySelector('[data-testid="schedule-payment-form-ok"]'));
    await waitFor(() => expect(payOnError()).toBe('The pay day can be at most 90 days ahead'));
    await click(document.querySelector('[data-testid="schedule-payment-form-ok"]'));
    await waitFor(() => expect(textOf('run-scheduled-payment')).toContain(`Pay day ${today} (set by finance)`));
    expect(sentBodies(calls, 'POST', `${R}/schedule-payment`)).toEqual([{ payOn: today }, { payOn: today }]);
    expect(textOf('run-scheduled-payment')).toContain('On the pay day the pay-day batch marks this run paid');
    // the hand payment stays beside it
    expect(document.querySelector('[data-testid="run-pay"]')).not.toBeNull();
  });

  it('取消预约 asks first, then POSTs unschedule-payment; PAYROLL_PAYMENT_NOT_SCHEDULED shows its text', async () => {
    const { calls } = renderRun(finance, () => scheduled('2026-12-15'), { [`POST ${R}/unschedule-payment`]: () => refusal(409, 'PAYROLL_PAYMENT_NOT_SCHEDULED') });
    await click(await found('[data-testid="run-unschedule-payment"]'));
    await click(await found('[data-testid="run-unschedule-payment-ok"]'));
    await waitFor(() => expect(document.body.textContent).toContain('This run has no scheduled payment'));
    expect(calls.filter((c) => c.init.method === 'POST').map((c) => c.url.pathname)).toEqual([`${R}/unschedule-payment`]);
  });

  it('a city administrator sees the schedule but no pay-day buttons; a run the batch paid says so', async () => {
    renderRun(admin, () => scheduled('2026-12-15'));
    await waitFor(() => expect(textOf('run-scheduled-payment')).toContain('Pay day 2026-12-15 (set by finance)'));
    expect(document.querySelector('[data-testid="run-schedule-payment"]')).toBeNull();
    expect(document.querySelector('[data-testid="run-unschedule-payment"]')).toBeNull();
  });

  it('a PAID run paid by the pay-day batch, or by hand before its date', async () => {
    const paid = (by: string, paidOnSchedule: boolean): RunView => {
      const run = scheduled('2026-12-15');
      return { ...run, status: 'PAID', paid: { by, at: '2026-12-14T18:00:05.000Z' }, scheduledPayment: { ...run.scheduledPayment!, paidOnSchedule } };
    };
    const first = renderRun(finance, () => paid('发放日批处理 pay-day batch', true));
    await waitFor(() => expect(textOf('run-scheduled-payment')).toBe('Paid by the pay-day batch on the scheduled pay day 2026-12-15 (scheduled by finance)'));
    expect(document.querySelector('[data-testid="run-schedule-payment"]')).toBeNull();
    first.unmount();
    renderRun(finance, () => paid('finance', false));
    await waitFor(() => expect(textOf('run-scheduled-payment')).toBe('Scheduled for 2026-12-15 (by finance); paid by hand by finance'));
  });
});

describe('RunDetailPage: 冲正重发 (a CORRECTION run of a settled regular run)', () => {
  const paid = run({ scope: null, status: 'PAID', approved: { by: 'city-admin', at: '' }, paid: { by: 'finance', at: '' } });
  const slip = (id: string, workerId: number, name: string, status: 'COMPUTED' | 'FAILED' = 'COMPUTED') => ({
    id, runId: '1', period: '2026-11', workerId, name, districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', status, slipKind: 'REGULAR',
    correctsPayslipId: null, gross: '7600.00', employeeContributions: '1580.00', tax: '65.40', net: '5954.60', employerContributions: '2300.00', flags: [],
  });
  const slips = [slip('501', 7, '张丽华'), slip('502', 8, '李明'), slip('503', 9, '王芳', 'FAILED')];
  const created = run({ id: '9', type: 'CORRECTION', status: 'DRAFT', correctsRunId: '1', submitted: null });
  const routes = {
    [`GET ${R}/payslips`]: () => ({ items: slips, nextAfter: null }),
    'POST /api/payroll/v1/runs': () => json(201, created),
    'GET /api/payroll/v1/runs/9': () => ({ ...created, inputs: { asOf: '2026-11-30', policyRowIds: [], hours: 'NONE', snapshotWorkers: 1, frozenAt: '2026-12-01T02:00:00.000Z', correction: { workerIds: [8] } } }),
    'GET /api/payroll/v1/runs/9/payslips': () => ({ items: [], nextAfter: null }),
    'GET /api/payroll/v1/payslips/502': () => ({ ...slip('502', 8, '李明'), band: 'OTHER', grade: 8, gradeSource: 'REGISTER', payer: 'HOME', recoveries: '0.00', recoveryCarried: '0.00', failure: null, taxState: null, computedAt: '2026-11-30T16:00:00Z', lines: [] }),
  };

  it('is offered to HR on an approved or paid regular run only; never on a bonus run, a draft, or to finance', () => {
    const hr = { name: 'xihu-hr', roles: ['DISTRICT_HR'] };
    expect([paid, approved].map((r) => runActions(r, hr).correct)).toEqual([true, true]);
    expect(runActions(run({ status: 'PAID', type: 'BONUS' }), hr).correct).toBe(false);
    expect(runActions(run({ status: 'DRAFT' }), hr).correct).toBe(false);
    expect(runActions(paid, { name: 'finance', roles: ['FINANCE'] }).correct).toBe(false);
  });

  it('is created for the run’s scope when the caller sees all of it, else for the caller’s (the API’s default)', () => {
    expect(correctionScope({ scope: '330106' }, admin)).toBe('330106');
    expect(correctionScope({ scope: '330106' }, xihuHr)).toBe('330106');
    expect(correctionScope({ scope: '330106001' }, xihuHr)).toBe('330106001');
    expect(correctionScope({ scope: null }, xihuHr)).toBeUndefined();
    expect(correctionScope({ scope: '330106' }, { scope: { level: 'STREET', district: '330106', street: '330106001' } })).toBeUndefined();
  });

  it('xihu-hr picks a worker among the computed slips (not the failed one), creates the run and lands on it, which names what it corrects', async () => {
    const { calls } = renderRun(xihuHr, () => paid, routes);
    await click(await found('[data-testid="run-correct"]'));
    const form = await found('[data-testid="run-correction-form"]');
    expect(textOf('run-correction-form')).toContain('An approved or paid payslip is never changed');
    await click(document.querySelector('[data-testid="run-correction-form-ok"]'));
    await waitFor(() => expect(form.querySelector('[id="workerIds_help"]')?.textContent).toBe('Required'));
    await chooseOption(form.querySelector('#workerIds')!, '李明（8）');
    const list = document.getElementById(form.querySelector('#workerIds')!.getAttribute('aria-controls')!)!.closest('.ant-select-dropdown')!;
    expect([...list.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'))).toEqual(['张丽华（7）', '李明（8）']);
    await click(document.querySelector('[data-testid="run-correction-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST')).toEqual([{ period: '2026-11', type: 'CORRECTION', correctsRunId: '1', workerIds: [8] }]));
    await waitFor(() => expect(textOf('run-corrects')).toBe('run #1, 1 workers'));
  });

  it('更正此工资条 in a slip’s drawer opens the dialog with that worker chosen', async () => {
    const { calls } = renderRun(xihuHr, () => paid, routes);
    // the register is a tree (district → street → community → worker): open the groups down to the worker
    const rowOf = (name: string) => [...document.querySelectorAll('[data-testid="run-register"] tbody tr.ant-table-row')].find((tr) => tr.textContent?.includes(name));
    await waitFor(() => expect(document.querySelector('[data-testid="run-register"] tbody tr.ant-table-row')).not.toBeNull());
    for (let depth = 0; depth < 4 && !rowOf('李明'); depth++) await click(await found('[data-testid="run-register"] .ant-table-row-expand-icon-collapsed'));
    await click(rowOf('李明'));
    await click(await found('[data-testid="payslip-correct"]'));
    await found('[data-testid="run-correction-form"]');
    await click(document.querySelector('[data-testid="run-correction-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST')).toEqual([{ period: '2026-11', type: 'CORRECTION', correctsRunId: '1', workerIds: [8] }]));
  });
});

describe('RunInputs (冻结的计算输入)', () => {
  type Inputs = NonNullable<RunView['inputs']>;
  const inputs: Inputs = { asOf: '2026-10-31', policyRowIds: ['1', '2', '3'], hours: 'SCHEDULER', snapshotWorkers: 5210, frozenAt: '2026-11-01T02:00:00.000Z' };
  const show = (calendar?: Inputs['calendar']) => {
    const { unmount } = renderApp(<RunInputs inputs={{ ...inputs, calendar }} />, { fetch: (() => undefined) as unknown as typeof fetch, locale: 'zh-CN' });
    const text = { all: textOf('run-inputs'), calendar: textOf('run-inputs-calendar') };
    unmount();
    return text;
  };

  it('shows the snapshot, the hours and the month’s 调休 the run froze', () => {
    const october = show({ source: 'SCHEDULER', restDays: ['2026-10-07', '2026-10-08'], adjustedWorkingDays: ['2026-10-10'] });
    expect(october.all).toContain('人员快照日期2026-10-31');
    expect(october.all).toContain('快照人数5,210');
    expect(october.all).toContain('排班服务发布的工时');
    expect(october.all).toContain('3 行');
    expect(october.calendar).toBe('排班服务的节假日安排调休放假：10-07、10-08调休上班：10-10');
    expect(show({ source: 'SCHEDULER', restDays: [], adjustedWorkingDays: [] }).calendar).toBe('排班服务的节假日安排本月无调休');
  });

  it('says how a month without the scheduler’s arrangement was paid, and that older runs froze none', () => {
    expect(show({ source: 'NONE', restDays: [], adjustedWorkingDays: [] }).calendar).toBe('该年未录入节假日安排，按周一至周五计薪');
    expect(show({ source: 'UNAVAILABLE', restDays: [], adjustedWorkingDays: [] }).calendar).toBe('未能读取节假日安排，按周一至周五计薪');
    expect(show(undefined).calendar).toBe('（此批次冻结时尚无）');
  });

  it('shows a bonus run’s bonus: one amount for everyone, or the per-worker list’s head count and total; a regular run shows none', () => {
    const bonusText = (bonus?: Inputs['bonus']) => {
      const { unmount } = renderApp(<RunInputs inputs={{ ...inputs, bonus }} />, { fetch: (() => undefined) as unknown as typeof fetch, locale: 'zh-CN' });
      const text = document.querySelector('[data-testid="run-inputs-bonus"]')?.textContent ?? null;
      unmount();
      return text;
    };
    expect(bonusText({ method: 'SEPARATE', amount: '36000.00' })).toBe('每人 36,000.00 元 · 单独计税（全年一次性奖金）');
    expect(bonusText({ method: 'MERGED', workers: 3, total: '23600.50' })).toBe('按人：3 人，合计 23,600.50 元 · 并入当月工资薪金计税');
    expect(bonusText(undefined)).toBeNull();
  });

  it('names the workers a regular run left out because another run of the month holds their slip', () => {
    const { unmount } = renderApp(<RunInputs inputs={{ ...inputs, inOtherRuns: { workers: 2, workerIds: [1024, 1025], runIds: ['7'] } }} />, { fetch: (() => undefined) as unknown as typeof fetch, locale: 'zh-CN' });
    expect(textOf('run-inputs-in-other-runs')).toBe('2 人本月工资已在其他月度批次（7）计发，本批次不再计发（工号 1024、1025）');
    unmount();
  });

  it('warns when the scheduler did not answer, so the run holds no roster pay', () => {
    const { unmount } = renderApp(<RunInputs inputs={{ ...inputs, hours: 'UNAVAILABLE' }} />, { fetch: (() => undefined) as unknown as typeof fetch, locale: 'zh-CN' });
    expect(textOf('run-inputs-hours')).toBe('排班服务未应答：本批次未计排班工时与加班，请待其恢复后重算');
    expect(document.querySelector('[data-testid="run-inputs-hours"]')!.classList.contains('ant-typography-warning')).toBe(true);
    unmount();
  });

  it('says which top-up result a TOP_UP run pays, how many get only the difference, and warns of workers paid more before', () => {
    const topUp = { resultId: '12', deductedWorkers: 3, overpaid: { workers: 2, workerIds: [7, 9] } };
    const { unmount } = renderApp(<RunInputs inputs={{ ...inputs, topUp }} />, { fetch: (() => undefined) as unknown as typeof fetch, locale: 'zh-CN' });
    expect(textOf('run-inputs-top-up')).toBe('按补差测算结果 #12 计发；其中 3 人已扣除本年此前已发的补差，只发差额2 人本年此前已发补差多于最新结果应补，本批次不发也不扣回，请核实（工号 7、9）');
    unmount();
  });

  it('lists the arrears a regular run cannot carry (a leaver of an earlier month), with each month and amount, claw-backs in red', () => {
    const arrearsNotCarried = { workers: 2, items: [{ workerId: 362, refPeriod: '2026-11', amount: '-2968.36' }, { workerId: 401, refPeriod: '2026-10', amount: '1422.13' }] };
    const { unmount } = renderApp(<RunInputs inputs={{ ...inputs, arrearsNotCarried }} />, { fetch: (() => undefined) as unknown as typeof fetch, locale: 'zh-CN' });
    expect(textOf('run-inputs-arrears-not-carried')).toBe(
      '2 人有追溯变动算出的补发或扣回，但不在本批次（如已离职），请对所属月份的批次做更正批次（冲正重发）：工号 362 · 2026-11 · -2,968.36 元工号 401 · 2026-10 · 1,422.13 元');
    const lines = document.querySelectorAll('[data-testid="run-inputs-arrears-not-carried"] .ant-typography');
    expect([...lines].map((l) => l.classList.contains('ant-typography-danger'))).toEqual([true, false]);
    unmount();
    const plain = renderApp(<RunInputs inputs={inputs} />, { fetch: (() => undefined) as unknown as typeof fetch, locale: 'zh-CN' });
    expect(document.querySelector('[data-testid="run-inputs"]')).not.toBeNull();
    expect(document.querySelector('[data-testid="run-inputs-arrears-not-carried"]')).toBeNull();
    plain.unmount();
  });
});

describe('RunInputs: the policy rows used (所用政策行)', () => {
  const ROWS = '/api/payroll/v1/policy/rows';
  const policyRow = (id: string, kind: PolicyRowView['kind'], key: string, data: Record<string, unknown>, over: Partial<PolicyRowView> = {}): PolicyRowView => ({
    id, kind, key, validFrom: '2026-01-01', validTo: null, sourceRef: `source of ${id}`, data, supersededBy: null, createdBy: 'seed', createdAt: '2026-01-01T00:00:00.000Z', ...over,
  });
  const pensionData = { code: 'PENSION', label: 'Pension (养老保险)', employerRate: '0.16', employeeRate: '0.08', baseFloor: '4986.00', baseCeiling: '24930.00', rounding: 'HALF_UP_FEN' };
  // the run used the 2025 pension row (superseded by 11 since) and the open overtime row; 11 and 51 are not the run's
  const oldPension = policyRow('10', 'INSURANCE', 'PENSION', { ...pensionData, baseFloor: '4462.00' }, { validFrom: '2025-01-01', validTo: '2026-11-30', supersededBy: '11' });
  const pension = policyRow('11', 'INSURANCE', 'PENSION', pensionData, { validFrom: '2026-12-01' });
  const overtime = policyRow('41', 'OVERTIME', 'DEFAULT', { hoursPerDay: 8, multipliers: { WORKDAY: '1.5', REST_DAY: '2', HOLIDAY: '3' }, hourlyBase: 'MONTHLY_WAGE' });
  const unitValue = policyRow('51', 'UNIT_VALUE', '2026', { year: 2026, unitValue: '180.00' });
  const withInputs = run({ status: 'PAID', inputs: { asOf: '2026-10-31', policyRowIds: ['41', '10', '99'], hours: 'NONE', snapshotWorkers: 12, frozenAt: '2026-11-01T02:00:00.000Z' } });

  const rowGets = (calls: Array<{ url: URL; init: RequestInit }>) => calls.filter((c) => (c.init.method ?? 'GET') === 'GET' && c.url.pathname === ROWS).map((c) => c.url.search);
  const listed = () => [...document.querySelectorAll('[data-testid="run-policy-rows"] tbody tr[data-row-key]')] as HTMLElement[];
  const rowText = (id: string) => document.querySelector(`[data-testid="run-policy-rows"] tr[data-row-key="${id}"]`)?.textContent ?? '';
  /** The listed row `id` shows each of `parts` (and none of `absent`). */
  const rowShows = (id: string, parts: string[], absent: string[] = []) => {
    for (const part of parts) expect(rowText(id)).toContain(part);
    for (const part of absent) expect(rowText(id)).not.toContain(part);
  };

  it('is not fetched before it is opened; opening fetches the history once and lists exactly the run’s rows, a superseded one marked', async () => {
    const { calls } = renderRun(finance, () => withInputs, { [`GET ${ROWS}`]: () => [oldPension, pension, overtime, unitValue] });
    await waitFor(() => expect(textOf('run-inputs-policy-rows')).toBe('3 rows · view'));
    // the run page has settled (run, payslips) and still nothing asked for the policy rows
    await waitFor(() => expect(calls.some((c) => c.url.pathname === `${R}/payslips`)).toBe(true));
    expect(rowGets(calls)).toEqual([]);

    await click(document.querySelector('[data-testid="run-inputs-policy-rows"]'));
    await waitFor(() => expect(listed().map((tr) => tr.dataset.rowKey)).toEqual(['10', '41', '99']));
    expect(rowGets(calls)).toEqual(['?history=true']);
    // neither the newer pension row nor the unit value, which the run did not use
    expect(listed().map((tr) => tr.querySelector('td')?.textContent)).toEqual(['#10', '#41', '#99']);
    expect(textOf('run-policy-rows')).not.toContain('Unit value');

    rowShows('10', ['Social insurance & housing fund', 'PENSION', 'Pension (养老保险) · 16% / 8% · 4,462.00 yuan – 24,930.00 yuan', '2025-01-01 – 2026-11-30', 'Closed', 'Superseded by #11', 'source of 10']);
    expect(listed()[0].style.color).not.toBe('');

    rowShows('41', ['Overtime', '2026-01-01 – open', 'Open'], ['Closed', 'Superseded']);
    expect(listed()[1].style.color).toBe('');

    rowShows('99', ['#99', 'Not in the policy table']);

    // closed and opened again: the list comes from the cache
    await click(document.querySelector('[data-testid="run-policy-rows-drawer"] .ant-drawer-close'));
    await click(document.querySelector('[data-testid="run-inputs-policy-rows"]'));
    await waitFor(() => expect(listed()).toHaveLength(3));
    expect(rowGets(calls)).toEqual(['?history=true']);
  });

  it('reads in Chinese: the kind, the open end 至今 and the superseded row', async () => {
    const script = scriptedFetch({ [`GET ${ROWS}`]: () => [oldPension, pension, overtime, unitValue] });
    renderApp(<RunInputs inputs={withInputs.inputs} />, { fetch: script.fetch, locale: 'zh-CN' });
    expect(textOf('run-inputs-policy-rows')).toBe('3 行 · 查看');
    await click(document.querySelector('[data-testid="run-inputs-policy-rows"]'));
    await waitFor(() => expect(listed()).toHaveLength(3));
    rowShows('10', ['社会保险与公积金', '已截止', '已被 #11 取代']);
    rowShows('41', ['加班规则', '2026-01-01 – 至今']);
    rowShows('99', ['政策表中未找到']);
    expect(rowGets(script.calls)).toEqual(['?history=true']);
  });
});
