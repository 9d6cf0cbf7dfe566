import { formatMoney, parseMoney, type Fen } from '@cws/kernel';
import { defaultPolicy } from '../default-policy';
import { computeWorkerMonth, emptyYtd, type WorkerMonthInput, type YtdState } from '../worker-month';
import type { FrozenWorker } from './frozen-inputs';
import { computePayslip, type PayslipInput } from './payslip';
import { attendanceFor } from './pro-rating';
import { decodeTaxState, encodeTaxState, initialTaxState, taxStateFromJson, taxStateToJson, type RunTaxState } from './tax-state';

const policy = defaultPolicy(2026);

const worker = (over: Partial<FrozenWorker> = {}): FrozenWorker => ({
  workerId: 7, name: '张三', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', employmentType: 'FULL_TIME',
  postBand: 'OTHER', education: 'BACHELOR', hireDate: '2015-03-01', leftDate: null, qualificationLevel: null, bodiesHeld: 1, secondment: null,
  grade: 6, gradeDerived: false, bankAccountEnc: null, hours: null, ...over,
});

const slip = (over: Partial<PayslipInput> = {}) =>
  computePayslip({ period: '2026-07', worker: worker(), state: null, recoveryOwedFen: 0n, arrears: [], lowIncomeLastYear: false, ...over }, policy);

const earning = (s: ReturnType<typeof slip>, code: string) => s.lines.find((l) => l.kind === 'EARNING' && l.code === code);

describe('the annual bonus is taxed separately at most once per worker per calendar year', () => {
  const month = (m: number, over: Partial<WorkerMonthInput> = {}): WorkerMonthInput => ({
    workerId: '1', year: 2026, month: m, band: 'OTHER', grade: 3, serviceStartDate: '2024-01-01', contributionBaseFen: parseMoney('5000'), ...over,
  });

  it('36,000 in March and again in December: 1,080.00 + 903.54 when December’s cumulative taxable before the bonus is −5,882.04', () => {
    // A year at low pay; December's special deduction (or an extra earning) is set so that the
    // cumulative taxable income before the bonus is exactly −5,882.04 (the counter-example of the issue).
    let ytd: YtdState = emptyYtd(2026);
    for (let m = 1; m <= 11; m++) ytd = computeWorkerMonth(month(m, m === 3 ? { bonus: { amountFen: parseMoney('36000'), method: 'SEPARATE' } } : {}), policy, ytd).ytd;
    expect(formatMoney(ytd.separateBonusTax)).toBe('1080.00');
    expect(ytd.separateBonusUsed).toBe(true);
    const probe = computeWorkerMonth(month(12), policy, ytd);
    const taxableBefore = probe.withholding.cumulativeTaxable;
    const diff: Fen = taxableBefore - parseMoney('-5882.04', { allowNegative: true });
    const tune: Partial<WorkerMonthInput> = diff >= 0n ? { specialDeductionsFen: diff } : { arrears: [{ ref: 'tune', label: 'tune', amountFen: -diff }] };
    const dec = computeWorkerMonth(month(12, { ...tune, bonus: { amountFen: parseMoney('36000'), method: 'SEPARATE' } }), policy, ytd);
    expect(formatMoney(dec.withholding.cumulativeTaxable)).toBe('30117.96');
    // No second separate taxation: merged into December's wages, and the line says why.
    expect(dec.lines.find((l) => l.code === 'IIT_BONUS')).toBeUndefined();
    expect(dec.lines.find((l) => l.code === 'YEAR_END_BONUS')?.rule).toBe('BONUS_MERGED_SEPARATE_ALREADY_USED');
    expect(formatMoney(dec.tax)).toBe('903.54');
    expect(formatMoney(dec.ytd.separateBonusTax + dec.ytd.taxWithheld)).toBe('1983.54');
    expect(dec.net + dec.employeeContributions + dec.tax).toBe(dec.gross);
  });

  it('the first bonus of a year is still taxed separately (1,080.00 on 36,000)', () => {
    const r = computeWorkerMonth(month(12, { bonus: { amountFen: parseMoney('36000'), method: 'SEPARATE' } }), policy, { ...emptyYtd(2026), lastMonth: 11, monthsEmployed: 11 });
    expect(r.lines.find((l) => l.code === 'IIT_BONUS')?.amount).toBe(parseMoney('1080'));
    expect(r.ytd.separateBonusUsed).toBe(true);
  });
});

