import { METHODS_BY_BODY, type ElectionMethod, type ElectionView } from '@cws/workers-contracts';
import { Alert, Form, Input, InputNumber, Select, Typography, type FormRule } from 'antd';
import { ApiError } from '../../api/errors';
import { ELECTION_QUERIES, useElectionWrites, type ElectionCorrection, type TaggedElection } from '../../api/elections';
import { codeText } from '../../i18n/errors';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { FormModal, useRequired } from '../../layout/FormModal';
import { StaleNotice } from '../../layout/PageState';
import { useElectionDialog } from './useElectionDialog';
import { VoteCountItems } from './VoteCountItems';

/** The form: the method, the counts, each winner's votes in the election's order of winners, the note. */
export interface CorrectionValues {
  method?: ElectionMethod | null;
  eligibleVoters?: number | null;
  votesCast?: number | null;
  results?: Array<{ votes?: number | null }>;
  note?: string;
}

type Name = string | Array<string | number>;

const filled = (v: unknown) => v !== undefined && v !== null && v !== '';

/** The form's values from the record (a back-filled one's nulls left empty). */
export function correctionValues(e: ElectionView): CorrectionValues {
  return {
    method: e.method ?? undefined,
    eligibleVoters: e.eligibleVoters ?? undefined,
    votesCast: e.votesCast ?? undefined,
    results: e.results.map((r) => ({ votes: r.votes ?? undefined })),
    note: e.note ?? '',
  };
}

/** The PATCH body: only what differs from the record; a winner's votes by worker; a note emptied is null (cleared). */
export function correctionBody(e: ElectionView, v: CorrectionValues): ElectionCorrection {
  const body: ElectionCorrection = {};
  if (filled(v.method) && v.method !== e.method) body.method = v.method!;
  if (filled(v.eligibleVoters) && v.eligibleVoters !== e.eligibleVoters) body.eligibleVoters = v.eligibleVoters!;
  if (filled(v.votesCast) && v.votesCast !== e.votesCast) body.votesCast = v.votesCast!;
  const results = e.results.flatMap((r, k) => {
    const votes = v.results?.[k]?.votes;
    return filled(votes) && votes !== r.votes ? [{ workerId: r.workerId, votes: votes! }] : [];
  });
  if (results.length) body.results = results;
  const note = v.note?.trim() || null;
  if (note !== e.note) body.note = note;
  return body;
}

/**
 * The service names a winner by its place in the `results` sent (only the changed ones), the form by its place
 * among the election's winners: `results[i].votes` / `.workerId` go to that winner's votes field, a bare `results`
 * (VOTES_INCOMPLETE: a winner's votes missing) to the first winner left empty.
 */
export function onFormFields(err: unknown, e: ElectionView, sent: ElectionCorrection, v: CorrectionValues): unknown {
  if (!(err instanceof ApiError) || !err.details.length) return err;
  const details = err.details.map((d) => {
    const at = /^results\[(\d+)\]\.(votes|workerId)$/.exec(d.path);
    if (at) {
      const k = e.results.findIndex((r) => r.workerId === sent.results?.[Number(at[1])]?.workerId);
      return k >= 0 ? { ...d, path: `results[${k}].votes` } : d;
    }
    if (d.path === 'results') return { ...d, path: `results[${Math.max(0, e.results.findIndex((_, k) => !filled(v.results?.[k]?.votes)))}].votes` };
    return d;
  });
  return new ApiError(err.status, err.code, err.message, details, err.retryAfter, err.body);
}

/**
 * 更正: corrects what an election record says beside who it elected (PATCH elections/:id), under the ETag it was
 * read with. Nothing changed is said before anything is sent (the service's NOTHING_TO_CORRECT); refusals land
 * on their fields; a record changed meanwhile (412) shows the stale notice.
 */
export function useCorrectElection() {
  const { t } = useI18n();
  const writes = useElectionWrites();
  return useElectionDialog(
    async (v: CorrectionValues, { body: e, etag }: TaggedElection) => {
      const body = correctionBody(e, v);
      if (!Object.keys(body).length) throw new ApiError(400, 'NOTHING_TO_CORRECT', 'nothing changed', [{ path: 'body', issue: 'nothing changed' }]);
      try {
        return await writes.correct(e.id, body, etag);
      } catch (err) {
        throw onFormFields(err, e, body, v);
      }
    },
    { invalidate: ELECTION_QUERIES, success: t('elections.corrected') },
  );
}

