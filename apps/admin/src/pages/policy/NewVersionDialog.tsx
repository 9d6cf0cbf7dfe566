import { OVERTIME_HOURLY_BASES, ROUNDING_RULES } from '@cws/payroll-contracts';
import { parseMoney } from '@cws/kernel';
import { Alert, Form, Input, InputNumber, Switch, type FormRule } from 'antd';
import { POLICY_QUERIES, usePolicyWrites, type PolicyKind, type PolicyRowView } from '../../api/policy';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { DateItem, EnumItem, FormModal, useAmountRules, useFormDialog, useRequired } from '../../layout/FormModal';
import { moneyString } from '../../lib/format';
import { fieldLabel, formatValue, MONEY_FIELDS } from './policyData';
import { ABSENT_MEANS, PolicyStaleNotice, RATE, SIMPLE_FIELDS, SimpleFields, SourceRefItem, useDecimalRules, withoutInapplicable, yearWindowRule } from './policyFields';

/**
 * The kinds changed from the screen: every July's insurance bases and rates, the allowance amounts, the overtime rule, and
 * the plain kinds (city and community wages, grade coefficients and progression, pro-rating, the top-up rule, cost streams,
 * paying accounts). Tax tables, bonus tax, special deductions, post bands, entry grades and unit values still go through the API
 * (unit values: by adopting a calibration).
 */
export const NEW_VERSION_KINDS: ReadonlySet<PolicyKind> = new Set<PolicyKind>(['INSURANCE', 'ALLOWANCE', 'OVERTIME', ...(Object.keys(SIMPLE_FIELDS) as PolicyKind[])]);

/** The overtime multipliers by day type (policy-data.dto.ts OvertimeMultipliersData). */
const DAY_TYPES = ['WORKDAY', 'REST_DAY', 'HOLIDAY'] as const;
/** The amount and count fields of each allowance kind (policy-data.dto.ts AllowanceData). */
const ALLOWANCE_FIELDS: Record<string, Array<{ name: string; money?: true; min?: number; max?: number }>> = {
  CROSS_APPOINTMENT: [{ name: 'perBodyMonthly', money: true }, { name: 'maxBodies', min: 0, max: 3 }],
  SHIFT: [{ name: 'perShift', money: true }, { name: 'maxShiftsPerMonth', min: 0, max: 62 }],
  SECONDED_IN: [{ name: 'monthly', money: true }],
  ONE_OFF: [{ name: 'amount', money: true }, { name: 'years', min: 1, max: 60 }],
};