describe('tax-state flags (DOMAIN.md §4)', () => {
  it('a July first-job starter on 12,000 withholds 0.00: the basic deduction counts from January', () => {
    const hire = worker({ hireDate: '2026-07-01', grade: 12, postBand: 'OTHER' });
    const s = slip({ worker: hire, state: initialTaxState(2026, { firstJobOfYear: true, lowIncomeLastYear: false }) });
    expect(s.taxState.monthsEmployed).toBe(7);
    // Gross made exactly 12,000 with an extra earning line, then:
    // 12,000 in July: 12,000 − contributions − 7 × 5,000 < 0 → 0.00; without the flag (one deduction of 5,000) it is taxed.
    const first = computePayslip({ period: '2026-07', worker: hire, state: null, recoveryOwedFen: 0n, arrears: [{ refPeriod: '2026-07', amountFen: parseMoney('12000') - earningsOf(hire) }], lowIncomeLastYear: false }, policy);
    expect(first.gross).toBe(parseMoney('12000'));
    expect(first.taxState.firstJobOfYear).toBe(true);
    expect(formatMoney(first.tax)).toBe('0.00');
    const notFirst = computePayslip({ period: '2026-07', worker: hire, state: initialTaxState(2026, { firstJobOfYear: false, lowIncomeLastYear: false }), recoveryOwedFen: 0n, arrears: [{ refPeriod: '2026-07', amountFen: parseMoney('12000') - earningsOf(hire) }], lowIncomeLastYear: false }, policy);
    expect(notFirst.tax).toBeGreaterThan(0n);
  });

  it('a flag HR set in the register wins over the default: a July hire who worked elsewhere earlier is no first job', () => {
    const hire = worker({ hireDate: '2026-07-01', grade: 12, postBand: 'OTHER' });
    const topUp = [{ refPeriod: '2026-07', amountFen: parseMoney('12000') - earningsOf(hire) }];
    const july = (w: FrozenWorker) => computePayslip({ period: '2026-07', worker: w, state: null, recoveryOwedFen: 0n, arrears: topUp, lowIncomeLastYear: false }, policy);
    const byDefault = july(hire);
    const declared = july({ ...hire, taxFlags: { firstJobOfYear: false, lowIncomeLastYear: null } });
    expect([byDefault.taxState.firstJobOfYear, declared.taxState.firstJobOfYear]).toEqual([true, false]);
    expect(declared.taxState.monthsEmployed).toBe(1);
    expect(formatMoney(byDefault.tax)).toBe('0.00');
    expect(declared.tax).toBeGreaterThan(0n);
    // null leaves the default alone
    expect(july({ ...hire, taxFlags: { firstJobOfYear: null, lowIncomeLastYear: null } }).taxState).toEqual(byDefault.taxState);
  });

  it('a flag set mid-year applies from that slip: August re-reads the year without the January deductions, and withholds the difference', () => {
    const hire = worker({ hireDate: '2026-07-01', grade: 12, postBand: 'OTHER' });
    const topUp = (p: string) => [{ refPeriod: p, amountFen: parseMoney('12000') - earningsOf(hire) }];
    const july = computePayslip({ period: '2026-07', worker: hire, state: null, recoveryOwedFen: 0n, arrears: topUp('2026-07'), lowIncomeLastYear: false }, policy);
    const august = (w: FrozenWorker) => computePayslip({ period: '2026-08', worker: w, state: july.taxState, recoveryOwedFen: 0n, arrears: topUp('2026-08'), lowIncomeLastYear: false }, policy);
    const asBefore = august(hire);
    const corrected = august({ ...hire, taxFlags: { firstJobOfYear: false, lowIncomeLastYear: null } });
    expect(asBefore.taxState.monthsEmployed).toBe(8);
    expect(corrected.taxState.monthsEmployed).toBe(2); // July and August paid here
    expect(corrected.tax).toBeGreaterThan(asBefore.tax);
    expect(corrected.taxState.firstJobOfYear).toBe(false);
  });

  it('≤ 60,000 last year: 60,000 is deducted from January, so nothing is withheld until income passes it', () => {
    const s = slip({ period: '2026-01', lowIncomeLastYear: true });
    expect(s.taxState.lowIncomeLastYear).toBe(true);
    expect(s.taxState.monthsEmployed).toBe(12);
    expect(formatMoney(s.tax)).toBe('0.00');
    const next = slip({ period: '2026-02', state: s.taxState });
    expect(next.taxState.monthsEmployed).toBe(12);
  });

  it('round-trips through its JSON form and its stored form', () => {
    const s = slip({ lowIncomeLastYear: true }).taxState;
    expect(taxStateFromJson(taxStateToJson(s))).toEqual(s);
    expect(decodeTaxState(encodeTaxState(s))).toEqual(s);
    expect(encodeTaxState(s).length * 2).toBeLessThan(JSON.stringify(taxStateToJson(s)).length);
  });
});

