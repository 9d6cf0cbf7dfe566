import type { RosterConflictView } from '@cws/scheduler-contracts';
import { Alert, Tag } from 'antd';
import { useRosterConflicts } from '../../api/rosters';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { QueryTable } from '../../layout/QueryTable';

/**
 * On a published version: the shifts today's register and requests contradict (a leaver, a transfer, a
 * leave or secondment recorded since, a day asked off) — the sign that it needs 重新排班. Days already
 * past are marked: a re-plan keeps them as published.
 */
export function RosterConflicts({ rosterId, nameOf }: { rosterId: number; nameOf: (workerId: number) => string }) {
  const { t } = useI18n();
  const check = useRosterConflicts(String(rosterId), true);
  const conflicts = check.data?.conflicts ?? [];
  // nothing to say while it loads or when the roster agrees; a check that failed says so (QueryTable)
  if (!check.error && conflicts.length === 0) return null;
  const ahead = conflicts.filter((c) => !c.past).length;
  return (
    <div data-testid="roster-conflicts" style={{ marginBottom: 16 }}>
      {conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('rosters.conflictsTitle', { n: conflicts.length })}
          description={ahead > 0 ? t('rosters.conflictsReplan', { n: ahead }) : t('rosters.conflictsPast')}
          style={{ marginBottom: 8 }}
        />
      )}
      <QueryTable<RosterConflictView>
        query={check}
        rows={conflicts}
        rowKey={(c) => `${c.date}|${c.workerId}`}
        pagination={conflicts.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { title: t('common.date'), dataIndex: 'date', width: 110, render: (d: string, c) => <>{d} {c.past && <Tag>{t('rosters.conflictPast')}</Tag>}</> },
          { title: t('workers.name'), dataIndex: 'workerId', render: (id: number) => nameOf(id) },
          { title: t('rosters.shiftCode'), dataIndex: 'shift', width: 100 },
          { title: t('common.reason'), dataIndex: 'reason', render: (r: string) => t(`rosters.conflict.${r}` as MessageKey) },
        ]}
      />
    </div>
  );
}
