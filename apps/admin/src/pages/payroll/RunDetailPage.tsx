import { DownloadOutlined } from '@ant-design/icons';
import type { BankFileEntryView, RunView } from '@cws/payroll-contracts';
import { App, Button, Card, Col, Descriptions, Form, Input, Progress, Row, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useCommunities, useDistricts, useStreets } from '../../api/org';
import { P, useRun, useRunPayslips } from '../../api/payroll';
import { useAction } from '../../api/useAction';
import { useDownload } from '../../api/useDownload';
import { useAuth } from '../../auth/AuthProvider';
import { HR_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useErrors } from '../../i18n/useErrors';
import { moneyColumn } from '../../layout/columns';
import { FormModal, useFormDialog, useRequired } from '../../layout/FormModal';
import { DetailTitle } from '../../layout/DetailTitle';
import { QueryError } from '../../layout/PageState';
import { thousands } from '../../lib/format';
import { placeNamer } from '../../lib/places';
import { flagName, PayslipDrawer } from './PayslipDrawer';
import { RunCorrectionDialog, useRunCorrection } from './RunCorrection';
import { groupRegister, type RegisterRow } from './registerGroups';
import { RunInputs } from './RunInputs';
import { PayDayActions, PayDayDialog, PayDayNotice, useRunPayDay } from './RunPayDay';
import { RUN_STATUS_COLOR, runProgress, useScopeName } from './RunsPage';

const DOWNLOADS = [
  { key: 'register', path: 'register.xlsx', label: 'payrollRuns.register' },
  { key: 'iit', path: 'declarations/iit.xlsx', label: 'payrollRuns.iit' },
  { key: 'si', path: 'declarations/social-insurance.xlsx', label: 'payrollRuns.socialInsurance' },
  { key: 'hf', path: 'declarations/housing-fund.xlsx', label: 'payrollRuns.housingFund' },
] as const;

/** Who may do what to a run, from its status and the caller (approval never by the submitter). */
export function runActions(run: RunView, me: { name: string; roles: readonly string[] } | null) {
  const has = (...roles: string[]) => !!me?.roles.some((r) => roles.includes(r));
  const hr = has(...HR_ROLES);
  const computed = run.computation.state === 'DONE';
  const isSubmitter = !!me && run.submitted?.by === me.name;
  return {
    recalculate: hr && run.status === 'DRAFT',
    submit: hr && run.status === 'DRAFT',
    submitReady: computed && run.progress.failed === 0,
    approve: has('CITY_ADMIN', 'FINANCE') && run.status === 'SUBMITTED',
    approveBlockedForSubmitter: isSubmitter,
    reject: has('CITY_ADMIN', 'FINANCE') && run.status === 'SUBMITTED' && !isSubmitter,
    pay: has('FINANCE') && run.status === 'APPROVED',
    /** 预约发放 / 取消预约: whoever may pay (the service's CanPayRuns). */
    schedulePayment: has('FINANCE') && run.status === 'APPROVED',
    cancel: hr && (run.status === 'DRAFT' || run.status === 'SUBMITTED'),
    /** 冲正重发: a settled regular run's slips are corrected by a CORRECTION run (the API's PAYROLL_CORRECTION_TARGET / _NOT_SETTLED). */
    correct: hr && run.type === 'REGULAR' && (run.status === 'APPROVED' || run.status === 'PAID'),
    bankFiles: has('CITY_ADMIN', 'FINANCE') && (run.status === 'APPROVED' || run.status === 'PAID'),
    /** The IIT declaration holds whole resident IDs: only the roles the API lets have it. */
    iitDeclaration: has('CITY_ADMIN', 'DISTRICT_HR', 'FINANCE'),
  };
}

