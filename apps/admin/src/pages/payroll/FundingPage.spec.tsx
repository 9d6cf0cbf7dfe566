import type { FundingRequirementLine, FundingRequirementReport } from '@cws/payroll-contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { chooseOption, click, found, json, renderApp, scriptedFetch, typeDateInto, waitFor, xihuHr } from '../../test-utils';
import { FundingPage } from './FundingPage';
import { fundingRows, isPositive } from './fundingRows';

const cityAdmin: Me = { kind: 'user', id: 'u0', name: 'city-admin', roles: ['CITY_ADMIN'], scope: { level: 'CITY' }, permissions: [] } as Me;
const PATH = '/api/payroll/v1/benchmark/funding-requirement';

const line = (districtCode: string, districtName: string | null, streetCode: string | null, budgeted: string, shortfall: string): FundingRequirementLine => ({
  level: streetCode ? 'STREET' : 'DISTRICT', districtCode, districtName, streetCode, headcount: streetCode ? '59.33' : '178.00', workerMonths: streetCode ? 712 : 2136,
  wages: '31245381.30', employerContributions: '11935754.40', requirement: '43181135.70', budgeted, shortfall,
});

const report = (over: Partial<FundingRequirementReport> = {}): FundingRequirementReport => ({
  year: 2026, scope: null, asOf: '2026-06-30', benchmark: '175535.85', streams: ['PARTY_BUILDING', 'RESIDENTS_COMMITTEE', 'SERVICE_STATION'], paidThrough: 5,
  lines: [
    line('330106', '西湖区', null, '37920000.00', '5261135.70'),
    line('330106', '西湖区', '330106001', '50000000.00', '0.00'),
    line('330102', '上城区', null, '50000000.00', '0.00'),
  ],
  totals: { requirement: '86362271.40', budgeted: '87920000.00', shortfall: '5261135.70' },
  illustrative: true,
  ...over,
});

const streets = () => [{ code: '330106001', name: '翠苑街道', districtCode: '330106' }];
const districts = () => [{ code: '330106', name: '西湖区' }, { code: '330102', name: '上城区' }];

