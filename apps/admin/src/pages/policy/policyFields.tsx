/**
 * The policy kinds whose data is a few plain fields, field by field as policy-data.dto.ts has them (its regexes, ranges
 * and enums), for both writes: a new version of an open row (its key fields stay) and the first row of a new key.
 */
import { FUNDING_STREAMS } from '@cws/budget-contracts';
import { COST_FUNDERS, COST_STREAM_BODIES, TOP_UP_RULES, WAGE_CALIBERS, type PolicyKind } from '@cws/payroll-contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, type FormRule } from 'antd';
import dayjs from 'dayjs';
import { POLICY_QUERIES } from '../../api/policy';
import { useI18n, type MessageKey, type Translate } from '../../i18n/I18nProvider';
import { EnumItem, todayIso, useAmountRules, useRequired } from '../../layout/FormModal';
import { StaleNotice } from '../../layout/PageState';
import { fieldLabel } from './policyData';

/** A share from 0 to 1 with at most six places, as the API's RATE ("8" for 8 % would take eight times the pay). */
export const RATE = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;
/** A non-negative decimal such as "1.5" or "21.75", as the API's DECIMAL (a multiplier, a coefficient, a ratio). */
export const DECIMAL = /^\d{1,6}(\.\d{1,6})?$/;

/** One field of a kind's data. `key`: part of the row's key (asked for a first row, fixed in a new version); `when`: only for some values of the others. */
export type FieldSpec = { name: string; key?: true; label?: MessageKey; hint?: MessageKey; when?: (data: Record<string, unknown>) => boolean } & (
  | { type: 'money' }
  | { type: 'decimal' }
  | { type: 'int'; min: number; max: number }
  | { type: 'enum'; values: readonly string[]; prefix: string }
  | { type: 'text'; max: number; pattern?: { re: RegExp; message: MessageKey } }
);

const YEAR: FieldSpec = { name: 'year', key: true, type: 'int', min: 2000, max: 2100, hint: 'policy.yearHint' };
const ANNUAL: FieldSpec = { name: 'annual', type: 'money' };

/** The field table of each plain kind (policy-data.dto.ts: CityWageData, CommunityWageData, … PayingAccountData). */
export const SIMPLE_FIELDS: Partial<Record<PolicyKind, readonly FieldSpec[]>> = {
  CITY_WAGE: [YEAR, ANNUAL, { name: 'caliber', type: 'enum', values: WAGE_CALIBERS, prefix: 'policy.caliber', hint: 'policy.caliberHint' }],
  COMMUNITY_WAGE: [YEAR, ANNUAL],
  GRADE_COEFFICIENT: [{ name: 'grade', key: true, type: 'int', min: 1, max: 18 }, { name: 'coefficient', type: 'decimal' }],
  GRADE_PROGRESSION: [{ name: 'yearsPerStep', type: 'int', min: 1, max: 10 }],
  PRO_RATING: [{ name: 'basis', type: 'enum', values: ['STANDARD_DAYS', 'SCHEDULED_DAYS'], prefix: 'policy.basis' }, { name: 'standardDaysPerMonth', type: 'decimal' }],
  TOP_UP_RULE: [
    { name: 'rule', type: 'enum', values: TOP_UP_RULES, prefix: 'topUp.rule' },
    { name: 'ratio', type: 'decimal', hint: 'policy.ratioHint', when: (d) => d.rule === 'PER_WORKER' },
    { name: 'level', type: 'enum', values: ['DISTRICT', 'STREET'], prefix: 'scope', label: 'topUp.level', when: (d) => d.rule === 'AVERAGE' },
  ],
  COST_STREAM: [
    { name: 'bodyKind', key: true, type: 'enum', values: COST_STREAM_BODIES, prefix: 'policy.bodyKind' },
    { name: 'stream', type: 'enum', values: FUNDING_STREAMS, prefix: 'budget.stream' },
    { name: 'funder', type: 'enum', values: COST_FUNDERS, prefix: 'policy.funder' },
  ],
  PAYING_ACCOUNT: [
    { name: 'orgCode', key: true, type: 'text', max: 9, pattern: { re: /^(\d{6}|\d{9})$/, message: 'policy.orgCodeInvalid' } },
    { name: 'account', type: 'text', max: 30, pattern: { re: /^\d{8,30}$/, message: 'policy.accountInvalid' } },
    { name: 'name', type: 'text', max: 100 },
  ],
};

/** What an absent optional field means to the API, filled in when the form opens (the form shows it rather than an empty field). */
export const ABSENT_MEANS: Partial<Record<PolicyKind, Record<string, unknown>>> = {
  OVERTIME: { hourlyBase: 'BASE_PAY' },
  COST_STREAM: { funder: 'DISTRICT' },
};

/** The data as sent for a plain kind: a field that applies to another choice (a top-up's level once it is PER_WORKER) is left out. */
export function withoutInapplicable(kind: PolicyKind, data: Record<string, unknown>): Record<string, unknown> {
  const out = { ...data };
  for (const f of SIMPLE_FIELDS[kind] ?? []) if (f.when && !f.when(out)) delete out[f.name];
  return out;
}

/**
 * The last start at which the benchmark still reads a year's figure: it takes W(Y) from the rows in force during Y+1 (the
 * calibration of Y+1 compares with W(Y)). The community average of Y it reads by its year, whenever the row starts.
 */