function earningsOf(w: FrozenWorker): Fen {
  return computePayslip({ period: '2026-07', worker: w, state: null, recoveryOwedFen: 0n, arrears: [], lowIncomeLastYear: false }, policy).gross;
}

describe('who is paid and how much', () => {
  it('pro-rates a hire and a leaver by working days', () => {
    expect(attendanceFor('2026-03', '2020-01-01', null)).toBeNull();
    // March 2026: 22 weekdays; hired Monday 16 March → 12 weekdays.
    expect(attendanceFor('2026-03', '2026-03-16', null)).toEqual({ workedDays: '12', scheduledDays: 22 });
    // Left Friday 13 March → 10 weekdays.
    expect(attendanceFor('2026-03', '2020-01-01', '2026-03-13')).toEqual({ workedDays: '10', scheduledDays: 22 });
    const full = slip({ period: '2026-03' });
    const hire = slip({ period: '2026-03', worker: worker({ hireDate: '2026-03-16' }) });
    expect(hire.flags).toContain('PRO_RATED');
    expect(earning(hire, 'BASE')!.amount).toBeLessThan(earning(full, 'BASE')!.amount);
    expect(earning(hire, 'BASE')!.rule).toMatch(/PRO_RATED/);
  });

  it('counts paid working days by the holiday calendar: 调休 rest days are not paid, adjusted working days are, weekday holidays stay paid', () => {
    // The 2026 National Day break (the demo arrangement): holidays 1–3 October (Thu–Sat), rest days moved to
    // Mon–Wed 5–7 October, and Saturday 10 October worked; Sunday 20 September worked as well.
    const calendar = { restDays: ['2026-10-05', '2026-10-06', '2026-10-07', '2026-05-04'], adjustedWorkingDays: ['2026-09-20', '2026-10-10'] };
    // October: 22 weekdays − 3 rest days + 1 Saturday worked = 20. Hired Thursday 8 October: 17 weekdays + the 10th = 18.
    expect(attendanceFor('2026-10', '2026-10-08', null, [], calendar)).toEqual({ workedDays: '18', scheduledDays: 20 });
    expect(attendanceFor('2026-10', '2026-10-08', null)).toEqual({ workedDays: '17', scheduledDays: 22 });
    // Left Friday 9 October: the 1st, 2nd (holidays on weekdays, paid), 8th and 9th — the 5th to 7th are rest days.
    expect(attendanceFor('2026-10', '2020-01-01', '2026-10-09', [], calendar)).toEqual({ workedDays: '4', scheduledDays: 20 });
    // September: 22 weekdays + Sunday the 20th; another month's dates change nothing in it.
    expect(attendanceFor('2026-09', '2026-09-21', null, [], calendar)).toEqual({ workedDays: '8', scheduledDays: 23 });
    expect(attendanceFor('2026-10', '2020-01-01', null, [], calendar)).toBeNull();
    // A host paying the rest days only: home still pays the whole month (nothing of it was paid elsewhere).
    expect(attendanceFor('2026-10', '2020-01-01', null, [{ from: '2026-10-05', to: '2026-10-07' }], calendar)).toBeNull();
    // The slip takes the calendar it is given, and none means plain weekdays.
    const hire = worker({ hireDate: '2026-10-08' });
    const withCalendar = slip({ period: '2026-10', worker: hire, calendar });
    const without = slip({ period: '2026-10', worker: hire });
    expect(earning(withCalendar, 'BASE')!.amount).not.toBe(earning(without, 'BASE')!.amount);
    expect(earning(slip({ period: '2026-10', worker: hire, calendar: null }), 'BASE')!.amount).toBe(earning(without, 'BASE')!.amount);
  });

  it('pays a seconded-out worker only when home pays; a seconded-in cadre gets only the subsidy', () => {
    const host = slip({ worker: worker({ secondment: { direction: 'OUT', payer: 'HOST', from: '2026-01-01', to: null } }) });
    expect(host).toMatchObject({ payer: 'HOST', gross: 0n, net: 0n, flags: ['SECONDED_OUT_HOST_PAYS'] });
    const home = slip({ worker: worker({ secondment: { direction: 'OUT', payer: 'HOME', from: '2026-01-01', to: null } }) });
    expect(home.gross).toBe(slip().gross);
    const cadre = slip({ worker: worker({ employmentType: 'SECONDED_IN' }) });
    expect(cadre.lines.filter((l) => l.kind === 'EARNING').map((l) => l.code)).toEqual(['SECONDED_IN']);
    expect(cadre.employeeContributions).toBe(0n);
    expect(cadre.flags).toContain('SECONDED_IN_SUBSIDY_ONLY');
  });

  it('a secondment whose host pays for part of the month: home pays the other working days, not the whole month nor none', () => {
    // March 2026: 22 weekdays. Host pays from Tuesday 10 March (16 weekdays), or until Friday 20 March (15).
    expect(attendanceFor('2026-03', '2020-01-01', null, [{ from: '2026-03-10', to: '2026-03-31' }])).toEqual({ workedDays: '6', scheduledDays: 22 });
    expect(attendanceFor('2026-03', '2020-01-01', null, [{ from: '2026-03-01', to: '2026-03-20' }])).toEqual({ workedDays: '7', scheduledDays: 22 });
    expect(attendanceFor('2026-03', '2020-01-01', null, [{ from: '2026-03-07', to: '2026-03-08' }])).toBeNull(); // a weekend only
    const full = slip({ period: '2026-03' });
    const starting = slip({ period: '2026-03', worker: worker({ secondment: { direction: 'OUT', payer: 'HOST', from: '2026-03-10', to: null }, hostPaidInMonth: [{ from: '2026-03-10', to: '2026-03-31' }] }) });
    const ended = slip({ period: '2026-03', worker: worker({ secondment: null, hostPaidInMonth: [{ from: '2026-03-01', to: '2026-03-20' }] }) });
    for (const part of [starting, ended]) {
      expect(part.payer).toBe('HOME');
      expect(part.flags).toEqual(expect.arrayContaining(['PRO_RATED', 'SECONDED_OUT_PART_MONTH']));
      expect(earning(part, 'BASE')!.amount).toBeGreaterThan(0n);
      expect(earning(part, 'BASE')!.amount).toBeLessThan(earning(full, 'BASE')!.amount);
    }
    // before, the last day decided: `starting` was paid nothing for 1–9 March, `ended` paid in full though the host paid to the 20th
    const whole = slip({ period: '2026-03', worker: worker({ hostPaidInMonth: [{ from: '2026-03-01', to: '2026-03-31' }] }) });
    expect(whole).toMatchObject({ payer: 'HOST', gross: 0n, flags: ['SECONDED_OUT_HOST_PAYS'] });
  });

  it('derives a grade only when the register has none, and says so on the base line', () => {
    const derived = slip({ worker: worker({ grade: null }) });
    expect(derived.gradeSource).toBe('DERIVED');
    expect(derived.flags).toContain('GRADE_DERIVED');
    expect(earning(derived, 'BASE')!.derived).toBe(true);
    const recorded = slip();
    expect(recorded.gradeSource).toBe('REGISTER');
    expect(earning(recorded, 'BASE')!.derived).toBeUndefined();
  });

  it('never pays a negative net: a claw-back larger than the pay is carried to the next run, flagged', () => {
    const normal = slip();
    const big = normal.gross + parseMoney('1000');
    const s = slip({ arrears: [{ refPeriod: '2026-05', amountFen: -big }] });
    expect(s.net).toBe(0n);
    expect(s.flags).toContain('RECOVERY_CARRIED');
    const carried = s.lines.find((l) => l.code === 'RECOVERY_CARRIED')!;
    expect(carried.kind).toBe('INFO');
    expect(carried.amount).toBe(s.recoveryCarried);
    expect(s.recoveryCarried).toBe(-(s.gross - s.employeeContributions - s.tax));
    expect(s.lines.find((l) => l.code === 'ARREARS')?.refPeriod).toBe('2026-05');
    // The next run recovers it from net pay, up to the net.
    const next = slip({ period: '2026-08', state: s.taxState as RunTaxState, recoveryOwedFen: s.recoveryCarried });
    const before = next.gross - next.employeeContributions - next.tax;
    expect(next.recoveries).toBe(s.recoveryCarried < before ? s.recoveryCarried : before);
    expect(next.net).toBe(before - next.recoveries);
    expect(next.net).toBeGreaterThanOrEqual(0n);
  });
});

