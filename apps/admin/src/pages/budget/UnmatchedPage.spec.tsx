import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { click, found, json, textOf, type Route, typeInto, waitFor, xihuHr } from '../../test-utils';
import { B, address, allocation, auditor, choose, cityAdmin, finance, optionTitles, posting, posts, queries, renderBudgetPage, searchSourceRef, shownFilters, type, unmatched, year } from './postingsSpecKit';
import { UnmatchedPage } from './UnmatchedPage';

const queue = () => ({
  items: [
    unmatched('17', 'INSUFFICIENT_FUNDS'),
    unmatched('18', 'INVALID_POSTING', { fiscalYear: null, funder: null, stream: null, districtCode: null, streetCode: null, communityCode: null, amount: 'abc' }),
    unmatched('19', 'NO_ALLOCATION', { source: 'TRAINING', sourceRef: 'class-7', stream: 'TRAINING', communityCode: null, amount: '1200.00' }),
  ],
  nextAfter: null,
});

const render = (me: Me, extra: Record<string, Route> = {}, path?: string) =>
  renderBudgetPage(
    me,
    <UnmatchedPage />,
    {
      [`GET ${B}/unmatched-postings`]: queue,
      [`GET ${B}/allocations`]: () => ({ items: [allocation('50', { funder: '330106', stream: 'SERVICE_STATION', available: '100.00' })], nextAfter: null }),
      ...extra,
    },
    path,
  );

const yearInput = () => found('input[data-testid="unmatched-year"], [data-testid="unmatched-year"] input') as Promise<HTMLInputElement>;
const shownState = () => document.querySelector('[data-testid="unmatched-state"] .ant-segmented-item-selected')?.textContent;
const sourceRefText = () => (document.querySelector('[data-testid="unmatched-source-ref"] input') as HTMLInputElement | null)?.value;
const tab = (label: string) => click([...document.querySelectorAll('[data-testid="unmatched-state"] .ant-segmented-item')].find((el) => el.textContent === label));

