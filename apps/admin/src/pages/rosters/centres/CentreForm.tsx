import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../../api/errors';
import { CENTRE_KEY, useSchedulerSetupWrites, type CentreConfig, type ServiceCentreView } from '../../../api/schedulerSetup';
import { useAction } from '../../../api/useAction';
import { useI18n, type MessageKey } from '../../../i18n/I18nProvider';
import { useEnumOptions } from '../../../i18n/useEnumOptions';
import { DAY_TYPES, centreIssues, fieldOf, fromForm, issueKey, toForm, type CentreFormValues } from './centreForm';

const HHMM_WIDTH = 90;
const NEW_TEMPLATE = { code: '', start: '08:00', end: '16:30', breakMinutes: 30 };
const NEW_BAND = { dayTypes: ['WEEKDAY', 'ADJUSTED_WORKDAY'], from: '08:00', to: '21:00', min: 1 };
const NEW_ROLE = { dayTypes: ['WEEKDAY', 'ADJUSTED_WORKDAY'], roles: ['LEADER'], min: 1 };

/**
 * Edits a centre's whole set-up. Save runs the API's own check (the solver lib's centreConfigIssues)
 * and puts each issue on its field before anything is sent; a refusal from the service lands the same way.
 */
export function CentreForm({ community, config, onSaved, onCancel }: { community: string; config: CentreConfig; onSaved: (c: ServiceCentreView) => void; onCancel: () => void }) {
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
        return await writes.putCentre(community, c);
      } catch (e) {
        if (e instanceof ApiError && e.details.length) mark(e.details);
        throw e;
      }
    },
    { invalidate: [[CENTRE_KEY, community]], success: t('centres.saved'), onDone: onSaved },
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
  const remove = (onClick: () => void, testId: string) => (
    <Form.Item label=" ">
      <Button icon={<DeleteOutlined />} danger onClick={onClick} aria-label={t('calendar.remove')} data-testid={testId} />
    </Form.Item>
  );

  return (
    <Form form={form} layout="vertical" initialValues={toForm(config)} data-testid="centre-form">
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

      <Typography.Title level={5}>{t('centres.templates')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('centres.templatesHint')}</Typography.Paragraph>
      <Form.List name="templates">
        {(fields, { add, remove: drop }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'code']} label={t('centres.code')}>
                  <Input style={{ width: 120 }} placeholder="EARLY" />
                </Form.Item>
                {time([f.name, 'start'], t('centres.start'))}
                {time([f.name, 'end'], t('centres.end'))}
                <Form.Item name={[f.name, 'breakMinutes']} label={t('centres.breakMinutes')}>
                  <InputNumber min={0} max={180} precision={0} style={{ width: 100 }} />
                </Form.Item>
                {remove(() => drop(f.name), `centre-template-remove-${f.name}`)}
              </Space>
            ))}
            <AddButton onClick={() => add({ ...NEW_TEMPLATE })} testId="centre-template-add" label={t('centres.addTemplate')} />
          </>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('centres.coverage')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('centres.coverageHint')}</Typography.Paragraph>
      <Form.List name="coverage">
        {(fields, { add, remove: drop }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'dayTypes']} label={t('centres.dayTypes')}>
                  <Select mode="multiple" options={dayTypeOptions} style={{ minWidth: 260 }} />
                </Form.Item>
                {time([f.name, 'from'], t('centres.from'))}
                {time([f.name, 'to'], t('centres.to'))}
                <Form.Item name={[f.name, 'min']} label={t('centres.minStaff')}>
                  <InputNumber min={0} max={50} precision={0} style={{ width: 90 }} />
                </Form.Item>
                {remove(() => drop(f.name), `centre-band-remove-${f.name}`)}
              </Space>
            ))}
            <AddButton onClick={() => add(structuredClone(NEW_BAND))} testId="centre-band-add" label={t('centres.addBand')} />
          </>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('centres.roles')}</Typography.Title>
      <Form.List name="roles">
        {(fields, { add, remove: drop }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item name={[f.name, 'dayTypes']} label={t('centres.dayTypes')}>
                  <Select mode="multiple" options={dayTypeOptions} style={{ minWidth: 260 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'roles']} label={t('centres.roleTags')}>
                  <Select mode="tags" options={[{ value: 'LEADER', label: t('centres.role.LEADER') }]} style={{ minWidth: 180 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'min']} label={t('centres.minPerDay')}>
                  <InputNumber min={0} max={10} precision={0} style={{ width: 90 }} />
                </Form.Item>
                {remove(() => drop(f.name), `centre-role-remove-${f.name}`)}
              </Space>
            ))}
            <AddButton onClick={() => add(structuredClone(NEW_ROLE))} testId="centre-role-add" label={t('centres.addRole')} />
          </>
        )}
      </Form.List>

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

function AddButton({ onClick, testId, label }: { onClick: () => void; testId: string; label: string }) {
  return (
    <Form.Item>
      <Button type="dashed" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
        {label}
      </Button>
    </Form.Item>
  );
}
