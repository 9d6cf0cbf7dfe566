import { PlusOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { PageCard } from '../../layout/PageCard';
import { QueryTable } from '../../layout/QueryTable';

/**
 * A kind of account the city admin manages (users, API clients): a card with its create button, the
 * list fetched whole in pages of 20 (its error in its place), and the dialogs as children.
 * Test ids: `${testId}-page` on the card, `${testId}-table` on the list.
 */
export function AccountList<T extends { id: string }>({
  testId,
  title,
  create,
  query,
  columns,
  children,
}: {
  testId: string;
  title: string;
  create: { label: string; testId: string; onClick: () => void };
  query: { data?: T[]; error: unknown; isPending: boolean };
  columns: TableColumnsType<T>;
  children: ReactNode;
}) {
  return (
    <PageCard
      title={title}
      testId={`${testId}-page`}
      tools={
        <Button type="primary" icon={<PlusOutlined />} onClick={create.onClick} data-testid={create.testId}>
          {create.label}
        </Button>
      }
    >
      <QueryTable<T> query={query} rows={query.data} rowKey="id" size="middle" pagination={{ pageSize: 20, hideOnSinglePage: true }} data-testid={`${testId}-table`} columns={columns} />
      {children}
    </PageCard>
  );
}
