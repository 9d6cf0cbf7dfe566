import { ELECTED_BODIES, type BodyKind, type ElectionView } from '@cws/workers-contracts';
import { Button, Select, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useElections } from '../../api/elections';
import { useCommunities } from '../../api/org';
import { useAuth } from '../../auth/AuthProvider';
import { HR_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { actionsColumn } from '../../layout/columns';
import { PageCard } from '../../layout/PageCard';
import { QueryTable } from '../../layout/QueryTable';
import { placeNamer } from '../../lib/places';
import { CommunitySelect } from '../workers/WorkerFormModals';
import { ElectionDrawer } from './ElectionDrawer';
import { OneShoulderTab } from './OneShoulderTab';
import { RecordElectionDialog, useRecordElection } from './RecordElectionDialog';

/**
 * 换届选举: the elections of the party organisations and residents' committees in scope (newest first),
 * filtered by community and body; one opens in a drawer. The HR roles record an election (the service's
 * WRITE_ROLES), and correct or withdraw one from its drawer (a withdrawn one is tagged 已撤销); the second tab is the 一肩挑 report read from the election records.
 */
export function ElectionsPage() {
  const { t } = useI18n();
  const options = useEnumOptions();
  const { hasRole } = useAuth();
  const canRecord = hasRole(...HR_ROLES);
  const [community, setCommunity] = useState<string>();
  const [bodyKind, setBodyKind] = useState<BodyKind>();
  const [openId, setOpenId] = useState<number | null>(null);
  const elections = useElections({ community, bodyKind });
  const communities = useCommunities({});
  const communityName = placeNamer(communities.data);
  const record = useRecordElection((e) => setOpenId(e.id));

  const list = (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <CommunitySelect id="electionCommunity" value={community} onChange={(v) => setCommunity(v || undefined)} style={{ width: 220 }} allowClear placeholder={t('elections.community')} />
        <Select<BodyKind>
          id="electionBody"
          allowClear
          placeholder={t('elections.allBodies')}
          style={{ width: 160 }}
          value={bodyKind}
          onChange={setBodyKind}
          options={options(ELECTED_BODIES, 'org.body')}
        />
      </Space>
      <QueryTable<ElectionView>
        query={elections}
        empty={t('elections.none')}
        data-testid="elections-table"
        columns={[
          { title: t('elections.date'), dataIndex: 'electionDate' },
          { title: t('elections.community'), dataIndex: 'communityCode', render: (c: string) => communityName(c) },
          { title: t('elections.body'), dataIndex: 'bodyKind', render: (b: string) => t(`org.body.${b}` as MessageKey) },
          {
            title: t('elections.kind'),
            render: (_, e) => (
              <>
                {t(`elections.kind.${e.kind}` as MessageKey)}
                {e.backfilled && <Tag style={{ marginLeft: 8 }} title={t('elections.backfilledHint')}>{t('elections.backfilled')}</Tag>}
                {e.withdrawn && (
                  <Tag color="red" style={{ marginLeft: 8 }} title={e.withdrawn.reason} data-testid={`election-withdrawn-${e.id}`}>
                    {t('elections.withdrawnTag')}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('elections.method'), dataIndex: 'method', render: (m: string | null) => (m ? t(`elections.method.${m}` as MessageKey) : '—') },
          { title: t('elections.term'), render: (_, e) => `${e.termStart} – ${e.termEnd}` },
          {
            title: t('elections.winners'),
            render: (_, e) => e.results.map((r, i) => (
              <span key={`${r.workerId}-${r.role}`}>
                {i > 0 && '、'}
                <Link to={`/workers/${r.workerId}`}>{r.workerName}</Link>（{t(`enum.role.${r.role}` as MessageKey)}）
              </span>
            )),
          },
          actionsColumn<ElectionView>(t, (e) => (
            <Button size="small" onClick={() => setOpenId(e.id)} data-testid={`election-open-${e.id}`}>
              {t('elections.view')}
            </Button>
          )),
        ]}
      />
    </>
  );

  return (
    <PageCard
      title={t('elections.title')}
      testId="elections-page"
      tools={canRecord && <Button type="primary" onClick={() => record.show()} data-testid="election-record">{t('elections.record')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('elections.hint')}</Typography.Paragraph>
      <Tabs
        items={[
          { key: 'list', label: t('elections.tab.list'), children: list },
          { key: 'oneShoulder', label: t('elections.tab.oneShoulder'), children: <OneShoulderTab communityName={communityName} /> },
        ]}
      />
      <ElectionDrawer id={openId} communityName={communityName} canWrite={canRecord} onOpen={setOpenId} onClose={() => setOpenId(null)} />
      {canRecord && <RecordElectionDialog dialog={record} />}
    </PageCard>
  );
}
