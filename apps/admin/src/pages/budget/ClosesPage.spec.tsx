import type { LedgerCloseView } from '@cws/budget-contracts';
import { addDays, cityToday } from '@cws/kernel';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { dateTime } from '../../lib/format';
import { click, found, json, renderPageAs, type Route, sentBodies, textOf, typeDateInto, waitFor, xihuHr } from '../../test-utils';
import { ClosesPage } from './ClosesPage';
import { B, auditor, cityAdmin, finance, queries } from './postingsSpecKit';

const CLOSES = `${B}/ledger/closes`;
const today = cityToday();
const yesterday = addDays(today, -1);
const dayBefore = addDays(today, -2);
const threeDaysAgo = addDays(today, -3);

const sums = (allocated: string, committed: string, spent: string, appropriated = '0.00') => ({ appropriated, allocated, committed, spent });
const close = (day: string, over: Partial<LedgerCloseView> = {}): LedgerCloseView => ({
  day, entries: 0, lastEntryId: null, movements: sums('0.00', '0.00', '0.00'), totals: sums('1000000.30', '0.10', '0.10', '5000000.00'),
  status: 'BALANCED', allocationsChecked: 5200, appropriationsChecked: 48, discrepancies: [], closedAt: `${day}T17:00:05.000Z`, closedBy: 'close-books-batch', ...over,
});

/** Two closes as the service answers them, oldest first: a balanced one, and one where appropriation #7 and allocations #40 and #41 drifted. */
const twoDays = (): LedgerCloseView[] => [
  // written before appropriations were reconciled
  close(threeDaysAgo, { appropriationsChecked: null, entries: 42, lastEntryId: '1201', movements: sums('20000.00', '-500.00', '1250.00'), totals: sums('3600000.07', '150000.01', '1249999.03', '4000000.00') }),
  close(dayBefore, {
    entries: 3, status: 'DISCREPANCY', closedBy: 'u-fin',
    discrepancies: [
      { appropriationId: '7', measure: 'allocated', running: '5999.00', ledger: '6000.00' },
      { allocationId: '40', measure: 'committed', running: '1250.01', ledger: '1250.00' },
      { allocationId: '41', measure: 'spent', running: '300.00', ledger: '450.50' },
    ],
  }),
];

const renderCloses = (me: Me, extra: Record<string, Route> = {}) => renderPageAs(me, <ClosesPage />, { [`GET ${CLOSES}`]: twoDays, ...extra });
const row = (day: string) => document.querySelector(`[data-testid="closes-table"] tr[data-row-key="${day}"]`);
const days = () => [...document.querySelectorAll('[data-testid="closes-table"] tr[data-row-key]')].map((tr) => tr.getAttribute('data-row-key'));
/** A row's cells after the expand column: day, status, entries | moved allocated, committed, spent | appropriated, allocated, committed, spent, available | closed. */
const cells = (day: string) => [...(row(day)?.querySelectorAll('td') ?? [])].slice(1).map((td) => td.textContent);
/** The error under the close dialog's date field. */
const throughError = () => document.querySelector('[data-testid="close-books-form"] #through')?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';
const refusal = (status: number, code: string, path: string) => json(status, { code, message: 'refused', details: [{ path, issue: 'refused' }] });
const signedInAs = (name: string) => waitFor(() => expect(textOf('signed-in')).toBe(name));

