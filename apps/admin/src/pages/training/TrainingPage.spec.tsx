import { describe, expect, it } from 'vitest';
import { chooseOption, click, found, json, renderPageAs, sentBodies, textOf, typeDateInto, typeInto, waitFor, xihuHr } from '../../test-utils';
import { TrainingPage } from './TrainingPage';

const T = '/api/workers/v1/training';

describe('TrainingPage: a new class', () => {
  it('a cost field emptied is no cost (was: sent as "" and refused); a district user’s class is the district’s', async () => {
    const { calls } = renderPageAs(xihuHr, <TrainingPage />, {
      [`GET ${T}/classes`]: () => [],
      [`GET ${T}/courses`]: () => [{ id: 3, name: '社区治理实务', category: 'PROFESSIONAL_SKILLS' }],
      [`GET ${T}/providers`]: () => [{ id: 5, name: '市委党校' }],
      [`POST ${T}/classes`]: () => json(201, { id: 9 }),
    });
    await click(await found('[data-testid="new-class"]'));
    const form = await found('[data-testid="class-form"]');
    await typeInto(form.querySelector('#title')!, '2026 年社区治理专题班');
    await chooseOption(form.querySelector('#courseId')!, '社区治理实务');
    await chooseOption(form.querySelector('#providerId')!, '市委党校');
    await typeDateInto(form.querySelector('#startDate')!, '2026-12-07');
    await typeDateInto(form.querySelector('#endDate')!, '2026-12-09');
    await typeInto(form.querySelector('#hours')!, '24');
    await typeInto(form.querySelector('#cost')!, '');
    await click(document.querySelector('[data-testid="class-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST', `${T}/classes`)).toEqual([
      { title: '2026 年社区治理专题班', courseId: 3, providerId: 5, startDate: '2026-12-07', endDate: '2026-12-09', hours: '24', cost: '0.00', districtCode: '330106' },
    ]));
  });
});

