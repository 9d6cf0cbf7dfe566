import type { CoverageSlotView, RosterView } from '@cws/scheduler-contracts';
import { DownloadOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Spin, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useApi } from '../../api/context';
import { useCommunity } from '../../api/org';
import { S, useCoverage, useRoster } from '../../api/rosters';
import { useAction } from '../../api/useAction';
import { useDownload } from '../../api/useDownload';
import { textOr, useI18n, type MessageKey, type Translate } from '../../i18n/I18nProvider';
import { DetailTitle } from '../../layout/DetailTitle';
import { QueryError } from '../../layout/PageState';
import { EChart } from '../dashboard/EChart';
import { RosterActions } from './RosterActions';
import { RosterChanges, useRosterChanges } from './RosterChanges';
import { RosterConflicts } from './RosterConflicts';
import { RosterStatusTag } from './RosterStatusTag';
import { useRosterNames } from './useRosterNames';
import type { EChartsOption } from '../dashboard/chartOption';

const PALETTE = ['#91caff', '#b7eb8f', '#ffd591', '#d3adf7', '#87e8de', '#ffadd2', '#ffe58f'];

/** Why a slot is short (the solver's gap reason: a labour-law rule, leave, no one to put there), by name; a code the page has no name for shows as it came. */
export function gapReason(t: Translate, rule: string): string {
  return textOr(t, `rosters.reason.${rule}`, rule);
}

/** Slots × days: have − need, gaps (below zero) in red; the tooltip names the rule behind a gap. */
export function coverageOption(slots: CoverageSlotView[], t: (k: MessageKey, v?: Record<string, string | number>) => string): EChartsOption {
  const days = [...new Set(slots.map((s) => s.date))].sort();
  const times = [...new Set(slots.map((s) => s.from))].sort();
  const data = slots.map((s) => [days.indexOf(s.date), times.indexOf(s.from), s.have - s.need, s.rule ?? '', s.have, s.need]);
  return {
    tooltip: {
      formatter: (p: unknown) => {
        const [d, tm, , rule, have, need] = (p as { data: [number, number, number, string, number, number] }).data;
        return `${days[d]} ${times[tm]}<br/>${t('rosters.haveNeed', { have, need })}${rule ? `<br/>${t('rosters.gapRule')}：${gapReason(t, rule)}` : ''}`;
      },
    },
    grid: { left: 60, right: 20, top: 10, bottom: 70 },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)), splitArea: { show: true } },
    yAxis: { type: 'category', data: times, inverse: true },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: [
        { lt: 0, color: '#ff4d4f', label: t('rosters.gap') },
        { value: 0, color: '#95de64', label: t('rosters.exact') },
        { gt: 0, color: '#237804', label: t('rosters.spare') },
      ],
    },
    series: [{ type: 'heatmap', data }],
  };
}

