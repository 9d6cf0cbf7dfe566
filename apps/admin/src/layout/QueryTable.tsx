import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { QueryError } from './PageState';

interface QueryState {
  error: unknown;
  isPending: boolean;
}

/** What every list table shares: compact rows, keyed by `id`, and the text shown when there are none. */
export type ListTableProps<T> = Omit<TableProps<T>, 'dataSource'> & { empty?: ReactNode };

/** The list tables' defaults under what the caller sets (`size`, `rowKey`, `locale` still override). */
export function listTableProps<T>({ empty, ...table }: ListTableProps<T>): TableProps<T> {
  return { size: 'small', rowKey: 'id', ...(empty === undefined ? {} : { locale: { emptyText: empty } }), ...table };
}

/**
 * A list fetched whole (one query): the query's error in place of the table, or its rows, loading
 * while the query's first answer is on its way (`loading` overrides, e.g. `isFetching` for a list
 * that keeps the previous page while the next one loads). The rows are the query's data unless
 * `rows` picks them (a filter, or a field of the answer). PagedTable is the keyset-paged kind.
 */
export function QueryTable<T extends object>(
  props: ({ query: QueryState & { data?: readonly T[] } } | { query: QueryState; rows: readonly T[] | undefined }) & ListTableProps<T>,
) {
  const { query, rows, ...table } = props as ListTableProps<T> & { query: QueryState & { data?: readonly T[] }; rows?: readonly T[] };
  if (query.error) return <QueryError error={query.error} />;
  const data = 'rows' in props ? rows : query.data;
  return <Table<T> {...listTableProps(table)} loading={table.loading ?? query.isPending} dataSource={data ?? []} />;
}
