import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { FundingRequirementReport } from '@cws/payroll-contracts';
import { Alert, Button, Card, DatePicker, InputNumber, Space, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type Key } from 'react';
import { ApiError } from '../../api/errors';
import { useDistricts, useStreets } from '../../api/org';
import { P, useFundingRequirement } from '../../api/payroll';
import { useDownload } from '../../api/useDownload';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n, type Translate } from '../../i18n/I18nProvider';
import { moneyColumn } from '../../layout/columns';
import { PlaceFilter } from '../../layout/PlaceFilter';
import { QueryTable } from '../../layout/QueryTable';
import { thousands } from '../../lib/format';
import { placeNamer } from '../../lib/places';
import { streamName } from '../budget/useBudgetNames';
import { fundingRows, isPositive, type FundingRow } from './fundingRows';
import { ReportBasis, ReportHead } from './ReportFrame';

/** A shortfall above zero stands out: that is the money still to find for next year's budget. */
function Shortfall({ amount, testId }: { amount: string; testId: string }) {
  return isPositive(amount) ? (
    <Typography.Text type="danger" strong data-testid={testId}>
      {thousands(amount)}
    </Typography.Text>
  ) : (
    <span data-testid={testId}>{thousands(amount)}</span>
  );
}

function columns(t: Translate, placeName: (r: FundingRow) => string): TableColumnsType<FundingRow> {
  return [
    { title: t('funding.place'), key: 'place', render: (_, r) => placeName(r) },
    { title: t('funding.headcount'), dataIndex: 'headcount', align: 'right', render: thousands },
    { title: t('funding.workerMonths'), dataIndex: 'workerMonths', align: 'right' },
    moneyColumn<FundingRow>(t('funding.wages'), 'wages'),
    moneyColumn<FundingRow>(t('funding.employerContributions'), 'employerContributions'),
    moneyColumn<FundingRow>(t('funding.requirement'), 'requirement'),
    moneyColumn<FundingRow>(t('funding.budgeted'), 'budgeted'),
    { title: t('funding.shortfall'), dataIndex: 'shortfall', align: 'right', render: (v: string, r) => <Shortfall amount={v} testId={`shortfall-${r.key}`} /> },
  ];
}

/** The report's totals under the lines (the API's sums; headcount and wages have none). */
function TotalsRow({ report }: { report: FundingRequirementReport }) {
  const { t } = useI18n();
  const { totals } = report;
  return (
    <Table.Summary.Row data-testid="funding-totals">
      <Table.Summary.Cell index={0}>
        <strong>{t('funding.total')}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={1} colSpan={4} />
      <Table.Summary.Cell index={5} align="right">
        <strong data-testid="funding-total-requirement">{thousands(totals.requirement)}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={6} align="right">
        <strong data-testid="funding-total-budgeted">{thousands(totals.budgeted)}</strong>
      </Table.Summary.Cell>
      <Table.Summary.Cell index={7} align="right">
        <Shortfall amount={totals.shortfall} testId="funding-total-shortfall" />
      </Table.Summary.Cell>
    </Table.Summary.Row>
  );
}

/** The district / street the report covers: a city user picks a district then a street, a district user a street; a street user has only their own. */
function ScopePicker({ district, street, onChange }: { district?: string; street?: string; onChange: (d: string | undefined, s: string | undefined) => void }) {
  const { me } = useAuth();
  const level = me?.scope.level;
  const ownDistrict = level === 'DISTRICT' ? me?.scope.district : undefined;
  const districts = useDistricts();
  const streetsOf = district ?? ownDistrict;
  const streets = useStreets(streetsOf, !!streetsOf);
  if (!level || level === 'STREET') return null;
  return (
    <Space data-testid="funding-scope">
      {level === 'CITY' && <PlaceFilter level="district" places={districts.data} width={150} value={district} onChange={(d) => onChange(d, undefined)} />}
      <PlaceFilter level="street" places={streets.data} width={160} value={street} disabled={!streetsOf} onChange={(s) => onChange(district, s)} />
    </Space>
  );
}

/**
 * 核定 report: what a year of each district's and street's counted workforce costs at W(Y−1), against
 * what the budget holds for it in the pay streams. Finance and HR set next year's budget from it.
 */
export function FundingPage() {
  const { t } = useI18n();
  // the current year: the demo policy (and the benchmark page) run on it; next year's W(Y−1) is not known before its statistics are out
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [place, setPlace] = useState<{ district?: string; street?: string }>({});
  const [asOf, setAsOf] = useState<string | undefined>();
  const scope = place.street ?? place.district;
  const report = useFundingRequirement({ year, scope, asOf });
  const allStreets = useStreets();
  const nameOfStreet = placeNamer(allStreets.data);
  const rows = useMemo(() => (report.data ? fundingRows(report.data.lines) : undefined), [report.data]);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  // one district (a district user's own): its streets open at once; otherwise the user opens them
  const expandedKeys = expanded ?? (rows?.length === 1 ? [rows[0].key] : []);
  const placeName = (r: FundingRow) => (r.level === 'STREET' && r.streetCode ? nameOfStreet(r.streetCode) : (r.districtName ?? r.districtCode));
  const budgetDown = report.error instanceof ApiError && report.error.code === 'BUDGET_UNAVAILABLE';
  // the same report as a workbook, for the same year, scope and register date (built by the service, fetched with the token)
  const download = useDownload();
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    await download(`${P}/benchmark/funding-requirement.xlsx`, `funding-requirement-${year}.xlsx`, { year, scope, asOf });
    setExporting(false);
  };
  const d = report.data;

  return (
    <div data-testid="funding-page">
      <ReportHead title={t('funding.title')} hint={t('funding.hint')} hintTestId="funding-hint">
        <Space>
          {t('funding.year')}
          <InputNumber min={2020} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="funding-year" />
        </Space>
        <ScopePicker
          district={place.district}
          street={place.street}
          onChange={(district, street) => {
            setPlace({ district, street });
            setExpanded(null); // a new scope opens its one district again
          }}
        />
        <Space>
          {t('funding.asOf')}
          <DatePicker
            value={asOf ? dayjs(asOf) : null}
            placeholder={t('funding.asOfPlaceholder')}
            onChange={(v) => setAsOf(v ? v.format('YYYY-MM-DD') : undefined)}
            data-testid="funding-as-of"
          />
        </Space>
        <Button icon={<DownloadOutlined />} onClick={() => void exportXlsx()} loading={exporting} data-testid="funding-xlsx">
          {t('funding.xlsx')}
        </Button>
      </ReportHead>
      <Card
        extra={
          d && (
            <ReportBasis illustrative={d.illustrative} testId="funding-basis">
              {t(d.paidThrough > 0 ? 'funding.basis' : 'funding.basisNonePaid', { prev: d.year - 1, benchmark: thousands(d.benchmark), asOf: d.asOf, paidThrough: d.paidThrough })}
            </ReportBasis>
          )
        }
        title={d ? t('funding.streams', { streams: d.streams.map((s) => streamName(t, s)).join('、') }) : undefined}
      >
        {budgetDown ? (
          <Alert
            type="warning"
            showIcon
            title={t('funding.budgetUnavailable')}
            data-testid="funding-budget-unavailable"
            action={
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void report.refetch()}>
                {t('funding.retry')}
              </Button>
            }
          />
        ) : (
          <QueryTable<FundingRow>
            query={report}
            rows={rows}
            rowKey="key"
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="funding-table"
            expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: (keys) => setExpanded(keys) }}
            columns={columns(t, placeName)}
            summary={() => d && <TotalsRow report={d} />}
          />
        )}
      </Card>
    </div>
  );
}
