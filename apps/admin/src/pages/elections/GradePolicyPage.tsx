import { EDUCATION_LEVELS, GRADE_POLICY_KINDS, POST_BANDS, type GradePolicyRowView } from '@cws/workers-contracts';
import { Button, DatePicker, Form, Input, InputNumber, Segmented, Select, Space, Typography, type FormRule, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useElectionWrites, useGradePolicy, useGradePolicyHistory, type NewGradePolicyRow } from '../../api/elections';
import { useAuth } from '../../auth/AuthProvider';
import { GRADE_POLICY_WRITE_ROLES } from '../../auth/access';
import { useI18n, type MessageKey, type Translate } from '../../i18n/I18nProvider';
import { useEnumOptions } from '../../i18n/useEnumOptions';
import { DateItem, EnumItem, FormModal, todayIso, useFormDialog, useRequired } from '../../layout/FormModal';
import { PageCard } from '../../layout/PageCard';
import { QueryTable } from '../../layout/QueryTable';
import { StatusTag } from '../policy/StatusTag';

type Kind = GradePolicyRowView['kind'];

/** A row's value in words: the entry grade, the band's range or the years per step. */
export function gradeValue(t: Translate, r: Pick<GradePolicyRowView, 'kind' | 'data'>): string {
  if (r.kind === 'ENTRY_GRADE') return t('grades.entryValue', { grade: r.data.baseGrade });
  if (r.kind === 'BAND_RANGE') return t('grades.rangeValue', { min: r.data.minGrade, max: r.data.maxGrade });
  return t('grades.stepValue', { years: r.data.yearsPerStep });
}

/** The POST body: only the key fields and values of the chosen kind (the service refuses none of the others, but they mean nothing). */
export function gradePolicyBody(v: NewGradePolicyRow): NewGradePolicyRow {
  const keep: Record<Kind, Array<keyof NewGradePolicyRow>> = {
    ENTRY_GRADE: ['band', 'education', 'baseGrade'],
    BAND_RANGE: ['band', 'minGrade', 'maxGrade'],
    GRADE_PROGRESSION: ['yearsPerStep'],
  };
  const body: NewGradePolicyRow = { kind: v.kind, validFrom: v.validFrom, sourceRef: v.sourceRef.trim() };
  for (const k of keep[v.kind]) (body as unknown as Record<string, unknown>)[k] = v[k];
  return body;
}

const MODES = ['asOf', 'history'] as const;
type Mode = (typeof MODES)[number];

/** The columns of both views: the row's key and its value in words. */
function keyColumns(t: Translate): TableColumnsType<GradePolicyRowView> {
  return [
    { title: t('grades.kind'), dataIndex: 'kind', render: (k: string) => t(`grades.kind.${k}` as MessageKey) },
    { title: t('grades.band'), dataIndex: 'band', render: (b: string | null) => (b ? t(`enum.post.${b}` as MessageKey) : '—') },
    { title: t('grades.education'), dataIndex: 'education', render: (e: string | null) => (e ? t(`enum.education.${e}` as MessageKey) : '—') },
    { title: t('grades.value'), key: 'value', render: (_, r) => gradeValue(t, r) },
  ];
}

/**
 * 等级政策 (三岗十八级): the workers service's grade-policy rows in force on a date — entry grades per band
 * and education, each band's grade range, the years per step — or its whole history (closed rows too).
 * Only CITY_ADMIN adds a row (POST grade-policy).
 */
export function GradePolicyPage() {
  const { t } = useI18n();
  const options = useEnumOptions();
  const { hasRole } = useAuth();
  const canAdd = hasRole(...GRADE_POLICY_WRITE_ROLES);
  const [mode, setMode] = useState<Mode>('asOf');
  const [date, setDate] = useState(todayIso());
  const [kind, setKind] = useState<Kind>();
  const writes = useElectionWrites();
  const add = useFormDialog((v: NewGradePolicyRow) => writes.addGradePolicyRow(gradePolicyBody(v)), { invalidate: [['grade-policy']], success: t('grades.added') });
  return (
    <PageCard
      title={t('grades.title')}
      testId="grade-policy-page"
      tools={
        <>
          <Select<Kind> allowClear placeholder={t('grades.all')} style={{ width: 160 }} value={kind} onChange={setKind} options={options(GRADE_POLICY_KINDS, 'grades.kind')} data-testid="grade-policy-kind" />
          <Segmented<Mode> value={mode} onChange={setMode} options={MODES.map((m) => ({ value: m, label: t(`grades.mode.${m}` as MessageKey) }))} data-testid="grade-policy-mode" />
          {mode === 'asOf' && <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))} aria-label={t('grades.asOf')} />}
          {canAdd && <Button type="primary" onClick={() => add.show()} data-testid="grade-policy-add">{t('grades.add')}</Button>}
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('grades.hint')}</Typography.Paragraph>
      {mode === 'asOf' ? <RowsInForce date={date} kind={kind} /> : <GradePolicyHistory kind={kind} />}
      {canAdd && (
        <FormModal<NewGradePolicyRow> {...add.modal} title={t('grades.add')} initialValues={{ kind: 'ENTRY_GRADE' }} testId="grade-policy-form">
          <GradePolicyFields form={add.form} />
        </FormModal>
      )}
    </PageCard>
  );
}

