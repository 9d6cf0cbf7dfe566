import type { RosterSummaryView } from '@cws/scheduler-contracts';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { RosterVersionFilter } from '../../api/rosters';
import { en } from '../../i18n/en';
import { dateTime } from '../../lib/format';
import { chooseOption, click, found, json, renderPageAs, waitFor, xihuHr } from '../../test-utils';
import { RosterVersions } from './RosterVersions';

const LIST = 'GET /api/scheduler/v1/rosters';
const COMMUNITIES = 'GET /api/workers/v1/communities';
const at = '2026-12-01T02:00:00.000Z';
const version = (patch: Partial<RosterSummaryView>): RosterSummaryView => ({
  id: 1, community: '330106001001', month: '2027-01', status: 'DRAFT', version: 1, objective: 1200, reason: 'GENERATE', basedOn: null, generationId: null,
  error: null, createdAt: at, solvedAt: at, publishedAt: null, shifts: 372, uncoveredRanges: 0, conflictsAhead: null, checkedAt: null, ...patch,
});

/** The list with its filter held as the 排班 page holds it. */
function Harness({ initial }: { initial: RosterVersionFilter }) {
  const [filter, setFilter] = useState(initial);
  return <RosterVersions filter={filter} onFilter={setFilter} />;
}

const rows = () => [...document.querySelectorAll('[data-testid="roster-versions-table"] tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()));

describe('RosterVersions: the roster versions in scope', () => {
  it('names each version’s centre, month, status and source, counts its shifts and gaps, and shows what the last check of a published one found', async () => {
    renderPageAs(xihuHr, <Harness initial={{}} />, {
      [LIST]: () => ({
        items: [
          version({ id: 9, status: 'PUBLISHED', version: 2, reason: 'REPLAN', basedOn: 4, publishedAt: at, conflictsAhead: 3, checkedAt: at }),
          version({ id: 8, community: '330106001009', uncoveredRanges: 2 }),
          version({ id: 7, status: 'QUEUED', solvedAt: null, shifts: 0, objective: null }),
        ],
        nextAfter: null,
      }),
      [COMMUNITIES]: () => [{ code: '330106001001', name: '翠苑一区社区', active: true }],
    });
    await waitFor(() => expect(rows()).toEqual([
      ['翠苑一区社区', '2027-01', 'v2', 'Published', 'Re-plan', '372', en['rosters.covered'], en['rosters.conflictsAheadCount'].replace('{n}', '3'), dateTime(at), 'Open'],
      ['330106001009', '2027-01', 'v1', 'Draft', 'Generated', '372', en['rosters.gapCount'].replace('{n}', '2'), '-', dateTime(at), 'Open'],
      ['翠苑一区社区', '2027-01', 'v1', 'Queued', 'Generated', '0', '-', '-', dateTime(at), 'Open'],
    ]));
    expect(document.querySelector('[data-testid="version-open-8"]')).not.toBeNull();
  });

  it('a finished generation’s drafts first; narrowing by status leaves them for the status; more pages on demand', async () => {
    const { calls } = renderPageAs(xihuHr, <Harness initial={{ generation: 7 }} />, {
      [LIST]: (url) => ({ items: [version({ id: url.searchParams.get('after') ? 3 : 5 })], nextAfter: url.searchParams.get('after') ? null : '5' }),
      [COMMUNITIES]: () => [],
    });
    const lists = () => calls.filter((c) => c.url.pathname === '/api/scheduler/v1/rosters').map((c) => Object.fromEntries(c.url.searchParams));
    expect((await found('[data-testid="versions-generation"]')).textContent).toBe(en['rosters.ofGeneration'].replace('{id}', '7'));
    await waitFor(() => expect(lists()).toEqual([{ generation: '7', limit: '50' }]));

    await click(await found('[data-testid="versions-load-more"]'));
    await waitFor(() => expect(lists()).toContainEqual({ generation: '7', limit: '50', after: '5' }));
    await waitFor(() => expect(rows()).toHaveLength(2));

    await chooseOption(document.querySelector('#versionsStatus')!, 'Published');
    await waitFor(() => expect(lists()).toContainEqual({ status: 'PUBLISHED', limit: '50' }));
    expect(document.querySelector('[data-testid="versions-generation"]')).toBeNull();
  });

  it('HR publishes a generation’s drafts in one go: how many, and each one refused with its centre and why; the list reloads', async () => {
    const { calls } = renderPageAs(xihuHr, <Harness initial={{ generation: 7 }} />, {
      [LIST]: () => ({ items: [version({ id: 5, generationId: 7 })], nextAfter: null }),
      [COMMUNITIES]: () => [{ code: '330106001009', name: '翠苑三区社区', active: true }],
      'POST /api/scheduler/v1/rosters/generations/7/publish': () =>
        json(200, { generationId: 7, published: 11, skipped: [{ rosterId: 6, community: '330106001009', code: 'ROSTER_OUTDATED' }] }),
    });
    const lists = () => calls.filter((c) => c.url.pathname === '/api/scheduler/v1/rosters').length;
    await waitFor(() => expect(lists()).toBe(1));

    await click(await found('[data-testid="versions-publish-all"]'));
    await click(await found('[data-testid="versions-publish-all-ok"]'));

    const done = await found('[data-testid="versions-published"]');
    expect(done.textContent).toContain(en['rosters.publishedAll'].replace('{n}', '11'));
    expect(done.textContent).toContain('翠苑三区社区（A later version is published）');
    expect(calls.filter((c) => c.init.method === 'POST').map((c) => c.url.pathname)).toEqual(['/api/scheduler/v1/rosters/generations/7/publish']);
    await waitFor(() => expect(lists()).toBe(2));
  });
});
