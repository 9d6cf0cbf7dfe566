import type { RosterAssignmentView } from '@cws/scheduler-contracts';
import { weekday } from '@cws/scheduler-solver';
import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCommunityName } from '../../../api/org';
import { useWorkerShifts } from '../../../api/rosters';
import type { WorkerDetail } from '../../../api/types';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { QueryTable } from '../../../layout/QueryTable';

type ShiftRow = RosterAssignmentView & { community: string; rosterId: number };

/** Minutes as hours to one decimal. */
const hours = (minutes: number): string => (Math.round(minutes / 6) / 10).toFixed(1);

/**
 * 排班: the worker's shifts of a month (this month first) in the published rosters the user may see — the two centres of a
 * transfer within the month both — day by day with the centre, shift and times; above, each roster's month for them
 * (shifts, hours, overtime) with a link to the version.
 */
export function ShiftsTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const [month, setMonth] = useState(() => dayjs().format('YYYY-MM'));
  const shifts = useWorkerShifts(worker.id, month);
  const nameOf = useCommunityName();
  const rosters = shifts.data?.rosters ?? [];
  const rows: ShiftRow[] = rosters.flatMap((r) => r.shifts.map((s) => ({ ...s, community: r.community, rosterId: r.rosterId }))).sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div data-testid={`shifts-${worker.id}`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker id="shiftsMonth" picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} data-testid="shifts-month" />
        {rosters.map((r) => {
          const overtime = r.hours ? r.hours.overtimeMinutes.workday150 + r.hours.overtimeMinutes.restDay200 + r.hours.overtimeMinutes.holiday300 : 0;
          return (
            <Typography.Text key={r.rosterId} data-testid={`shifts-roster-${r.rosterId}`}>
              <Link to={`/rosters/${r.rosterId}`}>{`${nameOf(r.community)} v${r.version}`}</Link>
              {'：'}
              {t('workers.shiftsSummary', { shifts: r.shifts.length, hours: hours(r.hours?.workedMinutes ?? 0), overtime: hours(overtime) })}
            </Typography.Text>
          );
        })}
      </Space>
      <QueryTable<ShiftRow>
        query={shifts}
        rows={rows}
        rowKey={(s) => `${s.rosterId}|${s.date}`}
        empty={t('workers.shiftsNone')}
        pagination={false}
        data-testid="worker-shifts"
        columns={[
          { title: t('common.date'), dataIndex: 'date', width: 120 },
          { title: t('workers.weekday'), key: 'weekday', width: 80, render: (_: unknown, s) => t(`common.weekday.${weekday(s.date)}` as MessageKey) },
          { title: t('org.community'), dataIndex: 'community', render: (code: string) => nameOf(code) },
          { title: t('rosters.shiftCode'), dataIndex: 'shift', width: 100 },
          { title: t('workers.shiftTime'), key: 'time', width: 140, render: (_: unknown, s) => `${s.start}–${s.end}` },
        ]}
      />
    </div>
  );
}
