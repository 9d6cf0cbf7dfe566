import { formatMoney, parseMoney } from '@cws/kernel';
import { defaultPolicy } from './default-policy';
import { cumulativeTaxDue, cumulativeTaxable, separateBonusAllowed, separateBonusTax, withholdThisMonth } from './tax';

const policy = defaultPolicy(2025);
const due = (taxable: string) => cumulativeTaxDue(parseMoney(taxable), policy.tax);

describe('cumulative withholding', () => {
  it('reproduces the official worked example to the fen', () => {
    // 30,000 a month, employee insurance and fund 4,500, special deductions 2,000.
    let withheld = 0n;
    const taxes: string[] = [];
    for (let m = 1; m <= 3; m++) {
      const cum = {
        income: parseMoney('30000') * BigInt(m),
        taxFree: 0n,
        monthsEmployed: m,
        employeeContributions: parseMoney('4500') * BigInt(m),
        specialDeductions: parseMoney('2000') * BigInt(m),
        otherDeductions: 0n,
      };
      const w = withholdThisMonth(cum, withheld, policy.tax);
      withheld += w.tax;
      taxes.push(formatMoney(w.tax));
    }
    expect(taxes).toEqual(['555.00', '625.00', '1850.00']);
    expect(formatMoney(withheld)).toBe('3030.00');
  });

  it('computes cumulative taxable with the basic deduction per month employed', () => {
    const c = { income: 1_000_000n, taxFree: 10_000n, monthsEmployed: 2, employeeContributions: 50_000n, specialDeductions: 20_000n, otherDeductions: 5_000n };
    expect(cumulativeTaxable(c, policy.tax)).toBe(1_000_000n - 10_000n - 1_000_000n - 50_000n - 20_000n - 5_000n);
  });

  it('never withholds a negative amount (no refund during the year)', () => {
    const cum = { income: 500_000n, taxFree: 0n, monthsEmployed: 1, employeeContributions: 0n, specialDeductions: 0n, otherDeductions: 0n };
    expect(withholdThisMonth(cum, 100_000n, policy.tax).tax).toBe(0n);
    expect(cumulativeTaxDue(-123_456n, policy.tax).tax).toBe(0n);
  });

  // On the threshold the lower bracket applies (inclusive bound); one fen above, the next one.
  it.each([
    ['36000.00', '1080.00', 'IIT-CUM-1'],
    ['36000.01', '1080.00', 'IIT-CUM-2'],
    ['144000.00', '11880.00', 'IIT-CUM-2'],
    ['144000.01', '11880.00', 'IIT-CUM-3'],
    ['300000.00', '43080.00', 'IIT-CUM-3'],
    ['300000.01', '43080.00', 'IIT-CUM-4'],
    ['420000.00', '73080.00', 'IIT-CUM-4'],
    ['420000.01', '73080.00', 'IIT-CUM-5'],
    ['660000.00', '145080.00', 'IIT-CUM-5'],
    ['660000.01', '145080.00', 'IIT-CUM-6'],
    ['960000.00', '250080.00', 'IIT-CUM-6'],
    ['960000.01', '250080.00', 'IIT-CUM-7'],
    ['35999.99', '1080.00', 'IIT-CUM-1'],
    ['1000000.00', '268080.00', 'IIT-CUM-7'],
  ])('cumulative taxable %s → tax %s in %s', (taxable, tax, bracket) => {
    const r = due(taxable);
    expect(formatMoney(r.tax)).toBe(tax);
    expect(r.bracketId).toBe(bracket);
  });

  it('rounds the product half up to the fen, once', () => {
    expect(formatMoney(due('100.50').tax)).toBe('3.02'); // 3.015 → 3.02
    expect(formatMoney(due('100.49').tax)).toBe('3.01'); // 3.0147 → 3.01
    expect(formatMoney(due('36000.05').tax)).toBe('1080.01'); // 3600.005 − 2520 → 1080.005 → 1080.01
  });
});

describe('year-end bonus, separate method', () => {
  it.each([
    ['36000', '1080.00', 'IIT-BONUS-1'],
    ['36000.01', '3390.00', 'IIT-BONUS-2'], // the known "blind zone" just above a threshold
    ['144000', '14190.00', 'IIT-BONUS-2'],
    ['144000.01', '27390.00', 'IIT-BONUS-3'],
    ['1000000', '434840.00', 'IIT-BONUS-7'],
    ['0', '0.00', 'IIT-BONUS-1'],
  ])('bonus %s → tax %s', (bonus, tax, bracket) => {
    const r = separateBonusTax(parseMoney(bonus), policy.bonusTax);
    expect(formatMoney(r.tax)).toBe(tax);
    expect(r.bracketId).toBe(bracket);
  });

  it('is available until 2027-12-31 only', () => {
    expect(separateBonusAllowed(policy.bonusTax, '2027-12-31')).toBe(true);
    expect(separateBonusAllowed(policy.bonusTax, '2028-01-01')).toBe(false);
  });
});