interface VersionValues {
  validFrom: string;
  sourceRef: string;
  data: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const normalise = (k: string, v: unknown) => (typeof v !== 'string' ? v : MONEY_FIELDS.has(k) ? moneyString(v) : v.trim());

/**
 * The new row's data: the old row's, with the fields the form edited (amounts as two-place strings).
 * A list (qualification levels, service bands) keeps its entries and takes the edited amounts by position.
 */
export function newVersionData(old: Record<string, unknown>, edited: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = { ...old };
  for (const [k, v] of Object.entries(edited)) {
    const changed = (item: unknown) => Object.fromEntries(Object.entries((item ?? {}) as Record<string, unknown>).map(([f, x]) => [f, normalise(f, x)]));
    if (Array.isArray(v) && Array.isArray(old[k])) {
      data[k] = (old[k] as Array<Record<string, unknown>>).map((item, i) => ({ ...item, ...changed(v[i]) }));
    } else if (isObject(v) && isObject(old[k])) data[k] = { ...old[k], ...changed(v) }; // the overtime multipliers
    else data[k] = normalise(k, v);
  }
  return data;
}

/** The row as sent: `newVersionData` over `old` (none for a first row), without the fields that no longer apply. */
export function rowData(kind: PolicyKind, old: Record<string, unknown>, edited: Record<string, unknown>): Record<string, unknown> {
  return withoutInapplicable(kind, newVersionData(old, edited));
}

/** The dialog's state; `onDone` (closing the drawer) runs once the new row is saved: the row shown is then closed or superseded. */
export function useNewVersionDialog(etag: string | null, onDone: () => void) {
  const { t } = useI18n();
  const writes = usePolicyWrites();
  const dialog = useFormDialog(
    (v: VersionValues, row: PolicyRowView) =>
      writes.create({ kind: row.kind, validFrom: v.validFrom, sourceRef: v.sourceRef.trim(), data: rowData(row.kind, row.data, v.data) }, etag),
    { invalidate: POLICY_QUERIES, success: t('policy.created'), onDone },
  );
  // a refusal left from an earlier opening is dropped
  const show = (row: PolicyRowView) => {
    dialog.action.reset();
    dialog.show(row);
  };
  return { ...dialog, show };
}

/** 新版本 of an open row of NEW_VERSION_KINDS: prefilled from it; kind and key (the item or allowance code, the year, the grade, …) stay. */
export function NewVersionDialog({ dialog }: { dialog: ReturnType<typeof useNewVersionDialog> }) {
  const { t } = useI18n();
  const row = dialog.subject;
  if (!row) return null;
  const validFromRules: FormRule[] = [
    {
      validator: async (_, v?: string) => {
        if (!v) return;
        if (v < row.validFrom) throw new Error(t('policy.notBefore', { date: row.validFrom }));
        if (row.kind === 'INSURANCE' && !v.endsWith('-01')) throw new Error(t('policy.firstOfMonth'));
      },
    },
    yearWindowRule(t, row.kind),
  ];
  return (
    <FormModal
      {...dialog.modal}
      title={t('policy.newVersionOf', { kind: t(`policy.kind.${row.kind}` as MessageKey), key: row.key })}
      // an overtime row from before hourlyBase computes on the base pay (a cost stream without a funder: the district's): the form says so rather than leaving it empty
      initialValues={{ data: { ...ABSENT_MEANS[row.kind], ...row.data } }}
      testId="policy-version-form"
      width={560}
    >
      <PolicyStaleNotice dialog={dialog} />
      <Alert type="info" showIcon title={t('policy.newVersionHint')} style={{ marginBottom: 12 }} />
      <DateItem name="validFrom" label={t('policy.validFrom')} required rules={validFromRules} />
      <KindFields row={row} />
      <SourceRefItem />
    </FormModal>
  );
}

function KindFields({ row }: { row: PolicyRowView }) {
  if (SIMPLE_FIELDS[row.kind]) return <SimpleFields kind={row.kind} withKey={false} />;
  if (row.kind === 'INSURANCE') return <InsuranceFields pension={row.data.code === 'PENSION'} />;
  return row.kind === 'OVERTIME' ? <OvertimeFields /> : <AllowanceFields row={row} />;
}

function useRateRules(): FormRule[] {
  const { t } = useI18n();
  return [...useRequired(), { pattern: RATE, message: t('policy.rateInvalid') }];
}

/** Rates, base floor and ceiling (floor ≤ ceiling, compared in fen), rounding; the pension row also the contribution year's switch month. */
function InsuranceFields({ pension }: { pension: boolean }) {
  const { t } = useI18n();
  const rate = useRateRules();
  const amount = useAmountRules();
  const ceiling: FormRule[] = [
    ...amount,
    ({ getFieldValue }) => ({
      validator: async (_, v?: string) => {
        const floor = getFieldValue(['data', 'baseFloor']) as string | undefined;
        if (!v || !floor) return;
        let above = false;
        try {
          above = parseMoney(floor) > parseMoney(v);
        } catch {
          return; // the malformed one says so on its own field
        }
        if (above) throw new Error(t('policy.floorAboveCeiling'));
      },
    }),
  ];
  return (
    <>
      <Form.Item name={['data', 'employerRate']} label={t('policy.field.employerRate')} extra={t('policy.rateHint')} rules={rate}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name={['data', 'employeeRate']} label={t('policy.field.employeeRate')} rules={rate}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name={['data', 'baseFloor']} label={`${t('policy.field.baseFloor')}（${t('policy.yuan')}）`} rules={amount}>
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name={['data', 'baseCeiling']} label={`${t('policy.field.baseCeiling')}（${t('policy.yuan')}）`} rules={ceiling} dependencies={[['data', 'baseFloor']]}>
        <Input inputMode="decimal" />
      </Form.Item>
      <EnumItem name={['data', 'rounding']} label={t('policy.field.rounding')} values={ROUNDING_RULES} prefix="policy.rounding" />
      {pension && (
        <Form.Item name={['data', 'switchMonth']} label={t('policy.field.switchMonth')} extra={t('policy.switchMonthHint')}>
          <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
    </>
  );
}

/** Hours per day, the three multipliers ("1.5", as the API's DECIMAL) and what the hourly rate is taken from. */
function OvertimeFields() {
  const { t } = useI18n();
  const required = useRequired();
  const multiplier = useDecimalRules('policy.multiplierInvalid');
  return (
    <>
      <Form.Item name={['data', 'hoursPerDay']} label={fieldLabel(t, 'hoursPerDay')} extra={t('policy.hoursPerDayHint')} rules={required}>
        <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {DAY_TYPES.map((d) => (
        <Form.Item key={d} name={['data', 'multipliers', d]} label={`${fieldLabel(t, 'multipliers')} · ${fieldLabel(t, d)}`} rules={multiplier}>
          <Input inputMode="decimal" />
        </Form.Item>
      ))}
      <EnumItem name={['data', 'hourlyBase']} label={fieldLabel(t, 'hourlyBase')} values={OVERTIME_HOURLY_BASES} prefix="policy.hourlyBase" extra={t('policy.hourlyBaseHint')} />
    </>
  );
}

/** Label, pro-rating and tax-free flags, and the amounts of the allowance's kind (a list's entries keep their levels or years). */
function AllowanceFields({ row }: { row: PolicyRowView }) {
  const { t } = useI18n();
  const amount = useAmountRules();
  const required = useRequired();
  const yuan = (name: string) => `${fieldLabel(t, name)}（${t('policy.yuan')}）`;
  const levels = (row.data.levels ?? []) as Array<{ level: string }>;
  const bands = (row.data.bands ?? []) as Array<{ minYears: number }>;
  return (
    <>
      <Form.Item name={['data', 'label']} label={t('policy.field.label')} rules={[...required, { max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name={['data', 'prorate']} label={t('policy.field.prorate')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name={['data', 'taxFree']} label={t('policy.field.taxFree')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {levels.map((l, i) => (
        <Form.Item key={l.level} name={['data', 'levels', i, 'monthly']} label={`${formatValue(t, 'level', l.level)} · ${yuan('monthly')}`} rules={amount}>
          <Input inputMode="decimal" />
        </Form.Item>
      ))}
      {bands.map((b, i) => (
        <Form.Item key={b.minYears} name={['data', 'bands', i, 'monthly']} label={`${fieldLabel(t, 'minYears')} ${b.minYears} · ${yuan('monthly')}`} rules={amount}>
          <Input inputMode="decimal" />
        </Form.Item>
      ))}
      {(ALLOWANCE_FIELDS[String(row.data.kind)] ?? []).map((f) =>
        f.money ? (
          <Form.Item key={f.name} name={['data', f.name]} label={yuan(f.name)} rules={amount}>
            <Input inputMode="decimal" />
          </Form.Item>
        ) : (
          <Form.Item key={f.name} name={['data', f.name]} label={fieldLabel(t, f.name)} rules={required}>
            <InputNumber min={f.min} max={f.max} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        ),
      )}
    </>
  );
}
