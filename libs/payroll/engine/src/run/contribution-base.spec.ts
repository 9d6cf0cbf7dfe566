import { formatMoney, parseMoney } from '@cws/kernel';
import { defaultPolicy } from '../default-policy';
import type { PayrollPolicy } from '../policy';
import { contributionBase, contributionReferenceYear, contributionYearStart } from './contribution-base';
import type { FrozenWorker } from './frozen-inputs';
import { computePayslip, type PayslipInput } from './payslip';

const policy = defaultPolicy(2026);
/** The default policy with its pension row starting in `validFrom` (a city that switches bases in July). */
const switchingIn = (validFrom: string): PayrollPolicy => ({ ...policy, insurance: policy.insurance.map((i) => (i.code === 'PENSION' ? { ...i, validFrom } : i)) });

describe('the year whose wages set the base (DOMAIN.md §3: the switch month is the pension row’s)', () => {
  it('a January switch: every month of 2026 uses 2025', () => {
    expect(['2026-01', '2026-06', '2026-12'].map((p) => contributionReferenceYear(p, policy))).toEqual([2025, 2025, 2025]);
  });

  it('a July switch: January to June use the year before last, July on the last year', () => {
    const july = switchingIn('2025-07');
    expect(['2026-03', '2026-06', '2026-07', '2026-12'].map((p) => contributionReferenceYear(p, july))).toEqual([2024, 2024, 2025, 2025]);
  });

  it('the contribution year a month falls in starts in the switch month', () => {
    expect(['2026-03', '2026-07', '2026-12'].map((p) => contributionYearStart(p, switchingIn('2025-07')))).toEqual(['2025-07', '2026-07', '2026-07']);
    expect(contributionYearStart('2026-03', policy)).toBe('2026-01');
  });

  it('no pension row in force yet: January', () => {
    expect(contributionReferenceYear('2026-05', { ...policy, insurance: policy.insurance.filter((i) => i.code !== 'PENSION') })).toBe(2025);
  });
});

describe('the declared base', () => {
  it('the reference year’s wages over its months, to the fen, half up', () => {
    expect(contributionBase({ wagesFen: 10_000_001n, months: 3, firstFullMonthFen: 1n })).toEqual({ baseFen: 3_333_334n, source: 'PREVIOUS_YEAR_AVERAGE' });
    expect(contributionBase({ wagesFen: 10_000_000n, months: 3, firstFullMonthFen: null }).baseFen).toBe(3_333_333n);
  });

  it('a declared base wins over everything on record', () => {
    expect(contributionBase({ wagesFen: 10_000_000n, months: 3, firstFullMonthFen: null }, { baseFen: 800_000n, housingFundBaseFen: null })).toEqual({ baseFen: 800_000n, source: 'DECLARED' });
    expect(contributionBase(undefined, { baseFen: 800_000n, housingFundBaseFen: 900_000n })).toEqual({ baseFen: 800_000n, housingFundBaseFen: 900_000n, source: 'DECLARED' });
  });

  it('no month in that year: the first full month; nothing at all: this month', () => {
    expect(contributionBase({ wagesFen: 0n, months: 0, firstFullMonthFen: 612_300n })).toEqual({ baseFen: 612_300n, source: 'FIRST_FULL_MONTH' });
    expect(contributionBase({ wagesFen: 0n, months: 0, firstFullMonthFen: null })).toEqual({ baseFen: null, source: 'THIS_MONTH' });
    expect(contributionBase(undefined)).toEqual({ baseFen: null, source: 'THIS_MONTH' });
  });
});

describe('a payslip’s contributions stand on the declared base', () => {
  const worker = (over: Partial<FrozenWorker> = {}): FrozenWorker => ({
    workerId: 7, name: '张三', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', employmentType: 'FULL_TIME',
    postBand: 'OTHER', education: 'BACHELOR', hireDate: '2015-03-01', leftDate: null, qualificationLevel: null, bodiesHeld: 1, secondment: null,
    grade: 6, gradeDerived: false, bankAccountEnc: null, hours: null, ...over,
  });
  const slip = (over: Partial<PayslipInput> = {}) =>
    computePayslip({ period: '2026-07', worker: worker(), state: null, recoveryOwedFen: 0n, arrears: [], lowIncomeLastYear: false, ...over }, policy);
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
