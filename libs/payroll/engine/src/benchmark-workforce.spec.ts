import { DomainError, parseMoney } from '@cws/kernel';
import { checkBenchmark, complianceSummary, type WorkerAnnualPay } from './benchmark';
import { cityWageTargets, countsForBenchmark, employmentInMonth, fundingRequirement } from './benchmark-workforce';
import { defaultPolicy } from './default-policy';
import type { InsuranceItem } from './policy';

const y = parseMoney;

describe('employmentInMonth: (first-day + last-day headcount) ÷ 2', () => {
  it('counts a March hire ½ in March when hired after the 1st, 1 when hired on the 1st, 0 before', () => {
    expect(employmentInMonth('2026-03-16', null, 2026, 2)).toBe(0);
    expect(employmentInMonth('2026-03-16', null, 2026, 3)).toBe(0.5);
    expect(employmentInMonth('2026-03-01', null, 2026, 3)).toBe(1);
    expect(employmentInMonth('2026-03-16', null, 2026, 4)).toBe(1);
  });

  it('counts a March leaver ½ in March, 1 when leaving on the last day, 0 after', () => {
    expect(employmentInMonth('2019-05-01', '2026-03-15', 2026, 3)).toBe(0.5);
    expect(employmentInMonth('2019-05-01', '2026-03-31', 2026, 3)).toBe(1);
    expect(employmentInMonth('2019-05-01', '2026-03-15', 2026, 4)).toBe(0);
    // Hired and gone inside February (a leap-year check on the last day too).
    expect(employmentInMonth('2028-02-03', '2028-02-20', 2028, 2)).toBe(0.5);
    expect(employmentInMonth('2028-02-01', '2028-02-29', 2028, 2)).toBe(1);
  });
});

describe('countsForBenchmark', () => {
  it('excludes seconded-in cadres and host-paid secondees; counts home-paid secondees', () => {
    expect(countsForBenchmark({ secondedIn: false, secondedOutPaidBy: null })).toBe(true);
    expect(countsForBenchmark({ secondedIn: true, secondedOutPaidBy: null })).toBe(false);
    expect(countsForBenchmark({ secondedIn: false, secondedOutPaidBy: 'HOME' })).toBe(true);
    expect(countsForBenchmark({ secondedIn: false, secondedOutPaidBy: 'HOST' })).toBe(false);
  });
});

describe('half months in the average', () => {
  it('a March leaver with 2.5 months is averaged over 2.5 months, not 12 (counter-example to the frozen 1 January workforce)', () => {
    const stayer = { id: 's', district: 'D', street: 'S', segments: [], fixedAnnualFen: y('120000.00'), headcountMonths: 12 };
    const leaver = { id: 'l', district: 'D', street: 'S', segments: [], fixedAnnualFen: y('25000.00'), headcountMonths: 2.5 };
    const t = { cityAverageLastYearFen: y('120000.00'), cityAverageTwoYearsAgoFen: y('100000.00'), communityAverageLastYearFen: y('100000.00') };
    const r = checkBenchmark([stayer, leaver], 0n, t);
    // 12 × 145,000 ÷ 14.5 = 120,000.00: exactly the level. Counting the leaver 12 months would give 72,500.00.
    expect(r.monthsEmployed).toBe(14.5);
    expect(r.averageFen).toBe(y('120000.00'));
    expect(r.meetsLevel).toBe(true);
    expect(() => checkBenchmark([{ ...leaver, headcountMonths: 2.25 }], 0n, t)).toThrow(/steps of ½/);
  });
});

