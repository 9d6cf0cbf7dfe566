import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useWorker, useWorkerPii } from '../../api/workers';
import { useAuth } from '../../auth/AuthProvider';
import { canSee } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';

type Row = Record<string, unknown>;

/** A table of whatever columns the rows carry (the detail sub-lists are still settling). */
function GenericTable({ rows, testId }: { rows: Row[] | undefined; testId: string }) {
  const list = rows ?? [];
  const keys = [...new Set(list.flatMap((r) => Object.keys(r)))].filter((k) => k !== 'workerId');
  return (
    <Table<Row>
      size="small"
      rowKey={(r, i) => String(r.id ?? i)}
      dataSource={list}
      pagination={false}
      scroll={{ x: true }}
      data-testid={testId}
      columns={keys.map((k) => ({
        title: k,
        dataIndex: k,
        render: (v: unknown) => (v === null || v === undefined ? '-' : typeof v === 'object' ? JSON.stringify(v) : String(v)),
      }))}
    />
  );
}

export function WorkerDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const worker = useWorker(id);
  const { me } = useAuth();
  const mayViewPii = canSee(me?.roles, 'workerPii');
  const [showPii, setShowPii] = useState(false);
  const pii = useWorkerPii(id, showPii);
  const w = worker.data;

  return (
    <Card
      title={
        <Space>
          <Link to="/workers">
            <ArrowLeftOutlined /> {t('common.back')}
          </Link>
          <span>{w ? `${t('workers.detail')} · ${w.name}` : t('workers.detail')}</span>
        </Space>
      }
      data-testid="worker-detail"
    >
      {worker.isPending && <Spin />}
      {worker.error && <QueryError error={worker.error} />}
      {w && (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
            <Descriptions.Item label={t('workers.name')}>{w.name}</Descriptions.Item>
            <Descriptions.Item label={t('workers.sex')}>{w.sex === 'M' || w.sex === 'F' ? t(`workers.sex.${w.sex}`) : w.sex}</Descriptions.Item>
            <Descriptions.Item label={t('workers.birthDate')}>{w.birthDate}</Descriptions.Item>
            <Descriptions.Item label={t('workers.residentId')}>
              <Typography.Text code data-testid="resident-id">
                {showPii && pii.data?.residentId ? pii.data.residentId : w.residentIdMasked}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('workers.bankAccount')}>
              <Typography.Text code>{showPii && pii.data ? (pii.data.bankAccount ?? '-') : '••••'}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('workers.phone')}>{w.phone ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('workers.community')}>{w.communityName}</Descriptions.Item>
            <Descriptions.Item label={t('workers.status')}>{t(`enum.status.${w.status}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('workers.employmentType')}>{t(`enum.employment.${w.employmentType}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('workers.postBand')}>{w.postBand ? t(`enum.post.${w.postBand}` as MessageKey) : '-'}</Descriptions.Item>
            <Descriptions.Item label={t('workers.qualification')}>
              {w.qualificationLevel ? t(`enum.qualification.${w.qualificationLevel}` as MessageKey) : '-'}
            </Descriptions.Item>
            <Descriptions.Item label={t('workers.hireDate')}>{w.hireDate}</Descriptions.Item>
          </Descriptions>
          {!mayViewPii ? null : !showPii ? (
            <Button style={{ marginTop: 12 }} icon={<EyeOutlined />} onClick={() => setShowPii(true)} data-testid="show-pii">
              {t('workers.showPii')}
            </Button>
          ) : (
            <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('workers.piiWarning')} />
          )}
          {pii.error && <QueryError error={pii.error} />}
          <Tabs
            style={{ marginTop: 16 }}
            items={[
              { key: 'appointments', label: t('workers.appointments'), children: <GenericTable rows={w.appointments} testId="appointments" /> },
              { key: 'training', label: t('workers.training'), children: <GenericTable rows={w.training} testId="training" /> },
              { key: 'secondments', label: t('workers.secondments'), children: <GenericTable rows={w.secondments} testId="secondments" /> },
              { key: 'events', label: t('workers.events'), children: <GenericTable rows={w.events} testId="events" /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}
