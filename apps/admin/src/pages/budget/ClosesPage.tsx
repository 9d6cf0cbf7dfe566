import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { CLOSE_BOOKS_BATCH } from '@cws/budget-contracts';
import { addDays, cityToday } from '@cws/kernel';
import { Alert, Button, DatePicker, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useClosesDownload, useLedgerCloses, type CloseRange } from '../../api/closes';
import { useAuth } from '../../auth/AuthProvider';
import { BUDGET_WRITE_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { moneyColumn } from '../../layout/columns';
import { PageCard } from '../../layout/PageCard';
import { QueryTable } from '../../layout/QueryTable';
import { dateTime, thousands } from '../../lib/format';
import { CloseBooksDialog, CloseOutcomeNotice, useCloseBooksDialog } from './CloseBooksDialog';
import { closeRows, differenceOf, type CloseRow } from './closeRows';
import { FiscalYearsCard } from './FiscalYearsCard';

/** The service's default read: the last 31 days, today included (Beijing time). */
const lastMonth = (): CloseRange => {
  const to = cityToday();
  return { from: addDays(to, -30), to };
};

type Discrepancy = CloseRow['discrepancies'][number];

/** Which row a discrepancy names: an allocation or an appropriation, and its id. */
const accountOf = (d: Discrepancy) => (d.allocationId !== undefined ? { kind: 'allocation' as const, id: d.allocationId } : { kind: 'appropriation' as const, id: d.appropriationId ?? '' });

/** A close's discrepancies: which allocation or appropriation, which column, its running value, the ledger's sum and the difference. */
function Discrepancies({ row }: { row: CloseRow }) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Text type="secondary">{t('closes.discrepancies')}</Typography.Text>
      <Table<Discrepancy>
        size="small"
        pagination={false}
        rowKey={(d) => `${accountOf(d).kind}-${accountOf(d).id}-${d.measure}`}
        dataSource={row.discrepancies}
        data-testid={`close-discrepancies-${row.day}`}
        columns={[
          // by id, as 支出与调剂's allocation filter and the appropriations page show them
          { title: t('closes.col.account'), key: 'account', render: (_: unknown, d) => t(`closes.account.${accountOf(d).kind}`, { id: accountOf(d).id }) },
          { title: t('closes.col.measure'), dataIndex: 'measure', render: (m: string) => t(`budget.col.${m}` as MessageKey) },
          moneyColumn<Discrepancy>(t('closes.col.running'), 'running'),
          moneyColumn<Discrepancy>(t('closes.col.ledger'), 'ledger'),
          { title: t('closes.col.difference'), key: 'difference', align: 'right', render: (_: unknown, d) => <Typography.Text type="danger">{thousands(differenceOf(d))}</Typography.Text> },
        ]}
      />
    </>
  );
}

/**
 * 日结: the budget service's daily closes of a date range, newest day first — each day's movements, the ledger
 * totals at its end (available computed in fen) and whether every allocation and appropriation agreed with the
 * ledger; a day that does not balance expands to its differences. 导出 xlsx downloads the range shown as the
 * service's workbook. CITY_ADMIN and FINANCE may close the books through a day that is over. The closes are the
 * city's: a district or street user (whom the API answers 403 CITY_SCOPE_REQUIRED) sees a notice and nothing is asked.
 */
export function ClosesPage() {
  const { t } = useI18n();
  const { me, hasRole } = useAuth();
  const city = me?.scope.level === 'CITY';
  const canClose = city && hasRole(...BUDGET_WRITE_ROLES);
  const [range, setRange] = useState<CloseRange>(lastMonth);
  const closes = useLedgerCloses(range, city);
  const rows = useMemo(() => closeRows(closes.data ?? []), [closes.data]);
  const close = useCloseBooksDialog();
  // the range on screen as the service's workbook
  const download = useClosesDownload();
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    await download(range);
    setExporting(false);
  };
  const who = (by: string) => (by === CLOSE_BOOKS_BATCH ? t('closes.batch') : by === me?.id ? me.displayName || me.name : by);

  if (!me) return null;
  if (!city)
    return (
      <PageCard title={t('closes.title')} testId="closes-page">
        <Alert type="warning" showIcon title={t('closes.cityOnly')} data-testid="closes-city-only" />
      </PageCard>
    );

  return (
    <PageCard
      title={t('closes.title')}
      testId="closes-page"
      tools={
        <>
          <Typography.Text>{t('closes.range')}</Typography.Text>
          <DatePicker.RangePicker
            allowClear={false}
            value={[dayjs(range.from), dayjs(range.to)]}
            onChange={(v) => v?.[0] && v[1] && setRange({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
          />
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="closes-export">
            {t('closes.export')}
          </Button>
          {canClose && (
            <Button type="primary" icon={<LockOutlined />} onClick={() => close.dialog.show()} data-testid="close-books">
              {t('closes.close')}
            </Button>
          )}
        </>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('closes.hint')} />
      {close.outcome && <CloseOutcomeNotice outcome={close.outcome} onClose={close.dismiss} />}
      <QueryTable<CloseRow>
        query={closes}
        rows={rows}
        rowKey="day"
        bordered
        scroll={{ x: true }}
        pagination={{ pageSize: 31, hideOnSinglePage: true }}
        expandable={{ rowExpandable: (r) => r.discrepancies.length > 0, expandedRowRender: (r) => <Discrepancies row={r} /> }}
        data-testid="closes-table"
        columns={[
          { title: t('closes.col.day'), dataIndex: 'day', fixed: 'left' },
          {
            title: t('closes.col.status'),
            dataIndex: 'status',
            render: (s: CloseRow['status'], r) => (
              <Tooltip
                title={
                  r.appropriationsChecked === null
                    ? t('closes.checked', { count: r.allocationsChecked })
                    : t('closes.checkedBoth', { allocations: r.allocationsChecked, appropriations: r.appropriationsChecked })
                }
              >
                <Tag color={s === 'BALANCED' ? 'green' : 'red'} data-testid={`close-status-${r.day}`}>
                  {t(`closes.status.${s}`)}
                </Tag>
              </Tooltip>
            ),
          },
          { title: t('closes.col.entries'), dataIndex: 'entries', align: 'right' },
          {
            title: t('closes.col.movements'),
            children: [
              moneyColumn<CloseRow>(t('budget.col.allocated'), 'movedAllocated'),
              moneyColumn<CloseRow>(t('budget.col.committed'), 'movedCommitted'),
              moneyColumn<CloseRow>(t('budget.col.spent'), 'movedSpent'),
            ],
          },
          {
            title: t('closes.col.totals'),
            children: [
              moneyColumn<CloseRow>(t('budget.col.appropriated'), 'appropriated'),
              moneyColumn<CloseRow>(t('budget.col.allocated'), 'allocated'),
              moneyColumn<CloseRow>(t('budget.col.committed'), 'committed'),
              moneyColumn<CloseRow>(t('budget.col.spent'), 'spent'),
              moneyColumn<CloseRow>(t('budget.col.available'), 'available'),
            ],
          },
          {
            title: t('closes.col.closed'),
            key: 'closed',
            render: (_: unknown, r) => (
              <>
                {who(r.closedBy)}
                <br />
                <Typography.Text type="secondary">{dateTime(r.closedAt)}</Typography.Text>
              </>
            ),
          },
        ]}
      />
      {canClose && <CloseBooksDialog dialog={close.dialog} />}
      <FiscalYearsCard mayWrite={canClose} />
    </PageCard>
  );
}
