import { DownloadOutlined } from '@ant-design/icons';
import { EXECUTION_GROUPS, type BalancesView, type BalanceView, type ExecutionReportView, type ExecutionRowView } from '@cws/budget-contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Row, Segmented, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/context';
import { useDownload } from '../../api/useDownload';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { zhCN } from '../../i18n/zh-CN';
import { moneyColumn } from '../../layout/columns';
import { PageCard } from '../../layout/PageCard';
import { PlaceFilter } from '../../layout/PlaceFilter';
import { QueryError } from '../../layout/PageState';
import { QueryTable } from '../../layout/QueryTable';
import { EChart } from '../dashboard/EChart';
import { categoryChartOption } from '../dashboard/chartOption';
import { thousands } from '../../lib/format';
import { StreamFilter, YearFilter } from './BudgetFilters';
import { useBudgetNames } from './useBudgetNames';

const B = '/api/budget/v1';
const AMOUNTS = ['appropriated', 'allocated', 'committed', 'spent', 'available'] as const;

// the budget API's own contracts (type-only: nothing of their runtime reaches the bundle)
type Balance = BalanceView;
type ExecutionRow = ExecutionRowView;
type Execution = ExecutionReportView;

const isNegative = (s: string | undefined) => !!s && s.trim().startsWith('-');

/**
 * 经费预算: execution by stream, funder, place or month (chart, table, .xlsx), then the balances
 * behind it with names instead of codes. Amounts stay strings: shown with separators, never summed
 * as floats (the chart alone reads them as numbers, to draw bars).
 */
export function BudgetPage() {
  const { t } = useI18n();
  const options = useEnumOptions();
  const api = useApi();
  const { me } = useAuth();
  const [year, setYear] = useState(new Date().getFullYear());
  const [stream, setStream] = useState<string | undefined>();
  const [district, setDistrict] = useState<string | undefined>();
  const [groupBy, setGroupBy] = useState<(typeof EXECUTION_GROUPS)[number]>('stream');
  const filter = { fiscalYear: year, stream, district };
  const balances = useQuery({
    queryKey: ['budget-balances', filter],
    queryFn: ({ signal }) => api.get<BalancesView>(`${B}/balances`, filter, signal),
  });
  const execution = useQuery({
    queryKey: ['budget-execution', filter, groupBy],
    queryFn: ({ signal }) => api.get<Execution>(`${B}/reports/execution`, { ...filter, groupBy }, signal),
  });
  const names = useBudgetNames();
  const place = (code: string | null) => (code ? names.place(code) : '—');
  const { funder: funderName, stream: streamName } = names;
  const rows = Array.isArray(balances.data) ? balances.data : (balances.data?.items ?? []);
  const totals = Array.isArray(balances.data) ? undefined : balances.data?.totals;
  const exec = execution.data;
  const rowName = (r: ExecutionRow) =>
    r.key === null ? t('budget.totals') : groupBy === 'stream' ? streamName(r.key) : groupBy === 'funder' ? funderName(r.key) : groupBy === 'month' ? r.key : (r.name ?? place(r.key));
  const chart = useMemo(
    () =>
      exec &&
      categoryChartOption({
        categories: exec.rows.map(rowName),
        gridLeft: 90,
        yAxis: { type: 'value', min: 0, axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') } },
        series: (['appropriated', 'allocated', 'spent'] as const).map((k) => ({ name: t(`budget.col.${k}`), type: 'bar' as const, data: exec.rows.map((r) => Number(r[k])) })),
      }),
    [exec, t, names.place],
  );

  const download = useDownload();
  const exportXlsx = () => download(`${B}/reports/execution.xlsx`, `budget-execution-${year}.xlsx`, { ...filter, groupBy });
  const negative = totals && isNegative(totals.unallocated);

  return (
    <PageCard
      title={t('budget.title')}
      testId="budget-page"
      tools={
        <>
          <YearFilter value={year} onChange={setYear} testId="budget-year" />
          <StreamFilter value={stream} onChange={setStream} />
          {me?.scope.level === 'CITY' && (
            <PlaceFilter level="district" places={names.districts} width={120} value={district} onChange={setDistrict} />
          )}
          <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} data-testid="budget-export">
            {t('common.export')}
          </Button>
        </>
      }
    >
      <Segmented value={groupBy} onChange={(v) => setGroupBy(v as (typeof EXECUTION_GROUPS)[number])} options={options(EXECUTION_GROUPS, 'budget.groupBy')} style={{ marginBottom: 12 }} />
      {execution.error ? (
        <QueryError error={execution.error} />
      ) : (
        exec && (
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              {chart && <EChart option={chart} height={320} testId="budget-chart" />}
            </Col>
            <Col xs={24} xl={12}>
              <Table<ExecutionRow>
                size="small"
                rowKey={(r) => r.key ?? 'total'}
                dataSource={[...exec.rows, exec.total]}
                pagination={false}
                scroll={{ y: 300 }}
                data-testid="budget-execution"
                columns={[
                  { title: t(`budget.groupBy.${groupBy}` as MessageKey), key: 'name', render: (_: unknown, r) => rowName(r) },
                  ...(['appropriated', 'allocated', 'spent'] as const).map((k) => moneyColumn<ExecutionRow>(t(`budget.col.${k}`), k)),
                  { title: t('budget.executionRate'), dataIndex: 'executionRate', align: 'right' as const, render: (v: string | null) => (v === null ? '—' : `${v}%`) },
                ]}
              />
            </Col>
          </Row>
        )
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('budget.balances')}
      </Typography.Title>
      {totals && (
        <Space wrap size="large" style={{ marginBottom: 12 }} data-testid="budget-totals">
          {Object.entries(totals).map(([k, v]) => (
            <span key={k}>
              <Typography.Text type="secondary">{`budget.col.${k}` in zhCN ? t(`budget.col.${k}` as MessageKey) : k}：</Typography.Text>
              <Typography.Text strong type={isNegative(v) ? 'danger' : undefined}>
                {thousands(v)}
              </Typography.Text>
            </span>
          ))}
        </Space>
      )}
      {negative && <Alert type="info" showIcon title={t('budget.negativeTitle')} description={t('budget.negativeExplained')} style={{ marginBottom: 12 }} data-testid="budget-negative" />}
      <QueryTable<Balance>
        query={balances}
        rows={rows}
        rowKey={(r) => `${r.funder}:${r.stream}:${r.districtCode}:${r.streetCode}:${r.communityCode}`}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        data-testid="budget-table"
        columns={[
          ...names.fundingColumns<Balance>(),
          { title: t('budget.col.districtCode'), dataIndex: 'districtCode', render: place },
          { title: t('budget.col.streetCode'), dataIndex: 'streetCode', render: place },
          { title: t('budget.col.communityCode'), dataIndex: 'communityCode', render: place },
          ...AMOUNTS.map((k) => ({
            title: t(`budget.col.${k}`),
            dataIndex: k,
            align: 'right' as const,
            render: (v: string) => <span style={isNegative(v) ? { color: '#cf1322' } : undefined}>{thousands(v)}</span>,
          })),
        ]}
      />
    </PageCard>
  );
}
