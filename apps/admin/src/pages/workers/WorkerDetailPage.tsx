import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useCommunity, useDistricts, useStreets } from '../../api/org';
import type { PostRow, WorkerDetail } from '../../api/types';
import { useWorker, useWorkerPii } from '../../api/workers';
import { useAuth } from '../../auth/AuthProvider';
import { canSee, HR_ROLES } from '../../auth/access';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { todayIso } from '../../layout/FormModal';
import { DetailTitle } from '../../layout/DetailTitle';
import { QueryError } from '../../layout/PageState';
import { placeNamer } from '../../lib/places';
import { ContributionBaseTab } from './tabs/ContributionBaseTab';
import { DeductionsTab } from './tabs/DeductionsTab';
import { EventsTab } from './tabs/EventsTab';
import { GradesTab } from './tabs/GradesTab';
import { PayslipsTab } from './tabs/PayslipsTab';
import { PostsTab } from './tabs/PostsTab';
import { SecondmentsTab } from './tabs/SecondmentsTab';
import { ShiftsTab } from './tabs/ShiftsTab';
import { TrainingTab } from './tabs/TrainingTab';
import { PlannedTransferNotice } from './PlannedTransferNotice';
import { WorkerActions } from './WorkerActions';

const BAND_RANK = { HEAD: 0, DEPUTY: 1, OTHER: 2 } as const;

/** The pay post band today: the open primary post's, else the best band held (as the snapshot rule says). */
export function currentBand(posts: PostRow[] | undefined, today = todayIso()): PostRow['band'] | null {
  const open = (posts ?? []).filter((p) => p.from <= today && (!p.to || p.to >= today));
  const primary = open.find((p) => p.isPrimary);
  if (primary) return primary.band;
  return open.map((p) => p.band).sort((a, b) => BAND_RANK[a] - BAND_RANK[b])[0] ?? null;
}

const STATUS_COLOR: Record<string, string> = { ACTIVE: 'green', SECONDED_OUT: 'orange', ON_LEAVE: 'gold', LEFT: 'default' };

