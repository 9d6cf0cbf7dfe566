import { PAYSLIP_FLAG_NAMES, PAYSLIP_FLAGS, type PayslipLine, type PayslipView } from '@cws/payroll-contracts';
import { describe, expect, it } from 'vitest';
import { renderApp, scriptedFetch, waitFor, xihuHr } from '../../test-utils';
import { baseSourceKey, flagName, PayslipDrawer } from './PayslipDrawer';

const line = (kind: PayslipLine['kind'], code: string, label: string, amount: string, rule: string): PayslipLine => ({ kind, code, label, amount, rule, policyRowId: null });
const slip = (lines: PayslipLine[]): PayslipView => ({
  id: '90211', runId: '42', period: '2026-07', workerId: 7, name: '张丽华', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001',
  status: 'COMPUTED', slipKind: 'REGULAR', correctsPayslipId: null, gross: '7600.00', employeeContributions: '1580.00', tax: '65.40', net: '5954.60',
  employerContributions: '2300.00', flags: [], band: 'OTHER', grade: 8, gradeSource: 'REGISTER', payer: 'HOME', recoveries: '0.00', recoveryCarried: '0.00',
  failure: null, taxState: null, computedAt: '2026-07-31T16:00:00Z', lines,
});

describe('PayslipDrawer: the contribution-base lines', () => {
  it('names the source of the base (the rule) on the two base lines only', () => {
    expect(baseSourceKey({ code: 'CONTRIBUTION_BASE', rule: 'BASE_DECLARED' })).toBe('base.source.BASE_DECLARED');
    expect(baseSourceKey({ code: 'CONTRIBUTION_BASE', rule: 'BASE_PREVIOUS_YEAR_AVERAGE' })).toBe('base.source.BASE_PREVIOUS_YEAR_AVERAGE');
    expect(baseSourceKey({ code: 'HOUSING_FUND_BASE', rule: 'BASE_DECLARED' })).toBe('base.source.BASE_DECLARED');
    // a rule the UI does not know yet: the label alone, never a raw code
    expect(baseSourceKey({ code: 'CONTRIBUTION_BASE', rule: 'BASE_SOMETHING_NEW' })).toBeNull();
    expect(baseSourceKey({ code: 'PENSION', rule: 'CLAMPED_BASE_X_EMPLOYEE_RATE' })).toBeNull();
  });

  it('shows a declared base and its housing-fund base as declared (申报基数)', async () => {
    const rows = await drawerRows('zh-CN', [
      line('EMPLOYEE_CONTRIBUTION', 'PENSION', 'Pension (养老保险)', '600.00', 'CLAMPED_BASE_X_EMPLOYEE_RATE'),
      line('INFO', 'CONTRIBUTION_BASE', 'Contribution base (缴费基数)', '7500.00', 'BASE_DECLARED'),
      line('INFO', 'HOUSING_FUND_BASE', 'Housing fund base (公积金缴存基数)', '8000.00', 'BASE_DECLARED'),
    ]);
    expect(rows[0]).not.toContain('·');
    expect(rows[1]).toContain('Contribution base (缴费基数) · 申报基数');
    expect(rows[1]).toContain('7,500.00');
    expect(rows[2]).toContain('Housing fund base (公积金缴存基数) · 申报基数');
  });

  it('shows a computed base by where it came from, in English', async () => {
    const rows = await drawerRows('en', [line('INFO', 'CONTRIBUTION_BASE', 'Contribution base (缴费基数)', '6900.00', 'BASE_FIRST_FULL_MONTH')]);
    expect(rows[0]).toContain('Contribution base (缴费基数) · first full month’s wage');
  });
});

describe('PayslipDrawer: the flags for review', () => {
  it('every flag the engine can set has a Chinese and an English name', () => {
    const unnamed = (lang: 'zh' | 'en') => PAYSLIP_FLAGS.filter((f) => !PAYSLIP_FLAG_NAMES[f]?.[lang]);
    expect(PAYSLIP_FLAGS.length).toBeGreaterThan(10);
    expect([unnamed('zh'), unnamed('en')]).toEqual([[], []]);
    expect([flagName('zh-CN', 'PRO_RATED'), flagName('en', 'PRO_RATED'), flagName('en', 'SOMETHING_NEW')]).toEqual(['不满月折算', 'Part month, pro-rated', 'SOMETHING_NEW']);
  });

  it('names each flag in the user’s language; a flag the UI does not know yet shows its code', async () => {
    const flags = ['PRO_RATED', 'RECOVERY_CARRIED', 'SOMETHING_NEW'];
    const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr, 'GET /api/payroll/v1/payslips/90211': () => ({ ...slip([]), flags }) });
    renderApp(<PayslipDrawer id="90211" onClose={() => undefined} />, { fetch, locale: 'zh-CN' });
    const tags = await waitFor(() => {
      const shown = [...document.querySelectorAll('[data-testid="payslip-drawer"] .ant-tag-gold')].map((tag) => tag.textContent);
      expect(shown).toHaveLength(3);
      return shown;
    });
    expect(tags).toEqual(['不满月折算', '有结转下次扣回', 'SOMETHING_NEW']);
  });
});

async function drawerRows(locale: 'zh-CN' | 'en', lines: PayslipLine[]): Promise<string[]> {
  const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr, 'GET /api/payroll/v1/payslips/90211': () => slip(lines) });
  renderApp(<PayslipDrawer id="90211" onClose={() => undefined} />, { fetch, locale });
  return waitFor(() => {
    const rows = [...document.querySelectorAll('[data-testid="payslip-drawer"] tbody tr.ant-table-row')].map((tr) => tr.textContent ?? '');
    expect(rows).toHaveLength(lines.length);
    return rows;
  });
}
