import type { ElectionView, OneShoulderReport } from '@cws/workers-contracts';
import { describe, expect, it } from 'vitest';
import type { Me } from '../../api/types';
import { en } from '../../i18n/en';
import { todayIso } from '../../layout/FormModal';
import { chooseOption, click, found, json, renderPageAs, type Route, scriptedFetch, sentBodies, textOf, typeInto, waitFor, xihuHr } from '../../test-utils';
import { ElectionsPage } from './ElectionsPage';

const W = '/api/workers/v1';
const auditor: Me = { ...xihuHr, id: 'u-aud', name: 'auditor', roles: ['AUDITOR'], scope: { level: 'CITY' } };
const communities = [
  { code: '330106001001', name: '翠苑一区社区', streetCode: '330106001', districtCode: '330106', active: true },
  { code: '330106002001', name: '文新社区', streetCode: '330106002', districtCode: '330106', active: true },
];
const election = (id: number, over: Partial<ElectionView> = {}): ElectionView => ({
  id, communityCode: '330106001001', streetCode: '330106001', districtCode: '330106', bodyKind: 'PARTY', kind: 'REGULAR', method: 'PUBLIC_NOMINATION_DIRECT',
  electionDate: '2021-12-20', termYears: 5, termStart: '2022-01-01', termEnd: '2026-12-31', eligibleVoters: 2100, votesCast: 1890, regularElectionId: null,
  backfilled: false, note: null, results: [{ workerId: 7, workerName: '张丽华', role: 'SECRETARY', votes: 1520, appointmentId: 88 }], ...over,
});
const party = election(11);
const committee = election(12, { bodyKind: 'COMMITTEE', method: 'DIRECT', results: [{ workerId: 7, workerName: '张丽华', role: 'DIRECTOR', votes: 1600, appointmentId: 89 }] });
const report: OneShoulderReport = {
  date: todayIso(), communities: 2, withElectedSecretary: 1, withElectedDirector: 1, oneShoulder: 1, rate: '0.5000',
  items: [
    { communityCode: '330106001001', secretaryWorkerId: 7, directorWorkerId: 7, oneShoulder: true, partyElectionId: 11, committeeElectionId: 12 },
    { communityCode: '330106002001', secretaryWorkerId: null, directorWorkerId: null, oneShoulder: false, partyElectionId: null, committeeElectionId: null },
  ],
};
const workers = [{ id: 7, name: '张丽华' }, { id: 8, name: '李明' }];

function routes(me: Me, extra: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /api/workers/v1/auth/me': () => me,
    [`GET ${W}/communities`]: () => communities,
    [`GET ${W}/districts`]: () => [{ code: '330106', name: '西湖区' }],
    [`GET ${W}/streets`]: () => [],
    [`GET ${W}/elections`]: (url) => [committee, party].filter((e) => !url.searchParams.get('bodyKind') || e.bodyKind === url.searchParams.get('bodyKind')),
    [`GET ${W}/elections/11`]: () => party,
    [`GET ${W}/elections/one-shoulder`]: () => report,
    [`GET ${W}/workers`]: (url) => ({ items: workers.filter((w) => w.name.includes(url.searchParams.get('q') ?? '')), nextAfter: null }),
    ...extra,
  };
}

const render = (me: Me, extra?: Record<string, Route>) => renderPageAs(me, <ElectionsPage />, routes(me, extra));

/** Picks the option titled `title` in the select whose input has this id. */
const choose = async (id: string, title: string) => chooseOption(await found(`#${id}`), title);
const type = async (id: string, value: string) => typeInto(await found(`[data-testid="election-form"] #${id}`), value);
const posts = (calls: ReturnType<typeof scriptedFetch>['calls']) => sentBodies(calls, 'POST', `${W}/elections`);

