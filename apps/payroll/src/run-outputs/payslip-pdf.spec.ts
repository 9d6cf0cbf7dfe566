import { flagsLine } from './payslip-pdf';

describe('payslip PDF: the flags line', () => {
  it('prints each flag in words, Chinese then English; an unknown one as its code', () => {
    expect(flagsLine(['PRO_RATED', 'ARREARS'])).toBe('说明 Notes: 不满月折算 Part month, pro-rated；含补发（以前月份） Arrears included (earlier months)');
    expect(flagsLine(['SOMETHING_NEW'])).toBe('说明 Notes: SOMETHING_NEW');
  });
});
