import type { RosterView } from '@cws/scheduler-contracts';
import { Route as Path, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { click, found, renderPageAs, waitFor, xihuHr, type Route } from '../../test-utils';
import { RosterDetailPage } from './RosterDetailPage';

const shift = (workerId: number, date: string) => ({ workerId, date, shift: 'EARLY', start: '08:00', end: '16:30' });
const roster = {
  id: 31, community: '330106001001', month: '2026-12', status: 'PUBLISHED', version: 1, objective: 0, reason: 'GENERATE', basedOn: null, generationId: null,
  assignments: [shift(101, '2026-12-01'), shift(102, '2026-12-01'), shift(103, '2026-12-02')],
  uncovered: [], hours: [], error: null, createdAt: null, solvedAt: null, publishedAt: null,
} as unknown as RosterView;

/** Version 31's page as xihu-hr sees it, with these routes beside the version itself. */
const renderRoster = (routes: Record<string, Route>) =>
  renderPageAs(
    xihuHr,
    <Routes>
      <Path path="/rosters/:id" element={<RosterDetailPage />} />
    </Routes>,
    { 'GET /api/scheduler/v1/rosters/31': () => roster, ...routes },
    '/rosters/31',
  );

describe('RosterDetailPage: the calendar names every worker of the roster, and the version downloads as a workbook', () => {
  it('from the community’s register, a worker who has moved out since by their own record, and one out of scope as #id', async () => {
    const { calls } = renderRoster({
      'GET /api/workers/v1/workers': () => ({ items: [{ id: 101, name: '周敏' }], nextAfter: null }),
      // moved to another community of the district since the roster was published
      'GET /api/workers/v1/workers/102': () => ({ id: 102, name: '王芳', communityCode: '330106002001' }),
      // 103 moved out of the district: its record answers 404 here
    });
    const names = () => [...document.querySelectorAll('[data-testid="roster-calendar"] tr.ant-table-row')].map((tr) => tr.querySelector('td')?.textContent);
    await waitFor(() => expect(names()).toEqual(['周敏', '王芳', '#103']));
    // one register read, and one read for each worker it does not list
    const reads = calls.filter((c) => c.url.pathname.startsWith('/api/workers/v1/workers')).map((c) => c.url.pathname);
    expect(reads.filter((p) => p === '/api/workers/v1/workers')).toHaveLength(1);
    expect(reads.filter((p) => p !== '/api/workers/v1/workers').sort()).toEqual(['/api/workers/v1/workers/102', '/api/workers/v1/workers/103']);
  });

  afterEach(() => vi.restoreAllMocks());

  it('导出排班表 downloads the version’s workbook with the token, under the server’s name', async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    Object.assign(URL, { createObjectURL: () => 'blob:roster', revokeObjectURL: () => undefined });
    const { calls } = renderRoster({
      'GET /api/workers/v1/workers': () => ({ items: [], nextAfter: null }),
      'GET /api/scheduler/v1/rosters/31/roster.xlsx': () => new Response('xlsx', { status: 200, headers: { 'content-disposition': 'attachment; filename="roster-330106001001-2026-12-v1.xlsx"' } }),
    });
    await click(await found('[data-testid="roster-export"]'));
    await waitFor(() => expect(saved).toEqual(['roster-330106001001-2026-12-v1.xlsx']));
    const [sent] = calls.filter((c) => c.url.pathname.endsWith('/roster.xlsx'));
    expect((sent.init.headers as Record<string, string>).authorization).toBe('Bearer a1');
  });
});
