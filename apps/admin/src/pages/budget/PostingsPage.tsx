import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { SOURCE_REF_PREFIX_PATTERN, type PostingView } from '@cws/budget-contracts';
import { Button, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { usePostings, type PostingFilter } from '../../api/postings';
import { useAuth } from '../../auth/AuthProvider';
import { BUDGET_WRITE_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { actionsColumn, moneyColumn } from '../../layout/columns';
import { PageCard } from '../../layout/PageCard';
import { PagedTable, pagedRows } from '../../layout/PagedTable';
import { dateTime } from '../../lib/format';
import { urlParam, useUrlFilters, type UrlParams } from '../../lib/useUrlFilters';
import { PostingDialog, usePostingDialog } from './PostingDialog';
import { KIND_COLORS, PostingDrawer } from './PostingDrawer';
import { TransferDialog, useTransferDialog } from './TransferDialog';
import { BudgetListFilters, budgetListParams, useAdmitBudgetPlace, useSearchText } from './BudgetFilters';
import { useBudgetNames } from './useBudgetNames';

const KINDS = ['COMMITMENT', 'EXPENDITURE', 'REVERSAL', 'TRANSFER', 'REFUND'] as const;

/** The filters as the address holds them: the list's (the year emptiable: all years), a kind, an allocation id. */
const PARAMS: UrlParams<PostingFilter> = {
  ...budgetListParams,
  fiscalYear: urlParam.emptiable(budgetListParams.fiscalYear),
  kind: urlParam.oneOf(KINDS),
  allocationId: urlParam.text(/^\d{1,19}$/),
  sourceRef: urlParam.text(SOURCE_REF_PREFIX_PATTERN),
};

/**
 * 支出与调剂: the postings in scope (keyset pages), filtered as GET /postings allows — year, kind, funder, stream,
 * district (city users), street, community, allocation and the start of the source reference, kept in the address
 * (useUrlFilters; this year by default) — one opens in a drawer. CITY_ADMIN and FINANCE commit, spend, transfer and
 * reverse; the other budget roles read.
 */
export function PostingsPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const names = useBudgetNames();
  const options = useEnumOptions();
  const canWrite = hasRole(...BUDGET_WRITE_ROLES);
  const [filter, change] = useUrlFilters<PostingFilter>(PARAMS, { fiscalYear: new Date().getFullYear() }, useAdmitBudgetPlace());
  const [allocationText, setAllocationText] = useSearchText(filter.allocationId);
  const [open, setOpen] = useState<string | null>(null);
  const pages = usePostings(filter);
  const posting = usePostingDialog();
  const transfer = useTransferDialog();
  // what the loaded reversals undo: their originals offer no second reversal
  const reversed = new Set(pagedRows(pages).flatMap((p) => (p.reversesId ? [p.reversesId] : [])));

  return (
    <PageCard
      title={t('postings.title')}
      testId="postings-page"
      tools={
        canWrite && (
          <>
            <Button icon={<PlusOutlined />} onClick={() => posting.open('commitments')} data-testid="new-commitment">
              {t('postings.newCommitment')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => posting.open('expenditures')} data-testid="new-expenditure">
              {t('postings.newExpenditure')}
            </Button>
            <Button icon={<SwapOutlined />} onClick={transfer.open} data-testid="new-transfer">
              {t('postings.transfer')}
            </Button>
          </>
        )
      }
    >
      <BudgetListFilters filter={filter} change={change} testId="postings">
        <Select allowClear placeholder={t('postings.col.kind')} style={{ width: 120 }} value={filter.kind} onChange={(kind?: string) => change({ kind })} options={options(KINDS, 'postings.kind')} data-testid="postings-kind" />
        <Input.Search
          allowClear
          placeholder={t('postings.allocationId')}
          style={{ width: 160 }}
          value={allocationText}
          onChange={(e) => setAllocationText(e.target.value)}
          onSearch={(v) => change({ allocationId: PARAMS.allocationId.parse(v.trim()) })}
          data-testid="postings-allocation"
        />
        {filter.sourceRef && (
          <Tag closable onClose={() => change({ sourceRef: undefined })} data-testid="postings-source-ref-exact">
            {t('postings.sourceRefExact', { ref: filter.sourceRef })}
          </Tag>
        )}
      </BudgetListFilters>
      <PagedTable<PostingView>
        pages={pages}
        loadMoreTestId="postings-load-more"
        scroll={{ x: true }}
        data-testid="postings-table"
        onRow={(p) => ({ onClick: () => setOpen(p.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('postings.col.id'), dataIndex: 'id' },
          { title: t('postings.col.createdAt'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
          {
            title: t('postings.col.kind'),
            dataIndex: 'kind',
            render: (k: string, p) => (
              <>
                <Tag color={KIND_COLORS[k]}>{t(`postings.kind.${k}` as MessageKey)}</Tag>
                {reversed.has(p.id) && <Tag>{t('postings.reversedBy')}</Tag>}
                {p.overrideReason && <Tag color="red">{t('postings.override')}</Tag>}
              </>
            ),
          },
          {
            title: t('postings.col.allocation'),
            key: 'allocation',
            render: (_: unknown, p) => `#${p.allocationId}${p.counterAllocationId ? ` → #${p.counterAllocationId}` : ''} · ${names.funder(p.funder)} ${names.stream(p.stream)}`,
          },
          { title: t('postings.col.place'), key: 'place', render: (_: unknown, p) => names.place(p.communityCode ?? p.streetCode ?? p.districtCode ?? '-') },
          moneyColumn<PostingView>(t('postings.col.amount'), 'amount'),
          { title: t('postings.col.description'), key: 'description', render: (_: unknown, p) => p.description ?? p.reason ?? '-' },
          { title: t('postings.col.source'), dataIndex: 'source', render: (s: string) => t(`postings.source.${s}` as MessageKey) },
          { title: t('postings.col.createdBy'), key: 'by', render: (_: unknown, p) => p.createdByName ?? p.createdBy },
          actionsColumn<PostingView>(t, (p) => (
            <Button size="small" type="link" onClick={() => setOpen(p.id)} data-testid={`posting-open-${p.id}`}>
              {t('postings.view')}
            </Button>
          )),
        ]}
      />
      <PostingDrawer id={open} onClose={() => setOpen(null)} canWrite={canWrite} reversed={reversed} />
      {canWrite && <PostingDialog dialog={posting} />}
      {canWrite && <TransferDialog dialog={transfer} />}
    </PageCard>
  );
}
