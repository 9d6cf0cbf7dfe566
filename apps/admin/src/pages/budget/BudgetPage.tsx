import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useApi } from '../../api/context';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { zhCN } from '../../i18n/zh-CN';
import { QueryError } from '../../layout/PageState';
import { cellText, columnKeys, extractRows, extractTotals, looksLikeAmount } from '../../lib/rows';

/** Balances per funding stream; the response shape is not final, so the table shows whatever columns come back. */
export function BudgetPage() {
  const { t } = useI18n();
  const api = useApi();
  const [year, setYear] = useState(new Date().getFullYear());
  const q = useQuery({
    queryKey: ['budget-balances', year],
    queryFn: ({ signal }) => api.get<unknown>('/api/budget/v1/balances', { fiscalYear: year }, signal),
    retry: false,
  });
  const rows = extractRows(q.data);
  const keys = columnKeys(rows);
  const totals = extractTotals(q.data);
  /** A known column or stream gets its label; anything new shows as it comes. */
  const label = (prefix: string, key: string) => (`${prefix}.${key}` in zhCN ? t(`${prefix}.${key}` as MessageKey) : key);
  return (
    <Card
      title={t('budget.title')}
      extra={
        <Space>
          <Typography.Text>{t('budget.year')}</Typography.Text>
          <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="budget-year" />
        </Space>
      }
      data-testid="budget-page"
    >
      {totals && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 4 }} style={{ marginBottom: 16 }} title={t('budget.totals')} data-testid="budget-totals">
          {Object.entries(totals).map(([k, v]) => (
            <Descriptions.Item key={k} label={label('budget.col', k)}>
              {v}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {q.error ? (
        <QueryError error={q.error} />
      ) : (
        <Table<Record<string, unknown>>
          size="small"
          loading={q.isPending}
          rowKey={(r, i) => String(r.id ?? i)}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          data-testid="budget-table"
          columns={keys.map((k) => ({
            title: label('budget.col', k),
            dataIndex: k,
            align: rows.some((r) => looksLikeAmount(r[k])) ? ('right' as const) : undefined,
            render: (v: unknown) => (k === 'stream' && typeof v === 'string' ? label('budget.stream', v) : cellText(v)),
          }))}
        />
      )}
    </Card>
  );
}
