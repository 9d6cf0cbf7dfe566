import { toMinutes, isHhmm } from '@cws/scheduler-solver';
import { Descriptions, Table, Tag, Typography, type TableColumnType } from 'antd';
import type { CentreConfig } from '../../../api/schedulerSetup';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { DAY_TYPES, hoursOf, paidHours, usableOn, type DayType } from './centreForm';

export function DayTypeTags({ types }: { types: readonly DayType[] }) {
  const { t } = useI18n();
  return (
    <>
      {types.map((d) => (
        <Tag key={d}>{t(`centres.dayType.${d}` as MessageKey)}</Tag>
      ))}
    </>
  );
}

/** Coverage bands and role rules alike: on which day types, what is needed, and how many people at least. */
function DayTypeRules<T extends { dayTypes: readonly DayType[]; min: number }>({ rows, testId, what, minTitle }: { rows: T[]; testId: string; what: TableColumnType<T & { key: string }>; minTitle: string }) {
  const { t } = useI18n();
  return (
    <Table<T & { key: string }>
      size="small"
      // a read-only list in the set-up's order, never re-sorted: its place is its key (Antd deprecates the index argument of rowKey)
      rowKey="key"
      pagination={false}
      dataSource={rows.map((r, i) => ({ ...r, key: String(i) }))}
      data-testid={testId}
      style={{ marginBottom: 16 }}
      locale={{ emptyText: t('common.none') }}
      columns={[
        { title: t('centres.dayTypes'), key: 'dayTypes', render: (_: unknown, r) => <DayTypeTags types={r.dayTypes} /> },
        what,
        { title: minTitle, dataIndex: 'min', render: (n: number) => t('centres.people', { n }) },
      ]}
    />
  );
}

/** A centre's set-up, read-only: windows per day type, coverage bands, roles on duty, shift templates, rest days in 7. */
export function CentreView({ config }: { config: CentreConfig }) {
  const { t } = useI18n();
  const roleName = (r: string) => (r === 'LEADER' ? t('centres.role.LEADER') : r);
  return (
    <div data-testid="centre-view">
      <Typography.Title level={5}>{t('centres.windows')}</Typography.Title>
      <Descriptions size="small" bordered column={1} data-testid="centre-windows" style={{ marginBottom: 16 }}>
        {DAY_TYPES.map((d) => {
          const w = config.openingWindows[d];
          return (
            <Descriptions.Item key={d} label={t(`centres.dayType.${d}` as MessageKey)}>
              {w && isHhmm(w.from) && isHhmm(w.to)
                ? t('centres.windowText', { from: w.from, to: w.to, h: hoursOf(toMinutes(w.to) - toMinutes(w.from)) })
                : <Typography.Text type="secondary">{t('centres.closed')}</Typography.Text>}
            </Descriptions.Item>
          );
        })}
      </Descriptions>

      <Typography.Title level={5}>{t('centres.templates')}</Typography.Title>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={config.templates}
        data-testid="centre-templates"
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('centres.code'), dataIndex: 'code' },
          { title: t('centres.time'), key: 'time', render: (_: unknown, s) => `${s.start}–${s.end}` },
          { title: t('centres.break'), dataIndex: 'breakMinutes', render: (m: number) => t('centres.minutes', { n: m }) },
          { title: t('centres.paid'), key: 'paid', render: (_: unknown, s) => t('centres.hours', { h: paidHours(s) }) },
          { title: t('centres.usableOn'), key: 'usable', render: (_: unknown, s) => <DayTypeTags types={usableOn(config, s)} /> },
        ]}
      />

      <Typography.Title level={5}>{t('centres.coverage')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('centres.coverageHint')}</Typography.Paragraph>
      <DayTypeRules rows={config.coverage} testId="centre-coverage" what={{ title: t('centres.time'), key: 'time', render: (_: unknown, b) => `${b.from}–${b.to}` }} minTitle={t('centres.minStaff')} />

      <Typography.Title level={5}>{t('centres.roles')}</Typography.Title>
      <DayTypeRules rows={config.roles} testId="centre-roles" what={{ title: t('centres.roleTags'), key: 'roles', render: (_: unknown, r) => r.roles.map(roleName).join(t('centres.or')) }} minTitle={t('centres.minPerDay')} />

      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('centres.restDaysPer7')}>
          <span data-testid="centre-rest-days">{t('centres.restDaysText', { n: config.restDaysPer7 })}</span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
