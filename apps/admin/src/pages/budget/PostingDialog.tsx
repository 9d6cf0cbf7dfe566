import type { PostingView } from '@cws/budget-contracts';
import { Form, Input, Select } from 'antd';
import { POSTING_QUERIES, useCommitments, usePostingWrites, type NewPosting } from '../../api/postings';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { FormModal, useAmountRules, useRequired } from '../../layout/FormModal';
import { moneyString, thousands } from '../../lib/format';
import { AllocationPicker } from './AllocationPicker';
import { OverspendNotice, useOverridableDialog, useOverspend } from './Overspend';

/** Spending categories offered (the API takes any code of A–Z, 0–9 and _). */
export const CATEGORIES = ['OFFICE', 'ACTIVITY', 'SERVICE', 'SUBSIDY', 'EQUIPMENT', 'OTHER'] as const;

type Kind = 'commitments' | 'expenditures';
interface Values {
  allocationId: string;
  amount: string;
  category: string;
  description: string;
  sourceRef?: string;
  commitmentId?: string;
  override?: { reason?: string };
}

/** The commitment / expenditure dialog's state (`open(kind)`; keys per opening as useOverridableDialog says). */
export function usePostingDialog() {
  const { t } = useI18n();
  const writes = usePostingWrites();
  return useOverridableDialog<Values, PostingView, Kind>(
    (v, kind, override, key) => {
      const body: NewPosting = {
        amount: moneyString(v.amount),
        category: v.category,
        description: v.description.trim(),
        source: 'MANUAL',
        sourceRef: v.sourceRef?.trim() || undefined,
        commitmentId: kind === 'expenditures' ? v.commitmentId : undefined,
        override,
      };
      return writes.post(kind, v.allocationId, body, key);
    },
    { invalidate: POSTING_QUERIES, success: t('postings.booked') },
  );
}

/** 新增承诺 / 登记支出 on a chosen allocation; an overspend is refused unless a CITY_ADMIN overrides it with a reason. */
export function PostingDialog({ dialog }: { dialog: ReturnType<typeof usePostingDialog> }) {
  const { t } = useI18n();
  const required = useRequired();
  const amountRules = useAmountRules();
  const kind = dialog.subject === null ? undefined : dialog.subject;
  const over = useOverspend(dialog.action.error, dialog.modal.open);
  const allocationId = Form.useWatch('allocationId', dialog.form);
  const commitments = useCommitments(kind === 'expenditures' ? allocationId : undefined);

  return (
    <FormModal
      {...dialog.modal}
      width={720}
      title={t(kind === 'commitments' ? 'postings.newCommitment' : 'postings.newExpenditure')}
      initialValues={{ category: 'OFFICE' }}
      testId="posting-form"
    >
      <Form.Item name="allocationId" label={t('postings.col.allocation')} rules={required}>
        <AllocationPicker testId="posting-allocation" onAllocation={() => dialog.form.setFieldValue('commitmentId', undefined)} />
      </Form.Item>
      {kind === 'expenditures' && (
        <Form.Item name="commitmentId" label={t('postings.col.commitment')} extra={t('postings.commitmentHint')}>
          <Select
            allowClear
            disabled={!allocationId}
            loading={commitments.isFetching}
            options={(commitments.data?.items ?? []).map((c) => ({
              value: c.id,
              label: t('postings.commitmentOption', { id: c.id, description: c.description ?? '', amount: thousands(c.amount), settled: thousands(c.settled) }),
            }))}
            data-testid="posting-commitment"
          />
        </Form.Item>
      )}
      <Form.Item name="amount" label={t('postings.col.amount')} rules={amountRules}>
        <Input inputMode="decimal" data-testid="posting-amount" />
      </Form.Item>
      <Form.Item name="category" label={t('postings.col.category')} rules={required}>
        <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`postings.category.${c}` as MessageKey) }))} data-testid="posting-category" />
      </Form.Item>
      <Form.Item name="description" label={t('postings.col.description')} rules={[...required, { max: 500 }]}>
        <Input maxLength={500} data-testid="posting-description" />
      </Form.Item>
      <Form.Item name="sourceRef" label={t('postings.col.sourceRef')}>
        <Input maxLength={100} data-testid="posting-source-ref" />
      </Form.Item>
      <OverspendNotice {...over} />
    </FormModal>
  );
}
