import type { RosterToReplanView } from '@cws/scheduler-contracts';
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCommunityName } from '../../api/org';
import { useRostersToReplan } from '../../api/rosters';
import { useI18n } from '../../i18n/I18nProvider';
import { actionsColumn } from '../../layout/columns';
import { QueryTable } from '../../layout/QueryTable';
import { dateTime } from '../../lib/format';

/**
 * 需重新排班: the published versions of this month and later whose shifts ahead the register now contradicts (a
 * leaver, a transfer out, leave, a day asked off), as the scheduler last checked them — the centres to re-plan, so
 * a transfer recorded on the worker's page does not wait for someone to open that centre's roster.
 */
export function RostersToReplan() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useRostersToReplan();
  const nameOf = useCommunityName();
  const items = list.data?.items ?? [];
  // nothing to say while it loads or when every published roster holds; a list that failed says so (QueryTable)
  if (!list.error && items.length === 0) return null;
  return (
    <div data-testid="rosters-to-replan" style={{ marginBottom: 16 }}>
      {items.length > 0 && <Alert type="warning" showIcon title={t('rosters.toReplanTitle', { n: items.length })} description={t('rosters.toReplanHint')} style={{ marginBottom: 8 }} />}
      <QueryTable<RosterToReplanView>
        query={list}
        rows={items}
        rowKey={(r) => String(r.rosterId)}
        pagination={items.length > 10 ? { pageSize: 10 } : false}
        columns={[
          { title: t('org.community'), dataIndex: 'community', render: (code: string) => nameOf(code) },
          { title: t('rosters.month'), dataIndex: 'month', width: 100 },
          { title: t('rosters.version'), dataIndex: 'version', width: 80, render: (v: number) => `v${v}` },
          { title: t('rosters.conflictsAhead'), dataIndex: 'conflictsAhead', width: 140 },
          { title: t('rosters.checkedAt'), dataIndex: 'checkedAt', width: 170, render: (at: string) => dateTime(at) },
          actionsColumn<RosterToReplanView>(t, (r) => (
            <Button size="small" type="link" onClick={() => navigate(`/rosters/${r.rosterId}`)} data-testid={`to-replan-open-${r.rosterId}`}>
              {t('rosters.openToReplan')}
            </Button>
          )),
        ]}
      />
    </div>
  );
}