/** One roster version: the month calendar (workers × days, shifts coloured), the coverage heatmap with gaps and reasons, publish. */
export function RosterDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { t } = useI18n();
  const api = useApi();
  const roster = useRoster(id);
  const r = roster.data;
  const solved = !!r && r.status !== 'QUEUED' && r.status !== 'FAILED';
  const coverage = useCoverage(id, solved);
  const community = useCommunity(r?.community ?? null);
  const nameOf = useRosterNames(r?.community, useMemo(() => (r?.assignments ?? []).map((a) => a.workerId), [r]));
  const { base, changes } = useRosterChanges(r);
  const download = useDownload();
  const publish = useAction(() => api.post<RosterView>(`${S}/rosters/${id}/publish`), { invalidate: [['roster', id]], success: t('common.saved') });
  const slots = coverage.data?.slots ?? [];
  const gaps = slots.filter((s) => s.have < s.need);
  const option = useMemo(() => coverageOption(slots, t), [slots, t]);

  const days = useMemo(() => {
    if (!r) return [];
    const [y, m] = r.month.split('-').map(Number);
    const n = new Date(y, m, 0).getDate();
    return Array.from({ length: n }, (_, i) => `${r.month}-${String(i + 1).padStart(2, '0')}`);
  }, [r]);
  const shifts = useMemo(() => [...new Set((r?.assignments ?? []).map((a) => a.shift))].sort(), [r]);
  const rows = useMemo(() => {
    const byWorker = new Map<number, Map<string, { shift: string; start: string; end: string }>>();
    for (const a of r?.assignments ?? []) {
      if (!byWorker.has(a.workerId)) byWorker.set(a.workerId, new Map());
      byWorker.get(a.workerId)!.set(a.date, a);
    }
    return [...byWorker].map(([workerId, cells]) => ({ workerId, name: nameOf(workerId), cells }));
  }, [r, nameOf]);
  const changed = useMemo(() => new Set((changes ?? []).map((c) => `${c.date}|${c.workerId}`)), [changes]);

  if (roster.isPending) return <Spin />;
  if (roster.error || !r) return <QueryError error={roster.error} />;
  return (
    <Card
      data-testid="roster-detail"
      title={
        <DetailTitle back="/rosters">
          <span>
            {t('rosters.title')} · {community.data?.name ?? r.community} · {r.month} · v{r.version}
          </span>
          <RosterStatusTag status={r.status} testId="roster-status" />
        </DetailTitle>
      }
      extra={
        <Space>
          <Button icon={<SettingOutlined />} onClick={() => navigate(`/rosters/centres/${r.community}`)} data-testid="roster-centre">
            {t('centres.setup')}
          </Button>
          {r.status !== 'QUEUED' && r.status !== 'FAILED' && (
            <Button icon={<DownloadOutlined />} onClick={() => void download(`${S}/rosters/${r.id}/roster.xlsx`, `roster-${r.community}-${r.month}-v${r.version}.xlsx`)} data-testid="roster-export">
              {t('rosters.export')}
            </Button>
          )}
          {r.status === 'DRAFT' ? (
            <Button type="primary" onClick={() => publish.mutate(undefined)} loading={publish.isPending} data-testid="roster-publish">
              {t('rosters.publish')}
            </Button>
          ) : (
            r.status === 'PUBLISHED' && <RosterActions roster={r} workers={rows.map((w) => ({ workerId: w.workerId, name: w.name }))} />
          )}
        </Space>
      }
    >
      {r.status === 'PUBLISHED' && <RosterConflicts rosterId={r.id} nameOf={nameOf} />}
      {base && changes && <RosterChanges base={base} changes={changes} nameOf={nameOf} />}
      {r.status === 'QUEUED' && <Spin tip={t('rosters.solving')} data-testid="roster-solving"><div style={{ height: 80 }} /></Spin>}
      {r.error && <Alert type="error" showIcon title={r.error} />}
      {solved && (
        <>
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('rosters.objective')}>{r.objective ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('rosters.assignments')}>{r.assignments.length}</Descriptions.Item>
            <Descriptions.Item label={t('rosters.reason')}>{t(`rosters.reason.${r.reason}` as MessageKey)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5}>{t('rosters.coverage')}</Typography.Title>
          {coverage.isSuccess &&
            (gaps.length === 0 ? (
              <Alert type="success" showIcon title={t('rosters.fullCoverage', { n: slots.length })} data-testid="roster-coverage-summary" />
            ) : (
              <Alert type="warning" showIcon title={t('rosters.gaps', { n: gaps.length, total: slots.length })} data-testid="roster-coverage-summary" />
            ))}
          <EChart option={option} height={Math.max(320, new Set(slots.map((s) => s.from)).size * 14 + 90)} testId="roster-heatmap" />
          {r.uncovered.length > 0 && (
            <Table
              size="small"
              rowKey={(u) => `${u.date}${u.from}${u.rule}${u.role ?? ''}`}
              dataSource={r.uncovered}
              pagination={false}
              title={() => t('rosters.gapList')}
              data-testid="roster-gaps"
              columns={[
                { title: t('common.date'), dataIndex: 'date' },
                { title: t('rosters.time'), key: 'time', render: (_: unknown, u) => `${u.from}–${u.to}` },
                { title: t('rosters.missing'), dataIndex: 'missing' },
                { title: t('rosters.gapRule'), dataIndex: 'rule', render: (rule: string, u) => `${gapReason(t, rule)}${u.role ? ` · ${t(`enum.role.${u.role}` as MessageKey)}` : ''}` },
              ]}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('rosters.calendar')}{' '}
            {shifts.map((s, i) => (
              <Tag key={s} color={PALETTE[i % PALETTE.length]} style={{ color: '#000' }}>
                {s}
              </Tag>
            ))}
          </Typography.Title>
          <Table
            size="small"
            rowKey="workerId"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 200 + days.length * 44 }}
            data-testid="roster-calendar"
            columns={[
              { title: t('workers.name'), dataIndex: 'name', fixed: 'left', width: 100 },
              ...days.map((d) => ({
                title: d.slice(8),
                key: d,
                width: 44,
                align: 'center' as const,
                render: (_: unknown, row: (typeof rows)[number]) => {
                  const a = row.cells.get(d);
                  // a cell the re-plan or swap changed is outlined (also when the worker is now off)
                  const outline = changed.has(`${d}|${row.workerId}`) ? { outline: '2px solid #fa541c' } : {};
                  if (!a) return outline.outline ? <span style={{ display: 'block', height: 16, ...outline }} data-changed="1" /> : null;
                  return (
                    <span title={`${a.start}–${a.end}`} data-changed={outline.outline ? '1' : undefined} style={{ display: 'block', background: PALETTE[shifts.indexOf(a.shift) % PALETTE.length], borderRadius: 3, fontSize: 11, ...outline }}>
                      {a.start.slice(0, 2)}
                    </span>
                  );
                },
              })),
            ]}
          />
        </>
      )}
    </Card>
  );
}
