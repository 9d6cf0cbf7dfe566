// Fixtures and helpers shared by the budget specs (postings, parked postings, appropriations; not a spec itself).
import type { AllocationView, PostingView, UnmatchedPostingView } from '@cws/budget-contracts';
import { act, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import type { Me } from '../../api/types';
import { chooseOption, click, found, renderPageAs, textOf, typeInto, waitFor, type Route, type scriptedFetch } from '../../test-utils';

export const B = '/api/budget/v1';
export const year = new Date().getFullYear();
export const finance: Me = { kind: 'user', id: 'u-fin', name: 'finance', roles: ['FINANCE'], scope: { level: 'CITY' }, permissions: [] };
export const cityAdmin: Me = { ...finance, id: 'u-city', name: 'city-admin', roles: ['CITY_ADMIN'] };
export const auditor: Me = { ...finance, id: 'u-aud', name: 'auditor', roles: ['AUDITOR'] };

export const allocation = (id: string, over: Partial<AllocationView> = {}): AllocationView => ({
  id, appropriationId: '12', fiscalYear: year, funder: 'CITY', stream: 'PARTY_BUILDING', targetLevel: 'COMMUNITY', districtCode: '330106',
  streetCode: '330106001', communityCode: '330106001001', targetName: '翠苑一区社区', initialAmount: '100000.00', amount: '100000.00',
  committed: '5000.00', spent: '20000.00', available: '75000.00', createdBy: 'u-fin', createdAt: `${year}-02-01T08:00:00.000Z`, ...over,
});

export const posting = (id: string, kind: PostingView['kind'], over: Partial<PostingView> = {}): PostingView => ({
  id, kind, allocationId: '40', counterAllocationId: null, fiscalYear: year, funder: 'CITY', stream: 'PARTY_BUILDING', districtCode: '330106',
  streetCode: '330106001', communityCode: '330106001001', amount: '1250.00', category: 'OFFICE', description: '社区党员活动室办公用品',
  source: 'MANUAL', sourceRef: null, commitmentId: null, settled: '0.00', reversesId: null, reason: null, taskRef: null, overrideReason: null,
  createdBy: 'u-fin', createdByName: 'finance', createdAt: `${year}-03-01T08:00:00.000Z`, ledgerEntryIds: [],
  balanceAfter: { amount: '100000.00', committed: '5000.00', spent: '21250.00', available: '73750.00' }, ...over,
});

export const unmatched = (id: string, reason: UnmatchedPostingView['reason'], over: Partial<UnmatchedPostingView> = {}): UnmatchedPostingView => ({
  id, externalKey: `payroll:run-42:${id}`, source: 'PAYROLL', sourceRef: 'run-42', reason, fiscalYear: year, funder: '330106', stream: 'SERVICE_STATION',
  districtCode: '330106', streetCode: '330106001', communityCode: '330106001001', amount: '8800.00', payload: {}, receivedAt: `${year}-03-05T08:00:00.000Z`,
  resolvedPostingId: null, resolvedAt: null, ...over,
});

export function budgetRoutes(me: Me, extra: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /api/workers/v1/auth/me': () => me,
    'GET /api/workers/v1/districts': () => [{ code: '330106', name: '西湖区' }],
    'GET /api/workers/v1/streets': () => [{ code: '330106001', name: '翠苑街道', districtCode: '330106' }],
    'GET /api/workers/v1/communities': () => [{ code: '330106001001', name: '翠苑一区社区', streetCode: '330106001', active: true }],
    [`GET ${B}/allocations`]: () => ({ items: [allocation('40'), allocation('41', { communityCode: '330106001002', targetName: '翠苑二区社区', available: '300.00' })], nextAfter: null }),
    ...extra,
  };
}

/** The router's query string, for a spec to read (the filters a list keeps in the address). */
function Address() {
  return <span data-testid="spec-address">{useLocation().search}</span>;
}

/** The address's query as the page left it. */
export const address = () => new URLSearchParams(textOf('spec-address'));

/** What the list's filter selects show, by the part of their test id after `<page>-` (a control read from the address). */
export const shownFilters = (page: string, controls: readonly string[]): Record<string, string> =>
  Object.fromEntries(controls.map((c) => [c, textOf(`${page}-${c}`)]));

/** A budget page rendered as `me` against the budget routes, `extra` added or overriding, at `path` (default '/'). */
export const renderBudgetPage = (me: Me, page: ReactNode, extra: Record<string, Route> = {}, path?: string) =>
  renderPageAs(
    me,
    <>
      {page}
      <Address />
    </>,
    budgetRoutes(me, extra),
    path,
  );

/** Types into the input or textarea `selector` finds, the way React hears it. */
export const type = async (selector: string, value: string) => typeInto(await found(selector), value);

/** Picks, in the Select with this test id, the option whose title starts with `prefix` (a picker's labels run on after the id). */
export const choose = async (selectTestId: string, prefix: string) => chooseOption(await found(`[data-testid="${selectTestId}"]`), prefix, { prefix: true });

/** Searches `text` in the SourceRefFilter with this test id (typed, then its search button). */
export async function searchSourceRef(testId: string, text: string) {
  await type(`[data-testid="${testId}"] input`, text);
  await click(document.querySelector(`[data-testid="${testId}"] button.ant-btn`));
}

/** The POSTs to a path: their JSON bodies and Idempotency-Keys. */
export const posts = (calls: ReturnType<typeof scriptedFetch>['calls'], path: string) =>
  calls
    .filter((c) => c.init.method === 'POST' && c.url.pathname === path)
    .map((c) => ({ body: c.init.body ? JSON.parse(String(c.init.body)) : undefined, key: (c.init.headers as Record<string, string>)['Idempotency-Key'] }));

/** The query of the GETs to a path. */
export const queries = (calls: ReturnType<typeof scriptedFetch>['calls'], path: string) =>
  calls.filter((c) => (c.init.method ?? 'GET') === 'GET' && c.url.pathname === path).map((c) => Object.fromEntries(c.url.searchParams));

/** The titles of the options the Select with this test id offers (its list opened, read, and closed again). */
export async function optionTitles(selectTestId: string): Promise<Array<string | null>> {
  const input = (await found(`[data-testid="${selectTestId}"]`)).querySelector('input');
  const toggle = () => act(async () => void input?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true })));
  await toggle();
  const titles = await waitFor(() => {
    const list = document.getElementById(input?.getAttribute('aria-controls') ?? '')?.closest('.ant-select-dropdown');
    const shown = [...(list?.querySelectorAll('.ant-select-item-option') ?? [])].map((el) => el.getAttribute('title'));
    if (!shown.length) throw new Error(`no options in ${selectTestId}`);
    return shown;
  });
  await toggle();
  return titles;
}
