import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useCommunities, useDistricts, useStreets } from '../../api/org';
import type { WorkerRow } from '../../api/types';
import { POST_BANDS, QUALIFICATION_LEVELS, WORKER_STATUSES, asResidentId, useResidentIdLookup, useWorkerPages, type WorkerFilter } from '../../api/workers';
import { residentIdIssue } from '@cws/kernel';
import { useDownload } from '../../api/useDownload';
import { useAuth } from '../../auth/AuthProvider';
import { HR_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useErrors } from '../../i18n/useErrors';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { PageCard } from '../../layout/PageCard';
import { PagedTable, pagedRows } from '../../layout/PagedTable';
import { PlaceFilter } from '../../layout/PlaceFilter';
import { placeNamer } from '../../lib/places';
import { ImportWizard } from './ImportWizard';
import { IncomingTransfers } from './IncomingTransfers';
import { HireModal } from './WorkerFormModals';

const STATUS_COLOR: Record<string, string> = { ACTIVE: 'green', SECONDED_OUT: 'orange', ON_LEAVE: 'gold', LEFT: 'default' };
const DEFAULT_SORT = 'name';

/** The column a sort key orders, and which way (`-hireDate` = hire date, newest first). */
function sortOrderOf(sort: string | undefined, column: string): SortOrder {
  if (sort === column) return 'ascend';
  if (sort === `-${column}`) return 'descend';
  return null;
}

