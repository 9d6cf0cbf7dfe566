import { computePayslip, defaultPolicy, type FrozenWorker } from '@cws/payroll-engine';
import { formatMoney, parseMoney } from '@cws/kernel';
import { decodeLines, encodeLines, lineItemsTransformer } from './line-items';

const worker: FrozenWorker = {
  workerId: 1, name: '李四', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', employmentType: 'FULL_TIME', postBand: 'HEAD',
  education: 'BACHELOR', hireDate: '2006-11-01', leftDate: null, qualificationLevel: 'SOCIAL_WORKER', bodiesHeld: 2, secondment: null, grade: null, gradeDerived: false,
  bankAccountEnc: null, hours: { shifts: 4, overtime: [{ kind: 'REST_DAY', minutes: 500 }], rosterVersion: 1 },
};

describe('stored payslip lines', () => {
  it('round-trip: every field, standard labels by code, arrears labelled by sign and period, other labels kept', () => {
    const slip = computePayslip({ period: '2026-11', worker, state: null, recoveryOwedFen: 0n, arrears: [{ refPeriod: '2026-08', amountFen: parseMoney('-12.34', { allowNegative: true }) }], lowIncomeLastYear: false }, defaultPolicy(2026));
    const decoded = decodeLines(encodeLines(slip.lines));
    expect(decoded).toHaveLength(slip.lines.length);
    decoded.forEach((d, i) => {
      const l = slip.lines[i];
      expect(d).toMatchObject({ kind: l.kind, code: l.code, amount: formatMoney(l.amount), rule: l.rule, policyRowId: l.policyRowId });
      expect(d.label).toBeTruthy();
      if (l.code !== 'ARREARS') expect(d.label).toBe(l.label);
    });
    expect(decoded.find((l) => l.code === 'BASE')?.derived).toBe(true);
    expect(decoded.find((l) => l.code === 'ARREARS')).toMatchObject({ refPeriod: '2026-08', amount: '-12.34', label: 'Claw-back for 2026-08 (扣回)' });
    expect(decoded.find((l) => l.code === 'SERVICE_AWARD_20Y')?.label).toMatch(/20/);
    expect(JSON.parse(lineItemsTransformer.from(encodeLines(slip.lines))!)).toEqual(decoded);
    expect(encodeLines(slip.lines).length * 2).toBeLessThan(JSON.stringify(decoded).length);
  });
});
