import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useCommunities, useDistricts, useStreets } from '../../api/org';
import type { WorkerRow } from '../../api/types';
import {
  POST_BANDS,
  QUALIFICATION_LEVELS,
  WORKER_SORTS,
  WORKER_STATUSES,
  useWorkerPages,
  type WorkerFilter,
} from '../../api/workers';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { LoadMore, QueryError } from '../../layout/PageState';

const STATUS_COLOR: Record<string, string> = { ACTIVE: 'green', SECONDED_OUT: 'orange', ON_LEAVE: 'gold', LEFT: 'default' };

export function WorkersPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [draft, setDraft] = useState<WorkerFilter>({ sort: 'name' });
  const [filter, setFilter] = useState<WorkerFilter>({ sort: 'name' });

  const scopedDistrict = me?.scope.level !== 'CITY' ? me?.scope.district : undefined;
  const district = draft.district ?? scopedDistrict;
  const districts = useDistricts();
  const streets = useStreets(district, !!district);
  const street = draft.street ?? (me?.scope.level === 'STREET' ? me.scope.street : undefined);
  const communities = useCommunities({ street }, !!street);
  const pages = useWorkerPages(filter);
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);

  const set = (patch: Partial<WorkerFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const enumOptions = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}` as MessageKey) }));

  return (
    <Card title={t('workers.title')} data-testid="workers-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('workers.searchPlaceholder')}
          style={{ width: 220 }}
          value={draft.q ?? ''}
          onChange={(e) => set({ q: e.target.value || undefined })}
          onSearch={(q) => setFilter({ ...draft, q: q || undefined })}
          data-testid="worker-search"
        />
        {me?.scope.level === 'CITY' && (
          <Select
            allowClear
            placeholder={t('org.district')}
            style={{ width: 140 }}
            value={draft.district}
            options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            onChange={(v) => set({ district: v, street: undefined, community: undefined })}
          />
        )}
        {me?.scope.level !== 'STREET' && (
          <Select
            allowClear
            placeholder={t('org.street')}
            style={{ width: 140 }}
            value={draft.street}
            disabled={!district}
            options={(streets.data ?? []).map((s) => ({ value: s.code, label: s.name }))}
            onChange={(v) => set({ street: v, community: undefined })}
          />
        )}
        <Select
          allowClear
          placeholder={t('org.community')}
          style={{ width: 160 }}
          value={draft.community}
          disabled={!street}
          options={(communities.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
          onChange={(v) => set({ community: v })}
        />
        <Select allowClear placeholder={t('workers.status')} style={{ width: 120 }} value={draft.status} options={enumOptions(WORKER_STATUSES, 'enum.status')} onChange={(v) => set({ status: v })} />
        <Select allowClear placeholder={t('workers.postBand')} style={{ width: 110 }} value={draft.post} options={enumOptions(POST_BANDS, 'enum.post')} onChange={(v) => set({ post: v })} />
        <Select
          allowClear
          placeholder={t('workers.qualification')}
          style={{ width: 160 }}
          value={draft.qualification}
          options={enumOptions(QUALIFICATION_LEVELS, 'enum.qualification')}
          onChange={(v) => set({ qualification: v })}
        />
        <Select
          style={{ width: 130 }}
          value={draft.sort}
          options={WORKER_SORTS.map((s) => ({ value: s, label: s === '-hireDate' ? `${t('workers.sort.hireDate')} ↓` : t(`workers.sort.${s}` as MessageKey) }))}
          onChange={(v) => set({ sort: v })}
        />
        <Button type="primary" onClick={() => setFilter(draft)} data-testid="worker-filter-apply">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            setDraft({ sort: 'name' });
            setFilter({ sort: 'name' });
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
      {pages.error ? (
        <QueryError error={pages.error} />
      ) : (
        <>
          <Table<WorkerRow>
            rowKey="id"
            size="middle"
            loading={pages.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1000 }}
            data-testid="workers-table"
            columns={[
              { title: t('workers.name'), dataIndex: 'name', render: (name: string, w) => <Link to={`/workers/${w.id}`}>{name}</Link> },
              { title: t('workers.sex'), dataIndex: 'sex', width: 70, render: (s: string) => (s === 'M' || s === 'F' ? t(`workers.sex.${s}`) : s) },
              { title: t('workers.residentId'), dataIndex: 'residentIdMasked', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
              { title: t('workers.community'), dataIndex: 'communityName' },
              { title: t('workers.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`enum.status.${s}` as MessageKey)}</Tag> },
              { title: t('workers.employmentType'), dataIndex: 'employmentType', render: (s: string) => t(`enum.employment.${s}` as MessageKey) },
              { title: t('workers.postBand'), dataIndex: 'postBand', render: (s: string | null) => (s ? t(`enum.post.${s}` as MessageKey) : '-') },
              { title: t('workers.qualification'), dataIndex: 'qualificationLevel', render: (s: string | null) => (s ? t(`enum.qualification.${s}` as MessageKey) : '-') },
              { title: t('workers.hireDate'), dataIndex: 'hireDate' },
            ]}
          />
          <LoadMore pages={pages} count={rows.length} testId="workers-load-more">
            <Typography.Text type="secondary" style={{ marginRight: 16 }} data-testid="workers-loaded">
              {t('workers.loaded', { n: rows.length })}
            </Typography.Text>
          </LoadMore>
        </>
      )}
    </Card>
  );
}
