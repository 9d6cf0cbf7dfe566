/**
 * How a policy row's `data` reads on screen. The API gives amounts and rates as decimal strings;
 * they stay strings here (money through the kernel's fen, rates by shifting digits), never floats.
 */
import type { PolicyRowView } from '../../api/policy';
import { textOr, type MessageKey, type Translate } from '../../i18n/I18nProvider';
import { moneyString, ratePercent, thousands } from '../../lib/format';

/** Fields holding 元 (policy-data.dto.ts `@Amount` and `Matches(AMOUNT)`): shown in 元, sent as two-place strings. */
export const MONEY_FIELDS: ReadonlySet<string> = new Set(['annual', 'unitValue', 'monthly', 'perBodyMonthly', 'perShift', 'amount', 'baseFloor', 'baseCeiling', 'basicDeductionMonthly', 'upTo', 'quickDeduction']);
/** Fields holding a share from 0 to 1 (`@Rate`). */
const RATES = new Set(['employerRate', 'employeeRate', 'rate']);
/**
 * Fields holding a code, and where their names are, first match wins (a code without a name shows as it came). A
 * `level` is the group a top-up is compared within (CITY, DISTRICT, …) or an allowance's qualification (ASSISTANT, …).
 */
const ENUM_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  rounding: ['policy.rounding'],
  caliber: ['policy.caliber'],
  basis: ['policy.basis'],
  rule: ['topUp.rule'],
  level: ['scope', 'enum.qualification'],
  stream: ['budget.stream'],
  funder: ['policy.funder'],
  bodyKind: ['policy.bodyKind'],
  band: ['enum.post'],
  education: ['enum.education'],
  kind: ['policy.allowanceKind'],
  type: ['enum.deduction'],
  per: ['policy.per'],
};

/** "4986" → "4,986.00 元"; a malformed figure is shown as it came. */
export function yuan(t: Translate, v: string): string {
  try {
    return `${thousands(moneyString(v))} ${t('policy.yuan')}`;
  } catch {
    return v;
  }
}

/** Labels a kind gives a field name that means something else elsewhere (a top-up's `level` is the group it is compared within, a qualification item's is the qualification). */
const KIND_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, MessageKey>>>> = { TOP_UP_RULE: { level: 'topUp.level' } };

/** A field's label (in the row's kind, where given), or its name when the page has none (a field added to the API later). */
export function fieldLabel(t: Translate, name: string, kind?: string): string {
  const own = kind ? KIND_FIELD_LABELS[kind]?.[name] : undefined;
  if (own) return t(own);
  return textOr(t, `policy.field.${name}`, name);
}

/**
 * A row's data as the screen shows it: an OVERTIME row without `hourlyBase` (written before it existed) says
 * so, since the engine then takes the hourly rate from the post's base pay.
 */
export function shownData(row: PolicyRowView): Record<string, unknown> {
  return row.kind === 'OVERTIME' && !('hourlyBase' in row.data) ? { ...row.data, hourlyBase: undefined } : row.data;
}

/** One scalar value as text: money in 元, rates in %, booleans as yes/no, codes (the rounding rule, the caliber, the hourly base, …) by name. */
export function formatValue(t: Translate, name: string, v: unknown): string {
  if (name === 'hourlyBase') return v ? textOr(t, `policy.hourlyBase.${String(v)}`, String(v)) : t('policy.hourlyBase.absent');
  if (v === null || v === undefined) return name === 'upTo' ? t('policy.noLimit') : '-';
  if (typeof v === 'boolean') return t(v ? 'common.yes' : 'common.no');
  if (typeof v === 'string' && MONEY_FIELDS.has(name)) return yuan(t, v);
  if (typeof v === 'string' && RATES.has(name)) return ratePercent(v);
  if (typeof v === 'string' && ENUM_PREFIXES[name]) return codeName(t, ENUM_PREFIXES[name], v);
  if (typeof v === 'object') return Object.entries(v).map(([k, x]) => `${fieldLabel(t, k)} ${formatValue(t, k, x)}`).join(' · ');
  return String(v);
}

/** A code's name under the first of `prefixes` that has one, else the code as it came. */
function codeName(t: Translate, prefixes: readonly string[], code: string): string {
  for (const prefix of prefixes) {
    const name = textOr(t, `${prefix}.${code}`, '');
    if (name) return name;
  }
  return code;
}

/** The one line a list shows for a row: its label, then its figures (lists as their amounts). */
export function summaryOf(t: Translate, row: PolicyRowView): string {
  const d = shownData(row);
  if (row.kind === 'INSURANCE') {
    const f = (k: string) => formatValue(t, k, d[k]);
    return `${String(d.label ?? d.code)} · ${ratePercent(String(d.employerRate))} / ${ratePercent(String(d.employeeRate))} · ${f('baseFloor')} – ${f('baseCeiling')}`;
  }
  // the key already says the code, year or band; the allowance kind is in its label
  const skip = new Set(['label', 'code', 'kind', 'year', 'type', 'band', 'grade', 'bodyKind', 'orgCode', 'prorate', 'taxFree', 'note']);
  const parts = Object.entries(d)
    .filter(([k]) => !skip.has(k))
    .map(([k, v]) => (Array.isArray(v) ? v.map((item) => itemText(t, item)).join(' / ') : `${fieldLabel(t, k, row.kind)} ${formatValue(t, k, v)}`));
  return [typeof d.label === 'string' ? d.label : null, ...parts].filter(Boolean).join(' · ');
}

/** A list entry (a level, a band, a bracket) in a few words: its key field, then its amount or rate. */
function itemText(t: Translate, item: unknown): string {
  if (typeof item !== 'object' || item === null) return String(item);
  return Object.entries(item)
    .map(([k, v]) => formatValue(t, k, v))
    .join(' ');
}

/** The top-level entries of `data`: scalars for a key/value list, lists of objects for a table each. */
export function dataEntries(data: Record<string, unknown>) {
  const scalars: Array<[string, unknown]> = [];
  const lists: Array<[string, Array<Record<string, unknown>>]> = [];
  for (const [k, v] of Object.entries(data)) {
    if (Array.isArray(v) && v.every((x) => typeof x === 'object' && x !== null)) lists.push([k, v as Array<Record<string, unknown>>]);
    else scalars.push([k, v]);
  }
  return { scalars, lists };
}
