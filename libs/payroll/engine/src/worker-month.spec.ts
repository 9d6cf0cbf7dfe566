import fc from 'fast-check';
import { DomainError, type Fen, formatMoney, parseMoney } from '@cws/kernel';
import { defaultPolicy } from './default-policy';
import type { InsuranceItem, PayrollPolicy } from './policy';
import { simulateYear } from './simulate';
import { type LineKind, type WorkerMonthInput, type WorkerMonthResult, type YtdState, computeWorkerMonth, emptyYtd } from './worker-month';

// Unit value 5,000 元 per point, so grade 6 (coefficient 1.50) has a 7,500.00 monthly base.
const base2025 = defaultPolicy(2025);
const policy: PayrollPolicy = { ...base2025, payScale: { ...base2025.payScale, unitValueFen: parseMoney('5000') } };

const input = (over: Partial<WorkerMonthInput> = {}): WorkerMonthInput => ({
  workerId: 'W1',
  year: 2025,
  month: 3,
  band: 'OTHER',
  grade: 6,
  serviceStartDate: '2022-09-01',
  contributionBaseFen: parseMoney('7500'),
  ...over,
});

const amount = (r: WorkerMonthResult, kind: LineKind, code: string): string | undefined => {
  const line = r.lines.find((l) => l.kind === kind && l.code === code);
  return line && formatMoney(line.amount);
};

const sumKind = (r: WorkerMonthResult, kind: LineKind): Fen => r.lines.filter((l) => l.kind === kind).reduce((a, l) => a + l.amount, 0n);