/** One run: live progress while it computes, totals, the lifecycle, the downloads and the register grouped by place. */
export function RunDetailPage() {
  const { id } = useParams();
  const { t, locale } = useI18n();
  const api = useApi();
  const { me } = useAuth();
  const errors = useErrors();
  const { message } = App.useApp();
  const run = useRun(id);
  const r = run.data;
  const scopeName = useScopeName();
  const slips = useRunPayslips(id, r?.computation.state === 'DONE');
  const districts = useDistricts();
  const streets = useStreets(undefined);
  const communities = useCommunities({});
  const [openSlip, setOpenSlip] = useState<string | null>(null);
  const invalidate = [['payroll-run', id], ['payroll-runs'], ['payroll-run-payslips', id]];
  const act = useAction((a: { action: string; body?: unknown }) => api.post<RunView>(`${P}/runs/${id}/${a.action}`, a.body ?? {}), {
    invalidate,
    success: t('common.saved'),
  });
  const reject = useFormDialog((v: { reason: string }) => api.post<RunView>(`${P}/runs/${id}/reject`, v), { invalidate, success: t('common.saved') });
  const required = useRequired();
  const payDay = useRunPayDay(id, invalidate);
  const correction = useRunCorrection(r, me);

  const nameOf = useMemo(() => placeNamer(districts.data, streets.data, communities.data), [districts.data, streets.data, communities.data]);
  const tree = useMemo(() => groupRegister(slips.data ?? [], nameOf, (kind) => flagName(locale, kind)), [slips.data, nameOf, locale]);

  const downloadFile = useDownload();
  const download = (path: string, fallback: string) => downloadFile(`${P}/runs/${id}/${path}`, fallback);
  const bankFiles = async () => {
    try {
      const files = await api.get<BankFileEntryView[]>(`${P}/runs/${id}/bank-files`);
      for (const f of files) await download(`bank-files/${encodeURIComponent(f.payingAccount)}.csv`, `bank-${f.payingAccount}.csv`);
    } catch (err) {
      message.error(errors.text(err));
    }
  };

  if (run.isPending) return <Spin />;
  if (run.error || !r) return <QueryError error={run.error} />;
  const can = runActions(r, me ? { name: me.name, roles: me.roles } : null);
  const state = r.computation.state;
  const computing = state === 'QUEUED' || state === 'COMPUTING';

  return (
    <Card
      data-testid="run-detail"
      title={
        <DetailTitle back="/payroll/runs">
          <span>
            {t('payrollRuns.detail')} · {r.period} · {scopeName(r.scope)} · {t(`run.type.${r.type}` as MessageKey)}
          </span>
          <Tag color={RUN_STATUS_COLOR[r.status]} data-testid="run-status">
            {t(`run.status.${r.status}` as MessageKey)}
          </Tag>
        </DetailTitle>
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('payrollRuns.progress')}>
            <Progress percent={runProgress(r)} status={state === 'FAILED' ? 'exception' : computing ? 'active' : r.progress.failed ? 'exception' : 'success'} data-testid="run-progress" />
            <Typography.Text type="secondary" data-testid="run-progress-text">
              {t(`run.compute.${state}` as MessageKey)} · {t('payrollRuns.progressText', { done: r.progress.done, total: r.progress.total, failed: r.progress.failed })}
            </Typography.Text>
            {r.computation.error && <Typography.Paragraph type="danger">{r.computation.error}</Typography.Paragraph>}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('payrollRuns.totals')}>
            <Row gutter={8}>
              {(['gross', 'employeeContributions', 'tax', 'net', 'employerContributions'] as const).map((k) => (
                <Col span={k === 'net' ? 6 : 4} key={k}>
                  <Statistic title={t(`payrollRuns.${k}` as MessageKey)} value={thousands(r.totals[k])} styles={{ content: { fontSize: 16 } }} data-testid={`run-total-${k}`} />
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
      </Row>
      <Space wrap style={{ margin: '16px 0' }} data-testid="run-actions">
        {can.recalculate && <Button onClick={() => act.mutate({ action: 'recalculate' })} loading={act.isPending} data-testid="run-recalculate">{t('payrollRuns.recalculate')}</Button>}
        {can.submit && (
          <Button type="primary" disabled={!can.submitReady} onClick={() => act.mutate({ action: 'submit' })} loading={act.isPending} data-testid="run-submit">
            {t('payrollRuns.submit')}
          </Button>
        )}
        {can.approve && (
          <Tooltip title={can.approveBlockedForSubmitter ? t('payrollRuns.fourEyes') : undefined}>
            <Button type="primary" disabled={can.approveBlockedForSubmitter} onClick={() => act.mutate({ action: 'approve' })} loading={act.isPending} data-testid="run-approve">
              {t('payrollRuns.approve')}
            </Button>
          </Tooltip>
        )}
        {can.reject && <Button danger onClick={() => reject.show()} data-testid="run-reject">{t('payrollRuns.reject')}</Button>}
        {can.pay && <Button type="primary" onClick={() => act.mutate({ action: 'pay' })} loading={act.isPending} data-testid="run-pay">{t('payrollRuns.pay')}</Button>}
        {can.schedulePayment && <PayDayActions run={r} payDay={payDay} />}
        {can.cancel && <Button danger type="dashed" onClick={() => act.mutate({ action: 'cancel' })} data-testid="run-cancel">{t('payrollRuns.cancel')}</Button>}
        {can.correct && <Button onClick={() => correction.show()} data-testid="run-correct">{t('payrollRuns.correct')}</Button>}
        {state === 'DONE' &&
          DOWNLOADS.filter((d) => d.key !== 'iit' || can.iitDeclaration).map((d) => (
            <Button key={d.key} icon={<DownloadOutlined />} onClick={() => void download(d.path, `${r.period}-${d.key}.xlsx`)} data-testid={`run-download-${d.key}`}>
              {t(d.label)}
            </Button>
          ))}
        {can.bankFiles && <Button icon={<DownloadOutlined />} onClick={() => void bankFiles()} data-testid="run-bank-files">{t('payrollRuns.bankFiles')}</Button>}
      </Space>
      <PayDayNotice run={r} />
      {r.rejection && (
        <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('payrollRuns.rejected')}>
            {r.rejection.reason}（{r.rejection.by}）
          </Descriptions.Item>
        </Descriptions>
      )}
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('payrollRuns.createdBy')}>{r.created.by}</Descriptions.Item>
        <Descriptions.Item label={t('payrollRuns.submittedBy')}>{r.submitted?.by ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('payrollRuns.approvedBy')}>{r.approved?.by ?? '-'}</Descriptions.Item>
        <Descriptions.Item label={t('payrollRuns.paidBy')}>{r.paid?.by ?? '-'}</Descriptions.Item>
        {r.correctsRunId && (
          <Descriptions.Item label={t('payrollRuns.corrects')}>
            <Link to={`/payroll/runs/${r.correctsRunId}`} data-testid="run-corrects">
              {t('payrollRuns.correctsText', { id: r.correctsRunId, workers: r.inputs?.correction?.workerIds.length ?? '-' })}
            </Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      <RunInputs inputs={r.inputs} />
      <Table<RegisterRow>
        size="small"
        rowKey="key"
        loading={slips.isPending && state === 'DONE'}
        dataSource={tree}
        pagination={false}
        title={() => t('payrollRuns.registerTitle')}
        data-testid="run-register"
        expandable={{ defaultExpandedRowKeys: tree.length === 1 ? [tree[0].key] : [] }}
        onRow={(row) => ({ onClick: () => row.slip && setOpenSlip(row.slip.id), style: row.slip ? { cursor: 'pointer' } : { fontWeight: 600 } })}
        columns={[
          { title: t('payrollRuns.place'), dataIndex: 'label', render: (l: string, row) => (row.slip?.status === 'FAILED' ? <Typography.Text type="danger">{l}</Typography.Text> : l) },
          { title: t('payrollRuns.workers'), dataIndex: 'count', align: 'right', render: (n: number, row) => (row.slip ? '' : n) },
          moneyColumn(t('payrollRuns.gross'), 'gross'),
          moneyColumn(t('payrollRuns.employeeContributions'), 'employeeContributions'),
          moneyColumn(t('payrollRuns.tax'), 'tax'),
          moneyColumn(t('payrollRuns.net'), 'net'),
          moneyColumn(t('payrollRuns.employerContributions'), 'employerContributions'),
        ]}
      />
      <PayslipDrawer id={openSlip} onClose={() => setOpenSlip(null)} onCorrect={can.correct ? (workerId) => (setOpenSlip(null), correction.show([workerId])) : undefined} />
      {can.correct && <RunCorrectionDialog correction={correction} slips={slips.data} />}
      {can.schedulePayment && <PayDayDialog run={r} payDay={payDay} />}
      <FormModal {...reject.modal} title={t('payrollRuns.reject')} testId="reject-form">
        <Form.Item name="reason" label={t('common.reason')} rules={required}>
          <Input.TextArea maxLength={500} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
