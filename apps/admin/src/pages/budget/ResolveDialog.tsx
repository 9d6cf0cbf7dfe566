import type { PostingView, UnmatchedPostingView } from '@cws/budget-contracts';
import { Descriptions, Form } from 'antd';
import { POSTING_QUERIES, usePostingWrites, type AllocationFilter } from '../../api/postings';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { FormModal, useRequired } from '../../layout/FormModal';
import { thousands } from '../../lib/format';
import { AllocationPicker } from './AllocationPicker';
import { OverspendNotice, useOverridableDialog, useOverspend } from './Overspend';

/** A parked amount as received: with separators when it is a decimal, else as the source sent it (a malformed one may not be). */
export const amountText = (a: string | null) => (a === null ? '-' : /^-?\d+(\.\d+)?$/.test(a) ? thousands(a) : a);

interface Values {
  allocationId: string;
  override?: { reason?: string };
}

/** The resolve dialog's state (`open(parked)`; keys per opening as useOverridableDialog says). */
export function useResolveDialog() {
  const { t } = useI18n();
  const writes = usePostingWrites();
  return useOverridableDialog<Values, PostingView, UnmatchedPostingView>(
    (v, u, override, key) => writes.resolve(u.id, { allocationId: v.allocationId, override }, key),
    { invalidate: POSTING_QUERIES, success: t('unmatched.resolved') },
  );
}

/** The candidates of a parked cost: allocations of its year, funder, stream and place, as far as the cost names them. */
export function candidatesOf(u: UnmatchedPostingView): AllocationFilter {
  return {
    fiscalYear: u.fiscalYear ?? undefined,
    funder: u.funder ?? undefined,
    stream: u.stream ?? undefined,
    street: u.streetCode ?? undefined,
    community: u.communityCode ?? undefined,
  };
}

/** 记入分配: books a parked cost on a chosen allocation; an overspend as in PostingDialog (CITY_ADMIN may override). */
export function ResolveDialog({ dialog }: { dialog: ReturnType<typeof useResolveDialog> }) {
  const { t } = useI18n();
  const required = useRequired();
  const u = dialog.subject;
  const over = useOverspend(dialog.action.error, dialog.modal.open);
  return (
    <FormModal {...dialog.modal} width={720} title={t('unmatched.resolveTitle', { id: u?.id ?? '' })} testId="resolve-form">
      {u && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('unmatched.col.reason')}>{t(`unmatched.reason.${u.reason}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('unmatched.col.amount')}>{amountText(u.amount)}</Descriptions.Item>
          <Descriptions.Item label={t('unmatched.col.source')}>{`${u.source} · ${u.sourceRef}`}</Descriptions.Item>
        </Descriptions>
      )}
      <Form.Item name="allocationId" label={t('postings.col.allocation')} rules={required} extra={t('picker.fixed')}>
        <AllocationPicker testId="resolve-allocation" fixed={u ? candidatesOf(u) : {}} />
      </Form.Item>
      <OverspendNotice {...over} />
    </FormModal>
  );
}