describe('special additional deductions (专项附加扣除) from the register’s year-to-date sum', () => {
  const high = worker({ grade: 18, postBand: 'HEAD' });
  /** `extraFen` a month (an arrears line) lifts the pay into real tax. */
  const run = (months: number, ytdOf: (m: number) => bigint | undefined, extraFen = 0n) => {
    let state: RunTaxState | null = null;
    let out!: ReturnType<typeof slip>;
    for (let m = 1; m <= months; m++) {
      const fen = ytdOf(m);
      const arrears = extraFen ? [{ refPeriod: '2025-12', amountFen: extraFen }] : [];
      out = slip({ period: `2026-${String(m).padStart(2, '0')}`, worker: { ...high, specialDeductionsYtdFen: fen === undefined ? undefined : String(fen) }, state, arrears });
      state = out.taxState;
    }
    return out;
  };

  it('subtracts them from cumulative taxable income: less tax than with none, by the bracket rate', () => {
    const none = run(3, () => 0n);
    const child = run(3, (m) => BigInt(m) * 200_000n);
    expect(child.taxState.specialDeductions).toBe(600_000n);
    expect(none.taxState.taxWithheld - child.taxState.taxWithheld).toBe((600_000n * 3n) / 100n); // 3 % of 6,000 in the first bracket
  });

  it('a declaration made in March back to January catches up in March: the year-to-date tax as if declared in time, unless more was withheld already (refunded at the annual settlement, not in the year)', () => {
    const late = run(3, (m) => (m < 3 ? 0n : 600_000n));
    const inTime = run(3, (m) => BigInt(m) * 200_000n);
    const lateUntilFebruary = run(2, () => 0n);
    expect(late.taxState.specialDeductions).toBe(600_000n);
    const expected = inTime.taxState.taxWithheld > lateUntilFebruary.taxState.taxWithheld ? inTime.taxState.taxWithheld : lateUntilFebruary.taxState.taxWithheld;
    expect(late.taxState.taxWithheld).toBe(expected);
    expect(late.tax).toBe(expected - lateUntilFebruary.taxState.taxWithheld);
  });

  it('on a higher pay the March catch-up withholds exactly the in-time year-to-date tax', () => {
    const extra = 2_000_000n; // 20,000 a month
    const late = run(3, (m) => (m < 3 ? 0n : 600_000n), extra);
    const inTime = run(3, (m) => BigInt(m) * 200_000n, extra);
    expect(late.taxState.taxWithheld).toBe(inTime.taxState.taxWithheld);
    expect(late.tax).toBeLessThan(inTime.tax); // March withholds less: January and February withheld more
  });

  it('a run frozen before deductions were read (no field) changes nothing', () => {
    expect(run(2, () => undefined).taxState.specialDeductions).toBe(0n);
  });
});

