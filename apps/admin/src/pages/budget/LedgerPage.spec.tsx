import type { LedgerEntryView } from '@cws/budget-contracts';
import { describe, expect, it } from 'vitest';
import { click, found, waitFor } from '../../test-utils';
import { LedgerPage } from './LedgerPage';
import { B, address, finance, posting, queries, renderBudgetPage, searchSourceRef, year } from './postingsSpecKit';

const entry = (id: string, entryType: LedgerEntryView['entryType'], over: Partial<LedgerEntryView> = {}): LedgerEntryView => ({
  id, fiscalYear: year, funder: 'CITY', stream: 'PARTY_BUILDING', districtCode: '330106', streetCode: '330106001', communityCode: '330106001001',
  entryType, appropriationId: '12', allocationId: '40', postingId: null,
  appropriated: '0.00', allocated: '0.00', committed: '0.00', spent: '0.00', memo: null, createdAt: '2026-03-02T02:00:00.000Z', ...over,
});

const rows = () => [...document.querySelectorAll('[data-testid="ledger-table"] tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

describe('LedgerPage', () => {
  it('lists the ledger oldest first with each movement’s deltas (blank where a column is untouched), pages on with the cursor, and opens a posting', async () => {
    const { calls } = renderBudgetPage(finance, <LedgerPage />, {
      [`GET ${B}/ledger`]: (url) =>
        url.searchParams.get('after') === '1202'
          ? { items: [entry('1203', 'REVERSAL', { postingId: '391', spent: '-1250.00', memo: '重复录入' })], nextAfter: null }
          : {
              items: [
                entry('1201', 'ALLOCATION', { allocated: '100000.00' }),
                entry('1202', 'EXPENDITURE', { postingId: '389', spent: '1250.00', memo: '办公用品' }),
              ],
              nextAfter: '1202',
            },
      [`GET ${B}/postings/389`]: () => posting('389', 'EXPENDITURE'),
    });
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [allocation, expenditure] = rows();
    expect(allocation.slice(2, 11)).toEqual(['Allocation', `${year} · City · Party building`, '翠苑一区社区', 'appropriation #12 allocation #40 ', '', '100,000.00', '', '', '-']);
    expect(expenditure.slice(9, 11)).toEqual(['1,250.00', '办公用品']);
    expect(queries(calls, `${B}/ledger`)[0]).toMatchObject({ fiscalYear: String(year), limit: '100' });

    await click(await found('[data-testid="ledger-load-more"]'));
    await waitFor(() => expect(rows()).toHaveLength(3));
    expect(rows()[2].slice(9, 11)).toEqual(['-1,250.00', '重复录入']);

    await click(await found('[data-testid="ledger-posting-389"]'));
    // loaded (its kind shows once the posting is read), and read-only here: no reversal offered
    await waitFor(() => expect(document.querySelector('[data-testid="posting-drawer"]')?.textContent).toContain('Expenditure'));
    expect(document.querySelector('[data-testid="posting-reverse"]')).toBeNull();
  });

  it('narrows to one payroll run’s postings by the source reference, kept in the address', async () => {
    const { calls } = renderBudgetPage(finance, <LedgerPage />, { [`GET ${B}/ledger`]: () => ({ items: [], nextAfter: null }) });
    await waitFor(() => expect(queries(calls, `${B}/ledger`)).toHaveLength(1));
    await searchSourceRef('ledger-source-ref', 'payroll-run:12:');
    await waitFor(() => expect(queries(calls, `${B}/ledger`).at(-1)).toMatchObject({ sourceRefPrefix: 'payroll-run:12:' }));
    expect(address().get('sourceRefPrefix')).toBe('payroll-run:12:');
  });
});
