import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/context';
import type { AuditEntry, Page } from '../../api/types';
import { useI18n } from '../../i18n/I18nProvider';
import { LoadMore, QueryError } from '../../layout/PageState';

const SERVICES = ['workers', 'payroll', 'budget', 'scheduler'] as const;
const PAGE = 50;

interface Filter {
  service: (typeof SERVICES)[number];
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Compact JSON, clipped by the column's CSS ellipsis (the whole text stays in the page); the row expands to the full diff. */
function JsonCell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <>-</>;
  const text = JSON.stringify(value);
  return (
    <span style={{ fontFamily: 'monospace', fontSize: 12 }} title={text}>
      {text}
    </span>
  );
}

function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const block = (v: unknown) => (
    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{v === null || v === undefined ? '-' : JSON.stringify(v, null, 2)}</pre>
  );
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 16 }}>
      <div>
        <Typography.Text strong>{t('audit.before')}</Typography.Text>
        {block(entry.before)}
      </div>
      <div>
        <Typography.Text strong>{t('audit.after')}</Typography.Text>
        {block(entry.after)}
      </div>
    </div>
  );
}

/** Every change, newest first; keyset paging with `before` = the last id shown. */
export function AuditPage() {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({ service: 'workers' });

  const query = useMemo(
    () => ({
      entity: filter.entity?.trim(),
      entityId: filter.entityId?.trim(),
      actorId: filter.actorId?.trim(),
      action: filter.action?.trim(),
      from: filter.range?.[0]?.startOf('day').toISOString(),
      to: filter.range?.[1]?.add(1, 'day').startOf('day').toISOString(),
    }),
    [filter],
  );
  const pages = useInfiniteQuery({
    queryKey: ['audit', filter.service, query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>(`/api/${filter.service}/v1/audit`, { ...query, before: pageParam, limit: PAGE }, signal),
    getNextPageParam: (last) => last.nextAfter ?? undefined,
    retry: false,
  });
  const rows = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card title={t('audit.title')} data-testid="audit-page">
      <Form<Filter> form={form} layout="inline" initialValues={{ service: 'workers' }} onFinish={(v) => setFilter({ ...v })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="service" label={t('audit.service')}>
          <Select style={{ width: 120 }} options={SERVICES.map((s) => ({ value: s, label: s }))} />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.entity')}>
          <Input allowClear style={{ width: 130 }} placeholder="api_client" />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.entityId')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="actorId" label={t('audit.actorId')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Input allowClear style={{ width: 110 }} placeholder="CREATE" />
        </Form.Item>
        <Form.Item name="range" label={t('audit.range')}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilter({ service: 'workers' });
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form>
      {pages.error ? (
        <QueryError error={pages.error} />
      ) : (
        <>
          <Table<AuditEntry>
            size="small"
            rowKey="id"
            loading={pages.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1100 }}
            expandable={{ expandedRowRender: (entry) => <Diff entry={entry} /> }}
            data-testid="audit-table"
            columns={[
              { title: t('audit.occurredAt'), dataIndex: 'occurredAt', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
              { title: t('audit.actor'), dataIndex: 'actorName', width: 120 },
              { title: t('audit.entity'), dataIndex: 'entity', width: 110 },
              { title: t('audit.entityId'), dataIndex: 'entityId', width: 150, ellipsis: true },
              { title: t('audit.action'), dataIndex: 'action', width: 90 },
              { title: t('audit.before'), dataIndex: 'before', ellipsis: true, render: (v: unknown) => <JsonCell value={v} /> },
              { title: t('audit.after'), dataIndex: 'after', ellipsis: true, render: (v: unknown) => <JsonCell value={v} /> },
              { title: t('audit.requestId'), dataIndex: 'requestId', width: 140, ellipsis: true },
            ]}
          />
          <LoadMore pages={pages} count={rows.length} testId="audit-load-more" />
        </>
      )}
    </Card>
  );
}
