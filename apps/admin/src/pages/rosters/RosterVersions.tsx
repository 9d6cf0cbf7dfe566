import { ROSTER_STATUSES, type GenerationPublishedView, type RosterStatus, type RosterSummaryView } from '@cws/scheduler-contracts';
import { Alert, Button, DatePicker, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useCommunityName } from '../../api/org';
import { useApi } from '../../api/context';
import { S, useRosterVersions, type RosterVersionFilter } from '../../api/rosters';
import { useAction } from '../../api/useAction';
import { useAuth } from '../../auth/AuthProvider';
import { HR_ROLES } from '../../auth/access';
import { useI18n, type MessageKey, type Translate } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { useErrors } from '../../i18n/useErrors';
import { ConfirmButton } from '../../layout/ConfirmButton';
import { actionsColumn } from '../../layout/columns';
import { PagedTable } from '../../layout/PagedTable';
import { dateTime } from '../../lib/format';
import { CommunitySelect } from '../workers/WorkerFormModals';
import { RosterStatusTag } from './RosterStatusTag';

/**
 * 排班版本: the versions in scope, newest first — by month, community and status, or the drafts one generation made
 * (set when a generation on this page finishes) — each with its shift and gap counts and, when published, what its
 * last check against the register found. 打开 opens the version (its calendar, heatmap, publish, re-plan, swap); a
 * generation's drafts can be published in one go (发布全部草稿), the ones refused named with why.
 */
export function RosterVersions({ filter, onFilter }: { filter: RosterVersionFilter; onFilter: (f: RosterVersionFilter) => void }) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const navigate = useNavigate();
  const pages = useRosterVersions(filter);
  const nameOf = useCommunityName();
  const api = useApi();
  const errors = useErrors();
  const canPlan = useAuth().hasRole(...HR_ROLES);
  const [published, setPublished] = useState<GenerationPublishedView | null>(null);
  const publishAll = useAction(() => api.post<GenerationPublishedView>(`${S}/rosters/generations/${filter.generation}/publish`), {
    invalidate: [['roster-versions'], ['rosters-to-replan']],
    onDone: setPublished,
  });
  // narrowing by hand leaves the generation's list
  const narrow = (patch: RosterVersionFilter) => onFilter({ ...filter, generation: undefined, ...patch });
  return (
    <div data-testid="roster-versions" style={{ marginTop: 24 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('rosters.versions')}</Typography.Text>
        <DatePicker
          picker="month"
          value={filter.month ? dayjs(`${filter.month}-01`) : null}
          onChange={(d) => narrow({ month: d ? d.format('YYYY-MM') : undefined })}
          placeholder={t('rosters.allMonths')}
          data-testid="versions-month"
        />
        <CommunitySelect id="versionsCommunity" allowClear placeholder={t('rosters.allCommunities')} style={{ width: 200 }} value={filter.community} onChange={(community) => narrow({ community })} />
        <Select<RosterStatus>
          id="versionsStatus"
          allowClear
          placeholder={t('rosters.allStatuses')}
          style={{ width: 140 }}
          value={filter.status as RosterStatus | undefined}
          onChange={(status) => narrow({ status })}
          options={options(ROSTER_STATUSES, 'rosters.status')}
        />
        {filter.generation && (
          <Tag closable onClose={() => onFilter({ ...filter, generation: undefined })} data-testid="versions-generation">
            {t('rosters.ofGeneration', { id: filter.generation })}
          </Tag>
        )}
        {filter.generation && canPlan && (
          <ConfirmButton title={t('rosters.publishAllConfirm')} onConfirm={() => publishAll.mutate(undefined)} loading={publishAll.isPending} testId="versions-publish-all">
            {t('rosters.publishAll')}
          </ConfirmButton>
        )}
      </Space>
      {published && (
        <Alert
          type={published.skipped.length ? 'warning' : 'success'}
          showIcon
          closable
          onClose={() => setPublished(null)}
          title={t('rosters.publishedAll', { n: published.published })}
          description={published.skipped.length > 0 && t('rosters.publishSkipped', { list: published.skipped.map((x) => `${nameOf(x.community)}（${errors.code(x.code)}）`).join('；') })}
          style={{ marginBottom: 12 }}
          data-testid="versions-published"
        />
      )}
      <PagedTable<RosterSummaryView>
        pages={pages}
        loadMoreTestId="versions-load-more"
        empty={t('rosters.noVersions')}
        data-testid="roster-versions-table"
        columns={[
          { title: t('org.community'), dataIndex: 'community', render: (code: string) => nameOf(code) },
          { title: t('rosters.month'), dataIndex: 'month', width: 90 },
          { title: t('rosters.version'), dataIndex: 'version', width: 70, render: (v: number) => `v${v}` },
          { title: t('rosters.statusColumn'), dataIndex: 'status', width: 100, render: (s: RosterStatus) => <RosterStatusTag status={s} /> },
          { title: t('rosters.reason'), dataIndex: 'reason', width: 80, render: (r: string) => t(`rosters.reason.${r}` as MessageKey) },
          { title: t('rosters.assignments'), dataIndex: 'shifts', width: 80 },
          { title: t('rosters.coverageColumn'), key: 'gaps', width: 110, render: (_: unknown, r) => coverageCell(t, r) },
          { title: t('rosters.checked'), key: 'checked', width: 130, render: (_: unknown, r) => checkCell(t, r) },
          { title: t('rosters.changedAt'), key: 'at', width: 150, render: (_: unknown, r) => changedCell(r) },
          actionsColumn<RosterSummaryView>(t, (r) => (
            <Button size="small" type="link" onClick={() => navigate(`/rosters/${r.id}`)} data-testid={`version-open-${r.id}`}>
              {t('rosters.openVersion')}
            </Button>
          )),
        ]}
      />
    </div>
  );
}

/** Fully covered, or how many ranges are short; nothing to count before a solve (queued, failed). */
function coverageCell(t: Translate, r: RosterSummaryView): ReactNode {
  if (r.solvedAt === null) return '-';
  if (r.uncoveredRanges === 0) return <Tag color="green">{t('rosters.covered')}</Tag>;
  return <Tag color="red">{t('rosters.gapCount', { n: r.uncoveredRanges })}</Tag>;
}

/** What the last check of a published version found; nothing for other versions or before a first check. */
function checkCell(t: Translate, r: RosterSummaryView): ReactNode {
  if (r.status !== 'PUBLISHED' || r.conflictsAhead === null) return '-';
  if (r.conflictsAhead === 0) return t('rosters.checkedClean');
  return <Tag color="red">{t('rosters.conflictsAheadCount', { n: r.conflictsAhead })}</Tag>;
}

/** When it was published, else created. */
function changedCell(r: RosterSummaryView): string {
  const at = r.publishedAt ?? r.createdAt;
  return at ? dateTime(at) : '-';
}
