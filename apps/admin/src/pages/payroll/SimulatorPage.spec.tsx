import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, renderApp, scriptedFetch, waitFor, xihuHr, type Rendered } from '../../test-utils';
import { ApiError } from '../../api/errors';
import { normaliseAmount, simulationFieldErrors, SimulatorPage } from './SimulatorPage';

let view: Rendered | undefined;
afterEach(() => view?.unmount());

async function submit(container: HTMLElement) {
  await act(async () => {
    (container.querySelector('[data-testid="simulate"]') as HTMLButtonElement).click();
  });
}

describe('SimulatorPage', () => {
  it('sends twelve months of decimal strings and shows the results table', async () => {
    let sent: { year: number; months: Array<Record<string, unknown>> } | undefined;
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'POST /api/payroll/v1/simulations': (_url, init) => {
        sent = JSON.parse(String(init.body));
        return { months: sent!.months.map((m, i) => ({ month: m.month, cumulativeTaxable: `${(i + 1) * 4900}.00`, tax: '147.00', cumulativeTax: `${(i + 1) * 147}.00` })) };
      },
    });
    view = renderApp(<SimulatorPage />, { fetch });
    const { container } = view;
    await waitFor(() => expect(container.querySelector('[data-testid="simulate"]')).not.toBeNull());

    await submit(container);

    await waitFor(() => expect(container.querySelector('[data-testid="simulation-results"]')?.textContent).toContain('58800.00'));
    expect(sent?.months).toHaveLength(12);
    expect(sent?.months[0]).toEqual({ month: 1, gross: '12000.00', employeeInsurance: '2100.00', specialDeductions: '0.00', taxFree: '0.00', otherDeductions: '0.00' });
    expect(typeof sent?.months[11].gross).toBe('string');
    expect(container.querySelector('[data-testid="simulation-results"]')?.textContent).toContain('1764.00');
  });

  it('puts the server’s validation details on the matching month field', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'POST /api/payroll/v1/simulations': () =>
        json(400, { code: 'VALIDATION', message: 'Invalid simulation', details: [{ path: 'months[2].gross', issue: 'must not be below the minimum wage' }] }),
    });
    view = renderApp(<SimulatorPage />, { fetch });
    const { container } = view;
    await waitFor(() => expect(container.querySelector('[data-testid="simulate"]')).not.toBeNull());

    await submit(container);

    await waitFor(() => expect(container.querySelector('[data-testid="simulation-error"]')?.textContent).toContain('Invalid simulation'));
    const march = container.querySelector('[data-testid="m3-gross"]')?.closest('.ant-form-item');
    await waitFor(() => expect(march?.textContent).toContain('must not be below the minimum wage'));
  });

  it('moves a server path on the months sent to the row of that month (a mid-year start)', () => {
    const sent = { year: 2026, months: [4, 5, 6].map((month) => ({ month, gross: '1.00', employeeInsurance: '0.00', specialDeductions: '0.00', taxFree: '0.00', otherDeductions: '0.00' })) };
    const err = new ApiError(400, 'VALIDATION_FAILED', 'bad', [{ path: 'months[1].gross', issue: 'x' }, { path: 'bonus.amount', issue: 'y' }]);
    expect(simulationFieldErrors(err, sent)).toEqual([{ name: ['months', 4, 'gross'], errors: ['x'] }, { name: ['bonus', 'amount'], errors: ['y'] }]);
  });

  it('refuses an amount with three decimals on that input, before asking the server', async () => {
    const { fetch, calls } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr });
    view = renderApp(<SimulatorPage />, { fetch });
    const { container } = view;
    await waitFor(() => expect(container.querySelector('[data-testid="m2-employeeInsurance"]')).not.toBeNull());
    const input = container.querySelector('[data-testid="m2-employeeInsurance"]') as HTMLInputElement;
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, '1.234');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submit(container);
    await waitFor(() => expect(input.closest('.ant-form-item')?.textContent).toContain('请输入金额，最多两位小数'));
    expect(container.querySelector('[data-testid="m2-gross"]')?.closest('.ant-form-item')?.textContent).not.toContain('请输入金额');
    expect(calls.some((c) => c.url.pathname.endsWith('/simulations'))).toBe(false);
  });

  it('pads amounts to two places by string only', () => {
    expect(normaliseAmount('12000')).toBe('12000.00');
    expect(normaliseAmount('12000.5')).toBe('12000.50');
    expect(normaliseAmount(' 99999999999.99 ')).toBe('99999999999.99');
  });
});
