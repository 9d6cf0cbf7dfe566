import type { RunInputs as Inputs } from '@cws/payroll-contracts';
import { Descriptions, Typography } from 'antd';
import { useI18n, type MessageKey, type Translate } from '../../i18n/I18nProvider';
import { dateTime, thousands } from '../../lib/format';
import { RunPolicyRows } from './RunPolicyRows';

/** The month's 调休 a run froze, as the pro-rating used it: the weekdays off and the weekends worked. */
function calendarText(t: Translate, calendar: Inputs['calendar']): string[] {
  if (!calendar) return [t('runInputs.calendar.absent')];
  const source = t(`runInputs.calendar.${calendar.source}` as MessageKey);
  if (calendar.source !== 'SCHEDULER') return [source];
  const days = (list: string[]) => list.map((d) => d.slice(5)).join('、');
  const lines = [
    calendar.restDays.length ? t('runInputs.restDays', { days: days(calendar.restDays) }) : null,
    calendar.adjustedWorkingDays.length ? t('runInputs.adjustedWorkingDays', { days: days(calendar.adjustedWorkingDays) }) : null,
  ].filter((l): l is string => !!l);
  return [source, ...(lines.length ? lines : [t('runInputs.noAdjustments')])];
}

/** 冻结的计算输入: what the run's computation froze, so a recalculation is reproducible and a paid run explained; the policy rows used open as a list. */
export function RunInputs({ inputs }: { inputs: Inputs | null }) {
  const { t } = useI18n();
  if (!inputs) return null;
  const [source, ...details] = calendarText(t, inputs.calendar);
  return (
    <Descriptions size="small" bordered title={t('runInputs.title')} column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }} data-testid="run-inputs">
      <Descriptions.Item label={t('runInputs.asOf')}>{inputs.asOf}</Descriptions.Item>
      <Descriptions.Item label={t('runInputs.snapshotWorkers')}>{thousands(String(inputs.snapshotWorkers))}</Descriptions.Item>
      <Descriptions.Item label={t('runInputs.hours')}>
        <Typography.Text type={inputs.hours === 'UNAVAILABLE' ? 'warning' : undefined} data-testid="run-inputs-hours">
          {t(`runInputs.hours.${inputs.hours}` as MessageKey)}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('runInputs.calendar')} span="filled">
        <span data-testid="run-inputs-calendar">
          {source}
          {details.map((d) => (
            <Typography.Text key={d} type="secondary" style={{ display: 'block' }}>
              {d}
            </Typography.Text>
          ))}
        </span>
      </Descriptions.Item>
      {inputs.bonus && (
        <Descriptions.Item label={t('runInputs.bonus')}>
          <span data-testid="run-inputs-bonus">
            {inputs.bonus.workers !== undefined
              ? t('runInputs.bonusPerWorker', { workers: inputs.bonus.workers, total: thousands(inputs.bonus.total ?? '0.00') })
              : t('runInputs.bonusSame', { amount: thousands(inputs.bonus.amount ?? '0.00') })}
            {' · '}
            {t(`payrollRuns.bonusMethod.${inputs.bonus.method}`)}
          </span>
        </Descriptions.Item>
      )}
      {inputs.topUp && (
        <Descriptions.Item label={t('runInputs.topUp')} span="filled">
          <span data-testid="run-inputs-top-up">
            {t('runInputs.topUpText', { result: inputs.topUp.resultId ?? '—', deducted: inputs.topUp.deductedWorkers })}
            {inputs.topUp.overpaid.workers > 0 && (
              <Typography.Text type="warning" style={{ display: 'block' }}>
                {t('runInputs.topUpOverpaid', { workers: inputs.topUp.overpaid.workers, ids: inputs.topUp.overpaid.workerIds.join('、') })}
              </Typography.Text>
            )}
          </span>
        </Descriptions.Item>
      )}
      {inputs.inOtherRuns && (
        <Descriptions.Item label={t('runInputs.inOtherRuns')} span="filled">
          <span data-testid="run-inputs-in-other-runs">
            {t('runInputs.inOtherRunsText', { workers: inputs.inOtherRuns.workers, ids: inputs.inOtherRuns.workerIds.join('、'), runs: inputs.inOtherRuns.runIds.join('、') })}
          </span>
        </Descriptions.Item>
      )}
      {inputs.arrearsNotCarried && (
        <Descriptions.Item label={t('runInputs.arrearsNotCarried')} span="filled">
          <span data-testid="run-inputs-arrears-not-carried">
            {t('runInputs.arrearsNotCarriedText', { workers: inputs.arrearsNotCarried.workers })}
            {inputs.arrearsNotCarried.items.map((a) => (
              <Typography.Text key={`${a.workerId}:${a.refPeriod}`} type={a.amount.startsWith('-') ? 'danger' : undefined} style={{ display: 'block' }}>
                {t('runInputs.arrearsNotCarriedItem', { id: a.workerId, period: a.refPeriod, amount: thousands(a.amount) })}
              </Typography.Text>
            ))}
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('runInputs.policyRows')}>
        <RunPolicyRows ids={inputs.policyRowIds} />
      </Descriptions.Item>
      <Descriptions.Item label={t('runInputs.frozenAt')}>{dateTime(inputs.frozenAt)}</Descriptions.Item>
    </Descriptions>
  );
}