describe('compliance tests growth as well as the level', () => {
  const pay = (id: string, annual: string, district: string): WorkerAnnualPay => ({ id, district, street: `${district}1`, monthsEmployed: 12, annualPayFen: y(annual) });
  // W(Y−1) = 105,000, W(Y−2) = 100,000: the city grew 5 %.
  const growth = (last: Record<string, string>) => ({ cityAverageLastYearFen: y('105000.00'), cityAverageTwoYearsAgoFen: y('100000.00'), lastYearAverageFen: (g: string) => (last[g] ? y(last[g]) : null) });

  it('a district above the level but growing slower than the city is not compliant (counter-example)', () => {
    const [a, b] = complianceSummary([pay('1', '110000.00', 'A'), pay('2', '110000.00', 'B')], y('105000.00'), 'DISTRICT', growth({ A: '100000.00', B: '106000.00' }));
    expect(a).toMatchObject({ group: 'A', meetsBenchmark: true, meetsGrowth: true, shortfallFen: 0n });
    // B: 110,000 ÷ 106,000 − 1 = 3.8 % < 5 %. To grow 5 % it needs 111,300.00: 1,300.00 more.
    expect(b).toMatchObject({ group: 'B', meetsBenchmark: true, meetsGrowth: false, lastYearAverageFen: y('106000.00') });
    expect(b.shortfallFen).toBe(y('1300.00'));
  });

  it('without a growth base the growth test is not made (null) and the shortfall is the level', () => {
    const [g] = complianceSummary([pay('1', '100000.00', 'A')], y('105000.00'), 'DISTRICT', growth({}));
    expect(g.meetsGrowth).toBeNull();
    expect(g.shortfallFen).toBe(y('5000.00'));
  });
});

describe('cityWageTargets', () => {
  const w = (year: number, annual: string, caliber: 'URBAN_NON_PRIVATE' | 'ALL_IN_POST') => ({ id: `W${year}`, source: 'test', year, annualFen: y(annual), caliber });

  it('returns W(Y−1) and W(Y−2) of one caliber', () => {
    const t = cityWageTargets([w(2024, '100000.00', 'ALL_IN_POST'), w(2025, '105000.00', 'ALL_IN_POST')], 2026);
    expect([t.lastYear.annualFen, t.twoYearsAgo.annualFen]).toEqual([y('105000.00'), y('100000.00')]);
  });

  it('refuses W(Y−1) of another statistical caliber than W(Y−2), naming the row (422)', () => {
    try {
      cityWageTargets([w(2024, '100000.00', 'URBAN_NON_PRIVATE'), w(2025, '90000.00', 'ALL_IN_POST')], 2026);
      throw new Error('expected a refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('CITY_WAGE_CALIBER_MISMATCH');
      expect((e as DomainError).details).toEqual([{ path: 'CITY_WAGE:2025.caliber', issue: 'ALL_IN_POST differs from CITY_WAGE:2024 (URBAN_NON_PRIVATE)' }]);
    }
  });

  it('names a missing year', () => {
    expect(() => cityWageTargets([w(2025, '105000.00', 'ALL_IN_POST')], 2026)).toThrow(/CITY_WAGE:2024/);
  });
});

describe('fundingRequirement (核定)', () => {
  const item = (id: string, validFrom: string, employerRate: string): InsuranceItem => ({
    id, source: 'test', code: 'PENSION', label: 'Pension', validFrom, employerRate, employeeRate: '0.08', baseFloorFen: 0n, baseCeilingFen: y('99999999.00'), rounding: 'HALF_UP_FEN',
  });

  it('headcount × (W(Y−1) + employer contributions on W(Y−1)/12), rates switching mid-year', () => {
    const policy = { ...defaultPolicy(2026), insurance: [item('P1', '2026-01', '0.16'), item('P2', '2026-07', '0.20')] };
    // Monthly base 10,000.00: employer 1,600.00 Jan–Jun, 2,000.00 Jul–Dec → 21,600.00 a year per head.
    const [a, b] = fundingRequirement([{ key: 'A', monthsEmployed: 18 }, { key: 'B', monthsEmployed: 10.5 }], policy, y('120000.00'));
    expect(a).toEqual({ key: 'A', monthsEmployed: 18, headcount: '1.50', wagesFen: y('180000.00'), employerContributionsFen: y('32400.00'), requirementFen: y('212400.00') });
    expect(b).toMatchObject({ headcount: '0.88', wagesFen: y('105000.00'), employerContributionsFen: y('18900.00'), requirementFen: y('123900.00') });
  });

  it('clamps the base to the item floor', () => {
    const policy = { ...defaultPolicy(2026), insurance: [{ ...item('P1', '2026-01', '0.10'), baseFloorFen: y('20000.00') }] };
    const [a] = fundingRequirement([{ key: 'A', monthsEmployed: 12 }], policy, y('120000.00'));
    expect(a.employerContributionsFen).toBe(y('24000.00'));
  });
});
