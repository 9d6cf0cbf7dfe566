// Fixtures and helpers shared by the election specs (the list, 更正, 撤销登记; not a spec itself).
import type { ElectionView, OneShoulderReport } from '@cws/workers-contracts';
import type { Me } from '../../api/types';
import { todayIso } from '../../layout/FormModal';
import { click, found, renderPageAs, type Route, type scriptedFetch, xihuHr } from '../../test-utils';
import { ElectionsPage } from './ElectionsPage';

export const W = '/api/workers/v1';
export const auditor: Me = { ...xihuHr, id: 'u-aud', name: 'auditor', roles: ['AUDITOR'], scope: { level: 'CITY' } };
export const finance: Me = { ...auditor, id: 'u-fin', name: 'finance', roles: ['FINANCE'] };
const communities = [
  { code: '330106001001', name: '翠苑一区社区', streetCode: '330106001', districtCode: '330106', active: true },
  { code: '330106002001', name: '文新社区', streetCode: '330106002', districtCode: '330106', active: true },
];
export const election = (id: number, over: Partial<ElectionView> = {}): ElectionView => ({
  id, communityCode: '330106001001', streetCode: '330106001', districtCode: '330106', bodyKind: 'PARTY', kind: 'REGULAR', method: 'PUBLIC_NOMINATION_DIRECT',
  electionDate: '2021-12-20', termYears: 5, termStart: '2022-01-01', termEnd: '2026-12-31', eligibleVoters: 2100, votesCast: 1890, regularElectionId: null,
  backfilled: false, note: null, results: [{ workerId: 7, workerName: '张丽华', role: 'SECRETARY', votes: 1520, appointmentId: 88 }], withdrawn: null, ...over,
});
export const party = election(11);
export const committee = election(12, { bodyKind: 'COMMITTEE', method: 'DIRECT', results: [{ workerId: 7, workerName: '张丽华', role: 'DIRECTOR', votes: 1600, appointmentId: 89 }] });
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

/** The elections page as `me`, against the fixtures above and `extra` routes (which win). */
export const render = (me: Me, extra?: Record<string, Route>) => renderPageAs(me, <ElectionsPage />, routes(me, extra));

/** A write under an ETag the record no longer has (412). */
export const STALE = { code: 'PRECONDITION_FAILED', message: 'changed', details: [{ path: 'header:If-Match', issue: 'does not match' }] };

/** The list answers these elections. */
export const listed = (...es: ElectionView[]): Record<string, Route> => ({ [`GET ${W}/elections`]: () => es });

export type Calls = ReturnType<typeof scriptedFetch>['calls'];

/** Opens election `id` from the list and clicks the drawer's button with this test id (更正, 撤销登记). */
export async function openFromDrawer(id: number, button: string) {
  await click(await found(`[data-testid="election-open-${id}"]`));
  await click(await found(`[data-testid="${button}"]`));
}
