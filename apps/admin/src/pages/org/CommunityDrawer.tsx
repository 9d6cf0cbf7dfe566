import { EditOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Form, Input, InputNumber, List, Spin, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useCommunity } from '../../api/org';
import type { CommunityDetail } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { HR_ROLES } from '../../auth/access';
import type { WorkerPage } from '../../api/workers';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { useAction } from '../../api/useAction';
import { ConfirmButton } from '../../layout/ConfirmButton';
import { FormModal, useFormDialog, useRequired } from '../../layout/FormModal';
import { QueryError } from '../../layout/PageState';
import { activityShareBelow, activitySharePercent } from '../../lib/area';

const AREA = /^\d{1,8}(\.\d{1,2})?$/;
type Profile = { households: number; population: number; floorArea: string; activityArea: string };

/**
 * 编辑概况: the community's households, population, floor area and residents' activity area (the 60 % check and the
 * per-household funding read them), with the version read (a concurrent change answers STALE_VERSION). HR roles, as
 * the service allows; the name stays the org tree's 重命名.
 */
function useProfileEdit(c: CommunityDetail | undefined) {
  const api = useApi();
  const { t } = useI18n();
  return useFormDialog(
    (v: Profile) =>
      api.patch(`/api/workers/v1/communities/${c!.code}`, { version: c!.version, households: v.households, population: v.population, floorArea: String(v.floorArea).trim(), activityArea: String(v.activityArea).trim() }),
    { invalidate: [['community', c?.code ?? null], ['communities']], success: t('common.saved') },
  );
}

/** The community's profile; `onDeleted` hears of a community deleted from here (its street's list is then stale). */
export function CommunityDrawer({ code, onClose, onDeleted }: { code: string | null; onClose: () => void; onDeleted?: (c: CommunityDetail) => void }) {
  const { t } = useI18n();
  const q = useCommunity(code);
  const c = q.data;
  const api = useApi();
  const { hasRole } = useAuth();
  const edit = useProfileEdit(c);
  const required = useRequired();
  const areaRules = [...required, { pattern: AREA, message: t('org.areaFormat') }];
  const editing = Form.useWatch([], edit.modal.form) as Partial<Profile> | undefined;
  const editedShare = editing ? activitySharePercent(String(editing.activityArea ?? ''), String(editing.floorArea ?? '')) : null;
  // head-count from the register's own count (the first page carries the filter's total)
  const count = (status?: string) => ({
    queryKey: ['community-headcount', code, status ?? ''],
    queryFn: () => api.get<WorkerPage>('/api/workers/v1/workers', { community: code ?? '', status, limit: 1 }).then((p) => p.total ?? null),
    enabled: !!code,
  });
  const all = useQuery(count());
  const active = useQuery(count('ACTIVE'));
  const below = c ? activityShareBelow(c.activityArea, c.floorArea) : null;
  // 删除: only for a community created by mistake — no one on its register (the service also refuses one that an
  // election, a vacancy or a training class names: COMMUNITY_IN_USE); the roles the route allows
  const remove = useAction(() => api.delete(`/api/workers/v1/communities/${c!.code}`), {
    invalidate: [['communities']],
    success: t('org.deleted'),
    onDone: () => {
      onDeleted?.(c!);
      onClose();
    },
  });
  const mayDelete = hasRole('CITY_ADMIN', 'DISTRICT_HR') && all.data === 0;
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
          {hasRole(...HR_ROLES) && (
            <Button icon={<EditOutlined />} style={{ marginTop: 12, marginRight: 12 }} onClick={() => edit.show()} data-testid="community-edit-profile">
              {t('org.editProfile')}
            </Button>
          )}
          {mayDelete && (
            <span style={{ marginRight: 12 }}>
              <ConfirmButton danger title={t('org.deleteConfirm', { name: c.name })} onConfirm={() => remove.mutate(undefined)} loading={remove.isPending} testId="community-delete">
                {t('org.delete')}
              </ConfirmButton>
            </span>
          )}
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
          <FormModal
            {...edit.modal}
            title={`${t('org.editProfile')} · ${c.name}`}
            initialValues={{ households: c.households, population: c.population, floorArea: c.floorArea, activityArea: c.activityArea }}
            testId="community-profile-form"
          >
            <Form.Item name="households" label={t('org.households')} rules={required}>
              <InputNumber min={0} precision={0} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="population" label={t('org.population')} rules={required}>
              <InputNumber min={0} precision={0} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="floorArea" label={t('org.floorArea')} rules={areaRules}>
              <Input inputMode="decimal" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="activityArea" label={t('org.activityArea')} rules={areaRules} extra={editedShare ? t('org.shareWouldBe', { share: editedShare }) : undefined}>
              <Input inputMode="decimal" style={{ width: 200 }} />
            </Form.Item>
          </FormModal>
        </>
      )}
    </Drawer>
  );
}
