import type { AuditLogPageView } from '@cws/kernel';
import { Button, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import type { AuditEntry } from '../../api/types';
import { useKeysetPages } from '../../api/useKeysetPages';
import { useI18n } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { PageCard } from '../../layout/PageCard';
import { PagedTable } from '../../layout/PagedTable';
import { dateTime } from '../../lib/format';

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

/** Entities each service audits (a select; a code not listed can still be typed in the search). */
const ENTITIES: Record<(typeof SERVICES)[number], string[]> = {
  workers: ['worker', 'worker_event', 'appointment', 'secondment', 'community', 'street', 'district', 'training_class', 'training_course', 'training_provider', 'training_record', 'training_rule', 'vacancy', 'candidate', 'election', 'import_batch', 'worker_snapshot', 'user', 'api_client', 'refresh_token_family', 'pii_key'],
  payroll: ['payroll_run', 'policy_row', 'benchmark_result'],
  budget: ['fiscal_year', 'appropriation', 'allocation', 'posting', 'unmatched_posting', 'household_count', 'funding_standard'],
  scheduler: ['roster', 'roster_generation', 'service_centre', 'holiday_calendar', 'worker_request'],
};
const ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'VIEW_PII', 'EXPORT', 'IMPORT', 'VALIDATE', 'COMMIT', 'HIRE', 'TRANSFER', 'LEAVE', 'END', 'STATUS_CHANGE', 'SCORE', 'SELECT', 'ENACT', 'REVERSE', 'RESOLVE', 'EXPENDITURE_OVERRIDE', 'OPEN', 'CLOSE', 'QUEUE', 'PUBLISH', 'UPSERT', 'PULL_WITH_BANK_ACCOUNTS', 'REENCRYPT', 'REUSE_DETECTED'];

const show = (v: unknown) => (v === undefined ? '—' : v === null ? 'null' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The fields of before/after, changed ones first; an unchanged field is listed only on request. */
export function diffFields(before: unknown, after: unknown): Array<{ field: string; before: unknown; after: unknown; changed: boolean }> {
  const obj = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : v === null || v === undefined ? {} : { value: v });
  const b = obj(before);
  const a = obj(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .map((field) => ({ field, before: b[field], after: a[field], changed: JSON.stringify(b[field]) !== JSON.stringify(a[field]) }))
    .sort((x, y) => Number(y.changed) - Number(x.changed));
}

/** The changes in one line for the row ("name: 甲 → 乙; version: 1 → 2"; a created field shows its value); the row expands to the table. */
function ChangedCell({ entry }: { entry: AuditEntry }) {
  const changed = diffFields(entry.before, entry.after).filter((d) => d.changed);
  if (!changed.length) return <>-</>;
  const text = changed.map((d) => (d.before === undefined ? `${d.field}: ${show(d.after)}` : `${d.field}: ${show(d.before)} → ${show(d.after)}`)).join('; ');
  return (
    <span style={{ fontSize: 12 }} title={text}>
      {text}
    </span>
  );
}

/** A readable before/after: one line per field, changed values highlighted. */
function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const rows = diffFields(entry.before, entry.after);
  return (
    <Table
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      data-testid={`audit-diff-${entry.id}`}
      rowClassName={(r) => (r.changed ? 'audit-changed' : '')}
      columns={[
        { title: t('audit.field'), dataIndex: 'field', width: 200, render: (f: string, r) => (r.changed ? <Typography.Text strong>{f}</Typography.Text> : <Typography.Text type="secondary">{f}</Typography.Text>) },
        { title: t('audit.before'), dataIndex: 'before', render: (v: unknown, r) => <span style={{ fontFamily: 'monospace', fontSize: 12, background: r.changed ? '#fff1f0' : undefined, wordBreak: 'break-all' }}>{show(v)}</span> },
        { title: t('audit.after'), dataIndex: 'after', render: (v: unknown, r) => <span style={{ fontFamily: 'monospace', fontSize: 12, background: r.changed ? '#f6ffed' : undefined, wordBreak: 'break-all' }}>{show(v)}</span> },
      ]}
    />
  );
}

/** Every change, newest first; keyset paging with `before` = the last id shown. */
export function AuditPage() {
  const { t } = useI18n();
  const options = useEnumOptions();
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({ service: 'workers' });
  const service = Form.useWatch('service', form);

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
  const pages = useKeysetPages<AuditLogPageView>(['audit', filter.service, query], `/api/${filter.service}/v1/audit`, query, { limit: PAGE, cursor: 'before' });

  return (
    <PageCard title={t('audit.title')} testId="audit-page">
      <Form<Filter> form={form} layout="inline" initialValues={{ service: 'workers' }} onFinish={(v) => setFilter({ ...v })} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="service" label={t('audit.service')}>
          <Select style={{ width: 130 }} options={options(SERVICES, 'audit.services')} onChange={() => form.setFieldValue('entity', undefined)} />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.entity')}>
          <Select allowClear showSearch style={{ width: 170 }} options={ENTITIES[service ?? 'workers'].map((e) => ({ value: e, label: e }))} data-testid="audit-entity" />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.entityId')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="actorId" label={t('audit.actorId')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select allowClear showSearch style={{ width: 160 }} options={ACTIONS.map((a) => ({ value: a, label: a }))} data-testid="audit-action" />
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
      <PagedTable<AuditEntry>
        pages={pages}
        loadMoreTestId="audit-load-more"
        scroll={{ x: 1100 }}
        expandable={{ expandedRowRender: (entry) => <Diff entry={entry} /> }}
        data-testid="audit-table"
        columns={[
          { title: t('audit.occurredAt'), dataIndex: 'occurredAt', width: 170, render: (v: string) => dateTime(v, { seconds: true }) },
          { title: t('audit.actor'), dataIndex: 'actorName', width: 120 },
          { title: t('audit.entity'), dataIndex: 'entity', width: 110 },
          { title: t('audit.entityId'), dataIndex: 'entityId', width: 150, ellipsis: true },
          { title: t('audit.action'), dataIndex: 'action', width: 90 },
          { title: t('audit.changed'), key: 'changed', ellipsis: true, render: (_: unknown, e) => <ChangedCell entry={e} /> },
          { title: t('audit.requestId'), dataIndex: 'requestId', width: 140, ellipsis: true },
        ]}
      />
    </PageCard>
  );
}