/** The rows in force on `date` (of one kind when chosen). */
function RowsInForce({ date, kind }: { date: string; kind: Kind | undefined }) {
  const { t } = useI18n();
  const rows = useGradePolicy(date);
  return (
    <QueryTable<GradePolicyRowView>
      query={rows}
      rows={rows.data?.filter((r) => !kind || r.kind === kind)}
      pagination={false}
      data-testid="grade-policy-table"
      columns={[
        ...keyColumns(t),
        { title: t('grades.validFrom'), dataIndex: 'validFrom' },
        { title: t('grades.validTo'), dataIndex: 'validTo', render: (v: string | null) => v ?? '—' },
        { title: t('grades.sourceRef'), dataIndex: 'sourceRef' },
      ]}
    />
  );
}

/** 历史: every row (the service's order: kind, band, education, start), closed ones marked and greyed, each with its dates. */
function GradePolicyHistory({ kind }: { kind: Kind | undefined }) {
  const { t } = useI18n();
  const rows = useGradePolicyHistory(kind);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('grades.historyHint')}</Typography.Paragraph>
      <QueryTable<GradePolicyRowView>
        query={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="grade-policy-history"
        onRow={(r) => (r.validTo !== null ? { style: { color: 'rgba(0, 0, 0, 0.45)' } } : {})}
        columns={[
          ...keyColumns(t),
          { title: t('grades.period'), key: 'period', render: (_, r) => `${r.validFrom} – ${r.validTo ?? t('grades.openEnded')}` },
          { title: t('grades.status'), key: 'status', render: (_, r) => <StatusTag row={r} /> },
          { title: t('grades.sourceRef'), dataIndex: 'sourceRef' },
        ]}
      />
    </>
  );
}

/** The fields of the chosen kind, checked as the DTO checks them (grades 1–18, years 1–10, top ≥ lowest, source 1–200). */
function GradePolicyFields({ form }: { form: ReturnType<typeof useFormDialog<NewGradePolicyRow>>['form'] }) {
  const { t } = useI18n();
  const required = useRequired();
  const kind = Form.useWatch('kind', form) as Kind | undefined;
  const grade = (): FormRule[] => [...required, { type: 'integer', min: 1, max: 18, message: t('grades.gradeRange') }];
  const number = (min: number, max: number) => <InputNumber min={min} max={max} precision={0} style={{ width: 140 }} />;
  return (
    <>
      <EnumItem name="kind" label={t('grades.kind')} values={GRADE_POLICY_KINDS} prefix="grades.kind" />
      {kind !== 'GRADE_PROGRESSION' && (
        <EnumItem name="band" label={t('grades.band')} values={POST_BANDS} prefix="enum.post" />
      )}
      {kind === 'ENTRY_GRADE' && (
        <>
          <EnumItem name="education" label={t('grades.education')} values={EDUCATION_LEVELS} prefix="enum.education" />
          <Form.Item name="baseGrade" label={t('grades.baseGrade')} rules={grade()} extra={t('grades.gradeRange')}>
            {number(1, 18)}
          </Form.Item>
        </>
      )}
      {kind === 'BAND_RANGE' && (
        <Space align="start">
          <Form.Item name="minGrade" label={t('grades.minGrade')} rules={grade()}>
            {number(1, 18)}
          </Form.Item>
          <Form.Item
            name="maxGrade"
            label={t('grades.maxGrade')}
            dependencies={['minGrade']}
            rules={[...grade(), { validator: async (_, v?: number) => { if (v !== undefined && v < (form.getFieldValue('minGrade') ?? 0)) throw new Error(t('grades.rangeInverted')); } }]}
          >
            {number(1, 18)}
          </Form.Item>
        </Space>
      )}
      {kind === 'GRADE_PROGRESSION' && (
        <Form.Item name="yearsPerStep" label={t('grades.yearsPerStep')} rules={[...required, { type: 'integer', min: 1, max: 10, message: t('grades.yearsRange') }]}>
          {number(1, 10)}
        </Form.Item>
      )}
      <DateItem name="validFrom" label={t('grades.validFrom')} required extra={t('grades.validFromHint')} />
      <Form.Item name="sourceRef" label={t('grades.sourceRef')} rules={[...required, { whitespace: true, message: t('common.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
