import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { todayIso } from '../../layout/FormModal';
import { chooseOption, click, found, json, type scriptedFetch, typeInto as type, waitFor } from '../../test-utils';
import { newVersionData } from './NewVersionDialog';
import { admin, field, finance, P, posts, renderPolicyPage, row, typeDate } from './policySpecKit';

const pensionData = { code: 'PENSION', label: 'Pension (养老保险)', employerRate: '0.16', employeeRate: '0.08', baseFloor: '4986.00', baseCeiling: '24930.00', rounding: 'HALF_UP_FEN' };
const pension = row('11', 'INSURANCE', 'PENSION', pensionData);
const oldPension = row('10', 'INSURANCE', 'PENSION', { ...pensionData, baseFloor: '4462.00' }, { validFrom: '2025-01-01', validTo: '2025-12-31', supersededBy: '11' });
const qualification = row('21', 'ALLOWANCE', 'QUALIFICATION', {
  kind: 'QUALIFICATION', code: 'QUALIFICATION', label: 'Qualification allowance (职业资格津贴)', prorate: true, taxFree: false,
  levels: [{ level: 'ASSISTANT', monthly: '200.00' }, { level: 'SOCIAL_WORKER', monthly: '400.00' }],
});
const taxTable = row('31', 'TAX_TABLE', 'CUMULATIVE', { basicDeductionMonthly: '5000.00', brackets: [{ upTo: '36000.00', rate: '0.03', quickDeduction: '0.00' }, { upTo: null, rate: '0.45', quickDeduction: '181920.00' }] });
// written before hourlyBase existed: the engine takes the hourly rate from the base pay
const overtime = row('41', 'OVERTIME', 'DEFAULT', { hoursPerDay: 8, multipliers: { WORKDAY: '1.5', REST_DAY: '2', HOLIDAY: '3' } });
const rows = [pension, oldPension, qualification, taxTable, overtime];

const gets = (calls: ReturnType<typeof scriptedFetch>['calls']) => calls.filter((c) => (c.init.method ?? 'GET') === 'GET' && c.url.pathname === `${P}/rows`).map((c) => c.url.searchParams);

const tableText = () => document.querySelector('[data-testid="policy-table"]')?.textContent ?? '';
const drawerText = () => document.querySelector('[data-testid="policy-drawer"]')?.textContent ?? '';

const render = (me: typeof admin, extra?: Parameters<typeof renderPolicyPage>[2]) => renderPolicyPage(me, rows, extra);

