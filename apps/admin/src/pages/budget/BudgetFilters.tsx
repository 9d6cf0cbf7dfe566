import { SOURCE_REF_PREFIX_PATTERN } from '@cws/budget-contracts';
import { Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useCommunities, useDistricts, useStreets } from '../../api/org';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n } from '../../i18n/I18nProvider';
import { PlaceFilter } from '../../layout/PlaceFilter';
import { useBudgetNames, useFilterFunders } from './useBudgetNames';

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
 * A list's filter by the start of a source reference (a voucher number, `payroll-run:42:`): applied on Enter or the
 * search button when it is a prefix the service takes (SOURCE_REF_PREFIX_PATTERN), else marked and not sent;
 * emptied, it clears.
 */
export function SourceRefFilter({ onChange, testId }: { onChange: (prefix?: string) => void; testId: string }) {
  const { t } = useI18n();
  const [invalid, setInvalid] = useState(false);
  const search = (text: string) => {
    const prefix = text.trim();
    const ok = prefix === '' || SOURCE_REF_PREFIX_PATTERN.test(prefix);
    setInvalid(!ok);
    if (ok) onChange(prefix || undefined);
  };
  return (
    <>
      <Input.Search allowClear status={invalid ? 'error' : undefined} placeholder={t('budgetFilter.sourceRefPrefix')} style={{ width: 200 }} onSearch={search} data-testid={testId} />
      {invalid && (
        <Typography.Text type="danger" data-testid={`${testId}-invalid`}>
          {t('budgetFilter.sourceRefPrefixInvalid')}
        </Typography.Text>
      )}
    </>
  );
}