export function WorkersPage() {
  const { t } = useI18n();
  const { me, hasRole } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // a link from the org tree opens the register on one community
  const initial: WorkerFilter = { sort: DEFAULT_SORT, community: params.get('community') ?? undefined, street: params.get('street') ?? undefined, district: params.get('district') ?? undefined, status: params.get('status') ?? undefined };
  const [draft, setDraft] = useState<WorkerFilter>(initial);
  const [filter, setFilter] = useState<WorkerFilter>(initial);
  const [hiring, setHiring] = useState(false);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);

  const mayWrite = hasRole(...HR_ROLES);
  const scopedDistrict = me?.scope.level !== 'CITY' ? me?.scope.district : undefined;
  const district = draft.district ?? scopedDistrict;
  const districts = useDistricts();
  const streets = useStreets(district, !!district);
  const allStreets = useStreets(undefined);
  const street = draft.street ?? (me?.scope.level === 'STREET' ? me.scope.street : undefined);
  const communities = useCommunities({ street }, !!street);
  const pages = useWorkerPages(filter);
  const loaded = pagedRows(pages).length;
  const first = pages.data?.pages[0];
  const streetName = placeNamer(allStreets.data);

  const set = (patch: Partial<WorkerFilter>) => setDraft((d) => ({ ...d, ...patch }));
  // a full resident ID in the search box opens that worker (the service matches it by its keyed hash, in scope);
  // it is never sent as the name filter, which would put it in the URL
  const lookup = useResidentIdLookup();
  const errors = useErrors();
  const search = async (next: WorkerFilter) => {
    const typed = next.q?.replace(/[\s-]/g, '') ?? '';
    const residentId = asResidentId(typed);
    // a name has no run of digits: such text is an ID, whole or mistyped, and never goes out as ?q=
    if (!residentId && /\d{6}/.test(typed)) return void message.error(t('workers.lookup.invalid'));
    if (!residentId) return setFilter(next);
    if (residentIdIssue(residentId)) return void message.error(t('workers.lookup.invalid'));
    try {
      const { found } = await lookup([residentId]);
      if (found.length) navigate(`/workers/${found[0].worker.id}`);
      else message.info(t('workers.lookup.none'));
    } catch (e) {
      message.error(errors.text(e));
    }
  };
  const enumOptions = useEnumOptions();
  const sortBy = (sort: string) => {
    setDraft((d) => ({ ...d, sort }));
    setFilter((f) => ({ ...f, sort }));
  };

  const download = useDownload();
  const exportXlsx = async () => {
    setExporting(true);
    const { district, street, community, status } = filter;
    if (await download('/api/workers/v1/exports/workers.xlsx', 'workers.xlsx', { district, street, community, status })) message.success(t('common.exported'));
    setExporting(false);
  };

  return (
    <PageCard
      title={t('workers.title')}
      testId="workers-page"
      tools={
        <>
          {mayWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setHiring(true)} data-testid="worker-hire">
              {t('workers.hire')}
            </Button>
          )}
          {mayWrite && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="worker-import">
              {t('workers.import')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="worker-export">
            {t('common.export')}
          </Button>
        </>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('workers.searchPlaceholder')}
          style={{ width: 220 }}
          value={draft.q ?? ''}
          onChange={(e) => set({ q: e.target.value || undefined })}
          onSearch={(q) => void search({ ...draft, q: q || undefined })}
          data-testid="worker-search"
        />
        {me?.scope.level === 'CITY' && (
          <PlaceFilter level="district" places={districts.data} width={140} value={draft.district} onChange={(v) => set({ district: v, street: undefined, community: undefined })} />
        )}
        {me?.scope.level !== 'STREET' && (
          <PlaceFilter level="street" places={streets.data} width={140} value={draft.street} disabled={!district} onChange={(v) => set({ street: v, community: undefined })} />
        )}
        <PlaceFilter level="community" places={communities.data} width={160} value={draft.community} disabled={!street} onChange={(v) => set({ community: v })} />
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
        <Button type="primary" onClick={() => void search(draft)} data-testid="worker-filter-apply">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            setDraft({ sort: DEFAULT_SORT });
            setFilter({ sort: DEFAULT_SORT });
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
      <IncomingTransfers />
      <PagedTable<WorkerRow>
        pages={pages}
        loadMoreTestId="workers-load-more"
        loadMoreExtra={
          <Typography.Text type="secondary" style={{ marginRight: 16 }} data-testid="workers-loaded">
            {t('workers.loaded', { n: loaded })}
            {first?.total !== undefined && (
              <span data-testid="workers-total">
                {' / '}
                {t('common.total', { n: first.total.toLocaleString() })}
              </span>
            )}
          </Typography.Text>
        }
        size="middle"
        scroll={{ x: 1100 }}
        data-testid="workers-table"
        showSorterTooltip={{ title: t('workers.sortHint') }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = String(s?.columnKey ?? '');
          sortBy(!s?.order || !key ? DEFAULT_SORT : s.order === 'descend' ? `-${key}` : key);
        }}
        columns={[
          // 编号: the worker ID other screens and lists ask for (a bonus list, the export's first column)
          { title: t('workers.no'), dataIndex: 'id', width: 80 },
          {
            key: 'name',
            title: t('workers.name'),
            dataIndex: 'name',
            sorter: true,
            sortOrder: sortOrderOf(filter.sort, 'name'),
            render: (name: string, w) => <Link to={`/workers/${w.id}`}>{name}</Link>,
          },
          { title: t('workers.sex'), dataIndex: 'sex', width: 70, render: (s: string) => (s === 'M' || s === 'F' ? t(`workers.sex.${s}`) : s) },
          { title: t('workers.residentId'), dataIndex: 'residentIdMasked', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { title: t('workers.street'), dataIndex: 'streetCode', render: (code: string) => streetName(code) },
          {
            title: t('workers.community'),
            dataIndex: 'communityName',
            // a transfer recorded ahead: the worker is still here, and leaves on that day
            render: (name: string, w) => (
              <>
                {name}
                {w.plannedTransferDate && <Tag color="blue" style={{ marginLeft: 6 }} data-testid={`planned-out-${w.id}`}>{t('workers.plannedOut', { date: w.plannedTransferDate })}</Tag>}
              </>
            ),
          },
          { title: t('workers.status'), dataIndex: 'status', render: (s: string) => <Tag color={STATUS_COLOR[s]}>{t(`enum.status.${s}` as MessageKey)}</Tag> },
          { title: t('workers.employmentType'), dataIndex: 'employmentType', render: (s: string) => t(`enum.employment.${s}` as MessageKey) },
          { title: t('workers.postBand'), dataIndex: 'postBand', render: (s: string | null) => (s ? t(`enum.post.${s}` as MessageKey) : '-') },
          { title: t('workers.grade'), dataIndex: 'grade', width: 80, render: (g: number | null | undefined) => (g == null ? '-' : t('workers.gradeShort', { grade: g })) },
          { title: t('workers.qualification'), dataIndex: 'qualificationLevel', render: (s: string | null) => (s ? t(`enum.qualification.${s}` as MessageKey) : '-') },
          { key: 'hireDate', title: t('workers.hireDate'), dataIndex: 'hireDate', sorter: true, sortOrder: sortOrderOf(filter.sort, 'hireDate') },
        ]}
      />
      <HireModal
        open={hiring}
        onClose={() => setHiring(false)}
        onHired={(id) => {
          setHiring(false);
          navigate(`/workers/${id}`);
        }}
      />
      <ImportWizard open={importing} onClose={() => setImporting(false)} />
    </PageCard>
  );
}
