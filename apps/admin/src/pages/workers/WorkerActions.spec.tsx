import { describe, expect, it } from 'vitest';
import type { WorkerDetail } from '../../api/types';
import { en } from '../../i18n/en';
import { ERROR_CODES } from '../../i18n/errorCodes';
import { todayIso } from '../../layout/FormModal';
import { chooseOption, click, found, json, renderPageAs, sentBodies, typeDateInto, typeInto, waitFor, xihuHr } from '../../test-utils';
import { WorkerActions } from './WorkerActions';

const worker = { id: 7, status: 'ACTIVE', version: 3, communityCode: '330106001001', grade: 8, gradeBand: 'OTHER' } as WorkerDetail;
const EVENTS = 'POST /api/workers/v1/workers/7/events';

async function openEventForm(kind: string) {
  await click(await found('[data-testid="worker-event"]'));
  const form = await found('[data-testid="event-form"]');
  await chooseOption(form.querySelector('#kind')!, kind);
  return form;
}

describe('WorkerActions: 记录履历', () => {
  it('a grade change asks for the decided grade, shows the grade in force, and sends grade and band', async () => {
    const { calls } = renderPageAs(xihuHr, <WorkerActions worker={worker} />, { [EVENTS]: () => json(201, { id: 90 }) });
    const form = await openEventForm(en['enum.event.GRADE_CHANGE']);
    const grade = await found('[data-testid="event-grade"]');
    expect(form.textContent).toContain(en['workers.gradeChangeHint'].replace('{current}', `grade 8 (${en['enum.post.OTHER']})`));
    await typeInto(grade, '9');
    await chooseOption(form.querySelector('#band')!, en['enum.post.DEPUTY']);
    await click(document.querySelector('[data-testid="event-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST', '/api/workers/v1/workers/7/events')).toEqual([{ kind: 'GRADE_CHANGE', date: todayIso(), grade: 9, band: 'DEPUTY' }]));
  });

  it('a grade is required there, and the server’s band-range refusal shows under it', async () => {
    const { calls } = renderPageAs(xihuHr, <WorkerActions worker={worker} />, {
      [EVENTS]: () => json(400, { code: 'GRADE_OUT_OF_BAND', message: 'must be a whole grade between 1 and 12 for band OTHER', details: [{ path: 'grade', issue: 'must be a whole grade between 1 and 12 for band OTHER' }] }),
    });
    const form = await openEventForm(en['enum.event.GRADE_CHANGE']);
    await click(document.querySelector('[data-testid="event-form-ok"]'));
    await waitFor(() => expect(form.querySelector('#grade_help')?.textContent).toBe(en['common.required']));
    expect(sentBodies(calls, 'POST')).toEqual([]);
    await typeInto(await found('[data-testid="event-grade"]'), '15');
    await click(document.querySelector('[data-testid="event-form-ok"]'));
    await waitFor(() => expect(form.querySelector('#grade_help')?.textContent).toBe(ERROR_CODES.GRADE_OUT_OF_BAND[1]));
    expect(sentBodies(calls, 'POST')).toEqual([{ kind: 'GRADE_CHANGE', date: todayIso(), grade: 15 }]);
  });

  it('other events carry no grade and ask for none', async () => {
    const { calls } = renderPageAs(xihuHr, <WorkerActions worker={worker} />, { [EVENTS]: () => json(201, { id: 91 }) });
    const form = await openEventForm(en['enum.event.COMMENDATION']);
    expect(form.querySelector('[data-testid="event-grade"]')).toBeNull();
    await click(document.querySelector('[data-testid="event-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST')).toEqual([{ kind: 'COMMENDATION', date: todayIso() }]));
  });
});

describe('WorkerActions: 编辑', () => {
  const person = {
    ...worker, name: '周敏', phone: '13900000000', education: 'BACHELOR', politicalStatus: 'NONE', qualificationLevel: 'ASSISTANT', qualificationCert: 'ZJ2024AS0001', employmentType: 'FULL_TIME',
  } as WorkerDetail;

  it('a phone emptied is cleared (null); a field left as it was is sent as it was, with the version read', async () => {
    const { calls } = renderPageAs(xihuHr, <WorkerActions worker={person} />, { 'PATCH /api/workers/v1/workers/7': () => ({ worker: person, warnings: [] }) });
    await click(await found('[data-testid="worker-edit"]'));
    const form = await found('[data-testid="edit-form"]');
    await typeInto(form.querySelector('#phone')!, '');
    await click(document.querySelector('[data-testid="edit-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'PATCH')).toEqual([{
      name: '周敏', education: 'BACHELOR', politicalStatus: 'NONE', qualificationLevel: 'ASSISTANT', qualificationCert: 'ZJ2024AS0001', employmentType: 'FULL_TIME', phone: null, version: 3,
    }]));
  });
});

describe('WorkerActions: 调动', () => {
  const communities = () => [
    { code: '330106001001', name: '翠苑一区社区', active: true, streetCode: '330106001', districtCode: '330106' },
    { code: '330106002001', name: '文新一区社区', active: true, streetCode: '330106002', districtCode: '330106' },
  ];

  it('sends the new community and the first day there (today unless changed), with the version read', async () => {
    const { calls } = renderPageAs(xihuHr, <WorkerActions worker={worker} />, {
      'GET /api/workers/v1/communities': communities,
      'PATCH /api/workers/v1/workers/7': () => ({ worker, warnings: [] }),
    });
    await click(await found('[data-testid="worker-transfer"]'));
    const form = await found('[data-testid="transfer-form"]');
    expect(form.textContent).toContain(en['workers.transferDateHint']);
    await chooseOption(form.querySelector('#communityCode')!, '文新一区社区');
    await typeDateInto(form.querySelector('#transferDate')!, '2026-05-16');
    await click(document.querySelector('[data-testid="transfer-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'PATCH')).toEqual([{ communityCode: '330106002001', transferDate: '2026-05-16', version: 3 }]));
  });

  it('shows the server’s refusal of the date under the date', async () => {
    renderPageAs(xihuHr, <WorkerActions worker={worker} />, {
      'GET /api/workers/v1/communities': communities,
      'PATCH /api/workers/v1/workers/7': () => json(400, { code: 'TRANSFER_BEFORE_CURRENT_PLACE', message: 'x', details: [{ path: 'transferDate', issue: 'x' }] }),
    });
    await click(await found('[data-testid="worker-transfer"]'));
    const form = await found('[data-testid="transfer-form"]');
    await chooseOption(form.querySelector('#communityCode')!, '文新一区社区');
    await click(document.querySelector('[data-testid="transfer-form-ok"]'));
    await waitFor(() => expect(form.querySelector('#transferDate_help')?.textContent).toBe(ERROR_CODES.TRANSFER_BEFORE_CURRENT_PLACE[1]));
  });
});
