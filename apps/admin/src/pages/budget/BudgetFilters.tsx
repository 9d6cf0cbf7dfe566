import { FUNDER_PATTERN, FUNDING_STREAMS, SOURCE_REF_PREFIX_PATTERN } from '@cws/budget-contracts';
import { Input, InputNumber, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useCommunities, useDistricts, useStreets } from '../../api/org';
import type { BudgetListFilter } from '../../api/postings';
import type { Scope } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { PlaceFilter } from '../../layout/PlaceFilter';
import { urlParam, type UrlParams } from '../../lib/useUrlFilters';
import { filterFundersOf, useBudgetNames, useFilterFunders } from './useBudgetNames';

type YearFilterProps = { testId: string } & (
  | { value: number; onChange: (year: number) => void; optional?: false }
  | { value: number | undefined; onChange: (year?: number) => void; optional: true }
);

/**
 * A budget page's fiscal-year filter, labelled "year". The budget is kept by year, so a page's figures always
 * name one; a list may be `optional` (emptied: every year, e.g. the parked costs, some with no year at all).
 */
export function YearFilter(props: YearFilterProps) {
  const { t } = useI18n();
  return (
    <>
      <Typography.Text>{t('budget.year')}</Typography.Text>
      <InputNumber
        min={2000}
        max={2100}
        precision={0}
        value={props.value}
        placeholder={props.optional ? t('budgetFilter.allYears') : undefined}
        onChange={(v) => (props.optional ? props.onChange(v ?? undefined) : v && props.onChange(v))}
        data-testid={props.testId}
      />
    </>
  );
}

/** A budget list's filter by funding stream, the streams named in the user's language, cleared with ×. */
export function StreamFilter({ value, disabled, onChange, testId }: { value: string | undefined; disabled?: boolean; onChange: (stream?: string) => void; testId?: string }) {
  const { t } = useI18n();
  const names = useBudgetNames();
  return <Select allowClear placeholder={t('budget.col.stream')} style={{ width: 170 }} value={value} disabled={disabled} onChange={onChange} options={names.streamOptions} id={testId} data-testid={testId} />;
}

/** A budget list's filter by funder: the funders the user may name (useFilterFunders), by name, cleared with ×. */
export function FunderFilter({ value, onChange, testId }: { value: string | undefined; onChange: (funder?: string) => void; testId: string }) {
  const { t } = useI18n();
  const names = useBudgetNames();
  const funders = useFilterFunders();
  if (!funders.length) return null;
  const options = funders.map((f) => ({ value: f, label: names.funder(f) }));
  return <Select allowClear placeholder={t('budget.col.funder')} style={{ width: 150 }} value={value} onChange={onChange} options={options} id={testId} data-testid={testId} />;
}

/** Where a budget list looks: a district, a street, a community (each narrower one inside the wider). */
export interface BudgetPlace {
  district?: string;
  street?: string;
  community?: string;
}

/**
 * A budget list's place filters: the district (city users only — a district user's lists are their district's), the
 * streets (of that district when one is chosen), a street's communities. A wider choice clears the narrower ones;
 * `onChange` gets what changed. The selects' test ids are `<testId>-district`, `-street` and `-community`.
 */
export function BudgetPlaceFilter({ value, onChange, testId }: { value: BudgetPlace; onChange: (change: BudgetPlace) => void; testId: string }) {
  const { me } = useAuth();
  const districts = useDistricts();
  const streets = useStreets(value.district);
  const communities = useCommunities({ street: value.street }, !!value.street);
  return (
    <>
      {me?.scope.level === 'CITY' && (
        <PlaceFilter level="district" places={districts.data} width={120} value={value.district} onChange={(district) => onChange({ district, street: undefined, community: undefined })} testId={`${testId}-district`} />
      )}
      <PlaceFilter level="street" places={streets.data} width={150} value={value.street} onChange={(street) => onChange({ street, community: undefined })} testId={`${testId}-street`} />
      <PlaceFilter level="community" places={communities.data} width={170} value={value.community} disabled={!value.street} onChange={(community) => onChange({ community })} testId={`${testId}-community`} />
    </>
  );
}

/**
 * How a budget list's filters are read from the address (useUrlFilters), as the service takes them: a year 2000–2100,
 * a funder ('CITY' or a district code), a stream, district / street / community codes of 6 / 9 / 12 digits and a
 * source-reference prefix (SOURCE_REF_PREFIX_PATTERN). A page adds its own (kind, state) and makes the year
 * `emptiable` where its default is one year.
 */