describe('ClosesPage (日结)', () => {
  it('asks for the last 31 days and lists the closes newest first: status, entries, movements, totals and available computed in fen', async () => {
    const { calls } = renderCloses(finance);
    await waitFor(() => expect(row(threeDaysAgo)).not.toBeNull());
    expect(queries(calls, CLOSES)).toEqual([{ from: addDays(today, -30), to: today }]);
    expect(days()).toEqual([dayBefore, threeDaysAgo]); // the service answers oldest first
    expect(document.querySelector(`[data-testid="close-status-${threeDaysAgo}"]`)?.className).toContain('green');
    expect(document.querySelector(`[data-testid="close-status-${dayBefore}"]`)?.className).toContain('red');
    // 3,600,000.07 − 150,000.01 − 1,249,999.03 = 2,200,001.03 in fen (a float says 2200001.0299999993)
    expect(cells(threeDaysAgo)).toEqual([
      threeDaysAgo, 'Balanced', '42', '20,000.00', '-500.00', '1,250.00',
      '4,000,000.00', '3,600,000.07', '150,000.01', '1,249,999.03', '2,200,001.03', `Nightly batch${dateTime(`${threeDaysAgo}T17:00:05.000Z`)}`,
    ]);
    // 1,000,000.30 − 0.10 − 0.10 (a float says 1000000.1000000001); closed by the signed-in user: their name, not their id
    expect(cells(dayBefore)).toEqual([
      dayBefore, 'Discrepancy', '3', '0.00', '0.00', '0.00',
      '5,000,000.00', '1,000,000.30', '0.10', '0.10', '1,000,000.10', `finance${dateTime(`${dayBefore}T17:00:05.000Z`)}`,
    ]);
    // the status says what was reconciled: allocations and appropriations, or allocations alone on an older close
    const tooltipOf = async (day: string) => {
      await act(async () => void document.querySelector(`[data-testid="close-status-${day}"]`)?.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })));
      return waitFor(() => {
        const shown = [...document.querySelectorAll('.ant-tooltip:not(.ant-tooltip-hidden)')].map((el) => el.textContent);
        expect(shown).toHaveLength(1);
        return shown[0];
      });
    };
    expect(await tooltipOf(dayBefore)).toBe('5200 allocations and 48 appropriations reconciled at the close');
    await act(async () => void document.querySelector(`[data-testid="close-status-${dayBefore}"]`)?.dispatchEvent(new MouseEvent('mouseout', { bubbles: true })));
    await waitFor(() => expect(document.querySelector('.ant-tooltip:not(.ant-tooltip-hidden)')).toBeNull());
    expect(await tooltipOf(threeDaysAgo)).toBe('5200 allocations reconciled at the close');
  });

  it('a day that does not balance expands to its differences (running − ledger); a balanced one has nothing to expand', async () => {
    renderCloses(finance);
    await waitFor(() => expect(row(dayBefore)).not.toBeNull());
    expect(row(threeDaysAgo)?.querySelector('.ant-table-row-expand-icon')?.className).toContain('ant-table-row-expand-icon-spaced');
    expect(document.querySelector(`[data-testid="close-discrepancies-${dayBefore}"]`)).toBeNull();
    await click(row(dayBefore)?.querySelector('.ant-table-row-expand-icon'));
    const table = await found(`[data-testid="close-discrepancies-${dayBefore}"]`);
    const lines = [...table.querySelectorAll('tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(lines).toEqual([
      ['Appropriation #7', 'Allocated', '5,999.00', '6,000.00', '-1.00'],
      ['Allocation #40', 'Committed', '1,250.01', '1,250.00', '0.01'],
      ['Allocation #41', 'Spent', '300.00', '450.50', '-150.50'],
    ]);
  });

  it('结账 posts the chosen day, says how many days were closed and refreshes the list', async () => {
    // the service closes every day after the last closed one through the day asked for, oldest first
    let stored = [close(addDays(today, -5))];
    const { calls } = renderCloses(finance, {
      [`GET ${CLOSES}`]: () => stored,
      [`POST ${CLOSES}`]: (_, init) => {
        const { through } = JSON.parse(String(init.body)) as { through: string };
        const written: LedgerCloseView[] = [];
        for (let day = addDays(stored[stored.length - 1].day, 1); day <= through; day = addDays(day, 1)) written.push(close(day, { closedBy: 'u-fin' }));
        stored = [...stored, ...written];
        return json(201, written);
      },
    });
    await waitFor(() => expect(days()).toEqual([addDays(today, -5)]));
    await click(await found('[data-testid="close-books"]'));
    const input = (await found('[data-testid="close-books-form"] #through')) as HTMLInputElement;
    expect(input.value).toBe(yesterday); // Beijing's yesterday by default
    await typeDateInto(input, dayBefore);
    await click(document.querySelector('[data-testid="close-books-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST', CLOSES)).toEqual([{ through: dayBefore }]));
    await waitFor(() => expect(textOf('closes-result')).toBe(`Closed 3 day(s) (${addDays(today, -4)} to ${dayBefore})`));
    // the list is asked again and shows the new closes, newest first
    await waitFor(() => expect(days()).toEqual([dayBefore, threeDaysAgo, addDays(today, -4), addDays(today, -5)]));
    expect(queries(calls, CLOSES)).toHaveLength(2);
  });

  it('结账 with every day already closed says so; one that finds a drift names how many days do not balance', async () => {
    let answer: LedgerCloseView[] = [];
    const { calls } = renderCloses(cityAdmin, { [`POST ${CLOSES}`]: () => json(201, answer) });
    await click(await found('[data-testid="close-books"]'));
    await click(await found('[data-testid="close-books-form-ok"]'));
    await waitFor(() => expect(textOf('closes-result')).toBe(`Every day through ${yesterday} was already closed; nothing new was closed`));
    answer = [close(yesterday, { status: 'DISCREPANCY', discrepancies: [{ allocationId: '40', measure: 'spent', running: '1.00', ledger: '0.99' }] })];
    await click(await found('[data-testid="close-books"]'));
    await click(await found('[data-testid="close-books-form-ok"]'));
    await waitFor(() => expect(textOf('closes-result')).toBe(`Closed 1 day(s) (${yesterday} to ${yesterday}); 1 with discrepancies: expand them to see the differences`));
    expect(sentBodies(calls, 'POST', CLOSES)).toEqual([{ through: yesterday }, { through: yesterday }]);
  });

  it('a day not over is refused under the date, in the form (today) and from the service (BOOKS_DAY_NOT_OVER)', async () => {
    const { calls } = renderCloses(finance, { [`POST ${CLOSES}`]: () => refusal(400, 'BOOKS_DAY_NOT_OVER', 'through') });
    await click(await found('[data-testid="close-books"]'));
    const input = (await found('[data-testid="close-books-form"] #through')) as HTMLInputElement;
    const notOver = 'Only a day that is over can be closed: through yesterday (Beijing time) at the latest';
    await typeDateInto(input, today);
    await click(document.querySelector('[data-testid="close-books-form-ok"]'));
    await waitFor(() => expect(throughError()).toBe(notOver));
    expect(sentBodies(calls, 'POST', CLOSES)).toEqual([]);

    // the browser's clock may be behind the service's: its refusal lands on the same field
    await typeDateInto(input, yesterday);
    await waitFor(() => expect(throughError()).toBe(''));
    await click(document.querySelector('[data-testid="close-books-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST', CLOSES)).toEqual([{ through: yesterday }]));
    await waitFor(() => expect(throughError()).toBe(notOver));
    expect(document.querySelector('[data-testid="close-books-form"]')).not.toBeNull(); // still open
    expect(textOf('closes-result')).toBe('');
  });

  it('a reader without close rights (AUDITOR) sees the closes but no 结账', async () => {
    renderCloses(auditor);
    await signedInAs('auditor');
    await waitFor(() => expect(row(dayBefore)).not.toBeNull());
    expect(document.querySelector('[data-testid="close-books"]')).toBeNull();
  });

  it('a district user sees that the closes are the city’s, and nothing is asked', async () => {
    const { calls } = renderCloses(xihuHr);
    await signedInAs('xihu-hr');
    await waitFor(() => expect(textOf('closes-city-only')).toContain('Daily closes are for city-level users only'));
    expect(document.querySelector('[data-testid="closes-table"]')).toBeNull();
    expect(document.querySelector('[data-testid="close-books"]')).toBeNull();
    expect(document.querySelector('[data-testid="closes-export"]')).toBeNull();
    expect(queries(calls, CLOSES)).toEqual([]);
  });

  it('the date range asks the service for those days', async () => {
    const { calls } = renderCloses(finance);
    await waitFor(() => expect(row(dayBefore)).not.toBeNull());
    const [start, end] = [...document.querySelectorAll('[data-testid="closes-page"] .ant-picker-range input')];
    await typeDateInto(start, '2026-01-01');
    await typeDateInto(end, '2026-03-31');
    await waitFor(() => expect(queries(calls, CLOSES).at(-1)).toEqual({ from: '2026-01-01', to: '2026-03-31' }));
  });

  it('导出 xlsx downloads the workbook of the range on screen, under the server’s name; a refusal shows its text', async () => {
    const saved: string[] = [];
    const click_ = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    Object.assign(URL, { createObjectURL: () => 'blob:closes', revokeObjectURL: () => undefined });
    let refuse = false;
    const { calls } = renderCloses(auditor, {
      [`GET ${CLOSES}.xlsx`]: (url) =>
        refuse
          ? refusal(403, 'CITY_SCOPE_REQUIRED', 'scope')
          : new Response('xlsx', { status: 200, headers: { 'content-disposition': `attachment; filename="ledger-closes-${url.searchParams.get('from')}-${url.searchParams.get('to')}.xlsx"` } }),
    });
    try {
      await signedInAs('auditor');
      await waitFor(() => expect(row(dayBefore)).not.toBeNull());
      const [start, end] = [...document.querySelectorAll('[data-testid="closes-page"] .ant-picker-range input')];
      await typeDateInto(start, '2026-01-01');
      await typeDateInto(end, '2026-03-31');
      await waitFor(() => expect(queries(calls, CLOSES).at(-1)).toEqual({ from: '2026-01-01', to: '2026-03-31' }));
      await click(await found('[data-testid="closes-export"]'));
      await waitFor(() => expect(saved).toEqual(['ledger-closes-2026-01-01-2026-03-31.xlsx']));
      expect(queries(calls, `${CLOSES}.xlsx`)).toEqual([{ from: '2026-01-01', to: '2026-03-31' }]);

      refuse = true;
      await click(document.querySelector('[data-testid="closes-export"]'));
      await waitFor(() => expect(document.body.textContent).toContain('Only a city-scoped admin may do this'));
      expect(saved).toHaveLength(1);
    } finally {
      click_.mockRestore();
    }
  });

  it('a refused read shows its code’s text (RANGE_TOO_LONG)', async () => {
    renderCloses(finance, { [`GET ${CLOSES}`]: () => refusal(400, 'RANGE_TOO_LONG', 'from') });
    await waitFor(() => expect(textOf('query-error')).toContain('At most 366 days in one query'));
  });
});

