import { Tag } from 'antd';
import { useCommunities } from '../../../api/org';
import type { CareerEventRow, WorkerDetail } from '../../../api/types';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { noteColumn } from '../../../layout/columns';
import { placeNamer } from '../../../lib/places';
import { WorkerRows } from './WorkerRows';

/**
 * 履历: career events, newest first, with their details in words (a transfer names both communities, a grade change its grade). A
 * promotion whose post was voided by withdrawing its election stays listed, tagged 已撤销 with the reason.
 */
export function EventsTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const communities = useCommunities({});
  const nameOf = placeNamer(communities.data);
  const communityName = (code: unknown) => nameOf(String(code));
  const describe = (e: CareerEventRow): string => {
    const d = e.data ?? {};
    if (e.kind === 'TRANSFER' && d.from && d.to) return `${communityName(d.from)} → ${communityName(d.to)}`;
    if (e.kind === 'STATUS_CHANGE' && d.from && d.to) return `${t(`enum.status.${String(d.from)}` as MessageKey)} → ${t(`enum.status.${String(d.to)}` as MessageKey)}`;
    if (e.kind === 'GRADE_CHANGE' && typeof d.grade === 'number') {
      return d.band ? t('workers.gradeValue', { grade: d.grade, band: t(`enum.post.${String(d.band)}` as MessageKey) }) : t('workers.gradeShort', { grade: d.grade });
    }
    return '';
  };
  return (
    <WorkerRows<CareerEventRow>
      rows={worker.events}
      testId="events"
      columns={[
        { title: t('common.date'), dataIndex: 'date', width: 120 },
        {
          title: t('workers.eventKind'), dataIndex: 'kind', width: 180, render: (k: string, e) => (
            <>
              <Tag>{t(`enum.event.${k}` as MessageKey)}</Tag>
              {e.voided && (
                <Tag color="red" title={t('workers.eventVoidedHint', { election: e.voided.electionId, reason: e.voided.reason })} data-testid={`event-voided-${e.id}`}>
                  {t('workers.postVoided')}
                </Tag>
              )}
            </>
          ),
        },
        { title: t('workers.eventData'), key: 'data', render: (_: unknown, e) => describe(e) || '-' },
        noteColumn(t),
      ]}
    />
  );
}
