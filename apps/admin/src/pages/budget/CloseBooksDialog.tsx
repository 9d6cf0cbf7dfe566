import { addDays, cityToday } from '@cws/kernel';
import type { LedgerCloseView } from '@cws/budget-contracts';
import { Alert } from 'antd';
import { useState } from 'react';
import { CLOSES_KEY, useCloseBooks } from '../../api/closes';
import { useI18n } from '../../i18n/I18nProvider';
import { useErrors } from '../../i18n/useErrors';
import { DateItem, FormModal, useFormDialog } from '../../layout/FormModal';

/** What one 结账 did: the closes it wrote (none when every day was closed) and the day it closed through. */
export interface CloseOutcome {
  written: LedgerCloseView[];
  through: string;
}

/**
 * 结账 (CITY_ADMIN, FINANCE): POST /ledger/closes with the day to close through, yesterday in the city by
 * default; the list refreshes and the page says what was closed. A day not over is refused in the form in
 * the service's words, and the service's own BOOKS_DAY_NOT_OVER lands on the same field.
 */
export function useCloseBooksDialog() {
  const close = useCloseBooks();
  const [outcome, setOutcome] = useState<CloseOutcome | null>(null);
  const dialog = useFormDialog((v: { through?: string }) => close(v.through), {
    invalidate: [[CLOSES_KEY]],
    onDone: (written, v) => setOutcome({ written, through: v.through ?? addDays(cityToday(), -1) }),
  });
  return { dialog, outcome, dismiss: () => setOutcome(null) };
}

export function CloseBooksDialog({ dialog }: { dialog: ReturnType<typeof useCloseBooksDialog>['dialog'] }) {
  const { t } = useI18n();
  const errors = useErrors();
  const over = async (_: unknown, v?: string) => {
    if (v && v >= cityToday()) throw new Error(errors.code('BOOKS_DAY_NOT_OVER'));
  };
  return (
    <FormModal {...dialog.modal} title={t('closes.closeTitle')} okText={t('closes.close')} testId="close-books-form" initialValues={{ through: addDays(cityToday(), -1) }}>
      <Alert type="info" showIcon title={t('closes.closeHint')} style={{ marginBottom: 12 }} />
      <DateItem name="through" label={t('closes.through')} extra={t('closes.throughHint')} rules={[{ validator: over }]} />
    </FormModal>
  );
}

/** What the last 结账 wrote: how many days (and how many of them do not balance), or that all were closed already. */
export function CloseOutcomeNotice({ outcome, onClose }: { outcome: CloseOutcome; onClose: () => void }) {
  const { t } = useI18n();
  const { written, through } = outcome;
  const bad = written.filter((c) => c.status === 'DISCREPANCY').length;
  const title = !written.length
    ? t('closes.nothingToClose', { through })
    : t(bad ? 'closes.closedWithDiscrepancies' : 'closes.closed', { count: written.length, first: written[0].day, last: written[written.length - 1].day, bad });
  return <Alert type={bad ? 'warning' : written.length ? 'success' : 'info'} showIcon closable={{ onClose }} title={title} style={{ marginBottom: 12 }} data-testid="closes-result" />;
}
