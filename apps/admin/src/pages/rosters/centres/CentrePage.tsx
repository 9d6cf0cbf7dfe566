import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useCommunity } from '../../../api/org';
import { useCentre } from '../../../api/schedulerSetup';
import { useAuth } from '../../../auth/AuthProvider';
import { CENTRE_WRITE_ROLES } from '../../../auth/access';
import { useI18n } from '../../../i18n/I18nProvider';
import { DetailTitle } from '../../../layout/DetailTitle';
import { QueryError } from '../../../layout/PageState';
import { dateTime } from '../../../lib/format';
import { CommunitySelect } from '../../workers/WorkerFormModals';
import { CentreForm } from './CentreForm';
import { CentreView } from './CentreView';
import { WorkerRequests } from './WorkerRequests';

/**
 * 服务中心设置: one community centre's opening windows, coverage bands, roles on duty, shift templates
 * and rest days in 7, as the scheduler plans with them; the planning roles edit (the service's CanPlan).
 */
export function CentrePage() {
  const { community } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const { hasRole } = useAuth();
  const canEdit = hasRole(...CENTRE_WRITE_ROLES);
  const centre = useCentre(community);
  const place = useCommunity(community ?? null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const c = centre.data?.body;
  const open = (code: string) => {
    setEditing(false);
    setSaved(false);
    navigate(`/rosters/centres/${code}`);
  };

  return (
    <Card
      data-testid="centre-page"
      title={
        <DetailTitle back="/rosters">
          <span>{t('centres.title')}{place.data ? ` · ${place.data.name}` : ''}</span>
          {c && (c.isDefault ? <Tag data-testid="centre-default">{t('centres.default')}</Tag> : <Tag color="blue">{t('centres.stored')}</Tag>)}
        </DetailTitle>
      }
      extra={
        <Space>
          <CommunitySelect id="centreCommunity" value={community} onChange={open} style={{ width: 220 }} />
          {canEdit && c && !editing && (
            <Button icon={<EditOutlined />} onClick={() => { setEditing(true); setSaved(false); }} data-testid="centre-edit">
              {t('common.edit')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('centres.hint')}</Typography.Paragraph>
      {!community ? (
        <Alert type="info" showIcon title={t('centres.pick')} />
      ) : centre.isPending ? (
        <Spin />
      ) : centre.error || !c ? (
        <QueryError error={centre.error} />
      ) : (
        <>
          {saved && <Alert type="success" showIcon title={t('centres.savedNote')} style={{ marginBottom: 16 }} data-testid="centre-saved" />}
          {c.updatedAt && (
            <Typography.Paragraph type="secondary">{t('calendar.updated', { at: dateTime(c.updatedAt), by: c.updatedBy ?? '' })}</Typography.Paragraph>
          )}
          {editing ? (
            <CentreForm
              // a reload after a refused save starts the form again from the stored set-up
              key={centre.dataUpdatedAt}
              community={community}
              config={c.config}
              etag={centre.data?.etag ?? null}
              onReload={() => void centre.refetch()}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          ) : (
            <CentreView config={c.config} />
          )}
          <WorkerRequests community={community} config={c.config} />
        </>
      )}
    </Card>
  );
}
