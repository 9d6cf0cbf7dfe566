import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../auth/AuthProvider';
import { BUDGET_WRITE_ROLES } from '../../auth/access';
import { useI18n } from '../../i18n/I18nProvider';
import { PageCard } from '../../layout/PageCard';
import { AllocateDialog, useAllocateDialog } from './AllocateDialog';
import { AllocationsTable } from './AllocationsTable';
import { AppropriationsTable } from './AppropriationsTable';
import { CreateAppropriation } from './CreateAppropriation';
import { StreamFilter, YearFilter } from './BudgetFilters';

/**
 * 预算下达与分配: the appropriations (recorded as drafts, enacted by a second person) and their
 * allocations to streets and communities, filtered by year and stream. Only CITY_ADMIN and FINANCE
 * write (the budget service's POST_ROLES); the other budget roles see the same lists read-only.
 */
export function BudgetAllocationsPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const [fiscalYear, setFiscalYear] = useState(new Date().getFullYear());
  const [stream, setStream] = useState<string | undefined>();
  const canWrite = hasRole(...BUDGET_WRITE_ROLES);
  const allocate = useAllocateDialog();
  const filter = { fiscalYear, stream };

  return (
    <PageCard
      title={t('budgetAlloc.title')}
      testId="budget-allocations-page"
      tools={
        <>
          <YearFilter value={fiscalYear} onChange={setFiscalYear} testId="allocations-year" />
          <StreamFilter value={stream} onChange={setStream} />
        </>
      }
    >
      <Section title={t('budgetAlloc.appropriations')} action={canWrite && <CreateAppropriation fiscalYear={fiscalYear} stream={stream} />}>
        <AppropriationsTable filter={filter} canWrite={canWrite} onAllocate={(a) => allocate.open(a)} />
      </Section>
      <Section
        title={t('budgetAlloc.allocations')}
        action={
          canWrite && (
            <Button onClick={() => allocate.open()} data-testid="new-allocation">
              {t('budgetAlloc.allocate')}
            </Button>
          )
        }
      >
        <AllocationsTable filter={filter} />
      </Section>
      {canWrite && <AllocateDialog dialog={allocate} fiscalYear={fiscalYear} />}
    </PageCard>
  );
}

function Section({ title, action, children }: { title: string; action: React.ReactNode; children: React.ReactNode }) {
  return (
    <section style={{ marginBottom: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {action}
      </Space>
      {children}
    </section>
  );
}
