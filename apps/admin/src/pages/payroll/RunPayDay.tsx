import { addDays, cityToday } from '@cws/kernel';
import type { RunView } from '@cws/payroll-contracts';
import type { QueryKey } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useApi } from '../../api/context';
import { P } from '../../api/payroll';
import { useAction } from '../../api/useAction';
import { useI18n } from '../../i18n/I18nProvider';
import { useErrors } from '../../i18n/useErrors';
import { ConfirmButton } from '../../layout/ConfirmButton';
import { DateItem, FormModal, useFormDialog } from '../../layout/FormModal';

/** How far ahead the service lets finance schedule a payment (payroll-runs.service MAX_DAYS_AHEAD). */
const MAX_DAYS_AHEAD = 90;

/**
 * 预约发放: finance gives the bank the transfer file with a value date and records that date on the
 * APPROVED run; the pay-day batch marks the run PAID on it. Scheduling again moves the date; 取消预约
 * takes it back (the run is then paid by hand).
 */
export function useRunPayDay(id: string | undefined, invalidate: QueryKey[]) {
  const { t } = useI18n();
  const api = useApi();
  const schedule = useFormDialog((v: { payOn: string }) => api.post<RunView>(`${P}/runs/${id}/schedule-payment`, v), { invalidate, success: t('payrollRuns.scheduleSaved') });
  const unschedule = useAction(() => api.post<RunView>(`${P}/runs/${id}/unschedule-payment`), { invalidate, success: t('payrollRuns.unscheduled') });
  return { schedule, unschedule };
}

/** The two buttons, for whoever may pay the run (runActions' `schedulePayment`). */
export function PayDayActions({ run, payDay }: { run: RunView; payDay: ReturnType<typeof useRunPayDay> }) {
  const { t } = useI18n();
  return (
    <>
      <Button onClick={() => payDay.schedule.show()} data-testid="run-schedule-payment">
        {t('payrollRuns.schedulePayment')}
      </Button>
      {run.scheduledPayment && (
        <ConfirmButton title={t('payrollRuns.unscheduleConfirm')} onConfirm={() => payDay.unschedule.mutate(undefined)} loading={payDay.unschedule.isPending} testId="run-unschedule-payment">
          {t('payrollRuns.unschedulePayment')}
        </ConfirmButton>
      )}
    </>
  );
}

/** The date dialog: today (the city's date) by default, or the date already scheduled; checked as the service checks it. */
export function PayDayDialog({ run, payDay }: { run: RunView; payDay: ReturnType<typeof useRunPayDay> }) {
  const { t } = useI18n();
  const errors = useErrors();
  const today = cityToday();
  const inRange = async (_: unknown, v?: string) => {
    if (v && v < today) throw new Error(errors.code('PAY_DATE_PAST'));
    if (v && v > addDays(today, MAX_DAYS_AHEAD)) throw new Error(errors.code('PAY_DATE_TOO_FAR'));
  };
  return (
    <FormModal {...payDay.schedule.modal} title={t('payrollRuns.schedulePayment')} testId="schedule-payment-form" initialValues={{ payOn: run.scheduledPayment?.payOn ?? today }}>
      <Alert type="info" showIcon title={t('payrollRuns.scheduleHint')} style={{ marginBottom: 12 }} />
      <DateItem name="payOn" label={t('payrollRuns.payOn')} extra={t('payrollRuns.payOnHint')} required rules={[{ validator: inRange }]} />
    </FormModal>
  );
}

/** What the run says about its pay day: scheduled (and what happens then), or paid on it by the batch (or earlier by hand). */
export function PayDayNotice({ run }: { run: RunView }) {
  const { t } = useI18n();
  const s = run.scheduledPayment;
  if (!s || (run.status !== 'APPROVED' && run.status !== 'PAID')) return null;
  const paidBy = run.status === 'PAID' ? (run.paid?.by ?? '') : null;
  const title =
    paidBy === null
      ? t('payrollRuns.scheduled', { payOn: s.payOn, by: s.by })
      : t(s.paidOnSchedule ? 'payrollRuns.paidOnSchedule' : 'payrollRuns.paidByHand', { payOn: s.payOn, by: s.by, paidBy });
  return (
    <Alert
      type={paidBy === null ? 'info' : 'success'}
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="run-scheduled-payment"
      title={title}
      description={paidBy === null ? t('payrollRuns.scheduleHint') : undefined}
    />
  );
}
