import type { CalibrationResult, ComplianceGroupView, ComplianceReport } from '@cws/payroll-contracts';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { renderApp, scriptedFetch, waitFor, xihuHr, type Rendered } from '../../test-utils';
import { BenchmarkPage, fractionToPercent } from './BenchmarkPage';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

const cityAdmin: Me = { kind: 'user', id: 'u0', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' } } as Me;
const auditor: Me = { ...cityAdmin, name: 'auditor', roles: ['AUDITOR'] };

const group = (districtCode: string, districtName: string, projectedAverage: string, compliant: boolean, streetCode: string | null = null): ComplianceGroupView => ({
  group: streetCode ?? districtCode, districtCode, districtName, streetCode, headcount: 180, workerMonths: 2160, projectedAverage,
  ytdMonths: 10, ytdPaid: '1000000.00', ytdAverage: projectedAverage, benchmark: '175535.85', gap: compliant ? '10.00' : '-80000.00',
  shortfall: compliant ? '0.00' : '14400000.00', workersBelow: compliant ? 0 : 180, compliant,
});

const report = (groupBy: 'district' | 'street', groups: ComplianceGroupView[], unitValue = '4221.30'): ComplianceReport => ({
  id: null, year: 2026, asOf: '2026-11-26', groupBy, unitValue, benchmark: '175535.85', groups, illustrative: true,
});

const check = (unitValue: string, projectedAverage: string, passes: boolean) => ({ unitValue, totalPay: '1.00', workerMonths: 6480, projectedAverage, meetsLevel: passes, meetsGrowth: true, passes });
const calibration: CalibrationResult = {
  id: '7', year: 2026, scope: null, asOf: '2026-01-01', headcount: 540, benchmark: '175535.85', cityAverageTwoYearsAgo: '167177.00', cityGrowth: '0.050000',
  communityAverageLastYear: '88226.46', communityAverageLastYearBasis: 'PROJECTED_FROM_PREVIOUS_SCALE', unitValue: '8250.02', projectedAverage: '175535.87',
  projectedGrowth: '0.989599', bindingTest: 'LEVEL', result: check('8250.02', '175535.87', true), belowByOneFen: check('8250.01', '175535.67', false),
  current: check('4221.30', '94094.55', false), illustrative: true, createdAt: '2026-11-26T10:00:00Z',
};

describe('BenchmarkPage', () => {
  it('runs a calibration and shows the unit value, the checks and the proof of minimality; compliance per district and street', async () => {
    const compliance: string[] = [];
    let posted: unknown;
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => cityAdmin,
      'GET /api/workers/v1/streets': () => [{ code: '330106001', name: '翠苑街道', districtCode: '330106' }],
      'GET /api/payroll/v1/benchmark/compliance': (url) => {
        compliance.push(url.search);
        if (url.searchParams.get('groupBy') === 'street') return report('street', [group('330106', '西湖区', '90000.00', false, '330106001'), group('330102', '上城区', '1.00', false, '330102001')]);
        const uv = url.searchParams.get('unitValue') ?? '4221.30';
        return report('district', [group('330106', '西湖区', '94000.00', uv !== '4221.30'), group('330102', '上城区', '95000.00', uv !== '4221.30'), group('330105', '拱墅区', '93000.00', uv !== '4221.30')], uv);
      },
      'POST /api/payroll/v1/benchmark/calibrations': (_url, init) => {
        posted = JSON.parse(String(init.body));
        return calibration;
      },
    });
    view = renderApp(<BenchmarkPage />, { fetch });
    const { container } = view;
    const text = (id: string) => container.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';

    await waitFor(() => expect(text('compliance-table')).toContain('拱墅区'));
    for (const d of ['西湖区', '上城区']) expect(text('compliance-table')).toContain(d);
    expect(text('compliance-table')).toContain('未达标');
    expect(compliance[0]).toContain('groupBy=district');
    expect(compliance[0]).not.toContain('unitValue');
    expect(container.querySelector('[data-testid="benchmark-chart"]')).not.toBeNull();

    const year = new Date().getFullYear();
    await act(async () => (container.querySelector('[data-testid="run-calibration"]') as HTMLButtonElement).click());
    await waitFor(() => expect(text('calibrated-unit-value')).toContain('8,250.02'));
    expect(posted).toEqual({ year });
    expect(text('calibrated-average')).toContain('175,535.87');
    expect(text('calibrated-growth')).toContain('98.9599%');
    expect(text('calibration')).toContain('5.0000%');
    expect(text('binding-test')).toBe('水平检验');
    const proof = text('minimality');
    expect(proof).toContain('8250.01');
    expect(proof).toContain('175535.67');
    expect(proof).toContain('4221.30');

    // compliance again at the calibrated unit value
    await act(async () => (container.querySelector('[data-testid="at-calibrated"]') as HTMLButtonElement).click());
    await waitFor(() => expect(compliance.at(-1)).toContain('unitValue=8250.02'));
    await waitFor(() => expect(text('compliance-table')).not.toContain('未达标'));

    // a district row expands to its streets (one street-level report, split by district)
    const expand = container.querySelector('[data-testid="compliance-table"] .ant-table-row-expand-icon') as HTMLButtonElement;
    await act(async () => expand.click());
    await waitFor(() => expect(text('streets-330106')).toContain('翠苑街道'));
    expect(text('streets-330106')).toContain('90000.00');
    expect(text('streets-330106')).not.toContain('330102001');
    expect(compliance.some((q) => q.includes('groupBy=street'))).toBe(true);
  });

  it('a district HR sees only what the service returns for their district', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/payroll/v1/benchmark/compliance': () => report('district', [group('330106', '西湖区', '94000.00', false)]),
    });
    view = renderApp(<BenchmarkPage />, { fetch, locale: 'en' });
    const { container } = view;
    await waitFor(() => expect(container.querySelector('[data-testid="compliance-table"]')?.textContent).toContain('西湖区'));
    expect(container.querySelectorAll('[data-testid="compliance-table"] tr.ant-table-row')).toHaveLength(1);
    expect(container.querySelector('[data-testid="compliance-table"]')?.textContent).toContain('Falls short');
    expect(container.querySelector('[data-testid="run-calibration"]')).not.toBeNull();
  });

  it('hides the calibration button from read-only roles', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => auditor,
      'GET /api/payroll/v1/benchmark/compliance': () => report('district', []),
    });
    view = renderApp(<BenchmarkPage />, { fetch });
    const { container } = view;
    await waitFor(() => expect(container.querySelector('[data-testid="compliance-table"]')).not.toBeNull());
    await waitFor(() => expect(container.querySelector('[data-testid="compliance-table"] .ant-table-placeholder')).not.toBeNull());
    expect(container.querySelector('[data-testid="run-calibration"]')).toBeNull();
  });

  it('shows fractions as percentages by digits only', () => {
    expect(fractionToPercent('0.050000')).toBe('5.0000%');
    expect(fractionToPercent('-0.012345')).toBe('-1.2345%');
    expect(fractionToPercent('1.5')).toBe('150.0000%');
    expect(fractionToPercent('-0.000000')).toBe('0.0000%');
  });
});
