import type { ElectionView, ElectionWithdrawalView } from '@cws/workers-contracts';
import { Alert, Button, Form, Input, Typography, type FormRule } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/errors';
import { useElectionWrites, WITHDRAWAL_QUERIES, type TaggedElection } from '../../api/elections';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useErrors } from '../../i18n/useErrors';
import { FormModal } from '../../layout/FormModal';
import { StaleNotice } from '../../layout/PageState';
import { useElectionDialog } from './useElectionDialog';

interface Values {
  reason?: string;
}

/** The refusals that name, in `electionIds`, the elections to withdraw first (the latest act on a term goes first). */
const FIRST_CODES = new Set(['ELECTION_HAS_BY_ELECTIONS', 'ELECTION_SUPERSEDED']);

/** The elections a refusal says must be withdrawn first (none for any other error). */
export function electionsToWithdrawFirst(err: unknown): number[] {
  if (!(err instanceof ApiError) || !FIRST_CODES.has(err.code) || !Array.isArray(err.body.electionIds)) return [];
  return err.body.electionIds.filter((id): id is number => typeof id === 'number');
}

/**
 * 撤销登记: withdraws an election recorded in error (POST elections/:id/withdraw { reason }) under the ETag it was
 * read with. What it did (`outcome`) stays for the drawer to show until dismissed or the dialog opens again.
 */
export function useWithdrawElection() {
  const { t } = useI18n();
  const writes = useElectionWrites();
  const [outcome, setOutcome] = useState<ElectionWithdrawalView | null>(null);
  const dialog = useElectionDialog(
    (v: Values, { body: e, etag }: TaggedElection) => writes.withdraw(e.id, (v.reason ?? '').trim(), etag),
    { invalidate: WITHDRAWAL_QUERIES, success: t('elections.withdrawn'), onDone: (result) => setOutcome(result) },
  );
  /** An outcome left from an earlier withdrawal is dropped too. */
  const open = (tagged: TaggedElection) => {
    setOutcome(null);
    dialog.open(tagged);
  };
  return { ...dialog, open, outcome, dismiss: () => setOutcome(null) };
}

/**
 * The confirmation: what withdrawing does, in plain words, and the reason (2–300 characters, as the service's DTO).
 * A 412 shows the stale notice; 重新载入 reads the record again and keeps the reason typed (a record withdrawn
 * meanwhile closes the dialog). A refusal naming elections to withdraw first offers to open each (`onOpenElection`).
 */
export function WithdrawElectionDialog({
  dialog,
  onReload,
  onOpenElection,
}: {
  dialog: ReturnType<typeof useWithdrawElection>;
  onReload: () => Promise<TaggedElection | undefined>;
  onOpenElection: (id: number) => void;
}) {
  const { t } = useI18n();
  const tagged = dialog.subject;
  if (!tagged) return null;
  const e = tagged.body;
  const reasonRule: FormRule = {
    validator: async (_, v?: string) => {
      const n = (v ?? '').trim().length;
      if (n < 2 || n > 300) throw new Error(t('elections.withdrawReasonLength'));
    },
  };
  return (
    <FormModal<Values> {...dialog.modal} title={t('elections.withdrawTitle', { id: e.id })} okText={t('elections.withdrawOk')} testId="election-withdraw-form" width={640}>
      {/* not keyed by the ETag (as 更正 is): a fresh read keeps the reason typed; one withdrawn meanwhile closes the dialog */}
      <StaleNotice error={dialog.action.error} onReload={() => void dialog.reopen(onReload, (fresh) => fresh.withdrawn !== null)} testId="election-withdraw-stale" />
      <WithdrawFirstNotice error={dialog.action.error} onOpenElection={onOpenElection} />
      <Alert type="warning" showIcon title={t('elections.withdrawIntro')} description={<WhatHappens e={e} />} style={{ marginBottom: 12 }} data-testid="election-withdraw-what" />
      <Form.Item name="reason" label={t('elections.withdrawReason')} extra={t('elections.withdrawReasonHint')} rules={[reasonRule]}>
        <Input.TextArea rows={3} maxLength={300} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** The posts it voids (each winner's), whether a re-election's ended posts run on, the band changes undone. */
function WhatHappens({ e }: { e: ElectionView }) {
  const { t } = useI18n();
  return (
    <ul style={{ paddingInlineStart: 20, margin: 0 }}>
      <li>
        {t('elections.withdrawVoids', { n: e.results.length })}
        <div data-testid="election-withdraw-posts">
          {e.results.map((r) => `${r.workerName}（${t(`enum.role.${r.role}` as MessageKey)}）${r.appointmentId === null ? '' : ` #${r.appointmentId}`}`).join('、')}
        </div>
      </li>
      {e.kind === 'REGULAR' && <li>{t('elections.withdrawReopens')}</li>}
      <li>{t('elections.withdrawBands')}</li>
      <li>{t('elections.withdrawFinal')}</li>
    </ul>
  );
}

/** ELECTION_HAS_BY_ELECTIONS / ELECTION_SUPERSEDED: the code's text and the elections to withdraw first, each opening in the drawer. */
function WithdrawFirstNotice({ error, onOpenElection }: { error: unknown; onOpenElection: (id: number) => void }) {
  const { t } = useI18n();
  const errors = useErrors();
  const ids = electionsToWithdrawFirst(error);
  if (!ids.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={errors.text(error)}
      style={{ marginBottom: 12 }}
      data-testid="election-withdraw-first"
      description={
        <>
          {t('elections.withdrawFirst')}
          {ids.map((id) => (
            <Button key={id} type="link" size="small" onClick={() => onOpenElection(id)} data-testid={`election-withdraw-first-${id}`}>
              #{id}
            </Button>
          ))}
        </>
      }
    />
  );
}

/**
 * What a withdrawal did: posts voided and reopened, band changes undone — and, as a warning, the workers whose grade
 * must be set by hand (each opens the worker) and the posts that could not be reopened from the record.
 */
export function WithdrawalOutcome({ outcome, onClose }: { outcome: ElectionWithdrawalView; onClose: () => void }) {
  const { t } = useI18n();
  const names = new Map(outcome.election.results.map((r) => [r.workerId, r.workerName]));
  const { gradesToReview, appointmentsToReview } = outcome;
  const review = gradesToReview.length > 0 || appointmentsToReview.length > 0;
  const title = t('elections.withdrawDone', { voided: outcome.voidedAppointments.length, reopened: outcome.reopenedAppointments.length, restored: outcome.gradesRestored.length, events: outcome.voidedEvents.length });
  const description = review && (
    <>
      {gradesToReview.length > 0 && (
        <div data-testid="withdrawal-grades-to-review">
          <Typography.Text strong>{t('elections.gradesToReview')}</Typography.Text>{' '}
          {gradesToReview.map((id, i) => (
            <span key={id}>
              {i > 0 && '、'}
              <Link to={`/workers/${id}`}>{names.get(id) ?? `#${id}`}</Link>
            </span>
          ))}
        </div>
      )}
      {appointmentsToReview.length > 0 && (
        <div data-testid="withdrawal-posts-to-review">
          <Typography.Text strong>{t('elections.appointmentsToReview')}</Typography.Text> {appointmentsToReview.map((id) => `#${id}`).join('、')}
        </div>
      )}
    </>
  );
  return <Alert type={review ? 'warning' : 'success'} showIcon closable={{ onClose }} title={title} description={description} style={{ marginBottom: 12 }} data-testid="election-withdrawal-result" />;
}