describe('UnmatchedPage', () => {
  it('lists the open queue with reason, source, amount and place; a malformed row must be re-sent by its source', async () => {
    const { container, calls } = render(finance);
    const table = () => container.querySelector('[data-testid="unmatched-table"]')?.textContent ?? '';
    await waitFor(() => expect(table()).toContain('class-7'));
    for (const text of ['Insufficient funds', 'Malformed', 'No matching allocation', 'PAYROLL · run-42', '8,800.00', '1,200.00', 'abc', '翠苑一区社区', '翠苑街道', 'Must be re-sent by its source'])
      expect(table()).toContain(text);
    expect(queries(calls, `${B}/unmatched-postings`)[0]).toMatchObject({ state: 'OPEN' });
    expect(container.querySelector('[data-testid="resolve-17"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="resolve-19"]')).not.toBeNull();
    expect(container.querySelector('[data-testid="resolve-18"]')).toBeNull();
  });

  it('resolve lists only candidates of the cost’s year, funder, stream and place and POSTs the chosen allocation with an Idempotency-Key', async () => {
    const { calls } = render(finance, { [`POST ${B}/unmatched-postings/19/resolve`]: () => json(201, posting('400', 'EXPENDITURE')) });
    await click(await found('[data-testid="resolve-19"]'));
    await choose('resolve-allocation', '#50 ');
    // the street is the cost's, no community: the picker asked for exactly what it names
    expect(queries(calls, `${B}/allocations`).at(-1)).toEqual({ fiscalYear: String(year), funder: '330106', stream: 'TRAINING', street: '330106001', limit: '200' });
    await click(document.querySelector('[data-testid="resolve-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${B}/unmatched-postings/19/resolve`)).toHaveLength(1));
    const [sent] = posts(calls, `${B}/unmatched-postings/19/resolve`);
    expect(sent.body).toEqual({ allocationId: '50' });
    expect(sent.key).toMatch(/^[A-Za-z0-9_\-:.]{1,100}$/);
    await waitFor(() => expect(document.body.textContent).toContain('Booked'));
  });

  it('an INSUFFICIENT_FUNDS resolve lets a CITY_ADMIN override with a reason under a new key', async () => {
    let answers = 0;
    const { calls } = render(cityAdmin, {
      [`POST ${B}/unmatched-postings/17/resolve`]: () =>
        ++answers === 1 ? json(409, { code: 'INSUFFICIENT_FUNDS', message: 'short', details: [], available: '100.00', requested: '8800.00' }) : json(201, posting('401', 'EXPENDITURE')),
    });
    await click(await found('[data-testid="resolve-17"]'));
    await choose('resolve-allocation', '#50 ');
    await click(document.querySelector('[data-testid="resolve-form-ok"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="overspend"]')?.textContent).toContain('100.00 available, 8,800.00 requested'));
    await type('[data-testid="override-reason"]', '工资必须按时发放，先行记账');
    await click(document.querySelector('[data-testid="resolve-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${B}/unmatched-postings/17/resolve`)).toHaveLength(2));
    const [plain, override] = posts(calls, `${B}/unmatched-postings/17/resolve`);
    expect(plain.body).toEqual({ allocationId: '50' });
    expect(override.body).toEqual({ allocationId: '50', override: { reason: '工资必须按时发放，先行记账' } });
    expect(override.key).not.toBe(plain.key);
  });

  it('FINANCE is offered no override after INSUFFICIENT_FUNDS', async () => {
    render(finance, { [`POST ${B}/unmatched-postings/17/resolve`]: () => json(409, { code: 'INSUFFICIENT_FUNDS', message: 'short', details: [], available: '100.00', requested: '8800.00' }) });
    await click(await found('[data-testid="resolve-17"]'));
    await choose('resolve-allocation', '#50 ');
    await click(document.querySelector('[data-testid="resolve-form-ok"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="overspend"]')).not.toBeNull());
    expect(document.querySelector('[data-testid="override-reason"]')).toBeNull();
  });

  it('asks for every year by default; the year, stream and place filters go to GET /unmatched-postings with the state', async () => {
    const { calls } = render(finance);
    const last = () => queries(calls, `${B}/unmatched-postings`).at(-1);
    await waitFor(() => expect(textOf('unmatched-table')).toContain('class-7'));
    expect(queries(calls, `${B}/unmatched-postings`)).toEqual([{ state: 'OPEN', limit: '100' }]);
    await typeInto(await found('input[data-testid="unmatched-year"], [data-testid="unmatched-year"] input'), String(year - 1));
    await waitFor(() => expect(last()).toEqual({ state: 'OPEN', fiscalYear: String(year - 1), limit: '100' }));
    await choose('unmatched-stream', 'Worker training');
    await choose('unmatched-place-district', '西湖区');
    await choose('unmatched-place-street', '翠苑街道');
    await choose('unmatched-place-community', '翠苑一区社区');
    await waitFor(() =>
      expect(last()).toEqual({ state: 'OPEN', fiscalYear: String(year - 1), stream: 'TRAINING', district: '330106', street: '330106001', community: '330106001001', limit: '100' }),
    );
    // the filters stay on the other tab
    await click([...document.querySelectorAll('[data-testid="unmatched-state"] .ant-segmented-item')].find((el) => el.textContent === 'Resolved'));
    await waitFor(() => expect(last()).toMatchObject({ state: 'RESOLVED', fiscalYear: String(year - 1), community: '330106001001' }));
  });

  it('filters by funder and the start of the source reference, as the postings do; a prefix the service would refuse is marked, not sent', async () => {
    const { calls } = render(finance);
    const last = () => queries(calls, `${B}/unmatched-postings`).at(-1);
    await waitFor(() => expect(textOf('unmatched-table')).toContain('class-7'));
    expect(await optionTitles('unmatched-funder')).toEqual(['City', '西湖区(district)']);
    await choose('unmatched-funder', '西湖区');
    await waitFor(() => expect(last()).toEqual({ state: 'OPEN', funder: '330106', limit: '100' }));
    const asked = queries(calls, `${B}/unmatched-postings`).length;
    await searchSourceRef('unmatched-source-ref', 'run 42');
    await found('[data-testid="unmatched-source-ref-invalid"]');
    expect(queries(calls, `${B}/unmatched-postings`)).toHaveLength(asked);
    await searchSourceRef('unmatched-source-ref', ' payroll-run:42: ');
    await waitFor(() => expect(last()).toEqual({ state: 'OPEN', funder: '330106', sourceRefPrefix: 'payroll-run:42:', limit: '100' }));
    expect(document.querySelector('[data-testid="unmatched-source-ref-invalid"]')).toBeNull();
  });

  it('a district user has no district filter (their queue is their district’s) and names the city or their own district as funder', async () => {
    const { calls } = render(xihuHr);
    await waitFor(() => expect(textOf('signed-in')).toBe('xihu-hr'));
    await found('[data-testid="unmatched-place-street"]');
    expect(document.querySelector('[data-testid="unmatched-place-district"]')).toBeNull();
    expect(await optionTitles('unmatched-funder')).toEqual(['City', '西湖区(district)']);
    await choose('unmatched-funder', 'City');
    await waitFor(() => expect(queries(calls, `${B}/unmatched-postings`).at(-1)).toEqual({ state: 'OPEN', funder: 'CITY', limit: '100' }));
  });

  it('the resolved tab asks for state=RESOLVED; a read-only role (AUDITOR) sees no resolve buttons', async () => {
    const { container, calls } = render(auditor);
    await waitFor(() => expect(container.querySelector('[data-testid="signed-in"]')?.textContent).toBe('auditor'));
    await waitFor(() => expect(container.querySelector('[data-testid="unmatched-table"]')?.textContent).toContain('class-7'));
    expect(container.querySelector('[data-testid^="resolve-"]')).toBeNull();
    await click([...container.querySelectorAll('[data-testid="unmatched-state"] .ant-segmented-item')].find((el) => el.textContent === 'Resolved'));
    await waitFor(() => expect(queries(calls, `${B}/unmatched-postings`).at(-1)).toMatchObject({ state: 'RESOLVED' }));
  });

  describe('filters in the address', () => {
    it('a link with filters asks GET /unmatched-postings for them and shows them in the controls', async () => {
      const all = `state=RESOLVED&fiscalYear=${year - 1}&funder=330106&stream=TRAINING&district=330106&street=330106001&community=330106001001&sourceRefPrefix=payroll-run%3A42%3A`;
      const { calls } = render(finance, {}, `/budget/unmatched?${all}`);
      await waitFor(() => expect(textOf('signed-in')).toBe('finance'));
      await waitFor(() =>
        expect(queries(calls, `${B}/unmatched-postings`).at(-1)).toEqual({
          state: 'RESOLVED', fiscalYear: String(year - 1), funder: '330106', stream: 'TRAINING', district: '330106', street: '330106001', community: '330106001001',
          sourceRefPrefix: 'payroll-run:42:', limit: '100',
        }),
      );
      expect(shownState()).toBe('Resolved');
      expect((await yearInput()).value).toBe(String(year - 1));
      await waitFor(() =>
        expect(shownFilters('unmatched', ['funder', 'stream', 'place-district', 'place-street', 'place-community'])).toEqual({
          funder: '西湖区(district)', stream: 'Worker training', 'place-district': '西湖区', 'place-street': '翠苑街道', 'place-community': '翠苑一区社区',
        }),
      );
      expect(sourceRefText()).toBe('payroll-run:42:');
      expect(address().toString()).toBe(all);
    });

    it('a changed filter is written into the address, a default (open, every year) left out', async () => {
      const { calls } = render(finance, {}, '/budget/unmatched?stream=TRAINING');
      const last = () => queries(calls, `${B}/unmatched-postings`).at(-1);
      await waitFor(() => expect(last()).toEqual({ state: 'OPEN', stream: 'TRAINING', limit: '100' }));
      await tab('Resolved');
      await waitFor(() => expect(address().toString()).toBe('stream=TRAINING&state=RESOLVED'));
      await typeInto(await yearInput(), String(year - 1));
      await waitFor(() => expect(address().get('fiscalYear')).toBe(String(year - 1)));
      await choose('unmatched-funder', 'City');
      await searchSourceRef('unmatched-source-ref', 'payroll-run:42:');
      await waitFor(() => expect(last()).toEqual({ state: 'RESOLVED', stream: 'TRAINING', fiscalYear: String(year - 1), funder: 'CITY', sourceRefPrefix: 'payroll-run:42:', limit: '100' }));
      expect(address().toString()).toBe(`stream=TRAINING&state=RESOLVED&fiscalYear=${year - 1}&funder=CITY&sourceRefPrefix=payroll-run%3A42%3A`);
      // back to the defaults: open, every year — out of the address
      await tab('Open');
      await typeInto(await yearInput(), '');
      await waitFor(() => expect(address().toString()).toBe('stream=TRAINING&funder=CITY&sourceRefPrefix=payroll-run%3A42%3A'));
      await waitFor(() => expect(last()).toEqual({ state: 'OPEN', stream: 'TRAINING', funder: 'CITY', sourceRefPrefix: 'payroll-run:42:', limit: '100' }));
    });

    it('a value the queue does not take falls back to its default: open, every year, no stream', async () => {
      const { calls } = render(finance, {}, '/budget/unmatched?state=DONE&fiscalYear=abc&stream=NOPE&funder=EVIL&community=1&sourceRefPrefix=run%2042');
      await waitFor(() => expect(textOf('unmatched-table')).toContain('class-7'));
      await waitFor(() => expect(textOf('signed-in')).toBe('finance'));
      expect(queries(calls, `${B}/unmatched-postings`)).toEqual([{ state: 'OPEN', limit: '100' }]);
      expect(shownState()).toBe('Open');
      expect((await yearInput()).value).toBe('');
      expect(sourceRefText()).toBe('');
    });

    it('a district user opening a city user’s link drops another district’s funder and places', async () => {
      const { calls } = render(xihuHr, {}, '/budget/unmatched?funder=330102&district=330102&street=330102001&stream=TRAINING');
      await waitFor(() => expect(textOf('signed-in')).toBe('xihu-hr'));
      await waitFor(() => expect(textOf('unmatched-table')).toContain('class-7'));
      expect(queries(calls, `${B}/unmatched-postings`).some((q) => q.funder || q.district || q.street)).toBe(false);
      expect(queries(calls, `${B}/unmatched-postings`).at(-1)).toEqual({ state: 'OPEN', stream: 'TRAINING', limit: '100' });
    });
  });
});
