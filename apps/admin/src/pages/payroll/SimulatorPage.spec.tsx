import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { json, renderApp, scriptedFetch, waitFor, xihuHr } from '../../test-utils';
import { ApiError } from '../../api/errors';
import { engineFieldErrors, issueKey, normaliseAmount, simulationFieldErrors, SimulatorPage } from './SimulatorPage';

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
    const { container } = renderApp(<SimulatorPage />, { fetch });
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
    const { container } = renderApp(<SimulatorPage />, { fetch });
    await waitFor(() => expect(container.querySelector('[data-testid="simulate"]')).not.toBeNull());

    await submit(container);

    await waitFor(() => expect(container.querySelector('[data-testid="simulation-error"]')?.textContent).toContain('请检查'));
    const march = container.querySelector('[data-testid="m3-gross"]')?.closest('.ant-form-item');
    await waitFor(() => expect(march?.textContent).toContain('超出允许范围'));
  });

  it('moves a server path on the months sent to the row of that month (a mid-year start)', () => {
    const sent = { year: 2026, months: [4, 5, 6].map((month) => ({ month, gross: '1.00', employeeInsurance: '0.00', specialDeductions: '0.00', taxFree: '0.00', otherDeductions: '0.00' })) };
    const err = new ApiError(400, 'VALIDATION_FAILED', 'bad', [{ path: 'months[1].gross', issue: 'x' }, { path: 'bonus.amount', issue: 'y' }]);
    expect(simulationFieldErrors(err, sent)).toEqual([{ name: ['months', 4, 'gross'], errors: ['x'] }, { name: ['bonus', 'amount'], errors: ['y'] }]);
  });

  it('refuses an amount with three decimals on that input, before asking the server', async () => {
    const { fetch, calls } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr });
    const { container } = renderApp(<SimulatorPage />, { fetch });
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

  it('pads amounts to two places through bigint fen; leaves malformed input for the validation', () => {
    expect(normaliseAmount('12000')).toBe('12000.00');
    expect(normaliseAmount('12000.5')).toBe('12000.50');
    expect(normaliseAmount(' 99999999999.99 ')).toBe('99999999999.99');
    expect(normaliseAmount('9007199254740993.01')).toBe('9007199254740993.01'); // too large: left as typed, never rounded by a float
    expect(normaliseAmount('1.234')).toBe('1.234');
  });

  it("validates with the engine (the API's own check), mapping paths to the month's row; the bonus-year rule is left to the server", () => {
    const month = (m: number, gross: string) => ({ month: m, gross, employeeInsurance: '0.00', specialDeductions: '0.00', taxFree: '0.00', otherDeductions: '-1.00' });
    const errs = engineFieldErrors({ year: 2028, months: [month(4, '1.00'), month(5, 'abc')], bonus: { amount: '1.001', method: 'SEPARATE' } });
    const byName = Object.fromEntries(errs.map((e) => [e.name.join('.'), e.errors[0]]));
    expect(byName['months.4.gross']).toMatch(/number/);
    expect(byName['months.3.otherDeductions']).toMatch(/negative/);
    expect(byName['bonus.amount']).toMatch(/two decimal places/);
    expect(byName['bonus.method']).toBeUndefined();
    expect(engineFieldErrors({ year: 2026, months: [month(1, '30000.00')].map((m) => ({ ...m, otherDeductions: '0.00' })) })).toEqual([]);
  });

  it("picks the form's words by the engine's issue code, not by its English text", () => {
    expect(issueKey({ path: 'months[0].gross', issue: 'anything', code: 'AMOUNT_NEGATIVE' })).toBe('payroll.amountNegative');
    expect(issueKey({ path: 'bonus.amount', issue: 'anything', code: 'AMOUNT_TOO_LARGE' })).toBe('payroll.amountTooLarge');
    expect(issueKey({ path: 'months[0].gross', issue: 'anything', code: 'AMOUNT_TOO_MANY_DECIMALS' })).toBe('payroll.amountInvalid');
    // a month's "whole number" issue is not an amount issue, whatever its words
    expect(issueKey({ path: 'months[0].month', issue: 'must be a whole number from 1 to 12', code: 'MONTH_INVALID' })).toBeNull();
    expect(issueKey({ path: 'months[0].gross', issue: 'must not be negative' })).toBeNull();
    const errs = engineFieldErrors({ year: 2026, months: [{ month: 1, gross: '-5' }] }, (d) => d.code ?? '');
    expect(errs).toEqual([{ name: ['months', 0, 'gross'], errors: ['AMOUNT_NEGATIVE'] }]);
  });

  it('shows an instant in-browser preview from the engine, labelled as such, and whether the server agrees', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'POST /api/payroll/v1/simulations': (_url, init) => {
        const sent = JSON.parse(String(init.body)) as { year: number; months: Array<{ month: number }> };
        // the server's tables give the same total as the engine's defaults here
        return { year: sent.year, months: sent.months.map((m, i) => ({ month: m.month, cumulativeTaxable: `${(i + 1) * 4900}.00`, tax: '0.00', cumulativeTax: '0.00' })), totalTax: '3360.00' };
      },
    });
    const { container } = renderApp(<SimulatorPage />, { fetch });
    const preview = () => container.querySelector('[data-testid="simulation-preview"]')?.textContent ?? '';
    // 12,000 a month less 2,100 insurance and the 5,000 basic deduction: 4,900 × 3 % = 147.00 a month until
    // the cumulative 36,000 bracket is crossed in August; the year 3,360.00 on 58,800.00
    await waitFor(() => expect(preview()).toContain('3360.00'));
    expect(container.querySelector('[data-testid="simulation-preview"] tr[data-row-key="1"]')?.textContent).toContain('147.00');
    expect(container.querySelector('[data-testid="simulation-preview"] tr[data-row-key="8"]')?.textContent).toContain('371.00');
    expect(preview()).toContain('预览');
    expect(preview()).toContain('58800.00');
    expect(calls.some((c) => c.url.pathname.endsWith('/simulations'))).toBe(false);

    // typing updates the preview at once; a malformed amount stops it
    const input = container.querySelector('[data-testid="m1-gross"]') as HTMLInputElement;
    const type = (value: string) =>
      act(async () => {
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await type('1.234');
    await waitFor(() => expect(container.querySelector('[data-testid="preview-issues"]')?.textContent).toContain('months[0].gross'));
    await type('12000');
    await waitFor(() => expect(preview()).toContain('3360.00'));

    await submit(container);
    await waitFor(() => expect(container.querySelector('[data-testid="preview-agreement"]')?.textContent).toBe('与即时预览一致'));
  });
});
