import { Table, type TableProps } from 'antd';
import { QueryError } from './PageState';

/**
 * A list fetched whole (one query): the query's error in place of the table, or its rows, loading
 * while the query's first answer is on its way (`loading` overrides, e.g. `isFetching` for a list
 * that keeps the previous page while the next one loads). PagedTable is the keyset-paged kind.
 */
export function QueryTable<T extends object>({
  query,
  rows,
  ...table
}: { query: { error: unknown; isPending: boolean }; rows: readonly T[] | undefined } & Omit<TableProps<T>, 'dataSource'>) {
  if (query.error) return <QueryError error={query.error} />;
  return <Table<T> {...table} loading={table.loading ?? query.isPending} dataSource={rows ?? []} />;
}
