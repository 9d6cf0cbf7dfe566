import { describe, expect, it } from 'vitest';
import { chooseOption, click, found, json, renderPageAs, sentBodies, typeDateInto, typeInto, waitFor, xihuHr } from '../../test-utils';
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