describe('computeWorkerMonth', () => {
  it('pays coefficient × unit value and cites the grade row', () => {
    const r = computeWorkerMonth(input(), policy);
    const baseLine = r.lines.find((l) => l.code === 'BASE')!;
    expect(formatMoney(baseLine.amount)).toBe('7500.00');
    expect(baseLine.policyRowId).toBe('2025-GRADE-06');
    expect(baseLine.rule).toBe('GRADE_COEFFICIENT_X_UNIT_VALUE');
    expect(r.gross).toBe(parseMoney('7500'));
    for (const l of r.lines) expect(l).toEqual(expect.objectContaining({ code: expect.any(String), label: expect.any(String), rule: expect.any(String) }));
  });

  it('computes each contribution on the declared base when it is inside the limits', () => {
    const r = computeWorkerMonth(input(), policy);
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'PENSION')).toBe('600.00');
    expect(amount(r, 'EMPLOYER_CONTRIBUTION', 'PENSION')).toBe('1200.00');
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'MEDICAL')).toBe('150.00');
    expect(amount(r, 'EMPLOYER_CONTRIBUTION', 'MEDICAL')).toBe('712.50');
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'UNEMPLOYMENT')).toBe('37.50');
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'WORK_INJURY')).toBeUndefined(); // employee rate 0: no line
    expect(amount(r, 'EMPLOYER_CONTRIBUTION', 'WORK_INJURY')).toBe('15.00');
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'HOUSING_FUND')).toBe('900.00');
    expect(formatMoney(r.employeeContributions)).toBe('1687.50');
    // Jan–Mar are not computed here: this is the first month at this employer, so one 5,000 deduction.
    expect(formatMoney(r.withholding.cumulativeTaxable)).toBe('812.50');
    expect(formatMoney(r.tax)).toBe('24.38'); // 812.50 × 3 % = 24.375 → 24.38
  });

  it('clamps the base at the floor', () => {
    // 2025 demo floor 5,059.80; housing fund floor 2,490.
    const r = computeWorkerMonth(input({ contributionBaseFen: parseMoney('3000') }), policy);
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'PENSION')).toBe('404.78'); // 5059.80 × 8 % = 404.784
    expect(amount(r, 'EMPLOYER_CONTRIBUTION', 'PENSION')).toBe('809.57'); // × 16 % = 809.568
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'HOUSING_FUND')).toBe('360.00'); // 3000 is above the fund floor
    const low = computeWorkerMonth(input({ contributionBaseFen: parseMoney('2000') }), policy);
    expect(amount(low, 'EMPLOYEE_CONTRIBUTION', 'HOUSING_FUND')).toBe('298.80'); // 2490 × 12 %
  });

  it('clamps the base at the ceiling', () => {
    // 2025 ceiling 25,299 (reported); housing fund ceiling 3 × W(2024)/12 = 41,794.25.
    const r = computeWorkerMonth(input({ contributionBaseFen: parseMoney('30000'), housingFundBaseFen: parseMoney('50000') }), policy);
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'PENSION')).toBe('2023.92');
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'MEDICAL')).toBe('505.98');
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'HOUSING_FUND')).toBe('5015.31'); // 41794.25 × 12 % = 5015.31
    const at = computeWorkerMonth(input({ contributionBaseFen: parseMoney('25299') }), policy);
    expect(amount(at, 'EMPLOYEE_CONTRIBUTION', 'PENSION')).toBe('2023.92');
  });

  it('rounds a contribution by the rule of its row', () => {
    const yuanFund: PayrollPolicy = {
      ...policy,
      insurance: policy.insurance.map((i) => (i.code === 'HOUSING_FUND' ? { ...i, rounding: 'HALF_UP_YUAN' as const } : i)),
    };
    const r = computeWorkerMonth(input({ contributionBaseFen: parseMoney('7512.34') }), yuanFund);
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'HOUSING_FUND')).toBe('901.00'); // 901.4808 → 901
    expect(amount(r, 'EMPLOYEE_CONTRIBUTION', 'PENSION')).toBe('600.99'); // 600.9872 → 600.99 (fen rule)
  });

  it('switches to a new insurance row at its valid_from month', () => {
    const july: InsuranceItem = { ...policy.insurance[0], id: '2025-07-INS-PENSION', validFrom: '2025-07', baseCeilingFen: parseMoney('20000') };
    const p: PayrollPolicy = { ...policy, insurance: [...policy.insurance, july] };
    const before = computeWorkerMonth(input({ month: 6, contributionBaseFen: parseMoney('30000') }), p);
    const after = computeWorkerMonth(input({ month: 7, contributionBaseFen: parseMoney('30000') }), p);
    expect(amount(before, 'EMPLOYEE_CONTRIBUTION', 'PENSION')).toBe('2023.92');
    expect(amount(after, 'EMPLOYEE_CONTRIBUTION', 'PENSION')).toBe('1600.00');
    expect(after.lines.find((l) => l.code === 'PENSION')!.policyRowId).toBe('2025-07-INS-PENSION');
  });

  describe('pro-rating a partial month', () => {
    it('divides by 21.75 on the standard-days basis, allowances included', () => {
      const r = computeWorkerMonth(input({ attendance: { workedDays: '10', scheduledDays: 22 }, qualificationLevel: 'SOCIAL_WORKER', shifts: 2 }), policy);
      expect(amount(r, 'EARNING', 'BASE')).toBe('3448.28'); // 7500 × 10 / 21.75 = 3448.2758…
      expect(amount(r, 'EARNING', 'QUALIFICATION')).toBe('183.91'); // 400 × 10 / 21.75 = 183.908…
      expect(amount(r, 'EARNING', 'SHIFT')).toBe('100.00'); // per shift worked, not pro-rated
      expect(r.lines.find((l) => l.code === 'BASE')!.rule).toBe('GRADE_COEFFICIENT_X_UNIT_VALUE_PRO_RATED');
    });

    it('divides by the scheduled days on that basis', () => {
      const p: PayrollPolicy = { ...policy, proRating: { ...policy.proRating, basis: 'SCHEDULED_DAYS' } };
      const r = computeWorkerMonth(input({ attendance: { workedDays: '10.5', scheduledDays: 22 } }), p);
      expect(amount(r, 'EARNING', 'BASE')).toBe('3579.55'); // 7500 × 10.5 / 22 = 3579.545…
    });

    it('pays a full month when every scheduled day, or at least 21.75 days, is worked', () => {
      expect(amount(computeWorkerMonth(input({ attendance: { workedDays: '23', scheduledDays: 23 } }), policy), 'EARNING', 'BASE')).toBe('7500.00');
      expect(amount(computeWorkerMonth(input({ attendance: { workedDays: '22', scheduledDays: 23 } }), policy), 'EARNING', 'BASE')).toBe('7500.00');
      expect(amount(computeWorkerMonth(input({ attendance: { workedDays: '21.5', scheduledDays: 23 } }), policy), 'EARNING', 'BASE')).toBe('7413.79');
    });
  });

  it('pays overtime at 150/200/300 % of the monthly wage ÷ 21.75 ÷ 8 with one rounding per line', () => {
    const r = computeWorkerMonth(
      input({ overtime: [{ kind: 'WORKDAY', hours: '10' }, { kind: 'REST_DAY', hours: '4' }, { kind: 'HOLIDAY', hours: '8' }], attendance: { workedDays: '10', scheduledDays: 22 } }),
      policy,
    );
    expect(amount(r, 'EARNING', 'OVERTIME_WORKDAY')).toBe('646.55'); // 7500 × 1.5 × 10 / 174 = 646.5517
    expect(amount(r, 'EARNING', 'OVERTIME_REST_DAY')).toBe('344.83'); // 7500 × 2 × 4 / 174 = 344.8275
    expect(amount(r, 'EARNING', 'OVERTIME_HOLIDAY')).toBe('1034.48'); // 7500 × 3 × 8 / 174 = 1034.4827
    expect(r.lines.find((l) => l.code === 'OVERTIME_HOLIDAY')!.policyRowId).toBe('2025-OVERTIME');
    expect(r.warnings).toEqual([]);
    const heavy = computeWorkerMonth(input({ overtime: [{ kind: 'WORKDAY', hours: '30' }, { kind: 'HOLIDAY', hours: '6.5' }] }), policy);
    expect(heavy.warnings).toEqual(['OVERTIME_OVER_36_HOURS']);
  });

  it('takes the overtime hourly rate from the monthly wage: base pay and the monthly allowances as for a full month, not shift pay or one-off awards', () => {
    const worker: Partial<WorkerMonthInput> = {
      month: 6, serviceStartDate: '2010-06-30', continuousServiceStartDate: '2005-06-01', qualificationLevel: 'ASSISTANT', extraBodies: 3, secondedIn: true, shifts: 10,
      overtime: [{ kind: 'WORKDAY', hours: '10' }],
    };
    expect(policy.overtime.hourlyBase).toBe('MONTHLY_WAGE');
    const full = computeWorkerMonth(input(worker), policy);
    expect(amount(full, 'EARNING', 'SHIFT')).toBeDefined();
    expect(amount(full, 'EARNING', 'SERVICE_AWARD_20Y')).toBe('5000.00');
    // 7,500 base + 200 qualification + 500 long service + 400 cross-appointment + 300 seconded-in = 8,900.
    expect(amount(full, 'EARNING', 'OVERTIME_WORKDAY')).toBe('767.24'); // 8900 × 1.5 × 10 / 174 = 767.2413
    expect(full.lines.find((l) => l.code === 'OVERTIME_WORKDAY')!.rule).toBe('MONTHLY_WAGE_DIV_21_75_DIV_8_X_MULTIPLIER');
    // A pro-rated month pays the same hourly rate.
    const part = computeWorkerMonth(input({ ...worker, attendance: { workedDays: '10', scheduledDays: 22 } }), policy);
    expect(amount(part, 'EARNING', 'QUALIFICATION')).not.toBe('200.00');
    expect(amount(part, 'EARNING', 'OVERTIME_WORKDAY')).toBe('767.24');
    // A BASE_PAY row, and a row from before the field, take base pay alone: 7500 × 1.5 × 10 / 174 = 646.5517.
    const { hourlyBase: _, ...before } = policy.overtime;
    for (const overtime of [{ ...policy.overtime, hourlyBase: 'BASE_PAY' as const }, before]) {
      const r = computeWorkerMonth(input(worker), { ...policy, overtime });
      expect(amount(r, 'EARNING', 'OVERTIME_WORKDAY')).toBe('646.55');
      expect(r.lines.find((l) => l.code === 'OVERTIME_WORKDAY')!.rule).toBe('BASE_DIV_21_75_DIV_8_X_MULTIPLIER');
    }
  });

  it('pays the allowances by their rules', () => {
    const r = computeWorkerMonth(
      input({ month: 6, serviceStartDate: '2010-06-30', continuousServiceStartDate: '2005-06-01', qualificationLevel: 'ASSISTANT', extraBodies: 3, secondedIn: true }),
      policy,
    );
    expect(amount(r, 'EARNING', 'QUALIFICATION')).toBe('200.00');
    expect(amount(r, 'EARNING', 'LONG_SERVICE')).toBe('500.00'); // 15 years completed on 30 June
    expect(r.lines.find((l) => l.code === 'LONG_SERVICE')!.policyRowId).toBe('2025-ALW-LONG-15Y');
    expect(amount(r, 'EARNING', 'CROSS_APPOINTMENT')).toBe('400.00'); // capped at 2 bodies
    expect(r.warnings).toContain('EXTRA_BODIES_CAPPED');
    expect(amount(r, 'EARNING', 'SECONDED_IN')).toBe('300.00');
    expect(amount(r, 'EARNING', 'SERVICE_AWARD_20Y')).toBe('5000.00'); // 20 years on 1 June 2025
    const may = computeWorkerMonth(input({ month: 5, serviceStartDate: '2010-06-30', continuousServiceStartDate: '2005-06-01' }), policy);
    expect(amount(may, 'EARNING', 'LONG_SERVICE')).toBe('400.00');
    expect(amount(may, 'EARNING', 'SERVICE_AWARD_20Y')).toBeUndefined();
  });

  it('adds arrears as given, including recoveries', () => {
    const r = computeWorkerMonth(input({ arrears: [{ ref: 'RUN-2025-01#W1', label: 'January grade correction', amountFen: 30_000n }, { ref: 'X', label: 'Overpaid', amountFen: -10_000n }] }), policy);
    expect(r.gross).toBe(parseMoney('7700'));
    expect(r.lines.filter((l) => l.code === 'ARREARS').map((l) => l.policyRowId)).toEqual([null, null]);
  });

  it('taxes a year-end bonus separately or merged', () => {
    const ytd = { ...emptyYtd(2025), lastMonth: 11, monthsEmployed: 11 };
    const sep = computeWorkerMonth(input({ month: 12, bonus: { amountFen: parseMoney('36000'), method: 'SEPARATE' } }), policy, ytd);
    expect(amount(sep, 'TAX', 'IIT_BONUS')).toBe('1080.00');
    expect(sep.ytd.income).toBe(parseMoney('7500')); // the bonus stays out of cumulative income
    expect(sep.ytd.separateBonusTax).toBe(parseMoney('1080'));
    const merged = computeWorkerMonth(input({ month: 12, bonus: { amountFen: parseMoney('36000'), method: 'MERGED' } }), policy, ytd);
    expect(amount(merged, 'TAX', 'IIT_BONUS')).toBeUndefined();
    expect(merged.ytd.income).toBe(parseMoney('43500'));
    for (const r of [sep, merged]) expect(r.net + r.employeeContributions + r.tax).toBe(r.gross);
  });

  it('carries year-to-date state so withholding matches the simulator', () => {
    let ytd: YtdState = emptyYtd(2025);
    const months = [];
    const taxes: string[] = [];
    for (let m = 4; m <= 12; m++) {
      const r = computeWorkerMonth(input({ month: m, grade: 12, contributionBaseFen: parseMoney('12000'), specialDeductionsFen: parseMoney('2000'), overtime: m % 3 ? [] : [{ kind: 'REST_DAY', hours: '16' }] }), policy, ytd);
      ytd = r.ytd;
      taxes.push(formatMoney(r.tax));
      months.push({ month: m, gross: formatMoney(r.gross), employeeInsurance: formatMoney(r.employeeContributions), specialDeductions: '2000', taxFree: '0', otherDeductions: '0' });
    }
    expect(ytd.monthsEmployed).toBe(9);
    const sim = simulateYear({ year: 2025, months });
    expect(sim.months.map((m) => m.tax)).toEqual(taxes);
    expect(formatMoney(ytd.taxWithheld)).toBe(sim.months[sim.months.length - 1].cumulativeTax);
  });

  it.each([
    [input({ grade: 13 }), 'GRADE_OUT_OF_BAND', 'grade'],
    [input({ band: 'HEAD', grade: 6 }), 'GRADE_OUT_OF_BAND', 'grade'],
    [input({ year: 2024 }), 'POLICY_YEAR_MISMATCH', 'year'],
    [input({ month: 13 }), 'MONTH_INVALID', 'month'],
    [input({ qualificationLevel: 'ASTRONAUT' }), 'QUALIFICATION_UNKNOWN', 'qualificationLevel'],
    [input({ shifts: -2 }), 'COUNT_INVALID', 'shifts'],
    [input({ extraBodies: 1.5 }), 'COUNT_INVALID', 'extraBodies'],
    [input({ overtime: [{ kind: 'WORKDAY', hours: '-3' }] }), 'DECIMAL_INVALID', 'overtime.hours'],
    [input({ attendance: { workedDays: 'ten', scheduledDays: 22 } }), 'DECIMAL_INVALID', 'attendance.workedDays'],
    [input({ attendance: { workedDays: '10', scheduledDays: 0 } }), 'ATTENDANCE_INVALID', 'attendance.scheduledDays'],
  ])('rejects bad input with a coded error (%#)', (bad, code, path) => {
    try {
      computeWorkerMonth(bad, policy);
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe(code);
      expect((e as DomainError).details[0].path).toBe(path);
    }
  });

  it('refuses to compute a month that is not after the last one in the YTD state', () => {
    const first = computeWorkerMonth(input({ month: 3 }), policy);
    expect(() => computeWorkerMonth(input({ month: 3 }), policy, first.ytd)).toThrow(/not after/);
    expect(() => computeWorkerMonth(input({ month: 2 }), policy, first.ytd)).toThrow(DomainError);
  });

  it('refuses the separate bonus method after 2027', () => {
    const p2028 = defaultPolicy(2028);
    expect(() => computeWorkerMonth(input({ year: 2028, month: 12, bonus: { amountFen: 100n, method: 'SEPARATE' } }), p2028)).toThrow(/ended on 2027-12-31/);
  });
});

