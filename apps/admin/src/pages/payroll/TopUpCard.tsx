import { CalculatorOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { TopUpLinePageView, TopUpLineView, TopUpRuleCode, TopUpSummary } from '@cws/payroll-contracts';
import { useMutation, useQueries, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Statistic, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/context';
import { ApiError } from '../../api/errors';
import { communitiesQuery, streetsQuery } from '../../api/org';
import { useI18n } from '../../i18n/I18nProvider';
import { useErrors } from '../../i18n/useErrors';
import { moneyColumn } from '../../layout/columns';
import { WriteError } from '../../layout/PageState';
import { QueryTable } from '../../layout/QueryTable';
import { placeNamer } from '../../lib/places';

const P = '/api/payroll/v1/benchmark';
/** What the API takes for PER_WORKER: up to two integer digits and four decimals ("1.00", "0.95"). */
export const RATIO = /^\d{1,2}(\.\d{1,4})?$/;
export const LINES_PAGE = 20;

export interface TopUpRequest {
  year: number;
  rule: TopUpRuleCode;
  ratio?: string;
  level?: 'DISTRICT' | 'STREET';
  unitValue?: string;
}

/** The per-district totals, one row for every district in the report (0.00 where nobody is topped up). */
export function districtTotals(summary: TopUpSummary, districts: Array<{ code: string; name: string | null }>): Array<{ districtCode: string; districtName: string | null; workersToppedUp: number; total: string }> {
  const byCode = new Map(summary.byDistrict.map((d) => [d.districtCode, d]));
  const rows = districts.map((d) => ({ districtCode: d.code, districtName: d.name, workersToppedUp: byCode.get(d.code)?.workersToppedUp ?? 0, total: byCode.get(d.code)?.total ?? '0.00' }));
  // a district the summary names but the report did not list still shows
  for (const d of summary.byDistrict) if (!districts.some((x) => x.code === d.districtCode)) rows.push({ ...d, districtName: null });
  return rows;
}

/** Per-worker lines of a stored top-up, in keyset pages (previous pages are remembered as cursors). */
export function TopUpLines({ id, districtName }: { id: string; districtName: (code: string) => string }) {
  const { t } = useI18n();
  const api = useApi();
  const [onlyPositive, setOnlyPositive] = useState(true);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const after = cursors[cursors.length - 1];
  const lines = useQuery({
    queryKey: ['top-up-lines', id, onlyPositive, after ?? null],
    queryFn: ({ signal }) => api.get<TopUpLinePageView>(`${P}/top-ups/${encodeURIComponent(id)}/lines`, { after, limit: LINES_PAGE, onlyPositive }, signal),
    placeholderData: (prev) => prev,
  });
  const page = cursors.length;
  const placeName = usePlaceNames([...new Set((lines.data?.items ?? []).map((l) => l.districtCode))]);
  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Switch
          checked={onlyPositive}
          onChange={(v) => {
            setOnlyPositive(v);
            setCursors([undefined]);
          }}
          data-testid="top-up-only-positive"
        />
        {t('topUp.onlyPositive')}
      </Space>
      <QueryTable<TopUpLineView>
        query={lines}
        rows={lines.data?.items}
        loading={lines.isFetching}
        rowKey="workerId"
        pagination={false}
        data-testid="top-up-lines"
        columns={[
          { title: t('topUp.worker'), key: 'w', render: (_, l) => <Link to={`/workers/${l.workerId}`}>{l.workerName ?? `#${l.workerId}`}</Link> },
          { title: t('org.district'), key: 'd', render: (_, l) => districtName(l.districtCode) },
          { title: t('org.street'), key: 's', render: (_, l) => placeName(l.streetCode) },
          { title: t('topUp.community'), key: 'c', render: (_, l) => placeName(l.communityCode) },
          moneyColumn(t('topUp.annualPay'), 'annualPay'),
          moneyColumn(t('topUp.amount'), 'topUp'),
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button size="small" icon={<LeftOutlined />} disabled={page === 1} onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="top-up-prev">
          {t('topUp.prev')}
        </Button>
        <Typography.Text data-testid="top-up-page">{t('topUp.page', { n: page })}</Typography.Text>
        <Button
          size="small"
          icon={<RightOutlined />}
          iconPlacement="end"
          disabled={!lines.data?.nextAfter || lines.isFetching}
          onClick={() => lines.data?.nextAfter && setCursors((c) => [...c, lines.data!.nextAfter!])}
          data-testid="top-up-next"
        >
          {t('topUp.next')}
        </Button>
      </Space>
    </>
  );
}

/** Street and community names of the districts on the page (the org lists, cached like the rest of the UI's); the code until they load. */
export function usePlaceNames(districts: string[]): (code: string) => string {
  const api = useApi();
  const lists = useQueries({ queries: districts.flatMap((district) => [streetsQuery(api, district), communitiesQuery(api, { district })]) });
  return placeNamer(...lists.map((q) => q.data));
}

/**
 * Year-end top-up (年终补差): runs `POST /benchmark/top-ups` under the chosen rule and shows the
 * totals per district and the per-worker lines. Amounts are the server's strings, never summed here.
 */
export function TopUpCard({ year, unitValue, districts }: { year: number; unitValue?: string; districts: Array<{ code: string; name: string | null }> }) {
  const { t } = useI18n();
  const errors = useErrors();
  const api = useApi();
  const [rule, setRule] = useState<TopUpRuleCode>('AVERAGE');
  const [ratio, setRatio] = useState('1.00');
  const [level, setLevel] = useState<'DISTRICT' | 'STREET'>('DISTRICT');
  const ratioOk = RATIO.test(ratio.trim());

  const run = useMutation({
    mutationFn: (body: TopUpRequest) => api.post<TopUpSummary>(`${P}/top-ups`, body),
  });
  const summary = run.data?.year === year ? run.data : undefined;
  const nameOf = placeNamer(districts);
  const serverRatioError = run.error instanceof ApiError ? errors.fields(run.error).find((f) => f.name[0] === 'ratio')?.errors[0] : undefined;

  const submit = () => {
    const body: TopUpRequest = { year, rule, ...(rule === 'PER_WORKER' ? { ratio: ratio.trim() } : { level }), ...(unitValue ? { unitValue } : {}) };
    run.mutate(body);
  };

  return (
    <Card title={t('topUp.title', { year })} data-testid="top-up" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('topUp.hint')}</Typography.Paragraph>
      <Form layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item label={t('topUp.rule')}>
          <Select<TopUpRuleCode>
            value={rule}
            onChange={setRule}
            style={{ width: 220 }}
            virtual={false}
            data-testid="top-up-rule"
            options={[
              { value: 'AVERAGE', label: t('topUp.rule.AVERAGE') },
              { value: 'PER_WORKER', label: t('topUp.rule.PER_WORKER') },
            ]}
          />
        </Form.Item>
        {rule === 'AVERAGE' ? (
          <Form.Item label={t('topUp.level')}>
            <Select
              value={level}
              onChange={setLevel}
              style={{ width: 120 }}
              virtual={false}
              data-testid="top-up-level"
              options={[
                { value: 'DISTRICT', label: t('org.district') },
                { value: 'STREET', label: t('org.street') },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item
            label={t('topUp.ratio')}
            validateStatus={!ratioOk || serverRatioError ? 'error' : undefined}
            help={!ratioOk ? t('topUp.ratioInvalid') : serverRatioError}
          >
            <Input value={ratio} onChange={(e) => setRatio(e.target.value)} inputMode="decimal" style={{ width: 90 }} data-testid="top-up-ratio" />
          </Form.Item>
        )}
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={run.isPending} disabled={rule === 'PER_WORKER' && !ratioOk} data-testid="run-top-up">
            {t('topUp.run')}
          </Button>
        </Form.Item>
        {unitValue && (
          <Form.Item>
            <Tag color="blue">{t('topUp.atUnitValue', { value: unitValue })}</Tag>
          </Form.Item>
        )}
      </Form>
      {run.error && (
        <div style={{ marginTop: 12 }}>
          <WriteError error={run.error} refusals={[400, 409, 422]} testId="top-up-error" />
        </div>
      )}
      {summary && (
        <div style={{ marginTop: 16 }} data-testid="top-up-result">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Statistic title={t('topUp.total')} value={summary.total} suffix={t('topUp.yuan')} data-testid="top-up-total" />
            </Col>
            <Col xs={24} md={8}>
              <Statistic title={t('topUp.workersToppedUp')} value={`${summary.workersToppedUp} / ${summary.workers}`} data-testid="top-up-workers" />
            </Col>
            <Col xs={24} md={8}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('topUp.rule')}>
                  {t(`topUp.rule.${summary.rule}`)}
                  {summary.rule === 'PER_WORKER' ? ` × ${summary.ratio}` : summary.level ? ` (${summary.level === 'STREET' ? t('org.street') : t('org.district')})` : ''}
                </Descriptions.Item>
                <Descriptions.Item label={t('benchmark.unitValue')}>{summary.unitValue}</Descriptions.Item>
                <Descriptions.Item label={t('benchmark.benchmarkLabel', { year: summary.year - 1 })}>{summary.benchmark}</Descriptions.Item>
              </Descriptions>
            </Col>
          </Row>
          <Typography.Title level={5}>{t('topUp.byDistrict')}</Typography.Title>
          <Table
            size="small"
            rowKey="districtCode"
            pagination={false}
            dataSource={districtTotals(summary, districts)}
            data-testid="top-up-districts"
            columns={[
              { title: t('org.district'), key: 'd', render: (_, d) => d.districtName ?? d.districtCode },
              { title: t('topUp.workersToppedUp'), dataIndex: 'workersToppedUp', align: 'right' },
              { title: t('topUp.total'), dataIndex: 'total', align: 'right', render: (v: string, d) => <span data-testid={`top-up-total-${d.districtCode}`}>{v}</span> },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('topUp.lines')}
          </Typography.Title>
          <TopUpLines key={summary.id} id={summary.id} districtName={nameOf} />
        </div>
      )}
    </Card>
  );
}