describe('a payslip’s contributions stand on the declared base', () => {
  const line = (s: ReturnType<typeof slip>, kind: string, code: string) => s.lines.find((l) => l.kind === kind && l.code === code);
  const pension = policy.insurance.find((i) => i.code === 'PENSION')!;

  it('last year’s average: pension 8 % of it, and the slip shows the base and where it came from', () => {
    // 2025: twelve months and a bonus, 90,000.06 in all → 7,500.01 a month (7,500.005 rounds half up).
    const s = slip({ wages: { wagesFen: parseMoney('90000.06'), months: 12, firstFullMonthFen: null } });
    expect(line(s, 'INFO', 'CONTRIBUTION_BASE')).toMatchObject({ amount: parseMoney('7500.01'), rule: 'BASE_PREVIOUS_YEAR_AVERAGE' });
    expect(formatMoney(line(s, 'EMPLOYEE_CONTRIBUTION', 'PENSION')!.amount)).toBe('600.00'); // 7,500.01 × 8 % = 600.0008
    expect(formatMoney(line(s, 'EMPLOYER_CONTRIBUTION', 'PENSION')!.amount)).toBe('1200.00');
    // Not the month's own gross: the base is last year's, whatever this month pays.
    expect(s.gross).not.toBe(parseMoney('7500.01'));
  });

  it('an average above the ceiling and below the floor is clamped per item', () => {
    const high = slip({ wages: { wagesFen: pension.baseCeilingFen * 12n + 1_200n, months: 12, firstFullMonthFen: null } });
    expect(line(high, 'EMPLOYEE_CONTRIBUTION', 'PENSION')!.amount).toBe((pension.baseCeilingFen * 8n + 50n) / 100n);
    const low = slip({ wages: { wagesFen: 100_000n, months: 10, firstFullMonthFen: null } });
    expect(line(low, 'EMPLOYEE_CONTRIBUTION', 'PENSION')!.amount).toBe((pension.baseFloorFen * 8n + 50n) / 100n);
  });

  it('a newcomer’s first full month on record is their base', () => {
    const s = slip({ wages: { wagesFen: 0n, months: 0, firstFullMonthFen: parseMoney('6123.45') } });
    expect(line(s, 'INFO', 'CONTRIBUTION_BASE')).toMatchObject({ amount: parseMoney('6123.45'), rule: 'BASE_FIRST_FULL_MONTH' });
    expect(formatMoney(line(s, 'EMPLOYEE_CONTRIBUTION', 'PENSION')!.amount)).toBe('489.88'); // 489.876
  });

  it('nothing on record: a full month’s own gross, and for a mid-month hire the month as if worked in full', () => {
    const full = slip();
    expect(line(full, 'INFO', 'CONTRIBUTION_BASE')).toMatchObject({ amount: full.gross, rule: 'BASE_THIS_MONTH' });
    const newcomer = worker({ hireDate: '2026-07-16' });
    const july = slip({ worker: newcomer });
    const august = slip({ worker: newcomer, period: '2026-08' });
    expect(july.flags).toContain('PRO_RATED');
    expect(july.gross).toBeLessThan(august.gross);
    expect(line(july, 'INFO', 'CONTRIBUTION_BASE')!.amount).toBe(august.gross);
    expect(line(july, 'EMPLOYEE_CONTRIBUTION', 'PENSION')!.amount).toBe(line(august, 'EMPLOYEE_CONTRIBUTION', 'PENSION')!.amount);
  });

  it('arrears paid this month are not part of this month’s wage', () => {
    const plain = slip();
    const withArrears = slip({ arrears: [{ refPeriod: '2026-05', amountFen: parseMoney('800.00') }] });
    expect(withArrears.gross).toBe(plain.gross + parseMoney('800.00'));
    expect(line(withArrears, 'INFO', 'CONTRIBUTION_BASE')!.amount).toBe(plain.gross);
  });

  it('a declared base, with the housing fund’s own: each item on its base, both shown', () => {
    const s = slip({ wages: { wagesFen: parseMoney('90000.06'), months: 12, firstFullMonthFen: null }, declaredBase: { baseFen: parseMoney('8000.00'), housingFundBaseFen: parseMoney('9000.00') } });
    expect(line(s, 'INFO', 'CONTRIBUTION_BASE')).toMatchObject({ amount: parseMoney('8000.00'), rule: 'BASE_DECLARED' });
    expect(line(s, 'INFO', 'HOUSING_FUND_BASE')).toMatchObject({ amount: parseMoney('9000.00'), rule: 'BASE_DECLARED' });
    expect(formatMoney(line(s, 'EMPLOYEE_CONTRIBUTION', 'PENSION')!.amount)).toBe('640.00');
    expect(formatMoney(line(s, 'EMPLOYEE_CONTRIBUTION', 'HOUSING_FUND')!.amount)).toBe('1080.00'); // 12 % of 9,000 (within its ceiling)
    expect(line(slip({ declaredBase: { baseFen: parseMoney('8000.00'), housingFundBaseFen: null } }), 'INFO', 'HOUSING_FUND_BASE')).toBeUndefined();
  });
});
