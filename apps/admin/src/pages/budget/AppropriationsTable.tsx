import type { AppropriationView } from '@cws/budget-contracts';
import { Button, Space, Tag, Tooltip } from 'antd';
import { BUDGET_QUERIES, useAppropriations, useBudgetWrites, useIdempotencyKeys, type BudgetListFilter } from '../../api/budget';
import { useAction } from '../../api/useAction';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { ConfirmButton } from '../../layout/ConfirmButton';
import { actionsColumn, moneyColumn } from '../../layout/columns';
import { PagedTable } from '../../layout/PagedTable';
import { hasUnallocated, useBudgetNames } from './useBudgetNames';

/**
 * The appropriations in scope, keyset-paged. Writers enact a DRAFT (never their own: four-eyes, so
 * that button is disabled with the reason) and allocate from an ENACTED one that has money left.
 */
export function AppropriationsTable({ filter, canWrite, onAllocate }: { filter: BudgetListFilter; canWrite: boolean; onAllocate: (a: AppropriationView) => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const names = useBudgetNames();
  const pages = useAppropriations(filter);
  const writes = useBudgetWrites();
  // one key per row: a second click on the same draft replays the first enactment instead of failing
  const keys = useIdempotencyKeys();
  const enact = useAction((a: AppropriationView) => writes.enact(a.id, keys.keyFor(a.id)), {
    invalidate: BUDGET_QUERIES,
    success: t('budgetAlloc.enacted'),
    onDone: (_, a) => keys.renew(a.id),
  });

  const actions = (a: AppropriationView) => {
    if (a.status === 'DRAFT') {
      const own = a.createdBy === me?.id;
      const button = (
        <ConfirmButton title={t('budgetAlloc.enactConfirm')} onConfirm={() => enact.mutate(a)} testId={`enact-${a.id}`} size="small" loading={enact.isPending && enact.variables?.id === a.id}>
          {t('budgetAlloc.enact')}
        </ConfirmButton>
      );
      return own ? (
        <Tooltip title={t('budgetAlloc.ownDraft')}>
          <Button size="small" disabled data-testid={`enact-${a.id}`}>
            {t('budgetAlloc.enact')}
          </Button>
        </Tooltip>
      ) : (
        button
      );
    }
    return (
      hasUnallocated(a) && (
        <Button size="small" onClick={() => onAllocate(a)} data-testid={`allocate-from-${a.id}`}>
          {t('budgetAlloc.allocate')}
        </Button>
      )
    );
  };

  return (
    <PagedTable<AppropriationView>
      pages={pages}
      loadMoreTestId="appropriations-load-more"
      scroll={{ x: true }}
      data-testid="appropriations-table"
      columns={[
        { title: t('budget.col.fiscalYear'), dataIndex: 'fiscalYear' },
        ...names.fundingColumns<AppropriationView>(),
        { title: t('budgetAlloc.col.kind'), dataIndex: 'kind', render: (k: string) => t(`budgetAlloc.kind.${k}` as MessageKey) },
        moneyColumn<AppropriationView>(t('budgetAlloc.col.amount'), 'amount'),
        moneyColumn<AppropriationView>(t('budget.col.allocated'), 'allocated'),
        moneyColumn<AppropriationView>(t('budget.col.unallocated'), 'unallocated'),
        {
          title: t('budgetAlloc.col.status'),
          dataIndex: 'status',
          render: (s: string) => <Tag color={s === 'ENACTED' ? 'green' : 'default'}>{t(`budgetAlloc.status.${s}` as MessageKey)}</Tag>,
        },
        { title: t('budgetAlloc.col.documentNo'), dataIndex: 'documentNo' },
        ...(canWrite ? [actionsColumn<AppropriationView>(t, (a) => <Space>{actions(a)}</Space>)] : []),
      ]}
    />
  );
}
