import type { ElectionView } from '@cws/workers-contracts';
import { Alert, Button, Descriptions, Drawer, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useElection } from '../../api/elections';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';
import { dateTime } from '../../lib/format';
import { CorrectElectionDialog, useCorrectElection } from './CorrectElectionDialog';
import { useWithdrawElection, WithdrawalOutcome, WithdrawElectionDialog } from './WithdrawElectionDialog';

type Result = ElectionView['results'][number];

/**
 * One election: the community, date, term, counts, and the posts it filled with the winners (each opens the worker);
 * a withdrawn one says who withdrew it, when and why, and its posts read as voided. Read with its ETag; those who
 * may record elections (`canWrite`) correct it (更正) and withdraw one recorded in error (撤销登记) from here;
 * `onOpen` opens another election (one a withdrawal must wait for).
 */
export function ElectionDrawer({ id, communityName, canWrite, onOpen, onClose }: {
  id: number | null;
  communityName: (code: string) => string;
  canWrite: boolean;
  onOpen: (id: number) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const election = useElection(id);
  const correct = useCorrectElection();
  const withdraw = useWithdrawElection();
  const tagged = election.data;
  const e = tagged?.body;
  const reload = async () => (await election.refetch()).data;
  const tools = canWrite && tagged && (
    <Space>
      {!tagged.body.withdrawn && (
        <>
          <Button onClick={() => correct.open(tagged)} data-testid="election-correct">
            {t('elections.correct')}
          </Button>
          <Button danger onClick={() => withdraw.open(tagged)} data-testid="election-withdraw">
            {t('elections.withdraw')}
          </Button>
        </>
      )}
    </Space>
  );
  const close = () => {
    withdraw.dismiss();
    onClose();
  };
  return (
    <Drawer open={id !== null} onClose={close} title={t('elections.detail')} size={640} destroyOnHidden data-testid="election-drawer" loading={election.isPending} extra={tools}>
      {election.error ? <QueryError error={election.error} /> : null}
      {withdraw.outcome?.election.id === id && <WithdrawalOutcome outcome={withdraw.outcome} onClose={withdraw.dismiss} />}
      {e?.withdrawn && (
        <Alert
          type="error"
          showIcon
          title={t('elections.withdrawnBy', { name: e.withdrawn.byName, at: dateTime(e.withdrawn.at) })}
          description={
            <>
              <div>{t('elections.withdrawnReason', { reason: e.withdrawn.reason })}</div>
              <div>{t('elections.withdrawnHint')}</div>
            </>
          }
          style={{ marginBottom: 12 }}
          data-testid="election-withdrawn"
        />
      )}
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
              {
                title: t('elections.appointment'),
                dataIndex: 'appointmentId',
                render: (v: number | null) => (v === null ? '—' : <>{`#${v}`}{e.withdrawn && <Tag color="red" style={{ marginLeft: 8 }}>{t('workers.postVoided')}</Tag>}</>),
              },
            ]}
          />
        </>
      )}
      {canWrite && <CorrectElectionDialog dialog={correct} onReload={reload} />}
      {canWrite && (
        <WithdrawElectionDialog
          dialog={withdraw}
          onReload={reload}
          onOpenElection={(other) => {
            withdraw.close();
            onOpen(other);
          }}
        />
      )}
    </Drawer>
  );
}