export const budgetListParams: UrlParams<Required<BudgetListFilter> & { sourceRefPrefix: string }> = {
  fiscalYear: urlParam.int(2000, 2100),
  funder: urlParam.text(FUNDER_PATTERN),
  stream: urlParam.oneOf(FUNDING_STREAMS),
  district: urlParam.text(/^\d{6}$/),
  street: urlParam.text(/^\d{9}$/),
  community: urlParam.text(/^\d{12}$/),
  sourceRefPrefix: urlParam.text(SOURCE_REF_PREFIX_PATTERN),
};

/**
 * A list filter's funder and place as the user with `scope` may name them (what FunderFilter and BudgetPlaceFilter
 * offer), the rest dropped — a link from a user of wider scope may name more: a city user any funder and place, a
 * street inside the chosen district; a district or street user the city or their own district as funder, no district
 * (their lists are their district's), a street of their district (their own street); a community only inside the
 * chosen street. Nothing while the user is not known.
 */
export function admitBudgetPlace<F extends BudgetPlace & { funder?: string }>(scope: Scope | undefined, filter: F): F {
  const city = scope?.level === 'CITY';
  const own = scope?.district;
  const district = city ? filter.district : undefined;
  const within = city ? (district ?? '') : (scope?.street ?? own);
  const street = within !== undefined && filter.street?.startsWith(within) ? filter.street : undefined;
  const community = street && filter.community?.startsWith(street) ? filter.community : undefined;
  const funders = filterFundersOf(scope);
  const funder = funders === null || (filter.funder !== undefined && funders.includes(filter.funder)) ? filter.funder : undefined;
  return { ...filter, funder, district, street, community };
}

/** admitBudgetPlace for the signed-in user: a list's `admit` (useUrlFilters). */
export function useAdmitBudgetPlace(): <F extends BudgetPlace & { funder?: string }>(filter: F) => F {
  const { me } = useAuth();
  return (filter) => admitBudgetPlace(me?.scope, filter);
}

/**
 * A search field's text: what the user types, set again to `value` whenever that changes (a filter read from the
 * address, or applied with spaces trimmed).
 */
export function useSearchText(value: string | undefined): [string, (text: string) => void] {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value ?? '');
  }
  return [text, setText];
}

/**
 * A list's filter by the start of a source reference (a voucher number, `payroll-run:42:`): applied on Enter or the
 * search button when it is a prefix the service takes (SOURCE_REF_PREFIX_PATTERN), else marked and not sent;
 * emptied, it clears. It shows `value`, the prefix applied, until the user types another.
 */
export function SourceRefFilter({ value, onChange, testId }: { value?: string; onChange: (prefix?: string) => void; testId: string }) {
  const { t } = useI18n();
  const [text, setText] = useSearchText(value);
  const [invalid, setInvalid] = useState(false);
  const search = (text: string) => {
    const prefix = text.trim();
    const ok = prefix === '' || SOURCE_REF_PREFIX_PATTERN.test(prefix);
    setInvalid(!ok);
    if (ok) onChange(prefix || undefined);
  };
  return (
    <>
      <Input.Search
        allowClear
        status={invalid ? 'error' : undefined}
        placeholder={t('budgetFilter.sourceRefPrefix')}
        style={{ width: 200 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={search}
        data-testid={testId}
      />
      {invalid && (
        <Typography.Text type="danger" data-testid={`${testId}-invalid`}>
          {t('budgetFilter.sourceRefPrefixInvalid')}
        </Typography.Text>
      )}
    </>
  );
}

/** What a budget list filters by: the list filters and the start of a posting's source reference. */
type ListFilter = BudgetListFilter & { sourceRefPrefix?: string };

/**
 * The filter row of a budget list (postings, the parked queue, the ledger): the year (emptiable: every year), funder,
 * stream and place, then the list's own filters (`children`), then the start of the source reference. Test ids are
 * `<testId>-filters`, `-year`, `-funder`, `-stream`, `-place` and `-source-ref`.
 */
export function BudgetListFilters<F extends ListFilter>({ filter, change, testId, children }: { filter: F; change: (c: Partial<F>) => void; testId: string; children?: ReactNode }) {
  const set = (c: ListFilter) => change(c as Partial<F>);
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid={`${testId}-filters`}>
      <YearFilter optional value={filter.fiscalYear} onChange={(fiscalYear) => set({ fiscalYear })} testId={`${testId}-year`} />
      <FunderFilter value={filter.funder} onChange={(funder) => set({ funder })} testId={`${testId}-funder`} />
      <StreamFilter value={filter.stream} onChange={(stream) => set({ stream })} testId={`${testId}-stream`} />
      <BudgetPlaceFilter value={filter} onChange={set} testId={`${testId}-place`} />
      {children}
      <SourceRefFilter value={filter.sourceRefPrefix} onChange={(sourceRefPrefix) => set({ sourceRefPrefix })} testId={`${testId}-source-ref`} />
    </Space>
  );
}
