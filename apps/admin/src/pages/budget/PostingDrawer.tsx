import type { PostingView } from '@cws/budget-contracts';
import { Alert, Button, Descriptions, Drawer, Form, Input, Spin, Tag } from 'antd';
import { useIdempotencyKeys } from '../../api/budget';
import { POSTING_QUERIES, REVERSIBLE_KINDS, usePosting, usePostingWrites } from '../../api/postings';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { FormModal, useFormDialog, useRequired } from '../../layout/FormModal';
import { QueryError } from '../../layout/PageState';
import { dateTime, thousands } from '../../lib/format';
import { useBudgetNames } from './useBudgetNames';

export const KIND_COLORS: Record<string, string> = { COMMITMENT: 'blue', EXPENDITURE: 'default', REVERSAL: 'orange', TRANSFER: 'purple', REFUND: 'green' };

/**
 * One posting (`GET /postings/:id`) with every field, and 冲销 for writers on a commitment or an
 * expenditure that no loaded reversal already undoes (the service answers ALREADY_REVERSED otherwise).
 */
export function PostingDrawer({ id, onClose, canWrite, reversed }: { id: string | null; onClose: () => void; canWrite: boolean; reversed: ReadonlySet<string> }) {
  const { t } = useI18n();
  const names = useBudgetNames();
  const posting = usePosting(id);
  const reverse = useReverseDialog();
  const p = posting.data;
  const dash = (v: string | null) => v ?? '-';
  const canReverse = canWrite && !!p && REVERSIBLE_KINDS.includes(p.kind) && !reversed.has(p.id);

  return (
    <Drawer open={!!id} onClose={onClose} size={640} title={t('postings.detail', { id: id ?? '' })} destroyOnHidden data-testid="posting-drawer">
      {posting.isPending && <Spin />}
      {posting.error && <QueryError error={posting.error} />}
      {p && (
        <>
          <Descriptions size="small" bordered column={1}>
            <Descriptions.Item label={t('postings.col.kind')}>
              <Tag color={KIND_COLORS[p.kind]}>{t(`postings.kind.${p.kind}` as MessageKey)}</Tag>
              {reversed.has(p.id) && <Tag>{t('postings.reversedBy')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('postings.col.amount')}>{thousands(p.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('postings.col.allocation')}>{`#${p.allocationId} · ${p.fiscalYear} ${names.funder(p.funder)} ${names.stream(p.stream)}`}</Descriptions.Item>
            {p.counterAllocationId && <Descriptions.Item label={t('postings.col.counter')}>#{p.counterAllocationId}</Descriptions.Item>}
            <Descriptions.Item label={t('postings.col.place')}>{names.place(p.communityCode ?? p.streetCode ?? p.districtCode ?? '-')}</Descriptions.Item>
            <Descriptions.Item label={t('postings.col.category')}>{dash(p.category)}</Descriptions.Item>
            <Descriptions.Item label={t('postings.col.description')}>{dash(p.description)}</Descriptions.Item>
            <Descriptions.Item label={t('postings.col.source')}>{t(`postings.source.${p.source}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('postings.col.sourceRef')}>{dash(p.sourceRef)}</Descriptions.Item>
            {p.kind === 'COMMITMENT' && <Descriptions.Item label={t('postings.col.settled')}>{thousands(p.settled)}</Descriptions.Item>}
            {p.commitmentId && <Descriptions.Item label={t('postings.col.commitment')}>#{p.commitmentId}</Descriptions.Item>}
            {p.reversesId && <Descriptions.Item label={t('postings.col.reverses')}>#{p.reversesId}</Descriptions.Item>}
            {p.reason && <Descriptions.Item label={t('postings.col.reason')}>{p.reason}</Descriptions.Item>}
            {p.taskRef && <Descriptions.Item label={t('postings.col.taskRef')}>{p.taskRef}</Descriptions.Item>}
            {p.overrideReason && <Descriptions.Item label={t('postings.col.overrideReason')}>{p.overrideReason}</Descriptions.Item>}
            <Descriptions.Item label={t('postings.col.createdBy')}>{p.createdByName ?? p.createdBy}</Descriptions.Item>
            <Descriptions.Item label={t('postings.col.createdAt')}>{dateTime(p.createdAt)}</Descriptions.Item>
          </Descriptions>
          {canReverse && (
            <Button danger style={{ marginTop: 12 }} onClick={() => reverse.open(p)} data-testid="posting-reverse">
              {t('postings.reverse')}
            </Button>
          )}
          {canWrite && !REVERSIBLE_KINDS.includes(p.kind) && <Alert style={{ marginTop: 12 }} type="info" title={t('postings.notReversible')} />}
        </>
      )}
      <ReverseDialog dialog={reverse} />
    </Drawer>
  );
}

/** The reversal dialog's state: one Idempotency-Key per opening. */
function useReverseDialog() {
  const { t } = useI18n();
  const writes = usePostingWrites();
  const keys = useIdempotencyKeys();
  const dialog = useFormDialog<{ reason: string }, PostingView, PostingView>((v, p) => writes.reverse(p.id, v.reason.trim(), keys.keyFor('reverse')), {
    invalidate: POSTING_QUERIES,
    success: t('postings.reversed'),
  });
  const open = (p: PostingView) => {
    keys.renew('reverse');
    dialog.show(p);
  };
  return { ...dialog, open };
}

/** 冲销 asks first: what a reversal does, and its reason (2–500 characters, as ReversalDto). */
function ReverseDialog({ dialog }: { dialog: ReturnType<typeof useReverseDialog> }) {
  const { t } = useI18n();
  const required = useRequired();
  const p = dialog.subject;
  return (
    <FormModal {...dialog.modal} title={t('postings.reverseTitle', { id: p?.id ?? '' })} okText={t('postings.reverse')} testId="reverse-form">
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('postings.reverseWarning')} />
      <Form.Item name="reason" label={t('postings.col.reason')} rules={[...required, { min: 2, max: 500, message: t('postings.reasonHint') }]}>
        <Input.TextArea rows={2} maxLength={500} data-testid="reverse-reason" />
      </Form.Item>
    </FormModal>
  );
}
