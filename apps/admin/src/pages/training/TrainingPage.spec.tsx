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