describe('PolicyPage', () => {
  it('lists the open rows with readable summaries; the kind and date filters ask the API', async () => {
    const { calls } = render(finance);
    await waitFor(() => expect(tableText()).toContain('Pension (养老保险) · 16% / 8% · 4,986.00 yuan – 24,930.00 yuan'));
    expect(tableText()).toContain('Social insurance & housing fund');
    expect(tableText()).toContain('Qualification allowance (职业资格津贴) · Assistant social worker 200.00 yuan / Social worker 400.00 yuan');
    expect(tableText()).toContain('Open');
    expect(tableText()).not.toContain('4,462.00');

    // 17 kinds make a virtual list: search for the one wanted
    const select = await found('[data-testid="policy-kind"]');
    const search = select.querySelector('input') ?? select;
    await act(async () => {
      search.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    });
    await type(search, 'insurance');
    // (no [title="… & …"] selector: jsdom's selector engine reads "&" as CSS nesting)
    const option = () => [...document.querySelectorAll('.ant-select-item-option')].find((o) => o.getAttribute('title') === 'Social insurance & housing fund');
    await click(await waitFor(() => option() ?? expect.fail('no insurance option')));
    await waitFor(() => expect(gets(calls).at(-1)?.get('kind')).toBe('INSURANCE'));
    await waitFor(() => expect(tableText()).not.toContain('Qualification'));

    const mode = (label: string) => [...document.querySelectorAll('[data-testid="policy-mode"] label')].find((l) => l.textContent === label)?.querySelector('input');
    await click(mode('Whole history'));
    await waitFor(() => expect(gets(calls).at(-1)?.get('history')).toBe('true'));
    await waitFor(() => expect(tableText()).toContain('4,462.00 yuan'));
    expect(tableText()).toContain('Closed');
    expect(gets(calls).at(-1)?.get('kind')).toBe('INSURANCE');

    await click(mode('In force on'));
    await waitFor(() => expect(gets(calls).at(-1)?.get('asOf')).toBe(todayIso()));
    expect(gets(calls).at(-1)?.has('history')).toBe(false);
  });

  it('a row opens in a drawer: money in yuan with two decimals, rates in %, lists as tables', async () => {
    render(finance);
    await click(await found('[data-testid="policy-open-31"]'));
    await waitFor(() => expect(drawerText()).toContain('Basic deduction per month5,000.00 yuan'));
    const brackets = document.querySelector('[data-testid="policy-row-brackets"]')?.textContent;
    expect(brackets).toContain('36,000.00 yuan');
    expect(brackets).toContain('45%');
    expect(brackets).toContain('no upper bound');
    expect(brackets).toContain('181,920.00 yuan');

    await click(document.querySelector('[data-testid="policy-open-11"]'));
    await waitFor(() => expect(drawerText()).toContain('Employer rate16%'));
    expect(drawerText()).toContain('Base ceiling24,930.00 yuan');
    expect(drawerText()).toContain('RoundingHalf up to the fen');
    expect(drawerText()).toContain('illustrative demo');
  });

  it('a reader sees no write buttons', async () => {
    render(finance);
    await waitFor(() => expect(document.querySelector('[data-testid="signed-in"]')?.textContent).toBe('finance'));
    await click(await found('[data-testid="policy-open-11"]'));
    await waitFor(() => expect(drawerText()).toContain('Employer rate16%'));
    expect(document.querySelector('[data-testid="policy-new-version"]')).toBeNull();
    expect(document.querySelector('[data-testid="policy-close"]')).toBeNull();
  });

  it('a new version of the pension row is checked like the API, then POSTed with the row’s ETag as If-Match; a stale ETag shows its text', async () => {
    let answers = 0;
    const created = row('12', 'INSURANCE', 'PENSION', { ...pensionData, baseFloor: '5200.00' }, { validFrom: '2027-07-01' });
    const { calls } = render(admin, {
      [`POST ${P}/rows`]: () => (++answers === 1 ? json(412, { code: 'PRECONDITION_FAILED', message: 'changed', details: [{ path: 'header:If-Match', issue: 'does not match' }] }) : json(201, created)),
    });
    await click(await found('[data-testid="policy-open-11"]'));
    await click(await found('[data-testid="policy-new-version"]'));
    expect(((await field('data_employerRate')) as HTMLInputElement).value).toBe('0.16');
    expect(((await field('data_baseCeiling')) as HTMLInputElement).value).toBe('24930.00');

    // refused in the form: a percentage for a share, a floor above the ceiling, a start mid-month, no source
    await type(await field('data_employeeRate'), '8');
    await type(await field('data_baseFloor'), '30000');
    await typeDate('validFrom', '2027-07-02');
    await click(document.querySelector('[data-testid="policy-version-form-ok"]'));
    const form = () => document.querySelector('[data-testid="policy-version-form"]')?.textContent ?? '';
    await waitFor(() => expect(form()).toContain('Enter a share from 0 to 1'));
    expect(form()).toContain('The base floor cannot exceed the ceiling');
    expect(form()).toContain('An insurance item starts on the first of a month');
    expect(posts(calls, `${P}/rows`)).toHaveLength(0);

    await type(await field('data_employeeRate'), '0.08');
    await type(await field('data_baseFloor'), '5200');
    await typeDate('validFrom', '2027-07-01');
    await type(await field('sourceRef'), '杭人社〔2027〕1号');
    await click(document.querySelector('[data-testid="policy-version-form-ok"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="policy-stale"]')?.textContent).toContain('This record changed since you opened it'));
    await click(document.querySelector('[data-testid="policy-version-form-ok"]'));
    await waitFor(() => expect(document.body.textContent).toContain('New version saved'));

    const [first, second] = posts(calls, `${P}/rows`);
    expect(first.body).toEqual({ kind: 'INSURANCE', validFrom: '2027-07-01', sourceRef: '杭人社〔2027〕1号', data: { ...pensionData, baseFloor: '5200.00' } });
    expect(first.ifMatch).toBe('"e-11"');
    expect(second).toEqual(first);
  });

  it('a rate-only version of the pension row names the contribution year’s switch month', async () => {
    const { calls } = render(admin, { [`POST ${P}/rows`]: () => json(201, row('12', 'INSURANCE', 'PENSION', { ...pensionData, employerRate: '0.14', switchMonth: 7 }, { validFrom: '2027-05-01' })) });
    await click(await found('[data-testid="policy-open-11"]'));
    await click(await found('[data-testid="policy-new-version"]'));
    expect(document.querySelector('[data-testid="policy-version-form"]')?.textContent).toContain('Contribution year starts in (month)');
    await type(await field('data_employerRate'), '0.14');
    await type(await field('data_switchMonth'), '7');
    await typeDate('validFrom', '2027-05-01');
    await type(await field('sourceRef'), '杭人社〔2027〕3号');
    await click(document.querySelector('[data-testid="policy-version-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${P}/rows`)).toHaveLength(1));
    expect(posts(calls, `${P}/rows`)[0].body).toEqual({ kind: 'INSURANCE', validFrom: '2027-05-01', sourceRef: '杭人社〔2027〕3号', data: { ...pensionData, employerRate: '0.14', switchMonth: 7 } });
  });

  it('closing a row POSTs its last day with the ETag; an allowance-free kind offers no new version', async () => {
    const { calls } = render(admin, { [`POST ${P}/rows/31/close`]: () => ({ ...taxTable, validTo: '2026-12-31' }) });
    await click(await found('[data-testid="policy-open-31"]'));
    await found('[data-testid="policy-close"]');
    expect(document.querySelector('[data-testid="policy-new-version"]')).toBeNull();
    await click(document.querySelector('[data-testid="policy-close"]'));
    await typeDate('validTo', '2025-12-30');
    await click(document.querySelector('[data-testid="policy-close-form-ok"]'));
    await waitFor(() => expect(document.querySelector('[data-testid="policy-close-form"]')?.textContent).toContain('Cannot be before 2025-12-31'));
    await typeDate('validTo', '2026-12-31');
    await click(document.querySelector('[data-testid="policy-close-form-ok"]'));
    await waitFor(() => expect(posts(calls, `${P}/rows/31/close`)).toEqual([{ body: { validTo: '2026-12-31' }, ifMatch: '"e-31"' }]));
    await waitFor(() => expect(document.body.textContent).toContain('Row closed'));
  });

  it('an overtime row reads its multipliers and hourly base (absent: the old base-pay rule); its new version is checked and POSTed with If-Match', async () => {
    const { calls } = render(admin, { [`POST ${P}/rows`]: (_, init) => json(201, row('42', 'OVERTIME', 'DEFAULT', JSON.parse(String(init.body)).data)) });
    await waitFor(() => expect(tableText()).toContain('Hours per day 8 · Multipliers Workday 1.5 · Rest day 2 · Public holiday 3 · Hourly rate from Old rule: post base pay'));
    await click(await found('[data-testid="policy-open-41"]'));
    await waitFor(() => expect(drawerText()).toContain('Hourly rate fromOld rule: post base pay'));
    await click(await found('[data-testid="policy-new-version"]'));
    const form = () => document.querySelector('[data-testid="policy-version-form"]')?.textContent ?? '';
    expect(((await field('data_multipliers_REST_DAY')) as HTMLInputElement).value).toBe('2');
    expect(form()).toContain('Post base pay');
    expect(form()).toContain('DOMAIN: hourly wage = monthly wage ÷ 21.75 ÷ 8');

    await type(await field('data_multipliers_WORKDAY'), '1,5');
    await typeDate('validFrom', '2027-01-01');
    await type(await field('sourceRef'), '杭人社〔2027〕2号');
    await click(document.querySelector('[data-testid="policy-version-form-ok"]'));
    await waitFor(() => expect(form()).toContain('Enter a multiplier such as 1.5'));
    expect(posts(calls, `${P}/rows`)).toHaveLength(0);

    await type(await field('data_multipliers_WORKDAY'), ' 1.5 ');
    await chooseOption(await field('data_hourlyBase'), 'Monthly wage (base pay + monthly allowances)');
    await click(document.querySelector('[data-testid="policy-version-form-ok"]'));
    await waitFor(() => expect(document.body.textContent).toContain('New version saved'));
    expect(posts(calls, `${P}/rows`)).toEqual([
      {
        body: { kind: 'OVERTIME', validFrom: '2027-01-01', sourceRef: '杭人社〔2027〕2号', data: { hoursPerDay: 8, multipliers: { WORKDAY: '1.5', REST_DAY: '2', HOLIDAY: '3' }, hourlyBase: 'MONTHLY_WAGE' } },
        ifMatch: '"e-41"',
      },
    ]);
  });

  it('a new allowance version keeps its levels and sends the edited amounts as two-place strings', () => {
    expect(newVersionData(qualification.data, { label: ' Qualification ', prorate: false, levels: [{ monthly: '250' }, { monthly: '450.5' }] })).toEqual({
      ...qualification.data,
      label: 'Qualification',
      prorate: false,
      levels: [{ level: 'ASSISTANT', monthly: '250.00' }, { level: 'SOCIAL_WORKER', monthly: '450.50' }],
    });
  });
});
