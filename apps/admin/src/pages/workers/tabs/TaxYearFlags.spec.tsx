import type { WorkerTaxYearView } from '@cws/workers-contracts';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { Me, WorkerDetail } from '../../../api/types';
import { chooseOption, click, found, renderApp, scriptedFetch, SignedIn, waitFor, xihuHr } from '../../../test-utils';
import { TaxYearFlags } from './TaxYearFlags';

// the flags read only the id and whether the worker is still on the register
const worker = { id: 7, status: 'ACTIVE' } as WorkerDetail;
const auditor: Me = { ...xihuHr, name: 'auditor', roles: ['AUDITOR'] };
const year = new Date().getFullYear();
const PATH = `/api/workers/v1/workers/7/tax-years/${year}`;
const flags = (firstJobOfYear: boolean | null, lowIncomeLastYear: boolean | null, set?: { note: string | null; by: string }): WorkerTaxYearView => ({
  workerId: 7, year, firstJobOfYear, lowIncomeLastYear, note: set?.note ?? null, updatedBy: set?.by ?? null, updatedAt: set ? '2026-03-02T02:00:00Z' : null,
});

/** What one flag's cell says. */
const text = (flag: string) => document.querySelector(`[data-testid="tax-year-${flag}"]`)?.textContent;

/** Picks the option titled `title` in the Select with this test id, and waits until the select shows it. */
async function pick(testId: string, title: string) {
  const select = await found(`[data-testid="${testId}"]`);
  await chooseOption(select, title);
  await waitFor(() => expect(select.textContent).toContain(title));
}

describe('TaxYearFlags', () => {
  it('shows this year’s flags as 是/否/默认, and HR sets them: the PUT sends null for 默认, then the flags refetch', async () => {
    let current = flags(true, false);
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      [`GET ${PATH}`]: () => current,
      [`PUT ${PATH}`]: (_url, init) => {
        const body = JSON.parse(String(init.body)) as Pick<WorkerTaxYearView, 'firstJobOfYear' | 'lowIncomeLastYear' | 'note'>;
        current = flags(body.firstJobOfYear, body.lowIncomeLastYear, { note: body.note ?? null, by: 'xihu-hr' });
        return current;
      },
    });
    const { container } = renderApp(<TaxYearFlags worker={worker} />, { fetch });

    await waitFor(() => expect(text('firstJobOfYear')).toBe('是'));
    expect(text('lowIncomeLastYear')).toBe('否');
    expect(container.querySelector('[data-testid="tax-year"]')?.textContent).toContain(`${year} 年个税预扣标志`);

    await click(await found('[data-testid="set-tax-year"]'));
    await pick('tax-year-firstJobOfYear-select', '否');
    await pick('tax-year-lowIncomeLastYear-select', '默认');
    const note = (await found('[data-testid="tax-year-note"]')) as HTMLInputElement;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(note, '上年在外单位已有工资薪金');
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(document.querySelector('[data-testid="tax-year-form-ok"]'));

    await waitFor(() => expect(text('firstJobOfYear')).toBe('否'));
    expect(text('lowIncomeLastYear')).toBe('默认');
    const shown = container.querySelector('[data-testid="tax-year"]')?.textContent;
    expect(shown).toContain('（按上年工资条）');
    expect(shown).toContain('上年在外单位已有工资薪金');
    expect(shown).toContain('xihu-hr');
    const put = calls.filter((c) => c.init.method === 'PUT');
    expect(put.map((c) => c.url.pathname)).toEqual([PATH]);
    expect(put.map((c) => JSON.parse(String(c.init.body)))).toEqual([{ firstJobOfYear: false, lowIncomeLastYear: null, note: '上年在外单位已有工资薪金' }]);
    expect(calls.filter((c) => `${c.init.method ?? 'GET'} ${c.url.pathname}` === `GET ${PATH}`)).toHaveLength(2);
  });

  it('unset flags read 默认 with what payroll falls back to', async () => {
    const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr, [`GET ${PATH}`]: () => flags(null, null) });
    const { container } = renderApp(<TaxYearFlags worker={worker} />, { fetch, locale: 'en' });

    await waitFor(() => expect(text('firstJobOfYear')).toBe('Default'));
    expect(text('lowIncomeLastYear')).toBe('Default');
    const shown = container.querySelector('[data-testid="tax-year"]')?.textContent;
    expect(shown).toContain(`Income-tax withholding flags for ${year}`);
    expect(shown).toContain('(hired this calendar year)');
    expect(shown).toContain('(from last year’s payslips)');
  });

  it('an auditor sees the flags but no 设定', async () => {
    const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => auditor, [`GET ${PATH}`]: () => flags(true, null, { note: '入职承诺', by: 'xihu-hr' }) });
    const { container } = renderApp(<><TaxYearFlags worker={worker} /><SignedIn /></>, { fetch });

    await waitFor(() => expect(container.querySelector('[data-testid="signed-in"]')?.textContent).toBe('auditor'));
    await waitFor(() => expect(text('firstJobOfYear')).toBe('是'));
    expect(container.querySelector('[data-testid="tax-year"]')?.textContent).toContain('入职承诺');
    expect(container.querySelector('[data-testid="set-tax-year"]')).toBeNull();
  });
});
