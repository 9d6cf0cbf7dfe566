import { Descriptions, Drawer, List, Spin, Tag } from 'antd';
import { useCommunity } from '../../api/org';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryError } from '../../layout/PageState';
import { activityShareBelow, activitySharePercent } from '../../lib/area';

export function CommunityDrawer({ code, onClose }: { code: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const q = useCommunity(code);
  const c = q.data;
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
          </Descriptions>
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
