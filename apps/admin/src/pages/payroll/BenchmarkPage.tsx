import { CheckCircleFilled, CloseCircleFilled, ExperimentOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { BenchmarkCheckView, CalibrationResult, ComplianceGroupView, ComplianceReport, PolicyRowView } from '@cws/payroll-contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, InputNumber, Modal, Row, Space, Statistic, Switch, Table, Tag, Typography, type ButtonProps, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useApi } from '../../api/context';
import { useStreets } from '../../api/org';
import { useAuth } from '../../auth/AuthProvider';
import { HR_ROLES } from '../../auth/access';
import { useI18n } from '../../i18n/I18nProvider';
import { useErrors } from '../../i18n/useErrors';
import { WriteError } from '../../layout/PageState';
import { QueryTable } from '../../layout/QueryTable';
import { fractionToPercent } from '../../lib/format';
import { placeNamer } from '../../lib/places';
import { EChart } from '../dashboard/EChart';
import { benchmarkChartOption } from './benchmarkChart';
import { ReportBasis, ReportHead } from './ReportFrame';
import { StoredRunsCard } from './StoredRunsCard';
import { TopUpCard } from './TopUpCard';

const P = '/api/payroll/v1/benchmark';

function Pass({ ok, testId }: { ok: boolean; testId?: string }) {
  const { t } = useI18n();
  return ok ? (
    <Tag color="green" icon={<CheckCircleFilled />} data-testid={testId}>
      {t('benchmark.pass')}
    </Tag>
  ) : (
    <Tag color="red" icon={<CloseCircleFilled />} data-testid={testId}>
      {t('benchmark.fail')}
    </Tag>
  );
}

/**
 * City admins adopt a city-wide calibration: its unit value becomes the year's UNIT_VALUE policy row
 * (`POST /calibrations/:id/apply`), after a confirmation that says what changes.
 */
function AdoptCalibration({ c }: { c: CalibrationResult }) {
  const { t } = useI18n();
  const errors = useErrors();
  const api = useApi();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const adopt = useMutation({
    mutationFn: () => api.post<PolicyRowView>(`${P}/calibrations/${encodeURIComponent(c.id)}/apply`, {}),
    onSuccess: () => {
      setConfirming(false);
      // the policy's unit value changed: compliance at "the policy value" is stale
      void queryClient.invalidateQueries({ queryKey: ['benchmark-compliance'] });
    },
  });
  const row = adopt.data;
  return (
    <>
      {!row && (
        <Button icon={<SafetyCertificateOutlined />} onClick={() => setConfirming(true)} data-testid="adopt-calibration">
          {t('benchmark.adopt')}
        </Button>
      )}
      <Modal
        open={confirming}
        title={t('benchmark.adoptTitle', { year: c.year })}
        okText={t('benchmark.adoptConfirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: adopt.isPending, 'data-testid': 'adopt-confirm' } as ButtonProps}
        onOk={() => adopt.mutate()}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph data-testid="adopt-text">
          {t('benchmark.adoptText', { year: c.year, value: c.unitValue, current: c.current?.unitValue ?? '—', average: c.projectedAverage })}
        </Typography.Paragraph>
        {c.illustrative && <Alert type="warning" showIcon title={t('benchmark.adoptIllustrative')} />}
        {adopt.error && <Alert type="error" showIcon title={errors.text(adopt.error)} style={{ marginTop: 12 }} data-testid="adopt-error" />}
      </Modal>
      {row && (
        <Alert
          type="success"
          showIcon
          title={t('benchmark.adopted', { year: c.year, value: String(row.data.unitValue ?? c.unitValue), from: row.validFrom, id: row.id })}
          data-testid="adopted"
        />
      )}
    </>
  );
}

function CalibrationCard({ c, canAdopt }: { c: CalibrationResult; canAdopt: boolean }) {
  const { t } = useI18n();
  const checks: Array<{ key: string; label: string; check: BenchmarkCheckView }> = [
    { key: 'result', label: t('benchmark.check.result'), check: c.result },
    ...(c.belowByOneFen ? [{ key: 'below', label: t('benchmark.check.below'), check: c.belowByOneFen }] : []),
    ...(c.current ? [{ key: 'current', label: t('benchmark.check.current'), check: c.current }] : []),
  ];
  return (
    <Card
      title={t('benchmark.calibration', { year: c.year })}
      data-testid="calibration"
      extra={
        <Space>
          {c.illustrative && <Tag color="orange">{t('benchmark.illustrative')}</Tag>}
          <Typography.Text type="secondary">{t('benchmark.asOf', { date: c.asOf, n: c.headcount })}</Typography.Text>
          {canAdopt && c.scope === null && <AdoptCalibration key={c.id} c={c} />}
        </Space>
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Statistic title={t('benchmark.unitValue')} value={c.unitValue} suffix={t('benchmark.unitValueSuffix')} data-testid="calibrated-unit-value" />
        </Col>
        <Col xs={24} md={8}>
          <Statistic title={t('benchmark.projectedAverage')} value={c.projectedAverage} data-testid="calibrated-average" />
          <Typography.Text type="secondary">
            {t('benchmark.vsBenchmark', { year: c.year - 1, value: c.benchmark })} <Pass ok={c.result.meetsLevel} testId="level-check" />
          </Typography.Text>
        </Col>
        <Col xs={24} md={8}>
          <Statistic title={t('benchmark.projectedGrowth')} value={fractionToPercent(c.projectedGrowth)} data-testid="calibrated-growth" />
          <Typography.Text type="secondary">
            {t('benchmark.vsCityGrowth', { value: fractionToPercent(c.cityGrowth) })} <Pass ok={c.result.meetsGrowth} testId="growth-check" />
          </Typography.Text>
        </Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('benchmark.benchmarkLabel', { year: c.year - 1 })}>{c.benchmark}</Descriptions.Item>
        <Descriptions.Item label={t('benchmark.cityTwoYearsAgo', { year: c.year - 2 })}>{c.cityAverageTwoYearsAgo}</Descriptions.Item>
        <Descriptions.Item label={t('benchmark.communityLastYear', { year: c.year - 1 })}>
          {c.communityAverageLastYear} <Tag>{t(`benchmark.basis.${c.communityAverageLastYearBasis}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('benchmark.bindingTest')}>
          <span data-testid="binding-test">{t(`benchmark.binding.${c.bindingTest}`)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('benchmark.minimality')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('benchmark.minimalityHint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={checks}
        data-testid="minimality"
        columns={[
          { title: '', dataIndex: 'label' },
          { title: t('benchmark.unitValue'), key: 'u', align: 'right', render: (_, r) => r.check.unitValue },
          { title: t('benchmark.totalPay'), key: 'tp', align: 'right', render: (_, r) => r.check.totalPay },
          { title: t('benchmark.workerMonths'), key: 'wm', align: 'right', render: (_, r) => r.check.workerMonths },
          { title: t('benchmark.projectedAverage'), key: 'avg', align: 'right', render: (_, r) => r.check.projectedAverage },
          { title: t('benchmark.level'), key: 'l', render: (_, r) => <Pass ok={r.check.meetsLevel} /> },
          { title: t('benchmark.growth'), key: 'g', render: (_, r) => <Pass ok={r.check.meetsGrowth} /> },
          { title: t('benchmark.passes'), key: 'p', render: (_, r) => <Pass ok={r.check.passes} /> },
        ]}
      />
    </Card>
  );
}

/** The figures of one compliance group (a district or a street), after the column that names it. */
function complianceColumns(t: ReturnType<typeof useI18n>['t']): TableColumnsType<ComplianceGroupView> {
  return [
    { title: t('benchmark.headcount'), dataIndex: 'headcount', align: 'right' },
    { title: t('benchmark.projectedAverage'), dataIndex: 'projectedAverage', align: 'right' },
    { title: t('benchmark.gap'), dataIndex: 'gap', align: 'right' },
    { title: t('benchmark.ytdAverage'), dataIndex: 'ytdAverage', align: 'right' },
    { title: t('benchmark.workersBelow'), dataIndex: 'workersBelow', align: 'right' },
    { title: t('benchmark.shortfall'), dataIndex: 'shortfall', align: 'right' },
    { title: t('benchmark.compliant'), key: 'ok', render: (_, g) => <Pass ok={g.compliant} /> },
  ];
}

/** Compliance per street of one district, from the street-level report (loaded on the first expand). */
function StreetRows({ district, report }: { district: string; report: { data?: ComplianceReport; error: unknown; isPending: boolean } }) {
  const { t } = useI18n();
  const streetsOfDistrict = useStreets(district);
  const nameOf = placeNamer(streetsOfDistrict.data);
  const name = (code: string | null) => (code ? nameOf(code) : '');
  return (
    <QueryTable<ComplianceGroupView>
      query={report}
      rows={report.data?.groups.filter((s) => s.districtCode === district)}
      rowKey="group"
      pagination={false}
      data-testid={`streets-${district}`}
      columns={[
        { title: t('org.street'), key: 'street', render: (_, s) => name(s.streetCode) },
        ...complianceColumns(t),
      ]}
    />
  );
}

export function BenchmarkPage() {
  const { t } = useI18n();
  const api = useApi();
  const { hasRole } = useAuth();
  // HR runs a calibration, finance and auditors only read; adopting one edits the policy: city
  // admins only (the service enforces the same)
  const canRun = hasRole(...HR_ROLES);
  const canAdopt = hasRole('CITY_ADMIN');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [atCalibrated, setAtCalibrated] = useState(false);
  const [streetsWanted, setStreetsWanted] = useState(false);

  const calibrate = useMutation({
    mutationFn: (y: number) => api.post<CalibrationResult>(`${P}/calibrations`, { year: y }),
  });
  const calibration = calibrate.data?.year === year ? calibrate.data : undefined;
  const unitValue = atCalibrated && calibration ? calibration.unitValue : undefined;

  const districts = useQuery({
    queryKey: ['benchmark-compliance', year, 'district', unitValue ?? null],
    queryFn: ({ signal }) => api.get<ComplianceReport>(`${P}/compliance`, { year, groupBy: 'district', unitValue }, signal),
  });
  // one street-level report for the whole scope, split by district when a row expands
  const streets = useQuery({
    queryKey: ['benchmark-compliance', year, 'street', unitValue ?? null],
    queryFn: ({ signal }) => api.get<ComplianceReport>(`${P}/compliance`, { year, groupBy: 'street', unitValue }, signal),
    enabled: streetsWanted,
  });

  const groups = useMemo(() => districts.data?.groups ?? [], [districts.data]);
  const districtList = useMemo(() => groups.map((g) => ({ code: g.districtCode, name: g.districtName })), [groups]);
  const chartOption = useMemo(
    () => benchmarkChartOption(groups, districts.data?.benchmark, year, { projected: t('benchmark.projectedAverage'), ytd: t('benchmark.ytdAverage'), line: t('benchmark.benchmarkLine') }),
    [groups, districts.data?.benchmark, year, t],
  );

  return (
    <div data-testid="benchmark-page">
      <ReportHead title={t('benchmark.title')} hint={t('benchmark.hint')}>
        <Space>
          {t('benchmark.year')}
          <InputNumber min={2020} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="benchmark-year" />
        </Space>
        {canRun && (
          <Button type="primary" icon={<ExperimentOutlined />} loading={calibrate.isPending} onClick={() => calibrate.mutate(year)} data-testid="run-calibration">
            {t('benchmark.run')}
          </Button>
        )}
        {calibration && (
          <Space>
            <Switch checked={atCalibrated} onChange={setAtCalibrated} data-testid="at-calibrated" />
            {t('benchmark.atCalibrated', { value: calibration.unitValue })}
          </Space>
        )}
      </ReportHead>
      {calibrate.error && (
        <div style={{ marginBottom: 16 }}>
          <WriteError error={calibrate.error} refusals={[400, 422]} testId="calibration-error" />
        </div>
      )}
      {calibration && (
        <div style={{ marginBottom: 16 }}>
          <CalibrationCard c={calibration} canAdopt={canAdopt} />
        </div>
      )}
      <Row gutter={16}>
        <Col xs={24} xxl={9} style={{ marginBottom: 16 }}>
          <Card title={t('benchmark.chartTitle', { year })} data-testid="benchmark-chart-card">
            {groups.length ? <EChart option={chartOption} height={340} testId="benchmark-chart" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xxl={15}>
          <Card
            title={t('benchmark.compliance', { year })}
            extra={
              districts.data && (
                <ReportBasis illustrative={districts.data.illustrative} testId="compliance-basis">
                  {t('benchmark.complianceBasis', { unitValue: districts.data.unitValue, asOf: districts.data.asOf, benchmark: districts.data.benchmark, year: year - 1, months: groups[0]?.ytdMonths ?? 0 })}
                </ReportBasis>
              )
            }
          >
            <QueryTable<ComplianceGroupView>
              query={districts}
              rows={groups}
              rowKey="group"
              pagination={false}
              data-testid="compliance-table"
              expandable={{
                onExpand: (open) => open && setStreetsWanted(true),
                expandedRowRender: (g) => <StreetRows district={g.districtCode} report={streets} />,
              }}
              columns={[
                { title: t('org.district'), key: 'district', render: (_, g) => g.districtName ?? g.districtCode },
                ...complianceColumns(t),
              ]}
            />
          </Card>
        </Col>
      </Row>
      {canRun && (
        <div style={{ marginTop: 16 }}>
          <TopUpCard year={year} unitValue={unitValue} districts={districtList} />
        </div>
      )}
      <div style={{ marginTop: 16 }}>
        <StoredRunsCard year={year} districts={districtList.map((d) => d.code)} />
      </div>
    </div>
  );
}
