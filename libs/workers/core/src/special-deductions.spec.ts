import { deductionClash, deductionsYearToDate, type DeductionMonths } from './special-deductions';

const child = (from: string, to: string | null = null, fen = 200_000n): DeductionMonths => ({ type: 'CHILD_EDUCATION', monthlyFen: fen, fromMonth: from, toMonth: to });

describe('deductionsYearToDate', () => {
  it('adds each covered month from January through the month asked, across declarations', () => {
    const rent: DeductionMonths = { type: 'HOUSING_RENT', monthlyFen: 150_000n, fromMonth: '2026-03', toMonth: '2026-04' };
    expect(deductionsYearToDate([child('2025-09'), rent], '2026-06', '2015-07-01')).toBe(6n * 200_000n + 2n * 150_000n);
  });

  it('counts a declaration made late from its first month (the catch-up), and nothing after its last', () => {
    expect(deductionsYearToDate([child('2026-01', '2026-02')], '2026-05', '2015-07-01')).toBe(2n * 200_000n);
    expect(deductionsYearToDate([child('2026-07')], '2026-06', '2015-07-01')).toBe(0n);
  });

  it('starts at the hire month for a worker hired this year, and is nothing before it', () => {
    expect(deductionsYearToDate([child('2025-01')], '2026-09', '2026-07-15')).toBe(3n * 200_000n);
    expect(deductionsYearToDate([child('2025-01')], '2026-06', '2026-07-15')).toBe(0n);
  });

  it('is a calendar year: last year’s months do not count', () => {
    expect(deductionsYearToDate([child('2025-01', '2025-12')], '2026-03', '2015-07-01')).toBe(0n);
  });
});

describe('deductionClash', () => {
  it('refuses the same kind twice in one month, and rent beside loan interest; other kinds stand together', () => {
    const existing = [{ ...child('2026-01', '2026-06'), id: 1 }, { id: 2, type: 'HOUSING_LOAN_INTEREST', monthlyFen: 100_000n, fromMonth: '2026-01', toMonth: null }];
    expect(deductionClash(child('2026-06'), existing)).toEqual({ code: 'SPECIAL_DEDUCTION_OVERLAP', id: 1 });
    expect(deductionClash(child('2026-07'), existing)).toBeNull();
    expect(deductionClash({ type: 'HOUSING_RENT', monthlyFen: 150_000n, fromMonth: '2027-01', toMonth: null }, existing)).toEqual({ code: 'SPECIAL_DEDUCTION_EXCLUSIVE', id: 2 });
    expect(deductionClash({ type: 'ELDERLY_SUPPORT', monthlyFen: 300_000n, fromMonth: '2026-01', toMonth: null }, existing)).toBeNull();
  });
});
