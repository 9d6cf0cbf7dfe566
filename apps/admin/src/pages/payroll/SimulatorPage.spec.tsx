import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { json, renderApp, scriptedFetch, waitFor, xihuHr, type Rendered } from '../../test-utils';
import { normaliseAmount, SimulatorPage } from './SimulatorPage';

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

  it('pads amounts to two places by string only', () => {
    expect(normaliseAmount('12000')).toBe('12000.00');
    expect(normaliseAmount('12000.5')).toBe('12000.50');
    expect(normaliseAmount(' 99999999999.99 ')).toBe('99999999999.99');
  });
});
