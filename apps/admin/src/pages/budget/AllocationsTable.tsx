import type { AllocationView } from '@cws/budget-contracts';
import { useAllocations, type BudgetListFilter } from '../../api/budget';
import { useI18n } from '../../i18n/I18nProvider';
import { moneyColumn } from '../../layout/columns';
import { PagedTable } from '../../layout/PagedTable';
import { useBudgetNames } from './useBudgetNames';

/** The allocations in scope, keyset-paged, with what each has committed, spent and still available. */
export function AllocationsTable({ filter }: { filter: BudgetListFilter }) {
  const { t } = useI18n();
  const names = useBudgetNames();
  const pages = useAllocations(filter);
  // the name given when allocating, else the org list's name of the community or street
  const target = (a: AllocationView) => a.targetName ?? names.place(a.communityCode ?? a.streetCode);
  return (
    <PagedTable<AllocationView>
      pages={pages}
      loadMoreTestId="allocations-load-more"
      scroll={{ x: true }}
      data-testid="allocations-table"
      columns={[
        { title: t('budgetAlloc.col.appropriation'), key: 'appropriation', render: (_: unknown, a) => `#${a.appropriationId} · ${a.fiscalYear} ${names.funder(a.funder)} ${names.stream(a.stream)}` },
        { title: t('budgetAlloc.col.target'), key: 'target', render: (_: unknown, a) => target(a) },
        moneyColumn<AllocationView>(t('budgetAlloc.col.amount'), 'amount'),
        moneyColumn<AllocationView>(t('budget.col.committed'), 'committed'),
        moneyColumn<AllocationView>(t('budget.col.spent'), 'spent'),
        moneyColumn<AllocationView>(t('budget.col.available'), 'available'),
      ]}
    />
  );
}
