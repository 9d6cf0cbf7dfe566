import { WarningOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useCommunities, useDistricts, useStreets } from '../../api/org';
import type { WorkerPage } from '../../api/workers';
import type { Community } from '../../api/types';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';
import { activityShareBelow, activitySharePercent } from '../../lib/area';
import { placeNamer } from '../../lib/places';
import { categoryChartOption } from './chartOption';
import { EChart } from './EChart';
import { TodoCard } from './TodoCard';

export function DashboardPage() {
  const { t } = useI18n();
  const districts = useDistricts();
  const streets = useStreets();
  const communities = useCommunities();
  const navigate = useNavigate();
  const api = useApi();
  // head-count by status: the register's own count of each filter (one row fetched each)
  const statuses = [undefined, 'ACTIVE', 'SECONDED_OUT', 'ON_LEAVE'] as const;
  const headcount = useQueries({
    queries: statuses.map((status) => ({
      queryKey: ['headcount', status ?? ''],
      queryFn: () => api.get<WorkerPage>('/api/workers/v1/workers', { status, limit: 1 }).then((p) => p.total ?? null),
    })),
  });

  const lowShare = useMemo(
    () => (communities.data ?? []).filter((c) => activityShareBelow(c.activityArea, c.floorArea) === true),
    [communities.data],
  );
  const nameOf = useMemo(() => placeNamer(districts.data, streets.data), [districts.data, streets.data]);

  const perDistrict = useMemo(
    () =>
      (districts.data ?? []).map((d) => ({
        code: d.code,
        name: d.name,
        streets: (streets.data ?? []).filter((s) => s.districtCode === d.code).length,
        total: (communities.data ?? []).filter((c) => c.districtCode === d.code).length,
        low: lowShare.filter((c) => c.districtCode === d.code).length,
      })),
    [districts.data, streets.data, communities.data, lowShare],
  );

  const chartOption = useMemo(
    () =>
      categoryChartOption({
        categories: perDistrict.map((r) => r.name),
        gridLeft: 40,
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('dashboard.communities'), type: 'bar', barMaxWidth: 48, data: perDistrict.map((r) => r.total), itemStyle: { color: '#1f6fb2' } },
          { name: t('dashboard.lowShareCount'), type: 'bar', barMaxWidth: 48, data: perDistrict.map((r) => r.low), itemStyle: { color: '#d4380d' } },
        ],
      }),
    [perDistrict, t],
  );

  const error = districts.error ?? streets.error ?? communities.error;
  return (
    <div data-testid="dashboard">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('dashboard.title')}
      </Typography.Title>
      {error && <QueryError error={error} />}
      <TodoCard />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {statuses.map((status, i) => (
          <Col xs={24} sm={12} lg={6} key={status ?? 'all'}>
            <Card hoverable onClick={() => navigate(status ? `/workers?status=${status}` : '/workers')} data-testid={`stat-workers-${status ?? 'all'}`}>
              <Statistic
                title={status ? t(`dashboard.workers.${status}` as MessageKey) : t('dashboard.workers.all')}
                value={headcount[i].data ?? '-'}
                loading={headcount[i].isPending}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        {([['districts', districts], ['streets', streets], ['communities', communities]] as const).map(([key, list]) => (
          <Col xs={24} sm={12} lg={6} key={key}>
            <Card hoverable onClick={() => navigate('/org')}>
              <Statistic title={t(`dashboard.${key}`)} value={list.data?.length ?? '-'} loading={list.isPending} data-testid={`stat-${key}`} />
            </Card>
          </Col>
        ))}
        <Col xs={24} sm={12} lg={6}>
          <Card>
            <Statistic
              title={t('dashboard.lowShareCount')}
              value={communities.data ? lowShare.length : '-'}
              loading={communities.isPending}
              styles={{ content: { color: lowShare.length ? '#d4380d' : undefined } }}
              prefix={lowShare.length ? <WarningOutlined /> : undefined}
              data-testid="stat-low-share"
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.perDistrict')} data-testid="district-chart-card">
            {districts.data?.length ? (
              <>
                <EChart option={chartOption} testId="district-chart" onClick={(e) => { const d = perDistrict[e.dataIndex]; if (d) navigate(`/workers?district=${d.code}`); }} />
                <Table
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={perDistrict}
                  data-testid="district-table"
                  columns={[
                    { title: t('org.district'), dataIndex: 'name' },
                    { title: t('dashboard.streets'), dataIndex: 'streets', align: 'right' },
                    { title: t('dashboard.communities'), dataIndex: 'total', align: 'right' },
                    { title: t('dashboard.lowShareCount'), dataIndex: 'low', align: 'right' },
                  ]}
                />
              </>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.lowShare')}>
            <Table<Community>
              size="small"
              rowKey="code"
              loading={communities.isPending}
              dataSource={lowShare}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              locale={{ emptyText: t('dashboard.allCompliant') }}
              data-testid="low-share-table"
              columns={[
                { title: t('org.community'), dataIndex: 'name' },
                { title: t('org.district'), dataIndex: 'districtCode', render: nameOf },
                { title: t('org.street'), dataIndex: 'streetCode', render: nameOf },
                {
                  title: t('org.activityShare'),
                  key: 'share',
                  render: (_: unknown, c) => <Tag color="red">{activitySharePercent(c.activityArea, c.floorArea)}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
