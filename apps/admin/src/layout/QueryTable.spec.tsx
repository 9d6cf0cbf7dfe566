import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { renderApp, scriptedFetch, xihuHr } from '../test-utils';
import { QueryTable } from './QueryTable';

interface Row {
  id: string;
  name: string;
}

const rows: Row[] = [{ id: '1', name: '甲' }, { id: '2', name: '乙' }];

/** The table as a page puts it, over a query in the given state. */
function show(query: { error: unknown; isPending: boolean }, data: Row[] | undefined, loading?: boolean): HTMLElement {
  const { fetch } = scriptedFetch({ 'GET /api/workers/v1/auth/me': () => xihuHr });
  return renderApp(<QueryTable<Row> query={query} rows={data} loading={loading} rowKey="id" pagination={false} data-testid="entries" columns={[{ title: 'name', dataIndex: 'name' }]} />, { fetch }).container;
}

// antd puts the spinner around the table, outside the element that carries the test id
const spinning = (container: HTMLElement) => container.querySelector('.ant-table-wrapper > .ant-spin-spinning') !== null;
const shownRows = (container: HTMLElement) => container.querySelectorAll('[data-testid="entries"] tbody tr.ant-table-row').length;

describe('QueryTable', () => {
  it('spins, without rows, while the query’s first answer is on its way', () => {
    const container = show({ error: null, isPending: true }, undefined);
    expect(spinning(container)).toBe(true);
    expect(shownRows(container)).toBe(0);
  });

  it('shows the rows once the query has answered', () => {
    const container = show({ error: null, isPending: false }, rows);
    expect(spinning(container)).toBe(false);
    expect(shownRows(container)).toBe(2);
    expect(container.querySelector('[data-testid="entries"]')?.textContent).toContain('乙');
  });

  it('takes a loading state of its own over the query’s (a list that keeps its rows while the next page loads)', () => {
    const container = show({ error: null, isPending: false }, rows, true);
    expect(spinning(container)).toBe(true);
    expect(shownRows(container)).toBe(2);
  });

  it('shows a failed query in place of the table', () => {
    const container = show({ error: new ApiError(403, 'FORBIDDEN', 'no'), isPending: false }, undefined);
    expect(container.querySelector('[data-testid="query-error"]')?.textContent).toContain('您没有执行此操作的权限');
    expect(container.querySelector('[data-testid="entries"]')).toBeNull();
  });
});
