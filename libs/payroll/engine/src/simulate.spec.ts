import fc from 'fast-check';
import { DomainError, parseMoney } from '@cws/kernel';
import { type SimulationMonth, type SimulationRequest, simulateYear, validateSimulationRequest } from './simulate';

const month = (m: number, over: Partial<SimulationMonth> = {}): SimulationMonth => ({
  month: m,
  gross: '30000',
  employeeInsurance: '4500',
  specialDeductions: '2000',
  taxFree: '0',
  otherDeductions: '0',
  ...over,
});

describe('simulateYear', () => {
  it('reproduces the official worked example', () => {
    const r = simulateYear({ year: 2025, months: [month(1), month(2), month(3)] });
    expect(r.months).toEqual([
      { month: 1, cumulativeTaxable: '18500.00', tax: '555.00', cumulativeTax: '555.00' },
      { month: 2, cumulativeTaxable: '37000.00', tax: '625.00', cumulativeTax: '1180.00' },
      { month: 3, cumulativeTaxable: '55500.00', tax: '1850.00', cumulativeTax: '3030.00' },
    ]);
    expect(r.totalTax).toBe('3030.00');
    expect(r.bonusTax).toBeUndefined();
  });

  it('taxes a separate bonus of 36,000 at 1,080', () => {
    const r = simulateYear({ year: 2025, months: [month(1)], bonus: { amount: '36000', method: 'SEPARATE' } });
    expect(r.bonusTax).toBe('1080.00');
    expect(r.totalTax).toBe('1635.00');
  });

  it('adds a merged bonus to the last listed month and reports the extra tax it causes', () => {
    const months = [month(1, { gross: '10000', employeeInsurance: '0', specialDeductions: '0' }), month(2, { gross: '10000', employeeInsurance: '0', specialDeductions: '0' })];
    const r = simulateYear({ year: 2025, months, bonus: { amount: '36000', method: 'MERGED' } });
    // Cumulative taxable Feb: 20000 + 36000 − 10000 = 46000 → 46000 × 10 % − 2520 = 2080; Jan withheld 150.
    expect(r.months[1]).toEqual({ month: 2, cumulativeTaxable: '46000.00', tax: '1930.00', cumulativeTax: '2080.00' });
    expect(r.bonusTax).toBe('1780.00'); // without the bonus Feb would be 150
    expect(r.totalTax).toBe('2080.00');
  });

  it('counts the basic deduction only for months employed (mid-year hire)', () => {
    const r = simulateYear({ year: 2025, months: [month(7, { gross: '20000', employeeInsurance: '0', specialDeductions: '0' }), month(8, { gross: '20000', employeeInsurance: '0', specialDeductions: '0' })] });
    expect(r.months.map((m) => m.cumulativeTaxable)).toEqual(['15000.00', '30000.00']);
    expect(r.months.map((m) => m.tax)).toEqual(['450.00', '450.00']);
  });

  it('shows zero taxable income when deductions exceed income, and treats optional fields as 0', () => {
    const r = simulateYear({ year: 2025, months: [{ month: 1, gross: '4000' }] });
    expect(r.months[0]).toEqual({ month: 1, cumulativeTaxable: '0.00', tax: '0.00', cumulativeTax: '0.00' });
  });

  it('throws a validation error listing every problem', () => {
    try {
      simulateYear({ year: 2025, months: [month(2, { gross: 'abc' }), month(1)] });
      throw new Error('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('SIMULATION_INVALID');
      expect((e as DomainError).details.map((d) => d.path)).toEqual(['months[0].gross', 'months[1].month']);
    }
  });

  it('never gives negative tax and never lowers cumulative tax (property)', () => {
    const amount = fc.integer({ min: 0, max: 20_000_000 }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`);
    const months = fc
      .uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 12 })
      .chain((ms) => fc.tuple(...[...ms].sort((a, b) => a - b).map((m) => fc.record({ month: fc.constant(m), gross: amount, employeeInsurance: amount, specialDeductions: amount, taxFree: amount, otherDeductions: amount }))));
    fc.assert(
      fc.property(months, (ms) => {
        const r = simulateYear({ year: 2025, months: ms });
        let previous = 0n;
        for (const m of r.months) {
          expect(parseMoney(m.tax) >= 0n).toBe(true);
          const cum = parseMoney(m.cumulativeTax);
          expect(cum).toBe(previous + parseMoney(m.tax));
          expect(cum >= previous).toBe(true);
          previous = cum;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateSimulationRequest', () => {
  const valid: SimulationRequest = { year: 2025, months: [month(1), month(2)] };

  it('accepts a valid request', () => {
    expect(validateSimulationRequest(valid)).toEqual([]);
  });

  it.each<[string, unknown, string, RegExp, string]>([
    ['non-numeric amount', { ...valid, months: [month(1), month(2, { gross: '12,000' })] }, 'months[1].gross', /number/, 'AMOUNT_NOT_A_NUMBER'],
    ['negative amount', { ...valid, months: [month(1, { employeeInsurance: '-1' })] }, 'months[0].employeeInsurance', /negative/, 'AMOUNT_NEGATIVE'],
    ['more than two decimals', { ...valid, months: [month(1, { specialDeductions: '1.234' })] }, 'months[0].specialDeductions', /two decimal/, 'AMOUNT_TOO_MANY_DECIMALS'],
    ['amount not a string', { ...valid, months: [{ ...month(1), taxFree: 12 }] }, 'months[0].taxFree', /decimal string/, 'AMOUNT_NOT_A_STRING'],
    ['missing gross', { ...valid, months: [{ month: 1 }] }, 'months[0].gross', /required/, 'AMOUNT_REQUIRED'],
    ['repeated month', { ...valid, months: [month(1), month(3), month(3)] }, 'months[2].month', /repeated/, 'MONTH_REPEATED'],
    ['out of order', { ...valid, months: [month(4), month(2)] }, 'months[1].month', /ascending/, 'MONTHS_OUT_OF_ORDER'],
    ['month 0', { ...valid, months: [month(0)] }, 'months[0].month', /1 to 12/, 'MONTH_INVALID'],
    ['month 13', { ...valid, months: [month(13)] }, 'months[0].month', /1 to 12/, 'MONTH_INVALID'],
    ['fractional month', { ...valid, months: [month(1.5)] }, 'months[0].month', /1 to 12/, 'MONTH_INVALID'],
    ['no months', { ...valid, months: [] }, 'months', /at least one/, 'MONTHS_EMPTY'],
    ['bad year', { ...valid, year: 2018 }, 'year', /2019/, 'YEAR_INVALID'],
    ['bad bonus method', { ...valid, bonus: { amount: '100', method: 'LATER' } }, 'bonus.method', /SEPARATE or MERGED/, 'BONUS_METHOD_INVALID'],
    ['bad bonus amount', { ...valid, bonus: { amount: '1.001', method: 'MERGED' } }, 'bonus.amount', /two decimal/, 'AMOUNT_TOO_MANY_DECIMALS'],
    ['separate bonus after 2027', { year: 2028, months: [month(1)], bonus: { amount: '100', method: 'SEPARATE' } }, 'bonus.method', /2027-12-31/, 'BONUS_SEPARATE_EXPIRED'],
  ])('reports %s', (_name, request, path, issue, code) => {
    const errors = validateSimulationRequest(request);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe(path);
    expect(errors[0].issue).toMatch(issue);
    expect(errors[0].code).toBe(code);
  });

  it('reports several problems at once and rejects non-objects', () => {
    expect(validateSimulationRequest({ year: 'x', months: [month(1, { gross: '' }), 'oops'] }).map((e) => e.path)).toEqual(['year', 'months[0].gross', 'months[1]']);
    expect(validateSimulationRequest(null)).toEqual([{ path: '', issue: expect.any(String), code: 'REQUEST_NOT_AN_OBJECT' }]);
  });
});
