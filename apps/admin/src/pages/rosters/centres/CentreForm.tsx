import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../api/errors';
import { useSchedulerSetupWrites, type CentreConfig } from '../../../api/schedulerSetup';
import { useAction } from '../../../api/useAction';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { useEnumOptions } from '../../../i18n/useEnumOptions';
import { StaleNotice } from '../../../layout/PageState';
import { DAY_TYPES, centreIssues, fieldOf, fromForm, issueKey, toForm, type CentreFormValues } from './centreForm';

const HHMM_WIDTH = 90;
const NEW_TEMPLATE = { code: '', start: '08:00', end: '16:30', breakMinutes: 30 };
const NEW_BAND = { dayTypes: ['WEEKDAY', 'ADJUSTED_WORKDAY'], from: '08:00', to: '21:00', min: 1 };
const NEW_ROLE = { dayTypes: ['WEEKDAY', 'ADJUSTED_WORKDAY'], roles: ['LEADER'], min: 1 };

/**
 * Edits a centre's whole set-up. Save runs the API's own check (the solver lib's centreConfigIssues)
 * and puts each issue on its field before anything is sent; a refusal from the service lands the same way. The
 * save carries the ETag the set-up was read with (`etag`); a save made meanwhile by someone else offers `onReload`.
 */
