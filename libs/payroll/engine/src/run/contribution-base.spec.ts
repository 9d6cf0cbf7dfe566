import { defaultPolicy } from '../default-policy';
import type { PayrollPolicy } from '../policy';
import { parseMoney } from '@cws/kernel';
import { contributionBase, contributionReferenceYear, contributionYearStart, type SettledWage, wageRecordOf } from './contribution-base';

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

  it('a pension row that names its switch month keeps it: a rate change in May does not move a July year', () => {
    const july = switchingIn('2025-07');
    const pension = july.insurance.find((i) => i.code === 'PENSION')!;
    // May 2026: a new pension row with a lower employer rate, the bases as they were since July 2025.
    const rateChange = { ...july, insurance: [...july.insurance, { ...pension, id: 'PENSION-2026-05', validFrom: '2026-05', employerRate: '0.14', switchMonth: 7 }] };
    expect(['2026-04', '2026-05', '2026-06', '2026-07'].map((p) => contributionYearStart(p, rateChange))).toEqual(['2025-07', '2025-07', '2025-07', '2026-07']);
    expect(contributionReferenceYear('2026-05', rateChange)).toBe(2024);
    // Without it, the rate change would start a contribution year in May.
    const { switchMonth: _, ...unnamed } = rateChange.insurance.at(-1)!;
    expect(contributionYearStart('2026-05', { ...july, insurance: [...july.insurance, unnamed] })).toBe('2026-05');
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

const slip = (period: string, gross: string, over: Partial<SettledWage> = {}): SettledWage => ({
  period, runType: 'REGULAR', slipKind: 'REGULAR', payer: 'HOME', proRated: false, gross, ...over,
});

describe('wageRecordOf: the wages a contribution base is averaged from (DOMAIN.md §3)', () => {
  it('the reference year: every settled gross, over the months with a regular slip paid here', () => {
    const history = [
      slip('2025-03', '5000.00', { proRated: true }), // a pro-rated month still counts as a month
      slip('2025-04', '6000.00'),
      slip('2025-05', '0.00', { payer: 'HOST' }), // a month a host paid: no month here
      slip('2025-12', '12000.00', { runType: 'BONUS' }), // the bonus is wages, not a month
      slip('2025-04', '-6000.00', { runType: 'CORRECTION', slipKind: 'REVERSAL' }), // a correction nets out …
      slip('2025-04', '6500.00', { runType: 'CORRECTION', slipKind: 'REISSUE' }), // … to the re-issued gross
      slip('2024-12', '9999.99'), // another year
      slip('2026-01', '7000.00'),
    ];
    expect(wageRecordOf(history, 2025, '2026-02')).toEqual({ wagesFen: parseMoney('23500.00'), months: 2, firstFullMonthFen: null });
  });

  it('a newcomer: the earliest full month after the reference year and before the period', () => {
    const history = [
      slip('2026-02', '6100.00'),
      slip('2026-01', '3000.00', { proRated: true }), // the hiring month, pro-rated: not full
      slip('2026-03', '6200.00'),
      slip('2026-01', '800.00', { runType: 'BONUS' }),
    ];
    expect(wageRecordOf(history, 2025, '2026-04')).toEqual({ wagesFen: 0n, months: 0, firstFullMonthFen: parseMoney('6100.00') });
    // A correction of February re-issues from what came before February: no full month yet.
    expect(wageRecordOf(history, 2025, '2026-02').firstFullMonthFen).toBeNull();
    expect(wageRecordOf([], 2025, '2026-04')).toEqual({ wagesFen: 0n, months: 0, firstFullMonthFen: null });
  });
});
