import { PlusOutlined } from '@ant-design/icons';
import { cityToday, formatMoney } from '@cws/kernel';
import { RUN_STATUSES, RUN_TYPES, type RunView } from '@cws/payroll-contracts';
import { Button, DatePicker, Form, Input, Progress, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useDistricts, useStreets } from '../../api/org';
import { P, useRuns } from '../../api/payroll';
import { useAuth } from '../../auth/AuthProvider';
import { HR_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { EnumItem, FormModal, useAmountRules, useFormDialog, useRequired } from '../../layout/FormModal';
import { PageCard } from '../../layout/PageCard';
import { QueryTable } from '../../layout/QueryTable';
import { dateTime, thousands } from '../../lib/format';
import { placeNamer, placeOptions } from '../../lib/places';
import { urlParam, useUrlFilters } from '../../lib/useUrlFilters';
import { RefusedHere } from '../../api/errors';
import { useResidentIdLookup } from '../../api/workers';
import { parseBonusLines, resolveBonusLines, type BonusLineProblem } from './bonusLines';

const BONUS_METHODS = ['SEPARATE', 'MERGED'] as const;

type NewRun = { period: dayjs.Dayjs; type: string; scope?: string; bonus?: { mode: 'SAME' | 'PER_WORKER'; amount?: string; list?: string; method: string } };

/** A BONUS run's bonus as the API takes it: one amount for everyone in scope, or the pasted list's per-worker amounts. */
function bonusOf(b: NonNullable<NewRun['bonus']>, amounts: Array<{ workerId: number; amount: string }>) {
  return b.mode === 'PER_WORKER' ? { amounts, method: b.method } : { amount: (b.amount ?? '').trim(), method: b.method };
}

export const RUN_STATUS_COLOR: Record<string, string> = { DRAFT: 'default', SUBMITTED: 'blue', APPROVED: 'green', PAID: 'purple', CANCELLED: 'red' };

/** The name of a run's scope: the city, a district or a street. */
export function useScopeName() {
  const { t } = useI18n();
  const districts = useDistricts();
  const streets = useStreets(undefined);
  const nameOf = placeNamer(districts.data, streets.data);
  return (scope: string | null) => (scope ? nameOf(scope) : t('payrollRuns.city'));
}

/**
 * 发放日 as the list shows it: the scheduled value date (marked 预约 until the batch pays it), else the city
 * date a run was paid by hand; none before either.
 */
export function usePayDay() {
  const { t } = useI18n();
  return (r: RunView): string => {
    if (r.scheduledPayment && (r.status === 'APPROVED' || r.scheduledPayment.paidOnSchedule)) {
      return r.status === 'PAID' ? r.scheduledPayment.payOn : t('payrollRuns.payDayScheduled', { payOn: r.scheduledPayment.payOn });
    }
    return r.paid ? cityToday(new Date(r.paid.at)) : '—';
  };
}

export function runProgress(r: RunView): number {
  return r.progress.total ? Math.floor((r.progress.done * 100) / r.progress.total) : r.computation.state === 'DONE' ? 100 : 0;
}

/** 薪酬批次: the monthly runs in your scope, newest first, and creating one (its computation starts at once). */
export function RunsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { me, hasRole } = useAuth();
  const navigate = useNavigate();
  const scopeName = useScopeName();
  const payDay = usePayDay();
  const options = useEnumOptions();
  const required = useRequired();
  // the status filter lives in the address: the dashboard's 待办 links to /payroll/runs?status=SUBMITTED
  const [{ status }, change] = useUrlFilters<{ status?: string }>({ status: urlParam.oneOf(RUN_STATUSES) }, { status: undefined });
  const runs = useRuns({ status });
  const districts = useDistricts();
  const mayCreate = hasRole(...HR_ROLES);
  const amountRules = useAmountRules();
  const lookup = useResidentIdLookup();
  /** The first problems of a pasted list, in one line (the rest counted). */
  const problemsText = (problems: BonusLineProblem[]) =>
    problems.slice(0, 3).map((p) => t(`payrollRuns.bonusLine.${p.issue}`, { line: p.line, who: p.who ?? '' })).join(locale === 'en' ? '; ' : '；') + (problems.length > 3 ? ` (+${problems.length - 3})` : '');
  // a BONUS run names the bonus it pays: the same amount for each worker of the scope, or a pasted list of per-worker
  // amounts, whose 身份证号 lines are turned into 编号 by one lookup before the run is created (nothing is created if
  // one is not found: the list's field says which line)
  const create = useFormDialog(
    async (v: NewRun) => {
      let amounts: Array<{ workerId: number; amount: string }> = [];
      if (v.type === 'BONUS' && v.bonus?.mode === 'PER_WORKER') {
        const lines = await resolveBonusLines(parseBonusLines(v.bonus.list ?? ''), lookup);
        if (lines.problems.length) {
          const text = problemsText(lines.problems);
          create.form.setFields([{ name: ['bonus', 'list'], errors: [text] }]);
          throw new RefusedHere(text);
        }
        amounts = lines.amounts;
      }
      return api.post<RunView>(`${P}/runs`, {
        period: v.period.format('YYYY-MM'), type: v.type, ...(v.scope ? { scope: v.scope } : {}),
        ...(v.type === 'BONUS' && v.bonus ? { bonus: bonusOf(v.bonus, amounts) } : {}),
      });
    },
    { invalidate: [['payroll-runs']], onDone: (r) => navigate(`/payroll/runs/${r.id}`) },
  );
  const runType = Form.useWatch('type', create.modal.form);
  const bonusMode = Form.useWatch(['bonus', 'mode'], create.modal.form);
  const bonusList = Form.useWatch(['bonus', 'list'], create.modal.form) as string | undefined;
  const listed = bonusMode === 'PER_WORKER' && bonusList ? parseBonusLines(bonusList) : null;
  const listRules = [
    ...required,
    {
      validator: async (_: unknown, v: string | undefined) => {
        if (!v?.trim()) return;
        const { amounts, byResidentId, problems } = parseBonusLines(v);
        if (problems.length) throw new Error(problemsText(problems));
        if (!amounts.length && !byResidentId.length) throw new Error(t('common.required'));
      },
    },
  ];

  return (
    <PageCard
      title={t('payrollRuns.title')}
      testId="runs-page"
      tools={
        mayCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => create.show()} data-testid="new-run">
            {t('payrollRuns.create')}
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }}>
        <Select allowClear placeholder={t('workers.status')} style={{ width: 140 }} value={status} onChange={(v?: string) => change({ status: v })} options={options(RUN_STATUSES, 'run.status')} />
      </Space>
      <QueryTable<RunView>
        query={runs}
        rows={runs.data?.items}
        size="middle"
        data-testid="runs-table"
        columns={[
          { title: t('payrollRuns.period'), dataIndex: 'period', render: (p: string, r) => <Link to={`/payroll/runs/${r.id}`}>{p}</Link> },
          { title: t('payrollRuns.type'), dataIndex: 'type', render: (v: string) => t(`run.type.${v}` as MessageKey) },
          { title: t('payrollRuns.scope'), dataIndex: 'scope', render: (s: string | null) => scopeName(s) },
          { title: t('workers.status'), dataIndex: 'status', render: (s: string) => <Tag color={RUN_STATUS_COLOR[s]}>{t(`run.status.${s}` as MessageKey)}</Tag> },
          { title: t('payrollRuns.progress'), key: 'progress', width: 180, render: (_: unknown, r) => <Progress percent={runProgress(r)} size="small" status={r.computation.state === 'FAILED' ? 'exception' : undefined} /> },
          { title: t('payrollRuns.workers'), key: 'n', align: 'right', render: (_: unknown, r) => r.progress.total },
          { title: t('payrollRuns.net'), key: 'net', align: 'right', render: (_: unknown, r) => thousands(r.totals.net) },
          { title: t('payrollRuns.payOn'), key: 'payDay', render: (_: unknown, r) => payDay(r) },
          { title: t('payrollRuns.createdBy'), key: 'by', render: (_: unknown, r) => `${r.created.by} · ${dateTime(r.created.at)}` },
        ]}
      />
      <FormModal
        {...create.modal}
        title={t('payrollRuns.create')}
        initialValues={{ type: 'REGULAR', period: dayjs(), bonus: { mode: 'SAME', method: 'SEPARATE' } }}
        testId="run-form"
      >
        <Form.Item name="period" label={t('payrollRuns.period')} rules={required}>
          <DatePicker picker="month" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="type" label={t('payrollRuns.type')} rules={required}>
          <Select options={options(RUN_TYPES.filter((x) => x !== 'CORRECTION'), 'run.type')} />
        </Form.Item>
        {runType === 'BONUS' && (
          <>
            <Form.Item name={['bonus', 'mode']} label={t('payrollRuns.bonusMode')}>
              <Radio.Group options={(['SAME', 'PER_WORKER'] as const).map((m) => ({ value: m, label: t(`payrollRuns.bonusMode.${m}`) }))} data-testid="run-bonus-mode" />
            </Form.Item>
            {bonusMode === 'PER_WORKER' ? (
              <Form.Item
                name={['bonus', 'list']}
                label={t('payrollRuns.bonusList')}
                rules={listRules}
                extra={
                  <>
                    {t('payrollRuns.bonusListHint')}
                    {listed && listed.amounts.length + listed.byResidentId.length > 0 && (
                      <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="run-bonus-summary">
                        {t('payrollRuns.bonusListSummary', { workers: listed.amounts.length + listed.byResidentId.length, total: thousands(formatMoney(listed.totalFen)) })}
                      </Typography.Text>
                    )}
                  </>
                }
              >
                <Input.TextArea rows={6} placeholder={'1024\t12000.00\n1025\t8000.00'} spellCheck={false} data-testid="run-bonus-list" />
              </Form.Item>
            ) : (
              <Form.Item name={['bonus', 'amount']} label={t('payrollRuns.bonusAmount')} rules={amountRules} extra={t('payrollRuns.bonusAmountHint')}>
                <Input inputMode="decimal" placeholder="36000.00" data-testid="run-bonus-amount" />
              </Form.Item>
            )}
            <EnumItem name={['bonus', 'method']} label={t('payrollRuns.bonusMethod')} values={BONUS_METHODS} prefix="payrollRuns.bonusMethod" extra={t('payrollRuns.bonusMethodHint')} />
          </>
        )}
        {me?.scope.level === 'CITY' && (
          <Form.Item name="scope" label={t('payrollRuns.scope')} extra={t('payrollRuns.scopeHint')}>
            <Select allowClear options={placeOptions(districts.data)} />
          </Form.Item>
        )}
      </FormModal>
    </PageCard>
  );
}
