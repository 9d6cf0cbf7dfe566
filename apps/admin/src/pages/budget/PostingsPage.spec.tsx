import type { Me } from '../../api/types';
import { describe, expect, it } from 'vitest';
import { click, found, json, textOf, type Route, typeInto, waitFor, xihuHr } from '../../test-utils';
import { admitBudgetPlace } from './BudgetFilters';
import { PostingsPage } from './PostingsPage';
import { B, address, auditor, choose, cityAdmin, finance, optionTitles, posting, posts, queries, renderBudgetPage, searchSourceRef, shownFilters, type, year } from './postingsSpecKit';

const list = () => ({
  items: [
    posting('388', 'COMMITMENT', { amount: '5000.00', description: '活动场地租赁' }),
    posting('389', 'EXPENDITURE'),
    posting('390', 'TRANSFER', { amount: '20000.00', counterAllocationId: '41', category: null, description: null, reason: '居家养老服务站移交', taskRef: 'TASK-1' }),
    posting('391', 'REVERSAL', { reversesId: '388', amount: '5000.00', category: null, description: null, reason: '重复录入' }),
  ],
  nextAfter: null,
});

const render = (me: Me, extra: Record<string, Route> = {}, path?: string) =>
  renderBudgetPage(
    me,
    <PostingsPage />,
    {
      [`GET ${B}/postings`]: list,
      [`GET ${B}/postings/389`]: () => posting('389', 'EXPENDITURE'),
      [`GET ${B}/postings/390`]: () => list().items[2],
      ...extra,
    },
    path,
  );

/** The year filter's input, the text a search field holds. */
const yearInput = () => found('input[data-testid="postings-year"], [data-testid="postings-year"] input') as Promise<HTMLInputElement>;
const searchText = (testId: string) => (document.querySelector(`[data-testid="${testId}"] input`) as HTMLInputElement | null)?.value;

const overspent = () => json(409, { code: 'INSUFFICIENT_FUNDS', message: 'Only 75000.00', details: [], available: '75000.00', requested: '80000.00', allocationId: '40' });

async function fillExpenditure(amount: string) {
  await click(await found('[data-testid="new-expenditure"]'));
  await choose('posting-allocation', '#40 ');
  await type('[data-testid="posting-amount"]', amount);
  await type('[data-testid="posting-description"]', '社区党员活动室办公用品');
}

