import { describe, expect, it } from 'vitest';
import type { WorkerRow } from '../../api/types';
import { Route, Routes } from 'react-router-dom';
import { click, renderApp, scriptedFetch, sentBodies, typeInto, waitFor, xihuHr } from '../../test-utils';
import { WorkersPage } from './WorkersPage';

function worker(id: number, name: string): WorkerRow {
  return {
    id, name, sex: 'F', birthYear: 1990, residentIdMasked: `**************${String(id).padStart(4, '0')}`, phone: null,
    communityCode: '330106001001', communityName: '翠苑一区社区', streetCode: '330106001', districtCode: '330106',
    status: 'ACTIVE', employmentType: 'FULL_TIME', postBand: 'HEAD', qualificationLevel: 'SOCIAL_WORKER', hireDate: '2015-03-01',
    grade: id === 2 ? null : 10 + id, gradeBand: id === 2 ? null : 'HEAD', plannedTransferDate: id === 2 ? '2027-01-01' : null,
  };
}

describe('WorkersPage', () => {
  it('renders the rows the server returns, masked IDs only, and loads more with the keyset cursor', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/workers/v1/districts': () => [{ code: '330106', name: '西湖区' }],
      'GET /api/workers/v1/streets': () => [],
      'GET /api/workers/v1/workers': (url) =>
        url.searchParams.get('after') === 'cursor-1'
          ? { items: [worker(3, '王五')], nextAfter: null }
          : { items: [worker(1, '张丽华'), worker(2, '李四')], nextAfter: 'cursor-1', total: 3 },
    });
    const { container } = renderApp(<WorkersPage />, { fetch });

    await waitFor(() => expect(container.textContent).toContain('张丽华'));
    expect(container.textContent).toContain('李四');
    expect(container.textContent).toContain('**************0001');
    expect(container.textContent).toContain('翠苑一区社区');
    expect(container.querySelector('[data-testid="workers-total"]')?.textContent).toContain('共 3 条');
    expect(container.textContent).toContain('社会工作师');
    // today's grade (三岗十八级), a dash for a worker not graded yet
    const gradeColumn = [...container.querySelectorAll('th')].findIndex((th) => th.textContent === '等级');
    const grades = [...container.querySelectorAll('tbody tr.ant-table-row')].map((tr) => tr.querySelectorAll('td')[gradeColumn]?.textContent);
    expect(grades).toEqual(['11 级', '-']);
    // a transfer recorded ahead shows by the community, with its day
    expect(container.querySelector('[data-testid="planned-out-2"]')?.textContent).toBe('2027-01-01 调出');
    expect(container.querySelector('[data-testid="planned-out-1"]')).toBeNull();
    const first = calls.find((c) => c.url.pathname === '/api/workers/v1/workers');
    expect(first?.url.searchParams.get('limit')).toBe('50');
    expect(first?.url.searchParams.has('after')).toBe(false);

    await click(container.querySelector('[data-testid="workers-load-more"]'));

    await waitFor(() => expect(container.textContent).toContain('王五'));
    expect(calls.filter((c) => c.url.pathname === '/api/workers/v1/workers').at(-1)?.url.searchParams.get('after')).toBe('cursor-1');
    expect(container.querySelectorAll('tbody tr.ant-table-row')).toHaveLength(3);
    expect(container.querySelector('[data-testid="workers-load-more"]')).toBeNull();
  });

  it('sorts by a column header: the server gets the sort key, newest hire first on the second click', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/workers/v1/districts': () => [{ code: '330106', name: '西湖区' }],
      'GET /api/workers/v1/streets': () => [{ code: '330106001', name: '翠苑街道', districtCode: '330106' }],
      'GET /api/workers/v1/workers': () => ({ items: [worker(1, '张丽华')], nextAfter: null, total: 1 }),
    });
    const { container } = renderApp(<WorkersPage />, { fetch });
    await waitFor(() => expect(container.textContent).toContain('翠苑街道'));
    const sorts = () => calls.filter((c) => c.url.pathname === '/api/workers/v1/workers').map((c) => c.url.searchParams.get('sort'));
    expect(sorts()).toEqual(['name']);
    const hireHeader = [...container.querySelectorAll('th')].find((th) => th.textContent?.includes('入职日期'));
    await click(hireHeader ?? null);
    await waitFor(() => expect(sorts().at(-1)).toBe('hireDate'));
    await click([...container.querySelectorAll('th')].find((th) => th.textContent?.includes('入职日期')) ?? null);
    await waitFor(() => expect(sorts().at(-1)).toBe('-hireDate'));
  });

  it('a full resident ID in the search box is looked up by POST (never sent as ?q=) and opens the worker; a bad one or none found is said', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/workers/v1/districts': () => [{ code: '330106', name: '西湖区' }],
      'GET /api/workers/v1/streets': () => [],
      'GET /api/workers/v1/workers': () => ({ items: [worker(1, '张丽华')], nextAfter: null, total: 1 }),
      'POST /api/workers/v1/workers/lookup': (_, init) =>
        JSON.parse(String(init.body)).residentIds[0] === '11010519491231002X' ? { found: [{ index: 0, worker: worker(7, '李秀英') }], missing: [] } : { found: [], missing: [0] },
    });
    const { container } = renderApp(
      <Routes>
        <Route path="/" element={<WorkersPage />} />
        <Route path="/workers/:id" element={<div data-testid="opened">opened</div>} />
      </Routes>,
      { fetch },
    );
    await waitFor(() => expect(container.textContent).toContain('张丽华'));
    const box = container.querySelector('[data-testid="worker-search"] input')!;
    const searchFor = async (text: string) => {
      await typeInto(box, text);
      await click(container.querySelector('[data-testid="worker-filter-apply"]'));
    };

    await searchFor('110105194912310021');
    await waitFor(() => expect(document.body.textContent).toContain('身份证号有误'));
    await searchFor('330106198503150024');
    await waitFor(() => expect(document.body.textContent).toContain('您的范围内没有这个身份证号的社区工作者'));
    // spaced as on a card, or a digit short: never sent as ?q=
    await searchFor('3301061985031500');
    await waitFor(() => expect(document.body.textContent?.match(/身份证号有误/g)?.length ?? 0).toBeGreaterThanOrEqual(1));
    await searchFor('330106 19850315 0024');
    await waitFor(() => expect(sentBodies(calls, 'POST', '/api/workers/v1/workers/lookup')).toHaveLength(2));
    await searchFor(' 11010519491231002x ');
    await waitFor(() => expect(container.querySelector('[data-testid="opened"]')).not.toBeNull());

    expect(sentBodies(calls, 'POST', '/api/workers/v1/workers/lookup')).toEqual([{ residentIds: ['330106198503150024'] }, { residentIds: ['330106198503150024'] }, { residentIds: ['11010519491231002X'] }]);
    const names = calls.filter((c) => c.url.pathname === '/api/workers/v1/workers').map((c) => c.url.searchParams.get('q'));
    expect(names.every((q) => q === null)).toBe(true);
  });

  it('says the register is not available yet while its API answers 404', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/workers/v1/districts': () => [{ code: '330106', name: '西湖区' }],
    });
    const { container } = renderApp(<WorkersPage />, { fetch });
    await waitFor(() => expect(container.querySelector('[data-testid="not-available"]')).not.toBeNull());
  });
});