describe('ClosesPage: 财政年度 (open and close a fiscal year)', () => {
  const YEARS = `${B}/fiscal-years`;
  const year = (y: number, status: 'OPEN' | 'CLOSED') => ({ year: y, status, openedAt: `${y}-01-01T00:00:00.000Z`, closedAt: status === 'CLOSED' ? `${y + 1}-01-10T02:00:00.000Z` : null, closedBy: status === 'CLOSED' ? 'u-fin' : null });
  const yearRows = () => [...document.querySelectorAll('[data-testid="fiscal-years"] tbody tr[data-row-key]')].map((tr) => tr.getAttribute('data-row-key'));

  it('finance opens the next year (the default) and closes an open one after confirming; the list follows', async () => {
    let years = [year(2025, 'CLOSED'), year(2026, 'OPEN')];
    const { calls } = renderCloses(finance, {
      [`GET ${YEARS}`]: () => years,
      [`POST ${YEARS}`]: (_, init) => {
        const { year: y } = JSON.parse(String(init.body));
        years = [...years, year(y, 'OPEN')];
        return json(201, year(y, 'OPEN'));
      },
      [`POST ${YEARS}/2026/close`]: () => {
        years = years.map((y) => (y.year === 2026 ? year(2026, 'CLOSED') : y));
        return year(2026, 'CLOSED');
      },
    });
    await waitFor(() => expect(yearRows()).toEqual(['2026', '2025']));
    expect(document.querySelector('[data-testid="fiscal-close-2025"]')).toBeNull();
    await click(await found('[data-testid="fiscal-open"]'));
    expect(((await found('[data-testid="fiscal-open-form"] #year')) as HTMLInputElement).value).toBe('2027');
    await click(document.querySelector('[data-testid="fiscal-open-form-ok"]'));
    await waitFor(() => expect(yearRows()).toEqual(['2027', '2026', '2025']));
    await click(await found('[data-testid="fiscal-close-2026"]'));
    expect(document.body.textContent).toContain('Once closed, 2026 takes nothing more');
    await click(await found('[data-testid="fiscal-close-2026-ok"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="fiscal-close-2026"]')).toBeNull());
    expect(calls.filter((c) => c.init.method === 'POST').map((c) => c.url.pathname)).toEqual([YEARS, `${YEARS}/2026/close`]);
    expect(sentBodies(calls, 'POST', YEARS)).toEqual([{ year: 2027 }]);
  });

  it('an auditor sees the years but can neither open nor close one', async () => {
    renderCloses(auditor, { [`GET ${YEARS}`]: () => [year(2026, 'OPEN')] });
    await waitFor(() => expect(yearRows()).toEqual(['2026']));
    expect(textOf('fiscal-years')).toContain('Open');
    expect(document.querySelector('[data-testid="fiscal-open"]')).toBeNull();
    expect(document.querySelector('[data-testid="fiscal-close-2026"]')).toBeNull();
  });
});
