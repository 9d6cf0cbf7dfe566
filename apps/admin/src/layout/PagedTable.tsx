import { Table } from 'antd';
import type { ReactNode } from 'react';
import { LoadMore, QueryError } from './PageState';
import { listTableProps, type ListTableProps } from './QueryTable';

/** A keyset-paged query as a list reads it (what `useKeysetPages` returns). */
export interface KeysetPages<T> {
  data?: { pages: Array<{ items: T[] }> };
  error: unknown;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** The rows of the pages loaded so far. */
export function pagedRows<T>(pages: KeysetPages<T>): T[] {
  return pages.data?.pages.flatMap((p) => p.items) ?? [];
}

/**
 * A keyset-paged list: the query's error in place of the table, or the rows loaded so far with the
 * "load more" footer under them (`loadMoreExtra` beside the button, e.g. how many are loaded).
 * Rows are keyed by their `id` (the key the keyset walks) unless `rowKey` says otherwise.
 */
export function PagedTable<T extends object>({
  pages,
  loadMoreTestId,
  loadMoreExtra,
  ...table
}: { pages: KeysetPages<T>; loadMoreTestId: string; loadMoreExtra?: ReactNode } & Omit<ListTableProps<T>, 'loading' | 'pagination'>) {
  if (pages.error) return <QueryError error={pages.error} />;
  const rows = pagedRows(pages);
  return (
    <>
      <Table<T> {...listTableProps(table)} loading={pages.isPending} dataSource={rows} pagination={false} />
      <LoadMore pages={pages} count={rows.length} testId={loadMoreTestId}>
        {loadMoreExtra}
      </LoadMore>
    </>
  );
}
