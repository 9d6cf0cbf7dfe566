import { describe, expect, it } from 'vitest';
import { useKeysetPages } from '../api/useKeysetPages';
import { click, json, renderApp, scriptedFetch, waitFor, xihuHr } from '../test-utils';
import { PagedTable } from './PagedTable';

interface Row {
  id: string;
  name: string;
}

function Entries({ cursor }: { cursor?: 'after' | 'before' }) {
  const pages = useKeysetPages<{ items: Row[]; nextAfter: string | null }>(['entries', cursor ?? ''], '/api/test/v1/entries', { q: 'x' }, { limit: 2, cursor, retry: false });
  return <PagedTable<Row> pages={pages} loadMoreTestId="entries-more" data-testid="entries" columns={[{ title: 'name', dataIndex: 'name' }]} />;
}

describe('useKeysetPages + PagedTable', () => {
  it('reads page after page with the previous nextAfter as the cursor, then says there is no more', async () => {
    const { fetch, calls } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/test/v1/entries': (url) =>
        url.searchParams.get('before') === 'c2' ? { items: [{ id: '1', name: '丙' }], nextAfter: null } : { items: [{ id: '3', name: '甲' }, { id: '2', name: '乙' }], nextAfter: 'c2' },
    });
    const { container } = renderApp(<Entries cursor="before" />, { fetch });
    await waitFor(() => expect(container.querySelector('[data-testid="entries"]')?.textContent).toContain('乙'));
    const first = calls.find((c) => c.url.pathname === '/api/test/v1/entries')!.url.searchParams;
    expect(Object.fromEntries(first)).toEqual({ q: 'x', limit: '2' });

    await click(container.querySelector('[data-testid="entries-more"]'));
    await waitFor(() => expect(container.querySelector('[data-testid="entries"]')?.textContent).toContain('丙'));
    const pageCalls = calls.filter((c) => c.url.pathname === '/api/test/v1/entries');
    expect(pageCalls).toHaveLength(2);
    expect(pageCalls[1].url.searchParams.get('before')).toBe('c2');
    expect(pageCalls[1].url.searchParams.has('after')).toBe(false);
    expect(container.querySelector('[data-testid="entries"]')?.textContent).toContain('甲');
    expect(container.querySelector('[data-testid="entries-more"]')).toBeNull();
    expect(container.textContent).toContain('没有更多了');
  });

  it('shows a refused query in place of the table', async () => {
    const { fetch } = scriptedFetch({
      'GET /api/workers/v1/auth/me': () => xihuHr,
      'GET /api/test/v1/entries': () => json(403, { code: 'FORBIDDEN', message: 'no', details: [] }),
    });
    const { container } = renderApp(<Entries />, { fetch });
    await waitFor(() => expect(container.querySelector('[data-testid="query-error"]')).not.toBeNull());
    expect(container.querySelector('[data-testid="entries"]')).toBeNull();
    expect(container.querySelector('[data-testid="entries-more"]')).toBeNull();
  });
});
