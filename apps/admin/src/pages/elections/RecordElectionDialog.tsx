import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ELECTED_BODIES, ELECTION_KINDS, METHODS_BY_BODY, ROLES_BY_BODY, type BodyKind, type ElectionView } from '@cws/workers-contracts';
import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { useElectionWrites, type NewElection } from '../../api/elections';
import { codeText } from '../../i18n/errors';
import { useI18n } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { DateItem, FormModal, todayIso, useFormDialog, useRequired } from '../../layout/FormModal';
import { CommunitySelect } from '../workers/WorkerFormModals';
import { VoteCountItems } from './VoteCountItems';
import { WorkerSelect } from './WorkerSelect';

type Values = Omit<NewElection, 'results'> & { results: Array<{ workerId?: number; role?: string; votes?: number; primary?: boolean }> };

/** The POST body from the form: empty optionals left out; term years only for a regular election (a by-election keeps the term). */
export function electionBody(v: Values): NewElection {
  return {
    communityCode: v.communityCode,
    bodyKind: v.bodyKind,
    kind: v.kind,
    method: v.method,
    electionDate: v.electionDate,
    ...(v.termStart ? { termStart: v.termStart } : {}),
    ...(v.kind === 'REGULAR' && v.termYears ? { termYears: v.termYears } : {}),
    eligibleVoters: v.eligibleVoters,
    votesCast: v.votesCast,
    results: v.results.map((r) => ({ workerId: r.workerId!, role: r.role as NewElection['results'][number]['role'], votes: r.votes!, ...(r.primary ? { primary: true } : {}) })),
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
  };
}

/** 登记选举: the election, its counts and the winners (workers of the chosen community); refusals land on their fields. */
export function useRecordElection(onDone: (e: ElectionView) => void) {
  const { t } = useI18n();
  const writes = useElectionWrites();
  return useFormDialog((v: Values) => writes.record(electionBody(v)), { invalidate: [['elections'], ['one-shoulder']], success: t('elections.recorded'), onDone });
}

export function RecordElectionDialog({ dialog }: { dialog: ReturnType<typeof useRecordElection> }) {
  const { t, locale } = useI18n();
  const options = useEnumOptions();
  const required = useRequired();
  const form = dialog.form;
  const community = Form.useWatch('communityCode', form);
  const body = (Form.useWatch('bodyKind', form) ?? 'PARTY') as 'PARTY' | 'COMMITTEE';
  const kind = Form.useWatch('kind', form);
  const initial: Partial<Values> = { bodyKind: 'PARTY', kind: 'REGULAR', method: 'PUBLIC_NOMINATION_DIRECT', electionDate: todayIso(), termYears: 5, results: [{}] };
  return (
    <FormModal<Values> {...dialog.modal} title={t('elections.record')} initialValues={initial} testId="election-form" width={720}>
      <Form.Item name="communityCode" label={t('elections.community')} rules={required}>
        <CommunitySelect />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="bodyKind" label={t('elections.body')} rules={required}>
          <Select
            style={{ width: 180 }}
            options={options(ELECTED_BODIES, 'org.body')}
            onChange={(b: BodyKind) => form.setFieldsValue({ method: METHODS_BY_BODY[b as 'PARTY' | 'COMMITTEE'][0], results: form.getFieldValue('results').map((r: object) => ({ ...r, role: undefined })) })}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('elections.kind')} rules={required}>
          <Select style={{ width: 160 }} options={options(ELECTION_KINDS, 'elections.kind')} />
        </Form.Item>
        <Form.Item name="method" label={t('elections.method')} rules={required}>
          <Select style={{ width: 280 }} options={options(METHODS_BY_BODY[body], 'elections.method')} />
        </Form.Item>
      </Space>
      <Space wrap align="start">
        <DateItem name="electionDate" label={t('elections.date')} required />
        <DateItem
          name="termStart"
          label={t('elections.termStart')}
          extra={t('elections.termStartHint')}
          rules={[{ validator: async (_, v?: string) => { if (v && v < form.getFieldValue('electionDate')) throw new Error(codeText(locale, 'TERM_STARTS_BEFORE_ELECTION')); } }]}
        />
        {kind === 'REGULAR' && (
          <Form.Item name="termYears" label={t('elections.termYears')} extra={t('elections.termYearsHint')}>
            <InputNumber min={1} max={5} precision={0} />
          </Form.Item>
        )}
      </Space>
      <VoteCountItems votersRules={required} castRules={required} />
      <ResultRows community={community} body={body} />
      <Form.Item name="note" label={t('elections.note')}>
        <Input maxLength={300} />
      </Form.Item>
    </FormModal>
  );
}

/** The winners: each a worker of the community, a role of the body, the votes, and whether the post is their primary one. */
function ResultRows({ community, body }: { community: string | undefined; body: 'PARTY' | 'COMMITTEE' }) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const required = useRequired();
  return (
    <Form.List name="results">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap data-testid={`election-result-${f.name}`}>
              <Form.Item name={[f.name, 'workerId']} label={t('elections.worker')} rules={required}>
                <WorkerSelect community={community} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'role']} label={t('elections.role')} rules={required}>
                <Select style={{ width: 120 }} options={options(ROLES_BY_BODY[body], 'enum.role')} />
              </Form.Item>
              <Form.Item name={[f.name, 'votes']} label={t('elections.votes')} rules={required}>
                <InputNumber min={0} precision={0} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'primary']} label={t('elections.primary')} valuePropName="checked">
                <Checkbox />
              </Form.Item>
              {fields.length > 1 && (
                <Form.Item label=" ">
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('elections.removeResult')} />
                </Form.Item>
              )}
            </Space>
          ))}
          {fields.length < 15 && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="election-add-result" style={{ marginBottom: 16 }}>
              {t('elections.addResult')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