describe('FundingPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('asks for the year, shows districts with their streets nested, the totals and the shortfall highlighted', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => cityAdmin,
      'GET /api/workers/v1/districts': districts,
      'GET /api/workers/v1/streets': streets,
      [`GET ${PATH}`]: () => report(),
    });
    const { container } = renderApp(<FundingPage />, { fetch });
    const el = (id: string) => container.querySelector(`[data-testid="${id}"]`);
    const text = (id: string) => el(id)?.textContent ?? '';
    const asked = () => calls.filter((c) => c.url.pathname === PATH).map((c) => c.url.searchParams);

    await waitFor(() => expect(text('funding-table')).toContain('上城区'));
    expect(asked()[0].get('year')).toBe(String(new Date().getFullYear()));
    expect(asked()[0].has('scope')).toBe(false);
    expect(asked()[0].has('asOf')).toBe(false);

    const rows = () => [...container.querySelectorAll('[data-testid="funding-table"] tr.ant-table-row')].map((r) => r.querySelector('td')?.textContent);
    expect(rows()).toEqual(['西湖区', '上城区']);
    const xihu = container.querySelector('[data-testid="funding-table"] tr.ant-table-row') as HTMLElement;
    // money right-aligned with separators; headcount with two places
    expect(xihu.textContent).toContain('43,181,135.70');
    expect(xihu.textContent).toContain('178.00');
    expect((xihu.querySelectorAll('td')[5] as HTMLElement).style.textAlign).toBe('right');
    expect(text('funding-total-requirement')).toBe('86,362,271.40');
    expect(text('funding-total-budgeted')).toBe('87,920,000.00');
    expect(text('funding-total-shortfall')).toBe('5,261,135.70');
    // a shortfall above zero stands out, none does not
    expect(el('shortfall-330106')?.className).toContain('ant-typography-danger');
    expect(el('shortfall-330102')?.className ?? '').not.toContain('danger');
    expect(el('funding-total-shortfall')?.className).toContain('ant-typography-danger');
    expect(text('funding-basis')).toContain('W(2025) = 175,535.85');
    expect(text('funding-basis')).toContain('1–5');
    expect(container.textContent).toContain('社区党建工作经费');

    // the district opens to its streets, by name
    await click(xihu.querySelector('.ant-table-row-expand-icon'));
    await waitFor(() => expect(rows()).toEqual(['西湖区', '翠苑街道', '上城区']));
    expect(el('shortfall-330106001')?.className ?? '').not.toContain('danger');

    // a district as scope, then a register date
    await chooseOption(container.querySelector('[data-testid="funding-scope"] .ant-select') as HTMLElement, '上城区');
    await waitFor(() => expect(asked().at(-1)?.get('scope')).toBe('330102'));
    await typeDateInto(container.querySelector('[data-testid="funding-as-of"] input') ?? (await found('[data-testid="funding-as-of"]')), '2026-03-31');
    await waitFor(() => expect(asked().at(-1)?.get('asOf')).toBe('2026-03-31'));
    expect(asked().at(-1)?.get('scope')).toBe('330102');
  });

  it('导出 xlsx downloads the workbook of the same year, scope and register date with the token, under the server’s name; a refusal shows its text', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    Object.assign(URL, { createObjectURL: () => 'blob:funding', revokeObjectURL: () => undefined });
    let refuse = false;
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => cityAdmin,
      'GET /api/workers/v1/districts': districts,
      'GET /api/workers/v1/streets': streets,
      [`GET ${PATH}`]: () => report(),
      [`GET ${PATH}.xlsx`]: () =>
        refuse
          ? json(404, { code: 'NOT_FOUND', message: 'scope 330102 is outside yours', details: [] })
          : new Response('xlsx', { status: 200, headers: { 'content-disposition': 'attachment; filename="funding-requirement-2026-330102.xlsx"' } }),
    });
    const { container } = renderApp(<FundingPage />, { fetch, locale: 'en' });
    await waitFor(() => expect(container.querySelector('[data-testid="funding-table"]')?.textContent).toContain('上城区'));
    await chooseOption(container.querySelector('[data-testid="funding-scope"] .ant-select') as HTMLElement, '上城区');
    await typeDateInto(container.querySelector('[data-testid="funding-as-of"] input') ?? (await found('[data-testid="funding-as-of"]')), '2026-03-31');
    await click(container.querySelector('[data-testid="funding-xlsx"]'));
    await waitFor(() => expect(saved).toEqual(['funding-requirement-2026-330102.xlsx']));
    const [sent] = calls.filter((c) => c.url.pathname === `${PATH}.xlsx`);
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({ year: String(new Date().getFullYear()), scope: '330102', asOf: '2026-03-31' });
    expect((sent.init.headers as Record<string, string>).authorization).toBe('Bearer a1');

    refuse = true;
    await click(container.querySelector('[data-testid="funding-xlsx"]'));
    await waitFor(() => expect(document.body.textContent).toContain('Not found, or outside your scope'));
    expect(saved).toHaveLength(1);
  });

  it('says so when the budget service cannot be reached, instead of failing', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/workers/v1/streets': streets,
      [`GET ${PATH}`]: () => json(503, { code: 'BUDGET_UNAVAILABLE', message: 'the budget service could not be reached: ECONNREFUSED', details: [] }),
    });
    const { container } = renderApp(<FundingPage />, { fetch, locale: 'en' });
    const alert = await found('[data-testid="funding-budget-unavailable"]');
    expect(alert.textContent).toContain('The budget service cannot be reached');
    expect(alert.textContent).not.toContain('ECONNREFUSED');
    expect(container.querySelector('[data-testid="funding-table"]')).toBeNull();
  });

  it('a district HR sees their district with its streets open and may narrow to a street', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/workers/v1/streets': streets,
      [`GET ${PATH}`]: () => report({ scope: '330106', lines: report().lines.slice(0, 2), totals: { requirement: '43181135.70', budgeted: '37920000.00', shortfall: '5261135.70' } }),
    });
    const { container } = renderApp(<FundingPage />, { fetch, locale: 'en' });
    await waitFor(() => expect(container.querySelector('[data-testid="funding-table"]')?.textContent).toContain('翠苑街道'));
    // a district user has no district picker, only the street one
    expect(container.querySelectorAll('[data-testid="funding-scope"] .ant-select')).toHaveLength(1);
    expect(container.querySelector('[data-testid="funding-hint"]')?.textContent).toContain('headcount × the city’s previous-year average wage W(Y−1)');
  });
});

describe('fundingRows', () => {
  it('nests streets under their district and keeps an orphan street at the top', () => {
    const rows = fundingRows([line('330106', '西湖区', null, '0.00', '1.00'), line('330102', null, '330102001', '0.00', '0.00'), line('330106', '西湖区', '330106001', '0.00', '0.00')]);
    expect(rows.map((r) => r.key)).toEqual(['330106', '330102001']);
    expect(rows[0].children?.map((r) => r.key)).toEqual(['330106001']);
  });

  it('tells a positive amount on the digits', () => {
    expect(['0.00', '0', '-5.00', '0.01', '12.00'].map(isPositive)).toEqual([false, false, false, true, true]);
  });
});
