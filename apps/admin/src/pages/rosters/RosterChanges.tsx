import type { RosterAssignmentView, RosterView } from '@cws/scheduler-contracts';
import { Alert, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useRoster } from '../../api/rosters';
import { useI18n } from '../../i18n/I18nProvider';
import { rosterDiff, type RosterChange } from './rosterDiff';

const shiftText = (a: RosterAssignmentView | null, off: string) => (a ? `${a.shift} ${a.start}–${a.end}` : off);

/**
 * A re-planned or swapped version against the version it was based on: every day and worker whose
 * shift changed (the least-change repair keeps this short). `changed` lets the calendar mark the cells.
 */
export function useRosterChanges(r: RosterView | undefined): { base: RosterView | undefined; changes: RosterChange[] | null } {
  const base = useRoster(r?.basedOn ? String(r.basedOn) : undefined);
  const changes = useMemo(() => (r?.basedOn && base.data && r.status !== 'QUEUED' ? rosterDiff(base.data.assignments, r.assignments) : null), [r, base.data]);
  return { base: base.data, changes };
}

export function RosterChanges({ base, changes, nameOf }: { base: RosterView; changes: RosterChange[]; nameOf: (workerId: number) => string }) {
  const { t } = useI18n();
  const off = t('rosters.off');
  return (
    <div data-testid="roster-changes" style={{ marginBottom: 16 }}>
      <Typography.Title level={5}>
        {t('rosters.changesTitle')} <Link to={`/rosters/${base.id}`}>v{base.version}</Link>
      </Typography.Title>
      {changes.length === 0 ? (
        <Alert type="info" showIcon title={t('rosters.noChanges')} />
      ) : (
        <>
          <Alert type="warning" showIcon title={t('rosters.changesCount', { n: changes.length })} style={{ marginBottom: 8 }} data-testid="roster-changes-count" />
          <Table<RosterChange>
            size="small"
            rowKey={(c) => `${c.date}|${c.workerId}`}
            dataSource={changes}
            pagination={changes.length > 20 ? { pageSize: 20 } : false}
            columns={[
              { title: t('common.date'), dataIndex: 'date', width: 110 },
              { title: t('workers.name'), key: 'w', render: (_, c) => nameOf(c.workerId) },
              { title: t('rosters.before'), key: 'b', render: (_, c) => <Tag color={c.before ? 'default' : undefined}>{shiftText(c.before, off)}</Tag> },
              { title: t('rosters.after'), key: 'a', render: (_, c) => <Tag color={c.after ? 'blue' : 'orange'}>{shiftText(c.after, off)}</Tag> },
            ]}
          />
        </>
      )}
    </div>
  );
}