describe('computeWorkerMonth properties', () => {
  const decimal = (max: number) => fc.integer({ min: 0, max }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`);
  const monthInput = fc.record({
    grade: fc.integer({ min: 1, max: 12 }),
    contributionBaseFen: fc.bigInt({ min: 0n, max: 5_000_000n }),
    specialDeductionsFen: fc.bigInt({ min: 0n, max: 1_000_000n }),
    workedDays: fc.option(fc.integer({ min: 0, max: 46 }).map((h) => (h % 2 ? `${(h - 1) / 2}.5` : `${h / 2}`))),
    overtime: fc.array(fc.record({ kind: fc.constantFrom('WORKDAY' as const, 'REST_DAY' as const, 'HOLIDAY' as const), hours: decimal(1600) }), { maxLength: 3 }),
    arrears: fc.array(fc.bigInt({ min: -500_000n, max: 2_000_000n }), { maxLength: 2 }),
    qualificationLevel: fc.constantFrom(null, 'ASSISTANT', 'SOCIAL_WORKER'),
    shifts: fc.integer({ min: 0, max: 30 }),
    bonus: fc.option(fc.record({ amountFen: fc.bigInt({ min: 0n, max: 50_000_000n }), method: fc.constantFrom('SEPARATE' as const, 'MERGED' as const) })),
  });

  it('net + employee contributions + tax = gross to the fen; tax ≥ 0; cumulative tax never decreases', () => {
    fc.assert(
      fc.property(fc.array(monthInput, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (months, startMonth) => {
        let ytd = emptyYtd(2025);
        let previousCumulative = 0n;
        months.slice(0, 13 - startMonth).forEach((m, i) => {
          const r = computeWorkerMonth(
            input({
              month: startMonth + i,
              grade: m.grade,
              contributionBaseFen: m.contributionBaseFen,
              specialDeductionsFen: m.specialDeductionsFen,
              attendance: m.workedDays === null ? undefined : { workedDays: m.workedDays, scheduledDays: 22 },
              overtime: m.overtime,
              arrears: m.arrears.map((a, k) => ({ ref: `A${k}`, label: 'arrears', amountFen: a })),
              qualificationLevel: m.qualificationLevel,
              shifts: m.shifts,
              bonus: m.bonus ?? undefined,
            }),
            policy,
            ytd,
          );
          expect(r.net + r.employeeContributions + r.tax).toBe(r.gross);
          expect(sumKind(r, 'EARNING')).toBe(r.gross);
          expect(sumKind(r, 'EMPLOYEE_CONTRIBUTION')).toBe(r.employeeContributions);
          expect(sumKind(r, 'TAX')).toBe(r.tax);
          expect(r.tax >= 0n).toBe(true);
          expect(r.ytd.taxWithheld >= previousCumulative).toBe(true);
          previousCumulative = r.ytd.taxWithheld;
          ytd = r.ytd;
        });
      }),
      { numRuns: 300 },
    );
  });
});
