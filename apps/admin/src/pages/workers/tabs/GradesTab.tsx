import { Tag, Typography } from 'antd';
import type { GradeRow, WorkerDetail } from '../../../api/types';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { noteColumn } from '../../../layout/columns';
import { WorkerRows } from './WorkerRows';

/**
 * The ids of rows a later row of the same date replaces: rows are never deleted, the one recorded last (the highest id)
 * for a date is in force (a back-dated decision re-derives a step that no longer follows). In any order.
 */
export function supersededGrades(rows: GradeRow[]): Set<number> {
  const inForce = new Map<string, number>();
  for (const r of rows) inForce.set(r.from, Math.max(r.id, inForce.get(r.from) ?? r.id));
  return new Set(rows.filter((r) => r.id !== inForce.get(r.from)).map((r) => r.id));
}

/** 等级: the worker's grade rows (三岗十八级), newest first, each with its cause; a replaced row is tagged 已更正, a backfilled one 推算. */
export function GradesTab({ worker }: { worker: WorkerDetail }) {
  const { t } = useI18n();
  const superseded = supersededGrades(worker.grades);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('workers.gradesHint')}</Typography.Paragraph>
      <WorkerRows<GradeRow>
        rows={worker.grades}
        testId="grades"
        columns={[
          { title: t('workers.gradeFrom'), dataIndex: 'from', width: 120 },
          {
            title: t('workers.grade'), dataIndex: 'grade', width: 200, render: (g: number, r) => (
              <>
                {t('workers.gradeValue', { grade: g, band: t(`enum.post.${r.band}` as MessageKey) })}
                {superseded.has(r.id) && (
                  <Tag style={{ marginLeft: 8 }} title={t('workers.gradeSupersededHint')} data-testid={`grade-superseded-${r.id}`}>
                    {t('workers.gradeSuperseded')}
                  </Tag>
                )}
                {r.derived && <Tag style={{ marginLeft: 8 }} title={t('workers.gradeDerivedHint')}>{t('workers.gradeDerived')}</Tag>}
              </>
            ),
          },
          { title: t('workers.gradeCause'), dataIndex: 'cause', width: 140, render: (c: string) => t(`enum.gradeCause.${c}` as MessageKey) },
          { title: t('workers.gradeAnchor'), dataIndex: 'anchorDate', width: 140 },
          noteColumn(t),
        ]}
      />
    </>
  );
}