describe('ElectionsPage', () => {
  it('lists the elections with community and winners by name; the body filter asks the API; one opens with links to the workers', async () => {
    const { calls } = render(xihuHr);
    await waitFor(() => expect(textOf('elections-table')).toContain('翠苑一区社区'));
    expect(textOf('elections-table')).toContain('张丽华（Secretary）');
    expect(textOf('elections-table')).toContain('Public nomination, direct election (公推直选)');
    expect(textOf('elections-table')).toContain('2022-01-01 – 2026-12-31');

    await choose('electionBody', en['org.body.COMMITTEE']);
    await waitFor(() => expect(calls.some((c) => c.url.pathname === `${W}/elections` && c.url.searchParams.get('bodyKind') === 'COMMITTEE')).toBe(true));
    await waitFor(() => expect(textOf('elections-table')).not.toContain('Public nomination'));
    await choose('electionBody', en['org.body.PARTY']);

    await click(await found('[data-testid="election-open-11"]'));
    await waitFor(() => expect(textOf('election-results')).toContain('张丽华'));
    expect(textOf('election-drawer')).toContain('2100');
    expect(document.querySelector('[data-testid="election-results"] a')?.getAttribute('href')).toBe('/workers/7');
  });

  it('records an election: the POST body matches the DTO, winners come from the community’s worker search', async () => {
    const { calls } = render(xihuHr, { [`POST ${W}/elections`]: () => json(201, election(13, { communityCode: '330106002001' })), [`GET ${W}/elections/13`]: () => election(13) });
    await click(await found('[data-testid="election-record"]'));
    await choose('communityCode', '文新社区');
    await type('eligibleVoters', '1800');
    await type('votesCast', '1320');
    await type('results_0_workerId', '李');
    await waitFor(() => expect(calls.some((c) => c.url.pathname === `${W}/workers` && c.url.searchParams.get('q') === '李' && c.url.searchParams.get('community') === '330106002001')).toBe(true));
    await click(await found('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="李明"]'));
    await choose('results_0_role', en['enum.role.SECRETARY']);
    await type('results_0_votes', '900');
    await click(await found('[data-testid="election-form-ok"]'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toEqual({
      communityCode: '330106002001', bodyKind: 'PARTY', kind: 'REGULAR', method: 'PUBLIC_NOMINATION_DIRECT', electionDate: todayIso(), termYears: 5,
      eligibleVoters: 1800, votesCast: 1320, results: [{ workerId: 8, role: 'SECRETARY', votes: 900 }],
    });
    // the recorded election opens
    await waitFor(() => expect(textOf('election-drawer')).toContain('张丽华'));
  });

  it('a refusal lands on its field: a winner without a majority is marked on that row’s votes', async () => {
    const refusal = { code: 'ELECTED_WITHOUT_MAJORITY', message: 'a winner needs more than half of the votes cast', details: [{ path: 'results[0].votes', issue: 'a winner needs more than half of the votes cast' }] };
    const { calls } = render(xihuHr, { [`POST ${W}/elections`]: () => json(422, refusal) });
    await click(await found('[data-testid="election-record"]'));
    await choose('communityCode', '翠苑一区社区');
    await type('eligibleVoters', '1800');
    await type('votesCast', '1320');
    await type('results_0_workerId', '张');
    await click(await found('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="张丽华"]'));
    await choose('results_0_role', en['enum.role.MEMBER']);
    await type('results_0_votes', '600');
    await click(await found('[data-testid="election-form-ok"]'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    const votes = await found('[data-testid="election-form"] #results_0_votes');
    await waitFor(() => expect(votes.closest('.ant-form-item')?.textContent).toContain('A winner needs more than half of the votes cast'));
  });

  it('shows the 一肩挑 report: counts, the rate and each community with its elected secretary and director', async () => {
    render(xihuHr);
    await click(await waitFor(() => {
      const tab = [...document.querySelectorAll('.ant-tabs-tab')].find((el) => el.textContent?.includes('One shoulder'));
      if (!tab) throw new Error('no tab');
      return tab;
    }));
    await waitFor(() => expect(textOf('one-shoulder-stats')).toContain('50%'));
    expect(textOf('one-shoulder-table')).toContain('翠苑一区社区');
    expect(textOf('one-shoulder-table')).toContain('文新社区');
    // names from the elections' winners, linked to the worker
    await waitFor(() => expect(document.querySelector('[data-testid="one-shoulder-table"] a[href="/workers/7"]')?.textContent).toBe('张丽华'));
    await click(await found('[data-testid="one-shoulder-only"]'));
    await waitFor(() => expect(textOf('one-shoulder-table')).not.toContain('文新社区'));
  });

  it('a read-only user (auditor) sees the list but no record button', async () => {
    render(auditor);
    await waitFor(() => expect(textOf('signed-in')).toBe('auditor'));
    await waitFor(() => expect(textOf('elections-table')).toContain('翠苑一区社区'));
    expect(document.querySelector('[data-testid="election-record"]')).toBeNull();
  });
});