export function lastUsefulStart(kind: PolicyKind, year: unknown): { date: string; benchmarkYear: number } | null {
  if (typeof year !== 'number' || kind !== 'CITY_WAGE') return null;
  return { date: `${year + 1}-12-31`, benchmarkYear: year + 1 };
}

/**
 * A first row's start: a city wage or community average of Y from 1 January Y+1 (the figure is known once the year is over;
 * the seed has the city wages so), else today; null while a year-keyed kind's year is not a year (being typed).
 */
export function defaultValidFrom(kind: PolicyKind, year: unknown): string | null {
  const isYear = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100;
  if (kind === 'CITY_WAGE' || kind === 'COMMUNITY_WAGE') return isYear ? `${year + 1}-01-01` : null;
  return todayIso();
}

/** A first row's data before anything is typed: last year's figure (the bureau publishes it in the spring) of the usual caliber. */
export function newKeyDefaults(kind: PolicyKind): Record<string, unknown> {
  const lastYear = dayjs().year() - 1;
  if (kind === 'CITY_WAGE') return { year: lastYear, caliber: 'URBAN_NON_PRIVATE' };
  if (kind === 'COMMUNITY_WAGE') return { year: lastYear };
  return { ...ABSENT_MEANS[kind] };
}

/** A warning (not a refusal: the API takes it) on a valid-from so late that the benchmark would not see the year's figure. */
export function yearWindowRule(t: Translate, kind: PolicyKind): FormRule {
  return ({ getFieldValue }) => ({
    warningOnly: true,
    validator: async (_, v?: string) => {
      const last = lastUsefulStart(kind, getFieldValue(['data', 'year']));
      if (v && last && v > last.date) throw new Error(t('policy.yearWindow', { date: last.date, year: last.benchmarkYear }));
    },
  });
}

/** A required decimal field's rules, checked trimmed (it is sent trimmed). */
export function useDecimalRules(message: MessageKey): FormRule[] {
  const { t } = useI18n();
  return [...useRequired(), { validator: async (_, v?: string) => { if (v && !DECIMAL.test(v.trim())) throw new Error(t(message)); } }];
}

/** The fields of a plain kind; `withKey`: the key fields too (a first row). */
export function SimpleFields({ kind, withKey }: { kind: PolicyKind; withKey: boolean }) {
  const fields = (SIMPLE_FIELDS[kind] ?? []).filter((f) => withKey || !f.key);
  return (
    <>
      {fields.map((f) =>
        f.when ? (
          <Form.Item key={f.name} noStyle shouldUpdate>
            {({ getFieldValue }) => f.when?.((getFieldValue('data') ?? {}) as Record<string, unknown>) && <SimpleField field={f} />}
          </Form.Item>
        ) : (
          <SimpleField key={f.name} field={f} />
        ),
      )}
    </>
  );
}

function SimpleField({ field: f }: { field: FieldSpec }) {
  const { t } = useI18n();
  const required = useRequired();
  const amount = useAmountRules();
  const decimal = useDecimalRules('policy.decimalInvalid');
  const name = ['data', f.name];
  const label = f.label ? t(f.label) : f.type === 'money' ? `${fieldLabel(t, f.name)}（${t('policy.yuan')}）` : fieldLabel(t, f.name);
  const extra = f.hint && t(f.hint);
  switch (f.type) {
    case 'enum':
      return <EnumItem name={name} label={label} values={f.values} prefix={f.prefix} extra={extra} />;
    case 'int':
      return (
        <Form.Item name={name} label={label} extra={extra} rules={[...required, { type: 'integer', min: f.min, max: f.max, message: t('policy.intRange', { min: f.min, max: f.max }) }]}>
          <InputNumber precision={0} style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'text': {
      const { pattern } = f;
      const matches: FormRule = { validator: async (_, v?: string) => { if (v && pattern && !pattern.re.test(v.trim())) throw new Error(t(pattern.message)); } };
      return (
        <Form.Item name={name} label={label} extra={extra} rules={[...required, { whitespace: true, message: t('common.required') }, matches]}>
          <Input maxLength={f.max} />
        </Form.Item>
      );
    }
    default:
      return (
        <Form.Item name={name} label={label} extra={extra} rules={f.type === 'money' ? amount : decimal}>
          <Input inputMode="decimal" />
        </Form.Item>
      );
  }
}

/** The source of a write: a document, URL or "illustrative", 3–500 characters (CreatePolicyRowDto.sourceRef). */
export function SourceRefItem() {
  const { t } = useI18n();
  const required = useRequired();
  // sent trimmed, so measured trimmed
  const length: FormRule = { validator: async (_, v?: string) => { if (v && (v.trim().length < 3 || v.trim().length > 500)) throw new Error(t('policy.sourceRefHint')); } };
  return (
    <Form.Item name="sourceRef" label={t('policy.sourceRef')} extra={t('policy.sourceRefHint')} rules={[...required, length]}>
      <Input maxLength={500} data-testid="policy-source-ref" />
    </Form.Item>
  );
}

/**
 * A policy write refused with 412 (someone else's row or version meanwhile): the stale notice; 重新载入 reads the rows
 * again and closes the dialog, whose form was built on the read before.
 */
export function PolicyStaleNotice({ dialog }: { dialog: { action: { error: unknown }; close: () => void } }) {
  const queryClient = useQueryClient();
  const reload = () => {
    for (const queryKey of POLICY_QUERIES) void queryClient.invalidateQueries({ queryKey });
    dialog.close();
  };
  return <StaleNotice error={dialog.action.error} onReload={reload} testId="policy-stale" />;
}