export function CentreForm({
  community,
  config,
  etag,
  onSaved,
  onCancel,
  onReload,
}: {
  community: string;
  config: CentreConfig;
  etag: string | null;
  onSaved: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const { t } = useI18n();
  const options = useEnumOptions();
  const writes = useSchedulerSetupWrites();
  const [form] = Form.useForm<CentreFormValues>();
  const [summary, setSummary] = useState<string[]>([]);
  const dayTypeOptions = options(DAY_TYPES, 'centres.dayType');

  /** Puts each issue on its field; issues with no field (no template at all) go into the summary. */
  const mark = (issues: Array<{ path: string; issue: string }>) => {
    const byField = new Map<string, { name: Array<string | number>; errors: string[] }>();
    const loose: string[] = [];
    for (const i of issues) {
      const name = fieldOf(i.path);
      const text = t(issueKey(i.issue));
      if (!name) loose.push(text);
      else byField.set(name.join('.'), { name, errors: [...(byField.get(name.join('.'))?.errors ?? []), text] });
    }
    // fields have no rules of their own, so an old issue stays until it is cleared here
    const cleared = form.getFieldsError().filter((f) => f.errors.length && !byField.has(f.name.join('.'))).map((f) => ({ name: f.name, errors: [] }));
    form.setFields([...cleared, ...byField.values()] as Parameters<typeof form.setFields>[0]);
    setSummary([...new Set(loose)]);
  };
  const save = useAction(
    async (c: CentreConfig) => {
      try {
        return await writes.putCentre(community, c, etag);
      } catch (e) {
        // a 412's detail names the If-Match header, no field
        if (e instanceof ApiError && e.status !== 412 && e.details.length) mark(e.details);
        throw e;
      }
    },
    { success: t('centres.saved'), onDone: onSaved },
  );
  const submit = async () => {
    await form.validateFields().catch(() => undefined);
    const c = fromForm(form.getFieldsValue(true) as CentreFormValues);
    const issues = centreIssues(c);
    mark(issues);
    if (!issues.length) save.mutate(c);
  };

  const time = (name: Array<string | number>, label: ReactNode, disabled?: boolean) => (
    <Form.Item name={name} label={label}>
      <Input style={{ width: HHMM_WIDTH }} placeholder="HH:MM" disabled={disabled} />
    </Form.Item>
  );
  const dayTypes = (row: number) => (
    <Form.Item name={[row, 'dayTypes']} label={t('centres.dayTypes')}>
      <Select mode="multiple" options={dayTypeOptions} style={{ minWidth: 260 }} />
    </Form.Item>
  );

  return (
    <Form form={form} layout="vertical" initialValues={toForm(config)} data-testid="centre-form">
      <StaleNotice error={save.error} onReload={onReload} testId="centre-stale" />
      {summary.length > 0 && <Alert type="error" showIcon title={summary.join('；')} style={{ marginBottom: 12 }} />}
      <Typography.Title level={5}>{t('centres.windows')}</Typography.Title>
      {DAY_TYPES.map((d) => (
        <Space key={d} align="start" wrap>
          <Form.Item label={t(`centres.dayType.${d}` as MessageKey)} name={['openingWindows', d, 'open']} valuePropName="checked">
            <Switch checkedChildren={t('centres.open')} unCheckedChildren={t('centres.closed')} data-testid={`centre-open-${d}`} />
          </Form.Item>
          <Form.Item noStyle dependencies={[['openingWindows', d, 'open']]}>
            {({ getFieldValue }) => {
              const closed = !getFieldValue(['openingWindows', d, 'open']);
              return (
                <Space align="start">
                  {time(['openingWindows', d, 'from'], t('centres.from'), closed)}
                  {time(['openingWindows', d, 'to'], t('centres.to'), closed)}
                </Space>
              );
            }}
          </Form.Item>
        </Space>
      ))}

      <RowList title={t('centres.templates')} hint={t('centres.templatesHint')} name="templates" testId="centre-template" newRow={NEW_TEMPLATE} addLabel={t('centres.addTemplate')}>
        {(row) => (
          <>
            <Form.Item name={[row, 'code']} label={t('centres.code')}>
              <Input style={{ width: 120 }} placeholder="EARLY" />
            </Form.Item>
            {time([row, 'start'], t('centres.start'))}
            {time([row, 'end'], t('centres.end'))}
            <Form.Item name={[row, 'breakMinutes']} label={t('centres.breakMinutes')}>
              <InputNumber min={0} max={180} precision={0} style={{ width: 100 }} />
            </Form.Item>
          </>
        )}
      </RowList>

      <RowList title={t('centres.coverage')} hint={t('centres.coverageHint')} name="coverage" testId="centre-band" newRow={NEW_BAND} addLabel={t('centres.addBand')}>
        {(row) => (
          <>
            {dayTypes(row)}
            {time([row, 'from'], t('centres.from'))}
            {time([row, 'to'], t('centres.to'))}
            <Form.Item name={[row, 'min']} label={t('centres.minStaff')}>
              <InputNumber min={0} max={50} precision={0} style={{ width: 90 }} />
            </Form.Item>
          </>
        )}
      </RowList>

      <RowList title={t('centres.roles')} name="roles" testId="centre-role" newRow={NEW_ROLE} addLabel={t('centres.addRole')}>
        {(row) => (
          <>
            {dayTypes(row)}
            <Form.Item name={[row, 'roles']} label={t('centres.roleTags')}>
              <Select mode="tags" options={[{ value: 'LEADER', label: t('centres.role.LEADER') }]} style={{ minWidth: 180 }} />
            </Form.Item>
            <Form.Item name={[row, 'min']} label={t('centres.minPerDay')}>
              <InputNumber min={0} max={10} precision={0} style={{ width: 90 }} />
            </Form.Item>
          </>
        )}
      </RowList>

      <Form.Item name="restDaysPer7" label={t('centres.restDaysPer7')}>
        <Radio.Group options={[1, 2].map((n) => ({ value: n, label: t('centres.restDaysText', { n }) }))} />
      </Form.Item>
      <Space>
        <Button type="primary" onClick={() => void submit()} loading={save.isPending} data-testid="centre-save">
          {t('centres.save')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

/**
 * One editable list of the set-up (templates, coverage bands, role requirements) under its heading and hint: a row
 * of fields each, a remove button per row (`<testId>-remove-<n>`) and an add button (`<testId>-add`) that appends
 * a copy of `newRow`.
 */
function RowList({ title, hint, name, testId, newRow, addLabel, children }: {
  title: string; hint?: string; name: string; testId: string; newRow: object; addLabel: string; children: (row: number) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                {children(f.name)}
                <Form.Item label=" ">
                  <Button icon={<DeleteOutlined />} danger onClick={() => remove(f.name)} aria-label={t('calendar.remove')} data-testid={`${testId}-remove-${f.name}`} />
                </Form.Item>
              </Space>
            ))}
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(structuredClone(newRow))} data-testid={`${testId}-add`}>
                {addLabel}
              </Button>
            </Form.Item>
          </>
        )}
      </Form.List>
    </>
  );
}
