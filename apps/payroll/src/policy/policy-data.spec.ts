import { validateData } from './policy.service';

const pension = { code: 'PENSION', label: 'Pension (养老保险)', employerRate: '0.16', employeeRate: '0.08', baseFloor: '4986.00', baseCeiling: '24930.00', rounding: 'HALF_UP_FEN' };
const refusal = async (run: Promise<unknown>) => {
  const err = (await run.then(() => null, (e: unknown) => e)) as { getResponse(): { details: Array<{ path: string }> } } | null;
  return err?.getResponse().details.map((d) => d.path) ?? [];
};

describe('policy row bodies: rates are shares from 0 to 1', () => {
  it('accepts 0, 1 and a share with up to six places', async () => {
    for (const rate of ['0', '0.08', '0.005', '0.123456', '1', '1.00']) {
      await expect(validateData('INSURANCE', { ...pension, employeeRate: rate }, '2026-07-01')).resolves.toBeUndefined();
    }
  });

  it('refuses a percentage typed as a whole number ("8" for 8 %) and anything over 1, naming the field', async () => {
    for (const rate of ['8', '1.5', '16.00', '-0.08', '0.1234567']) {
      expect(await refusal(validateData('INSURANCE', { ...pension, employerRate: rate }, '2026-07-01'))).toEqual(['data.employerRate']);
    }
    const brackets = [{ upTo: '36000.00', rate: '3', quickDeduction: '0.00' }, { upTo: null, rate: '0.10', quickDeduction: '2520.00' }];
    expect(await refusal(validateData('TAX_TABLE', { basicDeductionMonthly: '5000.00', brackets }, '2026-01-01'))).toEqual(['data.brackets[0].rate']);
  });
});

describe('OVERTIME rows: what the hourly rate is taken from', () => {
  const overtime = { hoursPerDay: 8, multipliers: { WORKDAY: '1.5', REST_DAY: '2', HOLIDAY: '3' } };

  it('accepts MONTHLY_WAGE, BASE_PAY, or no hourlyBase (a row written before the field: base pay)', async () => {
    for (const data of [{ ...overtime, hourlyBase: 'MONTHLY_WAGE' }, { ...overtime, hourlyBase: 'BASE_PAY' }, overtime]) {
      await expect(validateData('OVERTIME', data, '2027-01-01')).resolves.toBeUndefined();
    }
  });

  it('refuses any other hourlyBase, naming the field', async () => {
    for (const hourlyBase of ['GROSS', 'monthly_wage', '', 1]) {
      expect(await refusal(validateData('OVERTIME', { ...overtime, hourlyBase }, '2027-01-01'))).toEqual(['data.hourlyBase']);
    }
  });
});

describe('INSURANCE rows: the contribution year’s switch month', () => {
  it('accepts a month 1–12 or none, and refuses anything else naming the field', async () => {
    for (const data of [{ ...pension, switchMonth: 7 }, { ...pension, switchMonth: 1 }, pension]) {
      await expect(validateData('INSURANCE', data, '2026-05-01')).resolves.toBeUndefined();
    }
    for (const switchMonth of [0, 13, 7.5, '7']) {
      // each broken constraint is a detail of its own (a string is not an integer, nor ≥ 1, nor ≤ 12)
      expect([...new Set(await refusal(validateData('INSURANCE', { ...pension, switchMonth }, '2026-05-01')))]).toEqual(['data.switchMonth']);
    }
  });
});
