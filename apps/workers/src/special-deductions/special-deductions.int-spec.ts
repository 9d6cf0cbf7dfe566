import { testPrincipals, usingApp } from '@cws/testing';
import { hireWorker, residentIdSequence, startWorkersWithOrg } from '@cws/workers-testing';

const COMM = '330106001002';
const newId = residentIdSequence(985_000);

describe('special additional deductions (专项附加扣除): declarations by month, caps and clashes, the year-to-date sum in the snapshot (real MySQL)', () => {
  const app = usingApp(() => startWorkersWithOrg());

  const hire = async (hireDate = '2015-07-01') => (await hireWorker(app.t, app.tokens.xihu, { name: '李明', residentId: newId(), hireDate, communityCode: COMM })).id;
  const declare = (workerId: number, body: Record<string, unknown>, token = app.tokens.xihu) => app.t.request('POST', `/v1/workers/${workerId}/special-deductions`, { token, body });
  const listed = async (workerId: number, asOf: string) => (await app.t.request('GET', `/v1/workers/${workerId}/special-deductions?asOf=${asOf}`, { token: app.tokens.auditor })).body;

  it('records a declaration (201, audited) and sums the year through the month asked, from January or the hire month', async () => {
    const worker = await hire();
    const res = await declare(worker, { type: 'CHILD_EDUCATION', monthlyAmount: '2000.00', fromMonth: '2025-09', note: '一个子女' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ workerId: worker, type: 'CHILD_EDUCATION', monthlyAmount: '2000.00', fromMonth: '2025-09', toMonth: null, note: '一个子女', createdBy: expect.any(String) });
    expect((await declare(worker, { type: 'HOUSING_RENT', monthlyAmount: '1500.00', fromMonth: '2026-03', toMonth: '2026-04' })).status).toBe(201);
    const june = await listed(worker, '2026-06-30');
    expect(june.yearToDate).toBe('15000.00'); // 6 × 2,000 + 2 × 1,500
    expect(june.items.map((i: { type: string }) => i.type)).toEqual(['HOUSING_RENT', 'CHILD_EDUCATION']);
    const [audit] = await app.ds.query(`SELECT action FROM audit_log WHERE entity = 'special_deduction' AND entity_id = ?`, [String(res.body.id)]);
    expect(audit.action).toBe('CREATE');

    const newcomer = await hire('2026-04-10');
    await declare(newcomer, { type: 'ELDERLY_SUPPORT', monthlyAmount: '3000.00', fromMonth: '2026-01' });
    expect((await listed(newcomer, '2026-06-30')).yearToDate).toBe('9000.00'); // April–June here; January–March at the annual settlement
  });

  it('refuses more than the kind’s monthly cap and a last month before the first, naming the field', async () => {
    const worker = await hire();
    const over = await declare(worker, { type: 'HOUSING_LOAN_INTEREST', monthlyAmount: '1000.01', fromMonth: '2026-01' });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: 'SPECIAL_DEDUCTION_OVER_CAP', details: [{ path: 'monthlyAmount' }] });
    const backwards = await declare(worker, { type: 'HOUSING_RENT', monthlyAmount: '1500.00', fromMonth: '2026-05', toMonth: '2026-04' });
    expect(backwards.body).toMatchObject({ code: 'SPECIAL_DEDUCTION_ENDS_BEFORE_START', details: [{ path: 'toMonth' }] });
    const malformed = await declare(worker, { type: 'PET_CARE', monthlyAmount: '-1', fromMonth: '2026-13' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['fromMonth', 'monthlyAmount', 'type']);
    expect((await listed(worker, '2026-12-31')).items).toEqual([]);
  });

  it('refuses the same kind twice in a month and rent beside loan interest (409 naming the other); five at once give one 201', async () => {
    const worker = await hire();
    const loan = await declare(worker, { type: 'HOUSING_LOAN_INTEREST', monthlyAmount: '1000.00', fromMonth: '2026-01', toMonth: '2026-06' });
    const twice = await declare(worker, { type: 'HOUSING_LOAN_INTEREST', monthlyAmount: '1000.00', fromMonth: '2026-06' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'SPECIAL_DEDUCTION_OVERLAP', specialDeductionId: loan.body.id });
    const rent = await declare(worker, { type: 'HOUSING_RENT', monthlyAmount: '1500.00', fromMonth: '2026-03' });
    expect(rent.body).toMatchObject({ code: 'SPECIAL_DEDUCTION_EXCLUSIVE', specialDeductionId: loan.body.id });
    const laterRent = await declare(worker, { type: 'HOUSING_RENT', monthlyAmount: '1500.00', fromMonth: '2026-07' });
    expect(laterRent.status).toBe(201);
    // ending the loan later than it ended would run into the rent
    const extended = await app.t.request('POST', `/v1/special-deductions/${loan.body.id}/end`, { token: app.tokens.xihu, body: { toMonth: '2026-08' } });
    expect(extended.body).toMatchObject({ code: 'SPECIAL_DEDUCTION_EXCLUSIVE', specialDeductionId: laterRent.body.id });

    const other = await hire();
    const body = { type: 'INFANT_CARE', monthlyAmount: '2000.00', fromMonth: '2026-02' };
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => declare(other, body)))).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
  });

  it('ends one (it stops counting after its last month) and withdraws one recorded in error; both audited', async () => {
    const worker = await hire();
    const child = (await declare(worker, { type: 'CHILD_EDUCATION', monthlyAmount: '2000.00', fromMonth: '2026-01' })).body;
    const ended = await app.t.request('POST', `/v1/special-deductions/${child.id}/end`, { token: app.tokens.xihu, body: { toMonth: '2026-03' } });
    expect(ended.status).toBe(200);
    expect(ended.body.toMonth).toBe('2026-03');
    expect((await listed(worker, '2026-06-30')).yearToDate).toBe('6000.00');
    expect((await app.t.request('POST', `/v1/special-deductions/${child.id}/end`, { token: app.tokens.xihu, body: { toMonth: '2025-12' } })).body.code).toBe('SPECIAL_DEDUCTION_ENDS_BEFORE_START');
    const wrong = (await declare(worker, { type: 'CONTINUING_EDUCATION', monthlyAmount: '400.00', fromMonth: '2026-02' })).body;
    expect((await app.t.request('DELETE', `/v1/special-deductions/${wrong.id}`, { token: app.tokens.xihu })).status).toBe(204);
    expect((await listed(worker, '2026-06-30')).items.map((i: { id: number }) => i.id)).toEqual([child.id]);
    const actions = await app.ds.query(`SELECT action FROM audit_log WHERE entity = 'special_deduction' AND entity_id IN (?, ?) ORDER BY id`, [String(child.id), String(wrong.id)]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'END', 'CREATE', 'DELETE']);
  });

  it('outside the caller’s scope the worker and the declaration answer 404; read-only roles cannot write', async () => {
    const worker = await hire();
    const d = (await declare(worker, { type: 'ELDERLY_SUPPORT', monthlyAmount: '1500.00', fromMonth: '2026-01' })).body;
    expect((await app.t.request('GET', `/v1/workers/${worker}/special-deductions`, { token: app.tokens.shangcheng })).status).toBe(404);
    expect((await declare(worker, { type: 'HOUSING_RENT', monthlyAmount: '1500.00', fromMonth: '2026-01' }, app.tokens.shangcheng)).status).toBe(404);
    expect((await app.t.request('POST', `/v1/special-deductions/${d.id}/end`, { token: app.tokens.shangcheng, body: { toMonth: '2026-05' } })).status).toBe(404);
    expect((await app.t.request('DELETE', `/v1/special-deductions/${d.id}`, { token: app.tokens.shangcheng })).status).toBe(404);
    expect((await declare(worker, { type: 'HOUSING_RENT', monthlyAmount: '1500.00', fromMonth: '2026-01' }, app.tokens.auditor)).status).toBe(403);
  });

  it('gives payroll each worker’s year-to-date sum through the snapshot date’s month', async () => {
    const worker = await hire();
    await declare(worker, { type: 'CHILD_EDUCATION', monthlyAmount: '4000.00', fromMonth: '2026-02', toMonth: '2026-05' });
    const client = app.t.tokenFor(testPrincipals.client(['payroll:read']));
    const at = async (asOf: string) => {
      const res = await app.t.request('GET', `/v1/snapshots?asOf=${asOf}&scope=${COMM}&limit=5000`, { token: client });
      expect(res.status).toBe(200);
      return res.body.items as Array<{ workerId: number; specialDeductionsYtd: string }>;
    };
    expect((await at('2026-03-31')).find((i) => i.workerId === worker)?.specialDeductionsYtd).toBe('8000.00');
    const september = await at('2026-09-30');
    expect(september.find((i) => i.workerId === worker)?.specialDeductionsYtd).toBe('16000.00');
    expect(september.every((i) => /^\d+\.\d{2}$/.test(i.specialDeductionsYtd))).toBe(true);
    expect((await at('2027-01-31')).find((i) => i.workerId === worker)?.specialDeductionsYtd).toBe('0.00');
  });

  it('the year’s withholding flags: nulls by default, set and cleared by HR (audited), in the snapshot of that year only', async () => {
    const worker = await hire('2026-07-01');
    const url = `/v1/workers/${worker}/tax-years/2026`;
    expect((await app.t.request('GET', url, { token: app.tokens.auditor })).body).toMatchObject({ workerId: worker, year: 2026, firstJobOfYear: null, lowIncomeLastYear: null, updatedBy: null });
    const set = await app.t.request('PUT', url, { token: app.tokens.xihu, body: { firstJobOfYear: false, lowIncomeLastYear: null, note: '上半年在其他单位任职' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ firstJobOfYear: false, lowIncomeLastYear: null, note: '上半年在其他单位任职', updatedBy: expect.any(String) });
    const client = app.t.tokenFor(testPrincipals.client(['payroll:read']));
    const flagsAt = async (asOf: string) =>
      ((await app.t.request('GET', `/v1/snapshots?asOf=${asOf}&scope=${COMM}&limit=5000`, { token: client })).body.items as Array<{ workerId: number; taxFlags: unknown }>).find((i) => i.workerId === worker)?.taxFlags;
    expect(await flagsAt('2026-08-31')).toEqual({ firstJobOfYear: false, lowIncomeLastYear: null });
    expect(await flagsAt('2027-01-31')).toBeNull();
    expect((await app.t.request('PUT', url, { token: app.tokens.xihu, body: { firstJobOfYear: null, lowIncomeLastYear: null } })).body.firstJobOfYear).toBeNull();
    const actions = await app.ds.query(`SELECT action FROM audit_log WHERE entity = 'worker_tax_year' AND entity_id = ? ORDER BY id`, [`${worker}:2026`]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE']);

    const bad = await app.t.request('PUT', url, { token: app.tokens.xihu, body: { firstJobOfYear: 'yes', lowIncomeLastYear: null } });
    expect(bad.body).toMatchObject({ details: [{ path: 'firstJobOfYear' }] });
    expect((await app.t.request('PUT', `/v1/workers/${worker}/tax-years/1999`, { token: app.tokens.xihu, body: { firstJobOfYear: true, lowIncomeLastYear: null } })).status).toBe(400);
    expect((await app.t.request('PUT', url, { token: app.tokens.shangcheng, body: { firstJobOfYear: true, lowIncomeLastYear: null } })).status).toBe(404);
    expect((await app.t.request('PUT', url, { token: app.tokens.auditor, body: { firstJobOfYear: true, lowIncomeLastYear: null } })).status).toBe(403);
  });
});