function Identity({ w, showPii, pii }: { w: WorkerDetail; showPii: boolean; pii: { residentId?: string; birthDate?: string; bankAccount?: string | null } | undefined }) {
  const { t } = useI18n();
  const community = useCommunity(w.communityCode);
  const districts = useDistricts();
  const streets = useStreets(w.districtCode);
  const band = currentBand(w.appointments);
  const nameOf = placeNamer(districts.data, streets.data);
  const streetName = nameOf(w.streetCode);
  const districtName = nameOf(w.districtCode);
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="worker-identity">
      <Descriptions.Item label={t('workers.no')}>{w.id}</Descriptions.Item>
      <Descriptions.Item label={t('workers.name')}>{w.name}</Descriptions.Item>
      <Descriptions.Item label={t('workers.sex')}>{w.sex === 'M' || w.sex === 'F' ? t(`workers.sex.${w.sex}`) : w.sex}</Descriptions.Item>
      {/* the year only, until the audited "show" action: with the date, the ID's last four would rebuild it */}
      <Descriptions.Item label={t('workers.birthDate')}>{showPii && pii?.birthDate ? pii.birthDate : w.birthYear}</Descriptions.Item>
      <Descriptions.Item label={t('workers.residentId')}>
        <Typography.Text code data-testid="resident-id">
          {showPii && pii?.residentId ? pii.residentId : w.residentIdMasked}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('workers.bankAccount')}>
        <Typography.Text code data-testid="bank-account">{showPii && pii ? (pii.bankAccount ?? '-') : (w.bankAccountMasked ?? '-')}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('workers.phone')}>{w.phone ?? '-'}</Descriptions.Item>
      <Descriptions.Item label={t('workers.community')}>
        <span data-testid="worker-community">{community.data?.name ?? (community.isPending ? '…' : w.communityCode)}</span>
        {w.placeSince && w.placeSince !== w.hireDate && (
          <Typography.Text type="secondary" data-testid="worker-place-since"> · {t('workers.placeSince', { date: w.placeSince })}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('workers.street')}>{streetName}</Descriptions.Item>
      <Descriptions.Item label={t('workers.district')}>{districtName}</Descriptions.Item>
      <Descriptions.Item label={t('workers.status')}>
        <Tag color={STATUS_COLOR[w.status]} data-testid="worker-status">{t(`enum.status.${w.status}` as MessageKey)}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('workers.employmentType')}>{t(`enum.employment.${w.employmentType}` as MessageKey)}</Descriptions.Item>
      <Descriptions.Item label={t('workers.postBand')}>
        <span data-testid="worker-band">{band ? t(`enum.post.${band}` as MessageKey) : t('common.none')}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('workers.grade')}>
        <span data-testid="worker-grade">
          {w.grade === null || !w.gradeBand ? '-' : t('workers.gradeValue', { grade: w.grade, band: t(`enum.post.${w.gradeBand}` as MessageKey) })}
          {w.gradeSince ? ` · ${t('workers.gradeSince', { date: w.gradeSince })}` : ''}
        </span>
        {w.gradeDerived && <Tag style={{ marginLeft: 8 }} title={t('workers.gradeDerivedHint')}>{t('workers.gradeDerived')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('workers.education')}>{w.education ? t(`enum.education.${w.education}` as MessageKey) : '-'}</Descriptions.Item>
      <Descriptions.Item label={t('workers.politicalStatus')}>{w.politicalStatus ? t(`enum.political.${w.politicalStatus}` as MessageKey) : '-'}</Descriptions.Item>
      <Descriptions.Item label={t('workers.qualification')}>
        {w.qualificationLevel ? t(`enum.qualification.${w.qualificationLevel}` as MessageKey) : '-'}
        {w.qualificationCert ? `（${w.qualificationCert}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('workers.hireDate')}>{w.hireDate}</Descriptions.Item>
      {w.status === 'LEFT' && (
        <Descriptions.Item label={t('workers.leftDate')}>
          {w.leftDate ?? '-'}
          {w.leftReason ? `（${w.leftReason}）` : ''}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function WorkerDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const worker = useWorker(id);
  const { me, hasRole } = useAuth();
  const mayViewPii = canSee(me?.roles, 'workerPii');
  const mayWrite = hasRole(...HR_ROLES);
  const [showPii, setShowPii] = useState(false);
  const pii = useWorkerPii(id, showPii);
  const w = worker.data;

  return (
    <Card
      title={
        <DetailTitle back="/workers">
          <span>{w ? `${t('workers.detail')} · ${w.name}` : t('workers.detail')}</span>
        </DetailTitle>
      }
      extra={w && mayWrite ? <WorkerActions worker={w} /> : null}
      data-testid="worker-detail"
    >
      {worker.isPending && <Spin />}
      {worker.error && <QueryError error={worker.error} />}
      {w && (
        <>
          <PlannedTransferNotice worker={w} mayCancel={mayWrite} />
          <Identity w={w} showPii={showPii} pii={pii.data} />
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
              { key: 'posts', label: t('workers.posts'), children: <PostsTab worker={w} /> },
              { key: 'training', label: t('workers.training'), children: <TrainingTab worker={w} /> },
              { key: 'deductions', label: t('workers.deductions'), children: <DeductionsTab worker={w} /> },
              { key: 'secondments', label: t('workers.secondments'), children: <SecondmentsTab worker={w} /> },
              { key: 'grades', label: t('workers.grades'), children: <GradesTab worker={w} /> },
              { key: 'events', label: t('workers.events'), children: <EventsTab worker={w} /> },
              { key: 'bases', label: t('workers.bases'), children: <ContributionBaseTab worker={w} /> },
              { key: 'payslips', label: t('workers.payslips'), children: <PayslipsTab worker={w} /> },
              { key: 'shifts', label: t('workers.shifts'), children: <ShiftsTab worker={w} /> },
            ]}
          />
        </>
      )}
    </Card>
  );
}