describe('TrainingPage: the year’s required hours (设置应修学时)', () => {
  const cityAdmin = { ...xihuHr, id: 'u-city', name: 'city-admin', roles: ['CITY_ADMIN' as const], scope: { level: 'CITY' as const } };
  const year = new Date().getFullYear();
  const openShortfall = async () => click([...document.querySelectorAll('.ant-tabs-tab')].find((tab) => tab.textContent?.includes('Shortfall')) ?? null);

  it('a city admin sets the hours of a year without a rule; the report then shows the requirement', async () => {
    let rule: { requiredHours: string; source: string } | null = null;
    const { calls } = renderPageAs(cityAdmin, <TrainingPage />, {
      [`GET ${T}/classes`]: () => [],
      [`GET ${T}/courses`]: () => [],
      [`GET ${T}/providers`]: () => [],
      [`GET ${T}/shortfall`]: () => (rule ? { year, ...rule, workers: [], communities: [] } : json(404, { code: 'TRAINING_RULE_NOT_FOUND', message: 'no rule', details: [] })),
      [`PUT ${T}/rules/${year}`]: (_, init) => (rule = JSON.parse(String(init.body))),
    });
    await openShortfall();
    await click(await found('[data-testid="training-rule"]'));
    const form = await found('[data-testid="training-rule-form"]');
    await typeInto(form.querySelector('#requiredHours')!, '40.55');
    await typeInto(form.querySelector('#source')!, '培训管理办法');
    await click(document.querySelector('[data-testid="training-rule-form-ok"]'));
    await waitFor(() => expect(form.querySelector('[id="requiredHours_help"]')?.textContent).toBeTruthy());
    expect(sentBodies(calls, 'PUT')).toEqual([]);
    await typeInto(form.querySelector('#requiredHours')!, '40.5');
    await click(document.querySelector('[data-testid="training-rule-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'PUT', `${T}/rules/${year}`)).toEqual([{ requiredHours: '40.5', source: '培训管理办法' }]));
    await waitFor(() => expect(document.body.textContent).toContain(`${year}: 40.5 hours per worker (培训管理办法)`));
  });

  it('a district HR sees the requirement but cannot set it', async () => {
    renderPageAs(xihuHr, <TrainingPage />, {
      [`GET ${T}/classes`]: () => [],
      [`GET ${T}/courses`]: () => [],
      [`GET ${T}/providers`]: () => [],
      [`GET ${T}/shortfall`]: () => ({ year, requiredHours: '40', source: '办法', workers: [], communities: [] }),
    });
    await openShortfall();
    await waitFor(() => expect(document.body.textContent).toContain(`${year}: 40 hours per worker (办法)`));
    expect(document.querySelector('[data-testid="training-rule"]')).toBeNull();
  });
});

describe('TrainingPage: 费用记账 (training cost postings)', () => {
  const finance = { ...xihuHr, id: 'u-fin', name: 'finance', roles: ['FINANCE' as const], scope: { level: 'CITY' as const } };
  const posting = (id: number, status: 'PENDING' | 'SENT' | 'UNROUTED', over: Record<string, unknown> = {}) => ({
    id, classId: 12, fund: 'COMMUNITY_WORKER_TRAINING', amount: '36000.00', fiscalYear: 2026, funder: '330106', stream: 'TRAINING', districtCode: '330106',
    streetCode: '330106001', communityCode: '330106001001', idempotencyKey: `workers:training-class:${id}`, sourceRef: `training-class:${id}`, status,
    sentAt: status === 'SENT' ? '2026-04-01T08:00:01.000Z' : null, createdAt: '2026-04-01T08:00:00.000Z', ...over,
  });
  const openPostings = async () => {
    const tab = () => [...document.querySelectorAll('.ant-tabs-tab')].find((el) => el.textContent?.includes('Cost postings'));
    await waitFor(() => expect(tab()).toBeDefined());
    await click(tab() ?? null);
  };
  const rows = () => [...document.querySelectorAll('[data-testid="training-postings"] tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

  it('finance sees what each class sent to the budget, filters by state, and a sent one links to its budget postings', async () => {
    const { calls } = renderPageAs(finance, <TrainingPage />, {
      [`GET ${T}/classes`]: () => [{ id: 12, title: '能力提升班', courseId: 3, providerId: 5, startDate: '2026-04-07', endDate: '2026-04-09', hours: '24.0', cost: '36000.00', districtCode: '330106', chargeCommunityCode: '330106001001' }],
      [`GET ${T}/courses`]: () => [],
      [`GET ${T}/providers`]: () => [],
      [`GET ${T}/postings`]: (url) => (url.searchParams.get('status') === 'PENDING' ? [posting(4, 'PENDING')] : [posting(3, 'SENT'), posting(4, 'PENDING')]),
    });
    await openPostings();
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows()[0].slice(0, 5)).toEqual(['能力提升班', '36,000.00', '2026', expect.any(String), 'Sent']);
    expect(document.querySelector('[data-testid="training-posting-budget-3"]')?.getAttribute('href')).toBe('/budget/postings?sourceRef=training-class%3A3&fiscalYear=2026');
    expect(document.querySelector('[data-testid="training-posting-budget-4"]')).toBeNull();
    await chooseOption(document.querySelector('[data-testid="training-postings-status"]')!, 'Waiting');
    await waitFor(() => expect(rows().map((r) => r[4])).toEqual(['Waiting']));
    expect(calls.filter((c) => c.url.pathname === `${T}/postings`).map((c) => c.url.searchParams.get('status'))).toEqual([null, 'PENDING']);
  });

  it('a street HR user, whom the route does not answer, has no such tab', async () => {
    const streetHr = { ...xihuHr, id: 'u-st', name: 'street-hr', roles: ['STREET_HR' as const], scope: { level: 'STREET' as const, district: '330106', street: '330106001' } };
    renderPageAs(streetHr, <TrainingPage />, { [`GET ${T}/classes`]: () => [], [`GET ${T}/courses`]: () => [], [`GET ${T}/providers`]: () => [] });
    await waitFor(() => expect(textOf('signed-in')).toBe('street-hr'));
    expect([...document.querySelectorAll('.ant-tabs-tab')].map((tab) => tab.textContent)).toEqual(['Classes', 'Shortfall']);
  });
});
