import { Table, type TableColumnsType } from 'antd';

/** One of the worker's own lists on a detail tab (training, secondments, events): all of it came with the detail, so no paging. */
export function WorkerRows<T extends object>({ rows, testId, columns }: { rows: T[] | undefined; testId: string; columns: TableColumnsType<T> }) {
  return <Table<T> size="small" rowKey="id" dataSource={rows ?? []} pagination={false} data-testid={testId} columns={columns} />;
}
