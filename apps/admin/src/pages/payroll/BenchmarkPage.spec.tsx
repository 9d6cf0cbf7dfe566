import type { CalibrationResult, ComplianceGroupView, ComplianceReport, TopUpLineView, TopUpSummary } from '@cws/payroll-contracts';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { chooseOption, click, renderApp, scriptedFetch, waitFor, xihuHr } from '../../test-utils';
import { fractionToPercent } from '../../lib/format';
import { BenchmarkPage } from './BenchmarkPage';
import { districtTotals } from './TopUpCard';

const cityAdmin: Me = { kind: 'user', id: 'u0', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' } } as Me;
const auditor: Me = { ...cityAdmin, name: 'auditor', roles: ['AUDITOR'] };

const group = (districtCode: string, districtName: string, projectedAverage: string, compliant: boolean, streetCode: string | null = null): ComplianceGroupView => ({
  group: streetCode ?? districtCode, districtCode, districtName, streetCode, headcount: 180, workerMonths: 2160, projectedAverage,
  ytdMonths: 10, ytdPaid: '1000000.00', ytdAverage: projectedAverage, benchmark: '175535.85', gap: compliant ? '10.00' : '-80000.00',
  shortfall: compliant ? '0.00' : '14400000.00', workersBelow: compliant ? 0 : 180, compliant,
  lastYearAverage: '88226.46', growth: '0.100000', meetsLevel: compliant, meetsGrowth: true,
});

const report = (groupBy: 'district' | 'street', groups: ComplianceGroupView[], unitValue = '4221.30'): ComplianceReport => ({
  id: null, year: 2026, asOf: '2026-11-26', groupBy, unitValue, benchmark: '175535.85', groups, illustrative: true,
  cityGrowth: '0.050000', lastYearBasis: 'PROJECTED_FROM_PREVIOUS_SCALE', paidThrough: 0,
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
    const { container } = renderApp(<BenchmarkPage />, { fetch });
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
    const { container } = renderApp(<BenchmarkPage />, { fetch, locale: 'en' });
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
    const { container } = renderApp(<BenchmarkPage />, { fetch });
    await waitFor(() => expect(container.querySelector('[data-testid="compliance-table"]')).not.toBeNull());
    await waitFor(() => expect(container.querySelector('[data-testid="compliance-table"] .ant-table-placeholder')).not.toBeNull());
    expect(container.querySelector('[data-testid="run-calibration"]')).toBeNull();
    expect(container.querySelector('[data-testid="top-up"]')).toBeNull();
  });

  it('runs a year-end top-up: totals per district and the per-worker lines in keyset pages', async () => {
    const posted: unknown[] = [];
    const linesAsked: URLSearchParams[] = [];
    const summary = (body: { rule: string; ratio?: string }): TopUpSummary => ({
      id: '41', year: 2026, scope: null, rule: body.rule as TopUpSummary['rule'], ratio: body.ratio ?? null, level: body.rule === 'AVERAGE' ? 'DISTRICT' : null,
      unitValue: '4221.30', benchmark: '175535.85', workers: 540, workersToppedUp: 360, total: '29000000.00',
      // 拱墅区 needs nothing: it is not in byDistrict and shows 0.00
      byDistrict: [{ districtCode: '330102', workersToppedUp: 180, total: '14000000.00' }, { districtCode: '330106', workersToppedUp: 180, total: '15000000.00' }],
      createdAt: '2026-12-01T10:00:00Z',
    });
    // names as the top-up stored them; a line without one (a worker known only from paid runs) shows the id
    const line = (workerId: number): TopUpLineView => ({
      workerId, workerName: workerId === 2 ? null : `员工${workerId}`, districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', annualPay: '94000.00', topUp: `${80000 + workerId}.12`,
    });
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => cityAdmin,
      'GET /api/payroll/v1/benchmark/compliance': () =>
        report('district', [group('330106', '西湖区', '94000.00', false), group('330102', '上城区', '95000.00', false), group('330105', '拱墅区', '180000.00', true)]),
      'POST /api/payroll/v1/benchmark/top-ups': (_url, init) => {
        const body = JSON.parse(String(init.body));
        posted.push(body);
        return summary(body);
      },
      'GET /api/workers/v1/streets': () => [{ code: '330106001', name: '翠苑街道', districtCode: '330106' }],
      'GET /api/workers/v1/communities': () => [{ code: '330106001001', name: '翠苑一区社区', districtCode: '330106', streetCode: '330106001' }],
      'GET /api/payroll/v1/benchmark/top-ups/41/lines': (url) => {
        linesAsked.push(url.searchParams);
        return url.searchParams.get('after') === '20'
          ? { items: [line(21), line(22)], nextAfter: null }
          : { items: Array.from({ length: 20 }, (_, i) => line(i + 1)), nextAfter: '20' };
      },
    });
    const { container } = renderApp(<BenchmarkPage />, { fetch });
    const el = (id: string) => container.querySelector(`[data-testid="${id}"]`);
    const text = (id: string) => el(id)?.textContent ?? '';
    await waitFor(() => expect(text('compliance-table')).toContain('拱墅区'));

    await click(el('run-top-up'));
    await waitFor(() => expect(text('top-up-total')).toContain('29,000,000.00'));
    const year = new Date().getFullYear();
    expect(posted[0]).toEqual({ year, rule: 'AVERAGE', level: 'DISTRICT' });
    expect(text('top-up-workers')).toContain('360 / 540');
    expect(text('top-up-total-330106')).toBe('15000000.00');
    expect(text('top-up-total-330102')).toBe('14000000.00');
    expect(text('top-up-total-330105')).toBe('0.00');
    const districtRows = container.querySelectorAll('[data-testid="top-up-districts"] tr.ant-table-row');
    expect([...districtRows].map((r) => r.querySelector('td')?.textContent)).toEqual(['西湖区', '上城区', '拱墅区']);

    // lines: page 1, then the keyset cursor, then back
    await waitFor(() => expect(container.querySelectorAll('[data-testid="top-up-lines"] tr.ant-table-row')).toHaveLength(20));
    expect(linesAsked[0].get('onlyPositive')).toBe('true');
    expect(linesAsked[0].get('after')).toBeNull();
    expect(linesAsked[0].get('limit')).toBe('20');
    expect(text('top-up-lines')).toContain('80,001.12');
    const first = container.querySelector('[data-testid="top-up-lines"] tr.ant-table-row')?.textContent ?? '';
    expect(first).toContain('员工1');
    await waitFor(() => expect(text('top-up-lines')).toContain('翠苑一区社区'));
    expect(text('top-up-lines')).toContain('翠苑街道');
    expect(text('top-up-lines')).not.toContain('330106001');
    expect(text('top-up-lines')).toContain('#2');
    expect((el('top-up-prev') as HTMLButtonElement).disabled).toBe(true);
    await click(el('top-up-next'));
    await waitFor(() => expect(container.querySelectorAll('[data-testid="top-up-lines"] tr.ant-table-row')).toHaveLength(2));
    expect(linesAsked.at(-1)?.get('after')).toBe('20');
    expect(text('top-up-page')).toBe('第 2 页');
    expect((el('top-up-next') as HTMLButtonElement).disabled).toBe(true);
    await click(el('top-up-prev'));
    await waitFor(() => expect(container.querySelectorAll('[data-testid="top-up-lines"] tr.ant-table-row')).toHaveLength(20));
    expect(text('top-up-page')).toBe('第 1 页');

    // all workers, not only those topped up: back to the first page without the filter
    await click(el('top-up-only-positive'));
    await waitFor(() => expect(linesAsked.at(-1)?.get('onlyPositive')).toBe('false'));
  });

  it('a per-worker top-up sends the ratio; a malformed ratio is refused before sending', async () => {
    const posted: Array<Record<string, unknown>> = [];
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/payroll/v1/benchmark/compliance': () => report('district', [group('330106', '西湖区', '94000.00', false)]),
      'POST /api/payroll/v1/benchmark/top-ups': (_url, init) => {
        posted.push(JSON.parse(String(init.body)));
        return {
          id: '42', year: new Date().getFullYear(), scope: '330106', rule: 'PER_WORKER', ratio: '0.95', level: null, unitValue: '4221.30', benchmark: '175535.85',
          workers: 180, workersToppedUp: 180, total: '12345678.90', byDistrict: [{ districtCode: '330106', workersToppedUp: 180, total: '12345678.90' }], createdAt: '2026-12-01T10:00:00Z',
        } satisfies TopUpSummary;
      },
      'GET /api/payroll/v1/benchmark/top-ups/42/lines': () => ({ items: [], nextAfter: null }),
    });
    const { container } = renderApp(<BenchmarkPage />, { fetch, locale: 'en' });
    await waitFor(() => expect(container.querySelector('[data-testid="compliance-table"]')?.textContent).toContain('西湖区'));
    // pick "Per worker" in the rule select
    await chooseOption(container.querySelector('[data-testid="top-up-rule"]') as HTMLElement, 'Per worker (ratio × benchmark)');
    const ratio = await waitFor(() => {
      const r = container.querySelector('[data-testid="top-up-ratio"]') as HTMLInputElement | null;
      expect(r).not.toBeNull();
      return r!;
    });
    const type = async (value: string) =>
      act(async () => {
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(ratio, value);
        ratio.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await type('0.95.1');
    await waitFor(() => expect(container.querySelector('[data-testid="top-up"]')?.textContent).toContain('Enter a ratio such as 1.00'));
    expect((container.querySelector('[data-testid="run-top-up"]') as HTMLButtonElement).disabled).toBe(true);
    await type('0.95');
    await click(container.querySelector('[data-testid="run-top-up"]'));
    await waitFor(() => expect(container.querySelector('[data-testid="top-up-total"]')?.textContent).toContain('12,345,678.90'));
    expect(posted).toEqual([{ year: new Date().getFullYear(), rule: 'PER_WORKER', ratio: '0.95' }]);
    expect(container.querySelector('[data-testid="top-up-result"]')?.textContent).toContain('× 0.95');
  });

  it('a city admin adopts a city-wide calibration after confirming; a district HR is not offered it', async () => {
    let applied: string | undefined;
    const compliance: string[] = [];
    const routes = (me: Me) => ({
      'GET /api/workers/v1/auth/me': () => me,
      'GET /api/payroll/v1/benchmark/compliance': (url: URL) => {
        compliance.push(url.search);
        return report('district', [group('330106', '西湖区', '94000.00', false)]);
      },
      'POST /api/payroll/v1/benchmark/calibrations': () => calibration,
      'POST /api/payroll/v1/benchmark/calibrations/7/apply': (url: URL) => {
        applied = url.pathname;
        return { id: '99', kind: 'UNIT_VALUE', key: '2026', validFrom: '2026-12-01', validTo: null, sourceRef: 'calibration #7', data: { year: 2026, unitValue: '8250.02' }, supersededBy: null, createdBy: 'u0', createdAt: '2026-12-01T10:00:00Z' };
      },
    });
    const admin = renderApp(<BenchmarkPage />, { fetch: scriptedFetch(routes(cityAdmin)).fetch });
    let { container } = admin;
    await waitFor(() => expect(container.querySelector('[data-testid="compliance-table"]')?.textContent).toContain('西湖区'));
    await click(container.querySelector('[data-testid="run-calibration"]'));
    await waitFor(() => expect(container.querySelector('[data-testid="adopt-calibration"]')).not.toBeNull());
    await click(container.querySelector('[data-testid="adopt-calibration"]'));
    const dialog = await waitFor(() => {
      const d = document.querySelector('[data-testid="adopt-text"]');
      expect(d).not.toBeNull();
      return d!;
    });
    expect(dialog.textContent).toContain('8250.02');
    expect(dialog.textContent).toContain('4221.30');
    expect(applied).toBeUndefined();
    const before = compliance.length;
    await click(document.querySelector('[data-testid="adopt-confirm"]'));
    await waitFor(() => expect(container.querySelector('[data-testid="adopted"]')?.textContent).toContain('8250.02'));
    expect(applied).toBe('/api/payroll/v1/benchmark/calibrations/7/apply');
    expect(container.querySelector('[data-testid="adopted"]')?.textContent).toContain('2026-12-01');
    expect(container.querySelector('[data-testid="adopt-calibration"]')).toBeNull();
    await waitFor(() => expect(compliance.length).toBeGreaterThan(before)); // compliance at the policy value reloads
    admin.unmount();

    // a district HR runs calibrations but does not edit the policy
    ({ container } = renderApp(<BenchmarkPage />, { fetch: scriptedFetch(routes(xihuHr)).fetch }));
    await waitFor(() => expect(container.querySelector('[data-testid="compliance-table"]')?.textContent).toContain('西湖区'));
    await click(container.querySelector('[data-testid="run-calibration"]'));
    await waitFor(() => expect(container.querySelector('[data-testid="calibrated-unit-value"]')).not.toBeNull());
    expect(container.querySelector('[data-testid="adopt-calibration"]')).toBeNull();
  });

  it('lists every district in the top-up totals, 0.00 where nobody is topped up', () => {
    const rows = districtTotals(
      { byDistrict: [{ districtCode: '330106', workersToppedUp: 3, total: '10.00' }, { districtCode: '330199', workersToppedUp: 1, total: '1.00' }] } as TopUpSummary,
      [{ code: '330102', name: '上城区' }, { code: '330106', name: '西湖区' }],
    );
    expect(rows).toEqual([
      { districtCode: '330102', districtName: '上城区', workersToppedUp: 0, total: '0.00' },
      { districtCode: '330106', districtName: '西湖区', workersToppedUp: 3, total: '10.00' },
      { districtCode: '330199', districtName: null, workersToppedUp: 1, total: '1.00' },
    ]);
  });

  it('shows fractions as percentages by digits only', () => {
    expect(fractionToPercent('0.050000')).toBe('5.0000%');
    expect(fractionToPercent('-0.012345')).toBe('-1.2345%');
    expect(fractionToPercent('1.5')).toBe('150.0000%');
    expect(fractionToPercent('-0.000000')).toBe('0.0000%');
  });
});