describe('PostingsPage', () => {
  it('lists the postings with names and kinds; the filters go to GET /postings', async () => {
    const { container, calls } = render(finance);
    const table = () => container.querySelector('[data-testid="postings-table"]')?.textContent ?? '';
    await waitFor(() => expect(table()).toContain('居家养老服务站移交'));
    for (const text of ['Commitment', 'Expenditure', 'Transfer', 'Reversal', '1,250.00', '20,000.00', '#40 → #41', 'Party building', '翠苑一区社区', '社区党员活动室办公用品']) expect(table()).toContain(text);
    expect(queries(calls, `${B}/postings`)[0]).toMatchObject({ fiscalYear: String(year), limit: '100' });

    await choose('postings-kind', 'Expenditure');

    await waitFor(() => expect(queries(calls, `${B}/postings`).at(-1)).toMatchObject({ kind: 'EXPENDITURE', fiscalYear: String(year) }));
    await type('[data-testid="postings-allocation"] input', '40');
    await click(container.querySelector('[data-testid="postings-allocation"] button.ant-btn'));
await waitFor(() => expect(queries(calls, `${B}/postings`).at(-1)).toMatchObject({ kind: 'EXPENDITURE', allocationId: '40' }));
  });

  it('filters by funder, district, street, community and the start of the source reference; a prefix the service would refuse is marked, not sent', async () => {
    const { calls } = render(finance, {
      'GET /api/workers/v1/districts': () => [{ code: '330106', name: '西湖区' }, { code: '330102', name: '上城区' }],
      [`GET ${B}/postings`]: () => ({ items: [posting('392', 'EXPENDITURE', { funder: '330102' })], nextAfter: null }),
    });
    const last = () => queries(calls, `${B}/postings`).at(-1);
    // the districts are loaded once the row names its funder
    await waitFor(() => expect(textOf('postings-table')).toContain('上城区(district)'));
    expect(last()).toEqual({ fiscalYear: String(year), limit: '100' });
    // a city user names the city or any district
    expect(await optionTitles('postings-funder')).toEqual(['City', '西湖区(district)', '上城区(district)']);
    await choose('postings-funder', 'City');
    await waitFor(() => expect(last()).toMatchObject({ funder: 'CITY', fiscalYear: String(year) }));
    await choose('postings-place-district', '西湖区');
    await waitFor(() => expect(last()).toMatchObject({ funder: 'CITY', district: '330106' }));
    // the street list is the district's
    await waitFor(() => expect(queries(calls, '/api/workers/v1/streets')).toContainEqual({ district: '330106' }));
    await choose('postings-place-street', '翠苑街道');
    await choose('postings-place-community', '翠苑一区社区');
    await waitFor(() => expect(last()).toMatchObject({ district: '330106', street: '330106001', community: '330106001001' }));
    // another district clears the street and the community
    await choose('postings-place-district', '上城区');
    await waitFor(() => expect(last()).toEqual({ fiscalYear: String(year), funder: 'CITY', district: '330102', limit: '100' }));
    const asked = queries(calls, `${B}/postings`).length;

    const search = (text: string) => searchSourceRef('postings-source-ref', text);
    await search('GK 2026');
    await found('[data-testid="postings-source-ref-invalid"]');
    expect(textOf('postings-source-ref-invalid')).toBe('A source reference prefix is 1–100 letters, digits or _ - : .');
    expect(queries(calls, `${B}/postings`)).toHaveLength(asked);
    await search(' GK-2026_ ');
    await waitFor(() => expect(last()).toEqual({ sourceRefPrefix: 'GK-2026_', funder: 'CITY', district: '330102', fiscalYear: String(year), limit: '100' }));
    expect(document.querySelector('[data-testid="postings-source-ref-invalid"]')).toBeNull();
  });

  it('a link naming one source reference exactly (from a training class) lists its postings only, and the tag clears it', async () => {
    const { calls } = render(finance, {}, `/budget/postings?sourceRef=training-class:3&fiscalYear=${year}`);
    await waitFor(() => expect(queries(calls, `${B}/postings`)[0]).toMatchObject({ sourceRef: 'training-class:3', fiscalYear: String(year) }));
    expect(textOf('postings-source-ref-exact')).toBe('Source: training-class:3');
    await click(document.querySelector('[data-testid="postings-source-ref-exact"] .ant-tag-close-icon'));
    await waitFor(() => expect(queries(calls, `${B}/postings`).at(-1)).not.toHaveProperty('sourceRef'));
    expect(document.querySelector('[data-testid="postings-source-ref-exact"]')).toBeNull();
  });

  it('a district user names the city or their own district as funder and has no district filter (their lists are their district’s)', async () => {
    const { calls } = render(xihuHr);
    await waitFor(() => expect(textOf('signed-in')).toBe('xihu-hr'));
    await waitFor(() => expect(textOf('postings-table')).toContain('社区党员活动室办公用品'));
    expect(document.querySelector('[data-testid="postings-place-district"]')).toBeNull();
    expect(await optionTitles('postings-funder')).toEqual(['City', '西湖区(district)']);
    await choose('postings-funder', '西湖区');
    await waitFor(() => expect(queries(calls, `${B}/postings`).at(-1)).toMatchObject({ funder: '330106' }));
    expect(queries(calls, `${B}/postings`).every((q) => q.district === undefined)).toBe(true);
  });

  it('an expenditure POSTs the DTO on the picked allocation with an Idempotency-Key, reused on a resubmit and new for a new dialog', async () => {
    let answers = 0;
    const { calls } = render(finance, {
      [`POST ${B}/allocations/40/expenditures`]: () => (++answers === 1 ? json(409, { code: 'FISCAL_YEAR_CLOSED', message: 'closed', details: [] }) : json(201, posting('392', 'EXPENDITURE'))),
    });
    await fillExpenditure('1250.5');
    await click(document.querySelector('[data-testid="posting-form-ok"]'));
    await waitFor(() => expect(document.body.textContent).toContain('The fiscal year is closed'));
    await click(document.querySelector('[data-testid="posting-form-ok"]'));
    await waitFor(() => expect(document.body.textContent).toContain('Posted'));
    await fillExpenditure('10');
    await click(document.querySelector('[data-testid="posting-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${B}/allocations/40/expenditures`)).toHaveLength(3));

    const [first, again, next] = posts(calls, `${B}/allocations/40/expenditures`);
    expect(first.body).toEqual({ amount: '1250.50', category: 'OFFICE', description: '社区党员活动室办公用品', source: 'MANUAL' });
    expect(first.key).toMatch(/^[A-Za-z0-9_\-:.]{1,100}$/);
    expect(again.key).toBe(first.key);
    expect(next.key).not.toBe(first.key);
    expect(next.body.amount).toBe('10.00');
  });

  it('a commitment POSTs to :id/commitments', async () => {
    const { calls } = render(finance, { [`POST ${B}/allocations/41/commitments`]: () => json(201, posting('393', 'COMMITMENT')) });
    await click(await found('[data-testid="new-commitment"]'));
    await choose('posting-allocation', '#41 ');
    await type('[data-testid="posting-amount"]', '300');
    await type('[data-testid="posting-description"]', '场地租赁合同');
    await type('[data-testid="posting-source-ref"]', 'HT-2026-7');
    await click(document.querySelector('[data-testid="posting-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${B}/allocations/41/commitments`)).toHaveLength(1));
    expect(posts(calls, `${B}/allocations/41/commitments`)[0].body).toEqual({ amount: '300.00', category: 'OFFICE', description: '场地租赁合同', source: 'MANUAL', sourceRef: 'HT-2026-7' });
  });

  it('after INSUFFICIENT_FUNDS a CITY_ADMIN may override with a reason: resent with override.reason under a new key', async () => {
    let answers = 0;
    const { calls } = render(cityAdmin, {
      [`POST ${B}/allocations/40/expenditures`]: () => (++answers === 1 ? overspent() : json(201, posting('392', 'EXPENDITURE', { overrideReason: '防汛应急物资' }))),
    });
    await fillExpenditure('80000');
    expect(document.querySelector('[data-testid="override-reason"]')).toBeNull();
    await click(document.querySelector('[data-testid="posting-form-ok"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="overspend"]')?.textContent).toContain('75,000.00 available, 80,000.00 requested'));
    await type('[data-testid="override-reason"]', '防汛应急物资，区政府专题会议同意先行支出');
    await click(document.querySelector('[data-testid="posting-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${B}/allocations/40/expenditures`)).toHaveLength(2));

    const [plain, override] = posts(calls, `${B}/allocations/40/expenditures`);
    expect(plain.body.override).toBeUndefined();
    expect(override.body).toEqual({ ...plain.body, override: { reason: '防汛应急物资，区政府专题会议同意先行支出' } });
    expect(override.key).toBeTruthy();
    expect(override.key).not.toBe(plain.key);
    await waitFor(() => expect(document.body.textContent).toContain('Posted'));
  });

  it('FINANCE sees the amounts of an overspend but is offered no override', async () => {
    const { calls } = render(finance, { [`POST ${B}/allocations/40/expenditures`]: overspent });
    await fillExpenditure('80000');
    await click(document.querySelector('[data-testid="posting-form-ok"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="overspend"]')?.textContent).toContain('75,000.00 available'));
    expect(document.querySelector('[data-testid="override-reason"]')).toBeNull();
    expect(posts(calls, `${B}/allocations/40/expenditures`)[0].body.override).toBeUndefined();
  });

  it('reverses an expenditure from its drawer after asking for a reason; a transfer offers no reversal', async () => {
    const { container, calls } = render(finance, { [`POST ${B}/postings/389/reversal`]: () => json(201, posting('394', 'REVERSAL', { reversesId: '389' })) });
    await click(await found('[data-testid="posting-open-389"]'));
    await click(await found('[data-testid="posting-reverse"]'));
    await click(await found('[data-testid="reverse-form-ok"]'));
    // the reason is required: nothing is sent without one
    await waitFor(() => expect(document.querySelector('[data-testid="reverse-form"]')?.textContent).toContain('Required'));
    expect(posts(calls, `${B}/postings/389/reversal`)).toHaveLength(0);
    await type('[data-testid="reverse-reason"]', '重复录入，冲销');
    await click(document.querySelector('[data-testid="reverse-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${B}/postings/389/reversal`)).toHaveLength(1));
    const [sent] = posts(calls, `${B}/postings/389/reversal`);
    expect(sent.body).toEqual({ reason: '重复录入，冲销' });
    expect(sent.key).toBeTruthy();

    await click(container.querySelector('[data-testid="posting-open-390"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="posting-drawer"]')?.textContent).toContain('TASK-1'));
    expect(document.querySelector('[data-testid="posting-reverse"]')).toBeNull();
  });

  it('a transfer POSTs both allocations, the amount, reason and task with an Idempotency-Key', async () => {
    const { calls } = render(finance, { [`POST ${B}/transfers`]: () => json(201, posting('395', 'TRANSFER')) });
    await click(await found('[data-testid="new-transfer"]'));
    await choose('transfer-from', '#40 ');
    await waitFor(() => expect(document.querySelector('[data-testid="transfer-form"]')?.textContent).toContain('75,000.00'));
    await choose('transfer-to', '#41 ');
    await type('[data-testid="transfer-amount"]', '20000');
    await type('[data-testid="transfer-reason"]', '居家养老服务站移交翠苑二区社区运营');
    await type('[data-testid="transfer-task-ref"]', 'TASK-2026-0042');
    await click(document.querySelector('[data-testid="transfer-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${B}/transfers`)).toHaveLength(1));
    const [sent] = posts(calls, `${B}/transfers`);
    expect(sent.body).toEqual({ fromAllocationId: '40', toAllocationId: '41', amount: '20000.00', reason: '居家养老服务站移交翠苑二区社区运营', taskRef: 'TASK-2026-0042' });
    expect(sent.key).toBeTruthy();
    // the "to" list asked only for the source's funder and year
    expect(queries(calls, `${B}/allocations`).at(-1)).toMatchObject({ fiscalYear: String(year), funder: 'CITY' });
  });

  it('a read-only role (AUDITOR) sees the list and the drawer but no write buttons', async () => {
    const { container } = render(auditor);
    await waitFor(() => expect(container.querySelector('[data-testid="signed-in"]')?.textContent).toBe('auditor'));
    await waitFor(() => expect(container.querySelector('[data-testid="postings-table"]')?.textContent).toContain('社区党员活动室办公用品'));
    for (const id of ['new-commitment', 'new-expenditure', 'new-transfer']) expect(container.querySelector(`[data-testid="${id}"]`)).toBeNull();
    await click(container.querySelector('[data-testid="posting-open-389"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="posting-drawer"]')?.textContent).toContain('1,250.00'));
    expect(document.querySelector('[data-testid="posting-reverse"]')).toBeNull();
  });

  describe('filters in the address', () => {
    const all = `fiscalYear=${year - 1}&kind=EXPENDITURE&funder=CITY&stream=TRAINING&district=330106&street=330106001&community=330106001001&allocationId=40&sourceRefPrefix=GK-2026`;

    it('a link with filters asks GET /postings for them and shows them in the controls', async () => {
      const { calls } = render(finance, {}, `/budget/postings?${all}`);
      await waitFor(() => expect(textOf('signed-in')).toBe('finance'));
      await waitFor(() =>
        expect(queries(calls, `${B}/postings`).at(-1)).toEqual({
          fiscalYear: String(year - 1), kind: 'EXPENDITURE', funder: 'CITY', stream: 'TRAINING', district: '330106', street: '330106001', community: '330106001001',
          allocationId: '40', sourceRefPrefix: 'GK-2026', limit: '100',
        }),
      );
      expect((await yearInput()).value).toBe(String(year - 1));
      await waitFor(() =>
        expect(shownFilters('postings', ['kind', 'funder', 'stream', 'place-district', 'place-street', 'place-community'])).toEqual({
          kind: 'Expenditure', funder: 'City', stream: 'Worker training', 'place-district': '西湖区', 'place-street': '翠苑街道', 'place-community': '翠苑一区社区',
        }),
      );
      expect(searchText('postings-allocation')).toBe('40');
      expect(searchText('postings-source-ref')).toBe('GK-2026');
      // the address is left as it was: every value was taken
      expect(address().toString()).toBe(all);
    });

    it('a changed filter is written into the address, a default left out; emptied, the year is written empty (all years)', async () => {
      const { calls } = render(finance, {}, '/budget/postings?stream=TRAINING&tab=x');
      const last = () => queries(calls, `${B}/postings`).at(-1);
      await waitFor(() => expect(last()).toEqual({ fiscalYear: String(year), stream: 'TRAINING', limit: '100' }));
      await choose('postings-kind', 'Expenditure');
      await waitFor(() => expect(address().toString()).toBe('stream=TRAINING&tab=x&kind=EXPENDITURE'));
      await choose('postings-place-district', '西湖区');
      await waitFor(() => expect(address().get('district')).toBe('330106'));
      await searchSourceRef('postings-source-ref', ' GK-2026_ ');
      await waitFor(() => expect(address().get('sourceRefPrefix')).toBe('GK-2026_'));
      // the field shows what was applied, trimmed
      expect(searchText('postings-source-ref')).toBe('GK-2026_');
      await typeInto(await yearInput(), '');
      await waitFor(() => expect(address().get('fiscalYear')).toBe(''));
      await waitFor(() => expect(last()).toEqual({ stream: 'TRAINING', kind: 'EXPENDITURE', district: '330106', sourceRefPrefix: 'GK-2026_', limit: '100' }));
      await typeInto(await yearInput(), String(year));
      // this year again is the default: out of the address (its list was read before, so no request)
      await waitFor(() => expect(address().has('fiscalYear')).toBe(false));
      // cleared, the source reference leaves the address; a parameter not a filter stays
      await searchSourceRef('postings-source-ref', '');
      await waitFor(() => expect(address().toString()).toBe('stream=TRAINING&tab=x&kind=EXPENDITURE&district=330106'));
    });

    it('a value the list does not take falls back to its default: this year, no stream, no kind', async () => {
      const { calls } = render(finance, {}, '/budget/postings?fiscalYear=abc&stream=NOPE&kind=LOAN&funder=EVIL&district=3301&street=x&allocationId=4a&sourceRefPrefix=GK%202026');
      await waitFor(() => expect(textOf('postings-table')).toContain('社区党员活动室办公用品'));
      await waitFor(() => expect(textOf('signed-in')).toBe('finance'));
      expect(queries(calls, `${B}/postings`).every((q) => JSON.stringify(q) === JSON.stringify({ fiscalYear: String(year), limit: '100' }))).toBe(true);
      expect((await yearInput()).value).toBe(String(year));
      expect(textOf('postings-stream')).not.toContain('NOPE');
      expect(searchText('postings-allocation')).toBe('');
      expect(searchText('postings-source-ref')).toBe('');
    });

    it('a district user opening a city user’s link asks only for what they may name: no other district, funder or place outside theirs', async () => {
      const { calls } = render(xihuHr, {}, '/budget/postings?funder=330102&district=330102&street=330102001&community=330102001001&stream=TRAINING');
      await waitFor(() => expect(textOf('signed-in')).toBe('xihu-hr'));
      await waitFor(() => expect(queries(calls, `${B}/postings`).at(-1)).toEqual({ fiscalYear: String(year), stream: 'TRAINING', limit: '100' }));
      expect(queries(calls, `${B}/postings`).some((q) => q.funder || q.district || q.street || q.community)).toBe(false);
      expect(textOf('postings-place-street')).not.toContain('330102001');
      // a change writes only what they may name
      await choose('postings-kind', 'Expenditure');
      await waitFor(() => expect(address().toString()).toBe('stream=TRAINING&kind=EXPENDITURE'));
    });

    it('a district user’s own street and the city as funder are taken from the address', async () => {
      const { calls } = render(xihuHr, {}, '/budget/postings?funder=CITY&street=330106001&community=330106001001');
      await waitFor(() => expect(queries(calls, `${B}/postings`).at(-1)).toEqual({ fiscalYear: String(year), funder: 'CITY', street: '330106001', community: '330106001001', limit: '100' }));
      await waitFor(() => expect(textOf('postings-place-street')).toContain('翠苑街道'));
    });
  });
});

describe('admitBudgetPlace', () => {
  const place = { funder: '330102', district: '330102', street: '330102001', community: '330102001001' };

  it('a city user names any funder and place, a street only inside the district, a community only inside the street', () => {
    expect(admitBudgetPlace({ level: 'CITY' }, place)).toEqual(place);
    expect(admitBudgetPlace({ level: 'CITY' }, { ...place, street: '330106001' })).toEqual({ funder: '330102', district: '330102' });
    expect(admitBudgetPlace({ level: 'CITY' }, { community: '330102001001', fiscalYear: 2024 })).toEqual({ fiscalYear: 2024 });
  });

  it('a district or street user names the city or their district as funder, no district, and places of their own', () => {
    const district = { level: 'DISTRICT', district: '330106' } as const;
    expect(admitBudgetPlace(district, place)).toEqual({});
    expect(admitBudgetPlace(district, { funder: 'CITY', district: '330106', street: '330106002', community: '330106002001' })).toEqual({ funder: 'CITY', street: '330106002', community: '330106002001' });
    const street = { level: 'STREET', district: '330106', street: '330106001' } as const;
    expect(admitBudgetPlace(street, { funder: '330106', street: '330106002' })).toEqual({ funder: '330106' });
    expect(admitBudgetPlace(street, { street: '330106001', community: '330106001001' })).toEqual({ street: '330106001', community: '330106001001' });
  });

  it('nothing while the user is not known', () => {
    expect(admitBudgetPlace(undefined, { ...place, stream: 'TRAINING' })).toEqual({ stream: 'TRAINING' });
  });
});