/** `onReload`: reads the record again and answers it (with its new ETag), the form starts again from it. */
export function CorrectElectionDialog({ dialog, onReload }: { dialog: ReturnType<typeof useCorrectElection>; onReload: () => Promise<TaggedElection | undefined> }) {
  const { t } = useI18n();
  const tagged = dialog.subject;
  if (!tagged) return null;
  const e = tagged.body;
  return (
    // a reload brings a new ETag: the form mounts again on the stored record
    <FormModal<CorrectionValues> key={tagged.etag ?? ''} {...dialog.modal} title={t('elections.correct')} initialValues={correctionValues(e)} testId="election-correct-form" width={640}>
      <StaleNotice error={dialog.action.error} onReload={() => void dialog.reopen(onReload)} testId="election-correct-stale" />
      {e.backfilled && (
        <Alert type="info" showIcon title={t('elections.correctBackfilled')} description={t('elections.correctBackfilledHint')} style={{ marginBottom: 12 }} data-testid="election-correct-backfilled" />
      )}
      <Typography.Paragraph type="secondary">{t('elections.correctHint')}</Typography.Paragraph>
      <CorrectionFields e={e} />
    </FormModal>
  );
}

/**
 * The fields, checked as the create form checks them (votes cast ≤ voters; here also a winner's votes ≤ votes cast).
 * A record whose counts are on file keeps them (the service takes no null count); one missing any (back-filled)
 * is completed in one go: once the method or any count is filled, all of them are needed.
 */
function CorrectionFields({ e }: { e: ElectionView }) {
  const { t, locale } = useI18n();
  const options = useEnumOptions();
  const required = useRequired();
  const form = Form.useFormInstance(); // untyped: fields are named by paths built here
  const methods = METHODS_BY_BODY[e.bodyKind as 'PARTY' | 'COMMITTEE'] ?? [];
  const incomplete = e.method === null || e.eligibleVoters === null || e.votesCast === null || e.results.some((r) => r.votes === null);
  const names: Name[] = ['method', 'eligibleVoters', 'votesCast', ...e.results.map((_, k): Name => ['results', k, 'votes'])];
  const others = (self: Name) => (incomplete ? names.filter((n) => String(n) !== String(self)) : []);
  /** On a complete record: required. On an incomplete one: needed once any other of them is filled. */
  const needed = (self: Name): FormRule[] =>
    incomplete
      ? [{
          validator: async (_, v: unknown) => {
            if (!filled(v) && others(self).some((n) => filled(form.getFieldValue(n)))) throw new Error(t('elections.correctAllTogether'));
          },
        }]
      : required;
  const atMost = (field: string, message: string): FormRule => ({
    validator: async (_, v?: number | null) => {
      const limit = form.getFieldValue(field) as number | null | undefined;
      if (filled(v) && filled(limit) && v! > limit!) throw new Error(message);
    },
  });
  return (
    <>
      <Form.Item name="method" label={t('elections.method')} rules={needed('method')} dependencies={others('method')}>
        <Select style={{ width: 280 }} allowClear={incomplete} options={options(methods, 'elections.method')} />
      </Form.Item>
      <VoteCountItems votersRules={needed('eligibleVoters')} votersDependencies={others('eligibleVoters')} castRules={needed('votesCast')} castDependencies={others('votesCast')} />
      <div data-testid="election-correct-results">
        {e.results.map((r, k) => (
          <Form.Item
            key={r.workerId}
            name={['results', k, 'votes']}
            label={t('elections.votesOf', { name: r.workerName, role: t(`enum.role.${r.role}` as MessageKey) })}
            dependencies={[...others(['results', k, 'votes']), 'votesCast']}
            rules={[...needed(['results', k, 'votes']), atMost('votesCast', codeText(locale, 'VOTES_EXCEED_BALLOTS'))]}
          >
            <InputNumber min={0} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ))}
      </div>
      <Form.Item name="note" label={t('elections.note')} extra={t('elections.noteClearHint')}>
        <Input maxLength={300} />
      </Form.Item>
    </>
  );
}
