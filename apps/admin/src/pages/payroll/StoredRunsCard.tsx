import type { BenchmarkResultPageView, BenchmarkResultSummaryView, CalibrationResult, ComplianceReport, TopUpSummary } from '@cws/payroll-contracts';
import { BENCHMARK_RESULT_KINDS } from '@cws/payroll-contracts';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/context';
import { P } from '../../api/payroll';
import { useKeysetPages } from '../../api/useKeysetPages';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { PagedTable } from '../../layout/PagedTable';
import { QueryError } from '../../layout/PageState';
import { dateTime, thousands } from '../../lib/format';
import { TopUpLines, usePlaceNames } from './TopUpCard';

type Kind = BenchmarkResultSummaryView['kind'];
const KIND_COLOR: Record<Kind, string> = { CALIBRATION: 'blue', COMPLIANCE: 'green', TOP_UP: 'gold' };
/** The GET that shows a stored run whole, by its kind. */
const PATH: Record<Kind, string> = { CALIBRATION: 'calibrations', COMPLIANCE: 'compliance-reports', TOP_UP: 'top-ups' };

/** A stored run whole, in a drawer: the figures of its kind (a top-up with its per-worker lines). */
function StoredRunDrawer({ run, onClose, placeName }: { run: BenchmarkResultSummaryView | null; onClose: () => void; placeName: (code: string) => string }) {
  const { t } = useI18n();
  const api = useApi();
  const stored = useQuery({
    queryKey: ['benchmark-result', run?.kind, run?.id],
    enabled: !!run,
    queryFn: ({ signal }) => api.get<CalibrationResult | ComplianceReport | TopUpSummary>(`${P}/benchmark/${PATH[run!.kind]}/${run!.id}`, undefined, signal),
  });
  const d = stored.data;
  const money = (v: string) => thousands(v);
  return (
    <Drawer open={!!run} onClose={onClose} size={760} destroyOnHidden title={run ? `${t(`benchmark.stored.kind.${run.kind}` as MessageKey)} #${run.id} · ${run.year}` : ''} data-testid="stored-run-drawer">
      {stored.error && <QueryError error={stored.error} />}
      {run?.kind === 'CALIBRATION' && d && 'bindingTest' in d && (
        <Descriptions column={1} bordered size="small" data-testid="stored-calibration">
          <Descriptions.Item label={t('benchmark.headcount')}>{d.headcount}</Descriptions.Item>
          <Descriptions.Item label={t('benchmark.benchmarkLabel', { year: run.year - 1 })}>{money(d.benchmark)}</Descriptions.Item>
          <Descriptions.Item label={t('benchmark.unitValue')}>{money(d.unitValue)}</Descriptions.Item>
          <Descriptions.Item label={t('benchmark.projectedAverage')}>{money(d.projectedAverage)}</Descriptions.Item>
          <Descriptions.Item label={t('benchmark.bindingTest')}>{t(`benchmark.binding.${d.bindingTest}` as MessageKey)}</Descriptions.Item>
        </Descriptions>
      )}
      {run?.kind === 'COMPLIANCE' && d && 'groups' in d && (
        <>
          <Descriptions column={2} size="small" style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('benchmark.unitValue')}>{money(d.unitValue)}</Descriptions.Item>
            <Descriptions.Item label={t('benchmark.benchmarkLabel', { year: run.year - 1 })}>{money(d.benchmark)}</Descriptions.Item>
          </Descriptions>
          <Table
            rowKey="group"
            size="small"
            pagination={false}
            dataSource={d.groups}
            data-testid="stored-compliance"
            columns={[
              { title: t('benchmark.stored.group'), key: 'group', render: (_: unknown, g) => (g.streetCode ? placeName(g.streetCode) : (g.districtName ?? g.districtCode)) },
              { title: t('benchmark.headcount'), dataIndex: 'headcount', align: 'right' },
              { title: t('benchmark.projectedAverage'), dataIndex: 'projectedAverage', align: 'right', render: money },
              { title: t('benchmark.gap'), dataIndex: 'gap', align: 'right', render: money },
              { title: t('benchmark.compliant'), dataIndex: 'compliant', render: (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{t(ok ? 'benchmark.pass' : 'benchmark.fail')}</Tag> },
            ]}
          />
        </>
      )}
      {run?.kind === 'TOP_UP' && d && 'workersToppedUp' in d && (
        <>
          <Descriptions column={2} size="small" style={{ marginBottom: 12 }} data-testid="stored-top-up">
            <Descriptions.Item label={t('topUp.rule')}>{t(`topUp.rule.${d.rule}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('benchmark.unitValue')}>{money(d.unitValue)}</Descriptions.Item>
            <Descriptions.Item label={t('topUp.workersToppedUp')}>{`${d.workersToppedUp} / ${d.workers}`}</Descriptions.Item>
            <Descriptions.Item label={t('topUp.total')}>{money(d.total)}</Descriptions.Item>
          </Descriptions>
          <TopUpLines id={d.id} districtName={placeName} />
        </>
      )}
    </Drawer>
  );
}

/**
 * 历次测算与报告: the calibrations, compliance reports and year-end top-ups stored for the year in the user's scope,
 * newest first (`GET /benchmark/results`), each reopened whole in a drawer — before, a stored run could be seen again
 * only by an id nobody kept.
 */
export function StoredRunsCard({ year, districts }: { year: number; districts: string[] }) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const [kind, setKind] = useState<Kind | undefined>();
  const [open, setOpen] = useState<BenchmarkResultSummaryView | null>(null);
  const pages = useKeysetPages<BenchmarkResultPageView>(['benchmark-results', year, kind ?? ''], `${P}/benchmark/results`, { year, kind }, { limit: 20 });
  const placeName = usePlaceNames(districts);
  const scopeName = (code: string | null) => (code ? placeName(code) : t('payrollRuns.city'));
  return (
    <Card
      title={t('benchmark.stored.title', { year })}
      extra={<Select allowClear placeholder={t('benchmark.stored.kind')} style={{ width: 140 }} value={kind} onChange={setKind} options={options(BENCHMARK_RESULT_KINDS, 'benchmark.stored.kind')} data-testid="stored-runs-kind" />}
      data-testid="stored-runs"
    >
      <PagedTable<BenchmarkResultSummaryView>
        pages={pages}
        loadMoreTestId="stored-runs-more"
        data-testid="stored-runs-table"
        columns={[
          { title: t('benchmark.stored.at'), dataIndex: 'createdAt', render: (v: string) => dateTime(v) },
          { title: t('benchmark.stored.kind'), dataIndex: 'kind', render: (k: Kind) => <Tag color={KIND_COLOR[k]}>{t(`benchmark.stored.kind.${k}` as MessageKey)}</Tag> },
          { title: t('benchmark.stored.scope'), dataIndex: 'scope', render: (s: string | null) => scopeName(s) },
          { title: t('benchmark.stored.asOf'), dataIndex: 'asOf' },
          { title: t('benchmark.stored.by'), dataIndex: 'createdBy' },
          {
            title: t('common.actions'),
            key: 'open',
            render: (_: unknown, r) => (
              <Button size="small" type="link" onClick={() => setOpen(r)} data-testid={`stored-run-open-${r.id}`}>
                {t('benchmark.stored.open')}
              </Button>
            ),
          },
        ]}
      />
      <StoredRunDrawer run={open} onClose={() => setOpen(null)} placeName={placeName} />
    </Card>
  );
}
