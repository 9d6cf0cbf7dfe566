import type { ElectionView } from '@cws/workers-contracts';
import { Button, Descriptions, Drawer, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useElection } from '../../api/elections';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';
import { CorrectElectionDialog, useCorrectElection } from './CorrectElectionDialog';

type Result = ElectionView['results'][number];

/**
 * One election: the community, date, term, counts, and the posts it filled with the winners (each opens the worker).
 * Read with its ETag; those who may record elections (`canCorrect`) correct it from here (更正).
 */
export function ElectionDrawer({ id, communityName, canCorrect, onClose }: { id: number | null; communityName: (code: string) => string; canCorrect: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const election = useElection(id);
  const correct = useCorrectElection();
  const tagged = election.data;
  const e = tagged?.body;
  const tools = canCorrect && tagged && (
    <Button onClick={() => correct.open(tagged)} data-testid="election-correct">
      {t('elections.correct')}
    </Button>
  );
  return (
    <Drawer open={id !== null} onClose={onClose} title={t('elections.detail')} size={640} destroyOnHidden data-testid="election-drawer" loading={election.isPending} extra={tools}>
      {election.error ? <QueryError error={election.error} /> : null}
      {e && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('elections.community')}>{communityName(e.communityCode)}</Descriptions.Item>
            <Descriptions.Item label={t('elections.body')}>{t(`org.body.${e.bodyKind}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('elections.kind')}>
              {t(`elections.kind.${e.kind}` as MessageKey)}
              {e.regularElectionId !== null && ` · ${t('elections.regularElection')} #${e.regularElectionId}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('elections.method')}>
              {e.method ? t(`elections.method.${e.method}` as MessageKey) : <Tag title={t('elections.backfilledHint')}>{t('elections.backfilled')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('elections.date')}>{e.electionDate}</Descriptions.Item>
            <Descriptions.Item label={t('elections.term')}>{`${e.termStart} – ${e.termEnd} (${e.termYears})`}</Descriptions.Item>
            <Descriptions.Item label={t('elections.eligibleVoters')}>{e.eligibleVoters ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('elections.votesCast')}>{e.votesCast ?? '—'}</Descriptions.Item>
            {e.note && <Descriptions.Item label={t('elections.note')}>{e.note}</Descriptions.Item>}
          </Descriptions>
          <Table<Result>
            style={{ marginTop: 16 }}
            size="small"
            rowKey={(r) => `${r.workerId}-${r.role}`}
            pagination={false}
            dataSource={e.results}
            data-testid="election-results"
            columns={[
              { title: t('elections.role'), dataIndex: 'role', render: (r: string) => t(`enum.role.${r}` as MessageKey) },
              { title: t('elections.worker'), dataIndex: 'workerName', render: (name: string, r) => <Link to={`/workers/${r.workerId}`}>{name}</Link> },
              { title: t('elections.votes'), dataIndex: 'votes', render: (v: number | null) => v ?? '—' },
              { title: t('elections.appointment'), dataIndex: 'appointmentId', render: (v: number | null) => (v === null ? '—' : `#${v}`) },
            ]}
          />
        </>
      )}
      {canCorrect && <CorrectElectionDialog dialog={correct} onReload={async () => (await election.refetch()).data} />}
    </Drawer>
  );
}
