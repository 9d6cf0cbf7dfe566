import type { RankedCandidateView, RankingView } from '@cws/workers-contracts';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { click, found, json, renderPageAs, sentBodies, typeInto, waitFor, xihuHr } from '../../test-utils';
import { VacancyPage } from './VacancyPage';

const candidate = (c: Partial<RankedCandidateView>): RankedCandidateView => ({
  rank: 1, id: 31, name: '陈晓燕', residentIdMasked: '**************001X', written: '82.50', interview: '88.00', total: '85.25', status: 'APPLIED',
  workerId: null, noticeStart: null, noticeEnd: null, skipReason: null, openObjections: 0, ...c,
});
const ranking: RankingView = {
  vacancy: {
    id: 7, communityCode: '330106001001', streetCode: '330106001', districtCode: '330106', bodyKind: 'STATION', role: 'STAFF', headcount: 1,
    opensOn: '2026-11-01', closesOn: '2026-11-30', writtenWeight: '0.50', noticeDays: 7, status: 'OPEN',
  },
  candidates: [candidate({})],
};

function renderVacancy() {
  return renderPageAs(
    xihuHr,
    <Routes><Route path="/recruitment/:id" element={<VacancyPage />} /></Routes>,
    {
      'GET /api/workers/v1/vacancies/7/ranking': () => ranking,
      'POST /api/workers/v1/vacancies/7/candidates': () => json(201, { id: 32 }),
      'PATCH /api/workers/v1/candidates/31/scores': () => candidate({}),
      'POST /api/workers/v1/candidates/31/select': () => candidate({ status: 'SELECTED' }),
    },
    '/recruitment/7',
  );
}

describe('VacancyPage: what the forms send', () => {
  it('a cleared score is left out (unchanged), not sent as "" for the API to refuse', async () => {
    const { calls } = renderVacancy();
    await click(await found('[data-testid="candidate-scores"]'));
    await typeInto(await found('#writtenScore'), '');
    await typeInto(await found('#interviewScore'), '90');
    await click(document.querySelector('[data-testid="scores-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'PATCH')).toEqual([{ interview: '90' }]));
  });

  it('a skip reason typed and cleared is not sent', async () => {
    const { calls } = renderVacancy();
    await click(await found('[data-testid="candidate-select"]'));
    const reason = await found('#skipReason');
    await typeInto(reason, '前两名放弃');
    await typeInto(reason, '');
    await click(document.querySelector('[data-testid="select-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST', '/api/workers/v1/candidates/31/select')).toHaveLength(1));
    expect(sentBodies(calls, 'POST', '/api/workers/v1/candidates/31/select')[0]).not.toHaveProperty('skipReason');
  });

  it('a new candidate’s resident ID is sent upper-cased and trimmed, and a cleared phone is left out', async () => {
    const { calls } = renderVacancy();
    await click(await found('[data-testid="new-candidate"]'));
    await typeInto(await found('#candidateName'), '王芳');
    await typeInto(await found('#candidateResidentId'), ' 11010519491231002x');
    const form = await found('[data-testid="candidate-form"]');
    const phone = form.querySelector('#phone')!;
    await typeInto(phone, '138');
    await typeInto(phone, '');
    await click(document.querySelector('[data-testid="candidate-form-ok"]'));
    await waitFor(() => expect(sentBodies(calls, 'POST', '/api/workers/v1/vacancies/7/candidates')).toEqual([
      { name: '王芳', residentId: '11010519491231002X', education: 'BACHELOR', politicalStatus: 'NONE' },
    ]));
  });
});
