import type { SpecialDeductionView, WorkerSpecialDeductionsView } from '@cws/workers-contracts';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import type { Me, WorkerDetail } from '../../../api/types';
import { thisMonth } from '../../../layout/FormModal';
import { chooseOption, click, found, json, renderApp, scriptedFetch, sentBodies, SignedIn, waitFor, xihuHr } from '../../../test-utils';
import { DeductionsTab } from './DeductionsTab';

// the tab reads only the id and whether the worker is still on the register
const worker = { id: 7, status: 'ACTIVE' } as WorkerDetail;
const auditor: Me = { ...xihuHr, name: 'auditor', roles: ['AUDITOR'] };

const deduction = (id: number, type: SpecialDeductionView['type'], monthlyAmount: string, fromMonth: string, toMonth: string | null, note: string | null = null): SpecialDeductionView => ({
  id, workerId: 7, type, monthlyAmount, fromMonth, toMonth, note, createdBy: 'xihu-hr', createdAt: '2026-01-05T02:00:00Z',
});
const declared: WorkerSpecialDeductionsView = {
  workerId: 7,
  asOf: '2026-06-30',
  yearToDate: '12000.00',
  items: [deduction(12, 'CHILD_EDUCATION', '2000.00', '2026-01', null, '两个子女，各扣 50%'), deduction(11, 'HOUSING_LOAN_INTEREST', '1000.00', '2025-01', '2025-12')],
};
const LIST = 'GET /api/workers/v1/workers/7/special-deductions';
// the withholding flags above the table (TaxYearFlags.spec covers them): none set this year
const year = new Date().getFullYear();
const FLAGS = { [`GET /api/workers/v1/workers/7/tax-years/${year}`]: () => ({ workerId: 7, year, firstJobOfYear: null, lowIncomeLastYear: null, note: null, updatedBy: null, updatedAt: null }) };

describe('DeductionsTab', () => {
  it('lists the declarations with the year-to-date sum, and HR withdraws one after confirming', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      [LIST]: () => declared,
      ...FLAGS,
      'DELETE /api/workers/v1/special-deductions/12': () => json(204, undefined),
    });
    const { container } = renderApp(<DeductionsTab worker={worker} />, { fetch, locale: 'en' });

    await waitFor(() => expect(container.querySelector('[data-testid="deductions-ytd"]')?.textContent).toBe('Deducted this year: 12,000.00 yuan (through 2026-06)'));
    await waitFor(() => expect(container.querySelector('[data-testid="tax-year"]')?.textContent).toContain(`Income-tax withholding flags for ${year}`));
    expect(container.querySelector('[data-testid="set-tax-year"]')).not.toBeNull();
    const table = container.querySelector('[data-testid="deductions"]')?.textContent;
    expect(table).toContain('Children’s education');
    expect(table).toContain('2,000.00');
    expect(table).toContain('2026-01 – ongoing');
    expect(table).toContain('2025-01 – 2025-12');
    expect(table).toContain('两个子女，各扣 50%');
    // an ended one has no last month left to set
    await found('[data-testid="end-deduction-12"]');
    expect(container.querySelector('[data-testid="end-deduction-11"]')).toBeNull();

    await click(container.querySelector('[data-testid="withdraw-deduction-12"]'));
    await click(await found('[data-testid="withdraw-deduction-12-ok"]'));

    await waitFor(() => expect(calls.filter((c) => `${c.init.method ?? 'GET'} ${c.url.pathname}` === LIST)).toHaveLength(2));
    expect(calls.filter((c) => c.init.method === 'DELETE').map((c) => c.url.pathname)).toEqual(['/api/workers/v1/special-deductions/12']);
  });

  it('adding a declaration posts the type, the amount to two places and the months; rent beside loan interest shows its refusal', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      [LIST]: () => declared,
      ...FLAGS,
      'POST /api/workers/v1/workers/7/special-deductions': () =>
        json(409, { code: 'SPECIAL_DEDUCTION_EXCLUSIVE', message: 'housing rent and loan interest in one month', details: [] }),
    });
    renderApp(<DeductionsTab worker={worker} />, { fetch, locale: 'en' });

    await click(await found('[data-testid="add-deduction"]'));
    await chooseOption(await found('[data-testid="deduction-type"]'), 'Housing rent');
    await waitFor(() => expect(document.querySelector('[data-testid="deduction-form"]')?.textContent).toContain('At most 1,500.00 yuan a month'));
    const amount = document.querySelector('[data-testid="deduction-amount"]') as HTMLInputElement;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(amount, '1500');
      amount.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(document.querySelector('[data-testid="deduction-form-ok"]'));

    await waitFor(() => expect(document.body.textContent).toContain('Housing rent and housing loan interest cannot both be deducted in one month'));
    expect(sentBodies(calls, 'POST')).toEqual([{ type: 'HOUSING_RENT', monthlyAmount: '1500.00', fromMonth: thisMonth() }]);
    // refused: the modal stays open for a correction
    expect(document.querySelector('[data-testid="deduction-form"]')).not.toBeNull();
  });

  it('a read-only role sees the declarations but no add, end or withdraw', async () => {
    const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => auditor, [LIST]: () => declared, ...FLAGS });
    const { container } = renderApp(<><DeductionsTab worker={worker} /><SignedIn /></>, { fetch, locale: 'en' });

    await waitFor(() => expect(container.querySelector('[data-testid="signed-in"]')?.textContent).toBe('auditor'));
    await waitFor(() => expect(container.querySelector('[data-testid="deductions"]')?.textContent).toContain('Housing loan interest'));
    expect(container.querySelector('[data-testid="add-deduction"]')).toBeNull();
    expect(container.querySelector('[data-testid^="end-deduction"]')).toBeNull();
    expect(container.querySelector('[data-testid^="withdraw-deduction"]')).toBeNull();
    expect(container.querySelector('[data-testid="tax-year-firstJobOfYear"]')?.textContent).toBe('Default');
    expect(container.querySelector('[data-testid="set-tax-year"]')).toBeNull();
  });
});
