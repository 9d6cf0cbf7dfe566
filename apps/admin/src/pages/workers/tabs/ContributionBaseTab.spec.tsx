import type { DeclaredContributionBasePageView, DeclaredContributionBaseView } from '@cws/payroll-contracts';
import { describe, expect, it } from 'vitest';
import type { Me, WorkerDetail } from '../../../api/types';
import { thisMonth } from '../../../layout/FormModal';
import { click, found, json, renderApp, scriptedFetch, sentBodies, SignedIn, typeInto, waitFor, xihuHr } from '../../../test-utils';
import { ContributionBaseTab } from './ContributionBaseTab';

// the tab reads only the id and whether the worker is still on the register
const worker = { id: 7, status: 'ACTIVE' } as WorkerDetail;
const auditor: Me = { ...xihuHr, name: 'auditor', roles: ['AUDITOR'] };

const declaration = (id: string, validFrom: string, base: string, housingFundBase: string | null, note: string | null): DeclaredContributionBaseView => ({
  id, workerId: 7, validFrom, base, housingFundBase, note, districtCode: '330106', streetCode: '330106001', declaredBy: '西湖区人社 张敏', declaredAt: '2026-07-02T02:00:00Z',
});
const page: DeclaredContributionBasePageView = {
  items: [declaration('22', '2026-07', '7500.00', '8000.00', '社保中心核定'), declaration('21', '2026-01', '6800.00', null, null)],
  nextAfter: null,
};
const LIST = 'GET /api/payroll/v1/contribution-bases';
const POST = 'POST /api/payroll/v1/contribution-bases';

const type = async (testId: string, value: string) => typeInto(await found(`[data-testid="${testId}"]`), value);

/** The form item's error text around the control with this test id (or, for the month picker, this id). */
const itemError = (control: Element | null) => control?.closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';

const posted = (calls: Array<{ url: URL; init: RequestInit }>) => sentBodies(calls, 'POST');

describe('ContributionBaseTab', () => {
  it('lists the worker’s declarations newest first and HR withdraws one after confirming', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      [LIST]: () => page,
      'DELETE /api/payroll/v1/contribution-bases/22': () => json(204, undefined),
    });
    const { container } = renderApp(<ContributionBaseTab worker={worker} />, { fetch, locale: 'en' });

    await waitFor(() => expect(container.querySelectorAll('[data-testid="contribution-bases"] tbody tr.ant-table-row')).toHaveLength(2));
    expect(calls.find((c) => c.url.pathname === '/api/payroll/v1/contribution-bases')?.url.searchParams.get('workerId')).toBe('7');
    const rows = [...container.querySelectorAll('[data-testid="contribution-bases"] tbody tr.ant-table-row')].map((r) => r.textContent);
    expect(rows[0]).toContain('2026-07');
    expect(rows[0]).toContain('7,500.00');
    expect(rows[0]).toContain('8,000.00');
    expect(rows[0]).toContain('社保中心核定');
    expect(rows[0]).toContain('西湖区人社 张敏');
    expect(rows[1]).toContain('6,800.00');
    expect(rows[1]).toContain('Same');
    expect(container.querySelector('[data-testid="bases-how-chosen"]')?.textContent).toContain('previous year’s average monthly wage');

    await click(await found('[data-testid="withdraw-base-22"]'));
    await click(await found('[data-testid="withdraw-base-22-ok"]'));

    await waitFor(() => expect(document.body.textContent).toContain('approved or paid runs are not changed'));
    expect(calls.filter((c) => c.init.method === 'DELETE').map((c) => c.url.pathname)).toEqual(['/api/payroll/v1/contribution-bases/22']);
    await waitFor(() => expect(calls.filter((c) => `${c.init.method ?? 'GET'} ${c.url.pathname}` === LIST)).toHaveLength(2));
  });

  it('declaring posts one item with the amounts as two-decimal strings, then says what it changes', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      [LIST]: () => page,
      [POST]: () => json(201, { validFrom: thisMonth(), created: 1, replaced: 0 }),
    });
    renderApp(<ContributionBaseTab worker={worker} />, { fetch, locale: 'en' });

    await click(await found('[data-testid="declare-base"]'));
    await type('base-amount', '7500');
    await type('base-housing-fund', '8000.5');
    await type('base-note', '社保中心核定');
    await click(document.querySelector('[data-testid="base-form-ok"]'));

    await waitFor(() => expect(document.body.textContent).toContain('Draft runs pick it up at their next computation'));
    expect(posted(calls)).toEqual([{ validFrom: thisMonth(), items: [{ workerId: 7, base: '7500.00', housingFundBase: '8000.50', note: '社保中心核定' }] }]);
    // the list is read again with the new declaration
    await waitFor(() => expect(calls.filter((c) => `${c.init.method ?? 'GET'} ${c.url.pathname}` === LIST)).toHaveLength(2));
  });

  it('refuses an amount of zero or with three decimals before sending anything', async () => {
    const { fetch, calls } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr, [LIST]: () => page });
    renderApp(<ContributionBaseTab worker={worker} />, { fetch, locale: 'en' });

    await click(await found('[data-testid="declare-base"]'));
    await type('base-amount', '0');
    await type('base-housing-fund', '8000.555');
    await click(document.querySelector('[data-testid="base-form-ok"]'));

    await waitFor(() => expect(itemError(document.querySelector('[data-testid="base-amount"]'))).toBe('The amount must be greater than 0'));
    await waitFor(() => expect(itemError(document.querySelector('[data-testid="base-housing-fund"]'))).toBe('Enter an amount with at most two decimals'));
    expect(posted(calls)).toEqual([]);
  });

  it('a worker not employed in the caller’s scope that month: the refusal lands on the month', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      [LIST]: () => page,
      [POST]: () =>
        json(400, {
          code: 'WORKER_NOT_IN_SCOPE',
          message: '1 worker(s) are not employed in your scope on 2026-07-31',
          details: [{ path: 'items[0].workerId', issue: 'worker 7 is not employed in your scope on 2026-07-31', code: 'WORKER_NOT_IN_SCOPE' }],
        }),
    });
    renderApp(<ContributionBaseTab worker={worker} />, { fetch, locale: 'en' });

    await click(await found('[data-testid="declare-base"]'));
    await type('base-amount', '7500.00');
    await click(document.querySelector('[data-testid="base-form-ok"]'));

    const text = 'This worker is not employed in your scope on the last day of that month';
    await waitFor(() => expect(itemError(document.querySelector('[data-testid="base-form"] #validFrom'))).toBe(text));
    expect(posted(calls)).toHaveLength(1);
    // refused: the dialog stays open for a correction
    expect(document.querySelector('[data-testid="base-form"]')).not.toBeNull();
  });

  it('a read-only role sees the declarations but no declare or withdraw', async () => {
    const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => auditor, [LIST]: () => page });
    const { container } = renderApp(<><ContributionBaseTab worker={worker} /><SignedIn /></>, { fetch, locale: 'zh-CN' });

    await waitFor(() => expect(container.querySelector('[data-testid="signed-in"]')?.textContent).toBe('auditor'));
    await waitFor(() => expect(container.querySelector('[data-testid="contribution-bases"]')?.textContent).toContain('同社保基数'));
    expect(container.querySelector('[data-testid="declare-base"]')).toBeNull();
    expect(container.querySelector('[data-testid^="withdraw-base"]')).toBeNull();
  });
});
