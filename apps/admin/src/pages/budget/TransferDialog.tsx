import type { AllocationView, PostingView } from '@cws/budget-contracts';
import { Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { useIdempotencyKeys } from '../../api/budget';
import { POSTING_QUERIES, usePostingWrites, type NewTransfer } from '../../api/postings';
import { useI18n } from '../../i18n/I18nProvider';
import { FormModal, useAmountRules, useFormDialog, useRequired } from '../../layout/FormModal';
import { moneyString, thousands } from '../../lib/format';
import { AllocationPicker } from './AllocationPicker';

/** The transfer dialog's state: one Idempotency-Key per opening. */
export function useTransferDialog() {
  const { t } = useI18n();
  const writes = usePostingWrites();
  const keys = useIdempotencyKeys();
  const dialog = useFormDialog<NewTransfer, PostingView>(
    (v) => writes.transfer({ ...v, amount: moneyString(v.amount), reason: v.reason.trim(), taskRef: v.taskRef.trim() }, keys.keyFor('transfer')),
    { invalidate: POSTING_QUERIES, success: t('postings.transferred') },
  );
  const open = () => {
    keys.renew('transfer');
    dialog.show();
  };
  return { ...dialog, open };
}

/**
 * 经费划转（费随事转）: allocated money follows a task to another allocation of the same funder and
 * year, so the "to" list is narrowed to the source's funder and year. The source must have the
 * amount available; transfers are never overridden (the service has no override for them).
 */
export function TransferDialog({ dialog }: { dialog: ReturnType<typeof useTransferDialog> }) {
  const { t } = useI18n();
  const required = useRequired();
  const amountRules = useAmountRules();
  const [from, setFrom] = useState<AllocationView | undefined>();
  const open = dialog.modal.open;
  // each opening starts without a source (the form's values are reset likewise)
  useEffect(() => {
    if (!open) setFrom(undefined);
  }, [open]);
  const reasonRules = [...required, { min: 2, max: 500, message: t('postings.reasonHint') }];

  return (
    <FormModal {...dialog.modal} width={720} title={t('postings.transfer')} testId="transfer-form">
      <Form.Item
        name="fromAllocationId"
        label={t('postings.from')}
        rules={required}
        extra={from && `${t('budget.col.available')}: ${thousands(from.available)}`}
      >
        <AllocationPicker
          testId="transfer-from"
          onAllocation={(a) => {
            setFrom(a);
            dialog.form.setFieldValue('toAllocationId', undefined);
          }}
        />
      </Form.Item>
      <Form.Item name="toAllocationId" label={t('postings.to')} rules={required} extra={t('postings.toHint')}>
        <AllocationPicker testId="transfer-to" disabled={!from} exclude={from?.id} fixed={from ? { fiscalYear: from.fiscalYear, funder: from.funder } : {}} />
      </Form.Item>
      <Form.Item name="amount" label={t('postings.col.amount')} rules={amountRules}>
        <Input inputMode="decimal" data-testid="transfer-amount" />
      </Form.Item>
      <Form.Item name="reason" label={t('postings.col.reason')} rules={reasonRules}>
        <Input.TextArea rows={2} maxLength={500} data-testid="transfer-reason" />
      </Form.Item>
      <Form.Item name="taskRef" label={t('postings.col.taskRef')} rules={[...required, { max: 100 }]}>
        <Input maxLength={100} data-testid="transfer-task-ref" />
      </Form.Item>
    </FormModal>
  );
}
