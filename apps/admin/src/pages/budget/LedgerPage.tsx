import type { LedgerEntryView } from '@cws/budget-contracts';
import { Button, Tag, type TableColumnType } from 'antd';
import { useState } from 'react';
import { useLedger, type LedgerFilter } from '../../api/postings';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { PageCard } from '../../layout/PageCard';
import { PagedTable } from '../../layout/PagedTable';
import { dateTime, thousands } from '../../lib/format';
import { urlParam, useUrlFilters, type UrlParams } from '../../lib/useUrlFilters';
import { BudgetListFilters, budgetListParams, useAdmitBudgetPlace } from './BudgetFilters';
import { PostingDrawer } from './PostingDrawer';
import { useBudgetNames } from './useBudgetNames';

/** The filters as the address holds them: the budget lists' (the year emptiable: all years). */
const PARAMS: UrlParams<LedgerFilter> = { ...budgetListParams, fiscalYear: urlParam.emptiable(budgetListParams.fiscalYear) };
const NO_REVERSALS: ReadonlySet<string> = new Set();
const TYPE_COLORS: Record<string, string> = {
  APPROPRIATION: 'geekblue', ALLOCATION: 'blue', COMMITMENT: 'gold', EXPENDITURE: 'volcano', REVERSAL: 'red', TRANSFER_OUT: 'purple', TRANSFER_IN: 'purple', REFUND: 'green',
};

/** A delta column: right-aligned with thousands separators, blank where the movement left the column alone. */
function deltaColumn(title: string, dataIndex: 'appropriated' | 'allocated' | 'committed' | 'spent'): TableColumnType<LedgerEntryView> {
  return { title, dataIndex, align: 'right', render: (v: string) => (v === '0.00' ? '' : thousands(v)) };
}

/**
 * 总账明细: the ledger in scope as finance reconciles it — one row a money movement, oldest first (keyset pages by
 * entry id), its signed deltas to the four running columns, the appropriation, allocation and posting it belongs to
 * (a posting opens in the drawer, read-only here), filtered by year, funder, stream, place and the start of a
 * posting's source reference (e.g. `payroll-run:12:` for one payroll run's postings), the filters in the address.
 */
export function LedgerPage() {
  const { t } = useI18n();
  const names = useBudgetNames();
  const [filter, change] = useUrlFilters<LedgerFilter>(PARAMS, { fiscalYear: new Date().getFullYear() }, useAdmitBudgetPlace());
  const [posting, setPosting] = useState<string | null>(null);
  const pages = useLedger(filter);

  return (
    <PageCard title={t('ledger.title')} testId="ledger-page">
      <BudgetListFilters filter={filter} change={change} testId="ledger" />
      <PagedTable<LedgerEntryView>
        pages={pages}
        loadMoreTestId="ledger-load-more"
        scroll={{ x: true }}
        data-testid="ledger-table"
        columns={[
          { title: t('ledger.col.id'), dataIndex: 'id' },
          { title: t('ledger.col.at'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
          { title: t('ledger.col.type'), dataIndex: 'entryType', render: (k: string) => <Tag color={TYPE_COLORS[k]}>{t(`ledger.type.${k}` as MessageKey)}</Tag> },
          { title: t('ledger.col.account'), key: 'account', render: (_: unknown, e) => `${e.fiscalYear} · ${names.funder(e.funder)} · ${names.stream(e.stream)}` },
          { title: t('ledger.col.place'), key: 'place', render: (_: unknown, e) => names.place(e.communityCode ?? e.streetCode ?? e.districtCode ?? '-') },
          {
            title: t('ledger.col.refs'),
            key: 'refs',
            render: (_: unknown, e) => (
              <>
                {e.appropriationId && <span>{t('ledger.ref.appropriation', { id: e.appropriationId })} </span>}
                {e.allocationId && <span>{t('ledger.ref.allocation', { id: e.allocationId })} </span>}
                {e.postingId && (
                  <Button size="small" type="link" onClick={() => setPosting(e.postingId)} data-testid={`ledger-posting-${e.postingId}`}>
                    {t('ledger.ref.posting', { id: e.postingId })}
                  </Button>
                )}
              </>
            ),
          },
          deltaColumn(t('ledger.col.appropriated'), 'appropriated'),
          deltaColumn(t('ledger.col.allocated'), 'allocated'),
          deltaColumn(t('ledger.col.committed'), 'committed'),
          deltaColumn(t('ledger.col.spent'), 'spent'),
          { title: t('ledger.col.memo'), dataIndex: 'memo', render: (m: string | null) => m ?? '-' },
        ]}
      />
      <PostingDrawer id={posting} onClose={() => setPosting(null)} canWrite={false} reversed={NO_REVERSALS} />
    </PageCard>
  );
}
