import { EditOutlined } from '@ant-design/icons';
import { FUNDING_STREAMS, type FundingStandardView, type HouseholdCountView, type HouseholdStandardReportView, type HouseholdStandardRowView } from '@cws/budget-contracts';
import { parseMoney } from '@cws/kernel';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Select, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/errors';
import { B } from '../../api/budget';
import { useApi } from '../../api/context';
import { useCommunities } from '../../api/org';
import { useAuth } from '../../auth/AuthProvider';
import { BUDGET_WRITE_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { moneyColumn } from '../../layout/columns';
import { FormModal, useAmountRules, useFormDialog, useRequired } from '../../layout/FormModal';
import { PageCard } from '../../layout/PageCard';
import { QueryTable } from '../../layout/QueryTable';
import { thousands } from '../../lib/format';
import { placeNamer } from '../../lib/places';

type Stream = (typeof FUNDING_STREAMS)[number];
const REPORT = ['budget-household-standard'];

/**
 * 按户核定: the per-household funding check of a year and stream (`GET /reports/household-standard`) — each community's
 * households, what the stream allocated to it, per household, what the standard asks (standard × households) and the
 * shortfall, below-standard ones first shown alone. A city budget writer sets the year's standard of the stream
 * (`PUT /funding-standards/:year/:stream`) and corrects a community's households (`PUT /household-counts/:code`).
 */
export function HouseholdsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { me, hasRole } = useAuth();
  const mayWrite = me?.scope.level === 'CITY' && hasRole(...BUDGET_WRITE_ROLES);
  const required = useRequired();
  const amountRules = useAmountRules();
  const [year, setYear] = useState(new Date().getFullYear());
  const [stream, setStream] = useState<Stream>('RESIDENTS_COMMITTEE');
  const [belowOnly, setBelowOnly] = useState(true);
  const report = useQuery({
    queryKey: [...REPORT, year, stream, belowOnly],
    queryFn: ({ signal }) => api.get<HouseholdStandardReportView>(`${B}/reports/household-standard`, { fiscalYear: year, stream, belowOnly: String(belowOnly) }, signal),
    retry: false,
  });
  const noStandard = report.error instanceof ApiError && report.error.status === 404;
  const setStandard = useFormDialog(
    (v: { perHousehold: string }) => api.put<FundingStandardView>(`${B}/funding-standards/${year}/${stream}`, { perHousehold: v.perHousehold.trim() }),
    { invalidate: [REPORT], success: t('common.saved') },
  );
  const setCount = useFormDialog(
    (v: { households: number }, row: HouseholdStandardRowView) =>
      api.put<HouseholdCountView>(`${B}/household-counts/${row.communityCode}`, { households: v.households, ...(row.communityName ? { communityName: row.communityName } : {}) }),
    { invalidate: [REPORT], success: t('common.saved') },
  );
  const r = report.data;
  // the budget's household counts may carry no name (the seed's): the register's name of the community then
  const communities = useCommunities({});
  const nameOf = placeNamer(communities.data);
  // the register keeps its own households figure (社区概况, edited by HR): where it is set and differs, the row says
  // so, so that finance sees the two figures drift apart and settles which is right (docs/budget.md)
  const registered = new Map((communities.data ?? []).filter((c) => c.households > 0).map((c) => [c.code, c.households]));
  const registerDiffers = (row: HouseholdStandardRowView) => {
    const n = registered.get(row.communityCode);
    return n !== undefined && n !== row.households ? n : null;
  };
  const countSubject = setCount.subject ? registerDiffers(setCount.subject) : null;

  return (
    <PageCard
      title={t('households.title')}
      testId="households-page"
      tools={
        mayWrite && (
          <Button onClick={() => setStandard.show()} data-testid="households-set-standard">
            {t('households.setStandard', { year })}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {t('fiscal.year')}
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} data-testid="households-year" />
        <Select<Stream>
          style={{ width: 200 }}
          value={stream}
          onChange={setStream}
          options={FUNDING_STREAMS.map((s) => ({ value: s, label: t(`budget.stream.${s}` as MessageKey) }))}
          data-testid="households-stream"
        />
        <Switch checked={belowOnly} onChange={setBelowOnly} data-testid="households-below-only" /> {t('households.belowOnly')}
      </Space>
      {noStandard ? (
        <Alert type="info" showIcon title={t('households.noStandard', { year, stream: t(`budget.stream.${stream}` as MessageKey) })} data-testid="households-no-standard" />
      ) : (
        <>
          {r && (
            <Typography.Paragraph data-testid="households-summary">
              {t('households.summary', { standard: thousands(r.standardPerHousehold), communities: r.communities, below: r.below })}
            </Typography.Paragraph>
          )}
          <QueryTable<HouseholdStandardRowView>
            query={report}
            rows={r?.rows}
            rowKey="communityCode"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="households-table"
            columns={[
              { title: t('org.community'), dataIndex: 'communityName', render: (n: string | null, row) => n ?? nameOf(row.communityCode) },
              {
                title: t('org.households'),
                dataIndex: 'households',
                align: 'right',
                render: (h: number, row) => (
                  <Space size={4}>
                    {thousands(String(h))}
                    {registerDiffers(row) !== null && (
                      <Tooltip title={t('households.registerDiffersHint')}>
                        <Tag color="warning" data-testid={`households-register-${row.communityCode}`}>
                          {t('households.inRegister', { n: thousands(String(registerDiffers(row))) })}
                        </Tag>
                      </Tooltip>
                    )}
                    {mayWrite && <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('households.editCount')} onClick={() => setCount.show(row)} data-testid={`households-edit-${row.communityCode}`} />}
                  </Space>
                ),
              },
              moneyColumn(t('households.allocated'), 'allocated'),
              { title: t('households.perHousehold'), dataIndex: 'perHousehold', align: 'right', render: (v: string | null) => (v === null ? '-' : thousands(v)) },
              moneyColumn(t('households.required'), 'required'),
              {
                title: t('households.shortfall'),
                dataIndex: 'shortfall',
                align: 'right',
                render: (v: string) => (parseMoney(v) > 0n ? <Typography.Text type="danger">{thousands(v)}</Typography.Text> : thousands(v)),
              },
            ]}
          />
        </>
      )}
      <FormModal {...setStandard.modal} title={t('households.setStandard', { year })} testId="households-standard-form">
        <Typography.Paragraph type="secondary">{t(`budget.stream.${stream}` as MessageKey)}</Typography.Paragraph>
        <Form.Item name="perHousehold" label={t('households.standardLabel')} rules={amountRules}>
          <Input inputMode="decimal" placeholder="20.00" style={{ width: 200 }} />
        </Form.Item>
      </FormModal>
      <FormModal
        {...setCount.modal}
        title={`${t('households.editCount')} · ${setCount.subject ? (setCount.subject.communityName ?? nameOf(setCount.subject.communityCode)) : ''}`}
        initialValues={setCount.subject ? { households: setCount.subject.households } : {}}
        testId="households-count-form"
      >
        <Form.Item
          name="households"
          label={t('org.households')}
          rules={required}
          extra={countSubject !== null && <span data-testid="households-count-register">{t('households.inRegister', { n: thousands(String(countSubject)) })}</span>}
        >
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </FormModal>
    </PageCard>
  );
}
