import { describe, expect, it } from 'vitest';
import { found, json, typeDateInto, waitFor } from '../../test-utils';
import { effectivePolicy, finance, P, renderPolicyPage } from './policySpecKit';

const checkText = () => document.querySelector('[data-testid="policy-year-check"]')?.textContent ?? '';
const thisYear = new Date().getFullYear();

describe('PolicyYearCheck (年度政策检查)', () => {
  it('shows this year complete with its unit value and benchmark wage; next year lists the tables a run of it would miss', async () => {
    const { calls } = renderPolicyPage(finance, [], {
      [`GET ${P}/effective`]: (url) =>
        Number(url.searchParams.get('year')) === thisYear
          ? effectivePolicy(thisYear)
          : json(422, {
            code: 'POLICY_INCOMPLETE', message: 'the policy tables have no rows in force',
            details: [{ path: `UNIT_VALUE:${thisYear + 1}`, issue: 'no row' }, { path: 'OVERTIME', issue: 'no row' }, { path: 'SOMETHING_NEW', issue: 'no row' }],
          }),
    });
    await waitFor(() => expect(checkText()).toContain(`The ${thisYear} policy is complete`));
    expect(checkText()).toContain('Unit value1,812.50 yuan');
    expect(checkText()).toContain(`Benchmark: city average wage ${thisYear - 1}167,177.00 yuan`);
    expect(checkText()).toContain('Insurance and housing fund items3');

    await typeDateInto(await found('[data-testid="policy-year-check"] input'), String(thisYear + 1));
    await waitFor(() => expect(checkText()).toContain(`The ${thisYear + 1} policy is incomplete`));
    const items = [...document.querySelectorAll('[data-testid="policy-year-incomplete"] li')].map((li) => li.textContent);
    expect(items).toEqual([`Unit value（${thisYear + 1}）`, 'Overtime', 'SOMETHING_NEW']);
    expect(calls.filter((c) => c.url.pathname === `${P}/effective`).map((c) => c.url.searchParams.get('year'))).toEqual([String(thisYear), String(thisYear + 1)]);
  });
});
