import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, List, Spin, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useCommunity } from '../../api/org';
import type { WorkerPage } from '../../api/workers';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';
import { activityShareBelow, activitySharePercent } from '../../lib/area';

export function CommunityDrawer({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const q = useCommunity(code);
  const c = q.data;
  const api = useApi();
  // head-count from the register's own count (the first page carries the filter's total)
  const count = (status?: string) => ({
    queryKey: ['community-headcount', code, status ?? ''],
    queryFn: () => api.get<WorkerPage>('/api/workers/v1/workers', { community: code ?? '', status, limit: 1 }).then((p) => p.total ?? null),
    enabled: !!code,
  });
  const all = useQuery(count());
  const active = useQuery(count('ACTIVE'));
  const below = c ? activityShareBelow(c.activityArea, c.floorArea) : null;
  return (
    <Drawer open={!!code} onClose={onClose} title={c?.name ?? t('org.communityDetail')} size={520} destroyOnHidden data-testid="community-drawer">
      {q.isPending && <Spin />}
      {q.error && <QueryError error={q.error} />}
      {c && (
        <>
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('org.code')}>{c.code}</Descriptions.Item>
            <Descriptions.Item label={t('org.name')}>{c.name}</Descriptions.Item>
            <Descriptions.Item label={t('org.households')}>{c.households}</Descriptions.Item>
            <Descriptions.Item label={t('org.population')}>{c.population}</Descriptions.Item>
            <Descriptions.Item label={t('org.floorArea')}>{c.floorArea}</Descriptions.Item>
            <Descriptions.Item label={t('org.activityArea')}>{c.activityArea}</Descriptions.Item>
            <Descriptions.Item label={t('org.activityShare')}>
              <span data-testid="activity-share">{activitySharePercent(c.activityArea, c.floorArea) ?? '-'}</span>{' '}
              {below === true && <Tag color="red">{t('org.belowTarget')}</Tag>}
              {below === false && <Tag color="green">≥ 60%</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('org.active')}>{c.active ? t('common.yes') : t('common.no')}</Descriptions.Item>
            <Descriptions.Item label={t('org.headcount')}>
              <span data-testid="community-headcount">{all.data ?? '-'}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('org.activeHeadcount')}>
              <span data-testid="community-active">{active.data ?? '-'}</span>
            </Descriptions.Item>
          </Descriptions>
          <Link
            to={`/workers?district=${c.districtCode}&street=${c.streetCode}&community=${c.code}`}
            style={{ display: 'inline-block', marginTop: 12 }}
            data-testid="community-workers-link"
          >
            <TeamOutlined /> {t('org.viewWorkers')}
          </Link>
          <List
            style={{ marginTop: 16 }}
            header={<strong>{t('org.bodies')}</strong>}
            bordered
            dataSource={c.bodies}
            data-testid="community-bodies"
            renderItem={(b) => (
              <List.Item>
                <Tag color={b.kind === 'PARTY' ? 'red' : b.kind === 'COMMITTEE' ? 'blue' : 'cyan'}>{t(`org.body.${b.kind}` as MessageKey)}</Tag>
                <span>{b.name}</span>
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
