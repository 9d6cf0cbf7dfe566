import type { UnmatchedPostingView } from '@cws/budget-contracts';
import { Alert, Button, Segmented, Tag, Typography } from 'antd';
import { useUnmatched, type UnmatchedFilter } from '../../api/postings';
import { useAuth } from '../../auth/AuthProvider';
import { BUDGET_WRITE_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { actionsColumn } from '../../layout/columns';
import { PageCard } from '../../layout/PageCard';
import { PagedTable } from '../../layout/PagedTable';
import { dateTime } from '../../lib/format';
import { urlParam, useUrlFilters, type UrlParams } from '../../lib/useUrlFilters';
import { BudgetListFilters, budgetListParams, useAdmitBudgetPlace } from './BudgetFilters';
import { ResolveDialog, amountText, useResolveDialog } from './ResolveDialog';
import { useBudgetNames } from './useBudgetNames';

/** The filters as the address holds them: the list's and open or resolved. */
const PARAMS: UrlParams<UnmatchedFilter> = { ...budgetListParams, state: urlParam.oneOf(['OPEN', 'RESOLVED'] as const) };

const REASON_COLORS: Record<string, string> = { NO_ALLOCATION: 'gold', FISCAL_YEAR_CLOSED: 'default', INSUFFICIENT_FUNDS: 'red', INVALID_POSTING: 'magenta', REFUND_EXCEEDS_SPENT: 'orange' };

/**
 * 待处理入账: payroll and training costs the queue could not book (GET /unmatched-postings), open or resolved, of a
 * year, a funder, a stream, a place (district for city users, street, community) and the start of the source
 * reference, the open ones of every year by default; the filters are kept in the address (useUrlFilters). Writers
 * book an open one on an allocation; a malformed one (INVALID_POSTING) can only be corrected and re-sent by its
 * source, so it has no button (the service answers UNRESOLVABLE).
 */
export function UnmatchedPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const names = useBudgetNames();
  const canWrite = hasRole(...BUDGET_WRITE_ROLES);
  // every year by default: a cost may be parked for a closed year, or with no year at all
  const [filter, change] = useUrlFilters<UnmatchedFilter>(PARAMS, { state: 'OPEN' }, useAdmitBudgetPlace());
  const { state } = filter;
  const pages = useUnmatched(filter);
  const resolve = useResolveDialog();

  const action = (u: UnmatchedPostingView) => {
    if (u.resolvedPostingId) return null;
    if (u.reason === 'INVALID_POSTING') return <Typography.Text type="secondary">{t('unmatched.resend')}</Typography.Text>;
    return (
      canWrite && (
        <Button size="small" onClick={() => resolve.open(u)} data-testid={`resolve-${u.id}`}>
          {t('unmatched.resolve')}
        </Button>
      )
    );
  };

  return (
    <PageCard
      title={t('unmatched.title')}
      testId="unmatched-page"
      tools={
        <Segmented
          value={state}
          onChange={(v) => change({ state: v as UnmatchedFilter['state'] })}
          options={(['OPEN', 'RESOLVED'] as const).map((s) => ({ value: s, label: t(`unmatched.state.${s}`) }))}
          data-testid="unmatched-state"
        />
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('unmatched.hint')} />
      <BudgetListFilters filter={filter} change={change} testId="unmatched" />
      <PagedTable<UnmatchedPostingView>
        pages={pages}
        loadMoreTestId="unmatched-load-more"
        scroll={{ x: true }}
        data-testid="unmatched-table"
        columns={[
          { title: t('postings.col.id'), dataIndex: 'id' },
          { title: t('unmatched.col.receivedAt'), dataIndex: 'receivedAt', render: (v: string) => dateTime(v) },
          { title: t('unmatched.col.reason'), dataIndex: 'reason', render: (r: string) => <Tag color={REASON_COLORS[r]}>{t(`unmatched.reason.${r}` as MessageKey)}</Tag> },
          { title: t('unmatched.col.source'), key: 'source', render: (_: unknown, u) => `${u.source} · ${u.sourceRef}` },
          { title: t('budget.col.fiscalYear'), dataIndex: 'fiscalYear', render: (y: number | null) => y ?? '-' },
          ...names.fundingColumns<UnmatchedPostingView>(),
          { title: t('unmatched.col.place'), key: 'place', render: (_: unknown, u) => { const code = u.communityCode ?? u.streetCode ?? u.districtCode; return code ? names.place(code) : '-'; } },
          { title: t('unmatched.col.amount'), dataIndex: 'amount', align: 'right', render: amountText },
          ...(state === 'RESOLVED' ? [{ title: t('unmatched.col.resolvedPosting'), key: 'posting', render: (_: unknown, u: UnmatchedPostingView) => `#${u.resolvedPostingId ?? ''}` }] : []),
          actionsColumn<UnmatchedPostingView>(t, action),
        ]}
      />
      {canWrite && <ResolveDialog dialog={resolve} />}
    </PageCard>
  );
}
