import { describe, expect, it } from 'vitest';
import { chooseOption, click, found, renderPageAs, textOf, waitFor, xihuHr } from '../../test-utils';
import { StoredRunsCard } from './StoredRunsCard';

const B = '/api/payroll/v1/benchmark';
const run = (id: string, kind: string, scope: string | null) => ({ id, kind, year: 2026, scope, asOf: '2026-01-01', createdBy: 'hr-330106', createdAt: '2026-03-02T02:00:00.000Z' });
const rows = () => [...document.querySelectorAll('[data-testid="stored-runs-table"] tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

describe('StoredRunsCard (历次测算与报告)', () => {
  it('lists the year’s stored runs newest first, filters by kind, and reopens a compliance report and a top-up whole', async () => {
    const { calls } = renderPageAs(xihuHr, <StoredRunsCard year={2026} districts={['330106']} />, {
      [`GET ${B}/results`]: (url) =>
        url.searchParams.get('kind') === 'TOP_UP' ? { items: [run('43', 'TOP_UP', '330106')], nextAfter: null } : { items: [run('43', 'TOP_UP', '330106'), run('42', 'COMPLIANCE', '330106'), run('41', 'CALIBRATION', null)], nextAfter: null },
      [`GET ${B}/compliance-reports/42`]: () => ({
        id: '42', groupBy: 'district', unitValue: '118.50', benchmark: '110000.00', cityGrowth: '0.047619', lastYearBasis: 'RECORDED', paidThrough: 0,
        groups: [{ group: '330106', districtCode: '330106', districtName: '西湖区', streetCode: null, headcount: 180, projectedAverage: '108000.00', gap: '2000.00', compliant: false }],
      }),
      [`GET ${B}/top-ups/43`]: () => ({ id: '43', rule: 'AVERAGE', ratio: null, level: 'DISTRICT', unitValue: '118.50', benchmark: '110000.00', workers: 180, workersToppedUp: 12, total: '36000.00', byDistrict: [], createdAt: '2026-03-02T02:00:00.000Z' }),
      [`GET ${B}/top-ups/43/lines`]: () => ({ items: [], nextAfter: null }),
      'GET /api/workers/v1/streets': () => [],
      'GET /api/workers/v1/communities': () => [],
    });
    await waitFor(() => expect(rows().map((r) => [r[1], r[2]])).toEqual([['Year-end top-up', expect.any(String)], ['Compliance report', expect.any(String)], ['Calibration', 'Whole city']]));
    expect(calls.find((c) => c.url.pathname === `${B}/results`)?.url.searchParams.get('year')).toBe('2026');

    await click(await found('[data-testid="stored-run-open-42"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="stored-compliance"]')?.textContent).toContain('西湖区'));
    expect(document.querySelector('[data-testid="stored-compliance"]')?.textContent).toContain('108,000.00');

    await click(await found('[data-testid="stored-run-open-43"]'));
    await waitFor(() => expect(textOf('stored-top-up')).toContain('12 / 180'));
    expect(textOf('stored-top-up')).toContain('36,000.00');
    await waitFor(() => expect(calls.some((c) => c.url.pathname === `${B}/top-ups/43/lines`)).toBe(true));

    await chooseOption(document.querySelector('[data-testid="stored-runs-kind"]')!, 'Year-end top-up');
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(calls.filter((c) => c.url.pathname === `${B}/results`).at(-1)?.url.searchParams.get('kind')).toBe('TOP_UP');
  });
});
