import { CITY_FUNDER, FUNDING_STREAMS } from '@cws/budget-contracts';
import type { TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useCommunities, useDistricts, useStreets } from '../../api/org';
import type { Scope } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { useI18n, type MessageKey, type Translate } from '../../i18n/I18nProvider';
import { placeNamer } from '../../lib/places';

/** A funding stream by its name in the user's language (the code itself when the UI has no label for it). */
export const streamName = (t: Translate, s: string): string => (FUNDING_STREAMS.includes(s as never) ? t(`budget.stream.${s}` as MessageKey) : s);

/** Names for the budget's codes: funders (the city or a district), streams and places (the code itself until the org lists load). */
export function useBudgetNames() {
  const { t } = useI18n();
  const districts = useDistricts();
  const streets = useStreets(undefined);
  const communities = useCommunities({});
  const place = useMemo(() => placeNamer(districts.data, streets.data, communities.data), [districts.data, streets.data, communities.data]);
  const funder = (f: string) => (f === 'CITY' ? t('budget.cityFunder') : `${place(f)}${t('budget.districtFunder')}`);
  const stream = (s: string) => streamName(t, s);
  return {
    place,
    districts: districts.data,
    funder,
    stream,
    streamOptions: FUNDING_STREAMS.map((s) => ({ value: s, label: stream(s) })),
    /** A budget list's funder and stream columns, named (a parked cost may lack either: '-'). */
    fundingColumns: <T extends { funder: string | null; stream: string | null }>(): TableColumnsType<T> => [
      { title: t('budget.col.funder'), dataIndex: 'funder', render: (f: string | null) => (f ? funder(f) : '-') },
      { title: t('budget.col.stream'), dataIndex: 'stream', render: (s: string | null) => (s ? stream(s) : '-') },
    ],
  };
}

/**
 * The funders the signed-in user may appropriate for: the city and every district for a city user, a district user's own
 * district, none for a street user — the service answers 404 for any other (city money is the city's to budget).
 */
export function useFunders(): string[] {
  const { me } = useAuth();
  const districts = useDistricts();
  const scope = me?.scope;
  if (scope?.level === 'CITY') return [CITY_FUNDER, ...(districts.data ?? []).map((d) => d.code)];
  return scope?.level === 'DISTRICT' && scope.district ? [scope.district] : [];
}

/**
 * The funders a district or street user may filter a list by: a funder names whose money, not a place, so the city's
 * and their own district's (both fund records in their scope); null for a city user, who may name any.
 */
export function filterFundersOf(scope: Scope | undefined): string[] | null {
  if (scope?.level === 'CITY') return null;
  return scope?.district ? [CITY_FUNDER, scope.district] : [];
}

/** The funders a list may be filtered by (filterFundersOf; a city user: the city and every district). */
export function useFilterFunders(): string[] {
  const { me } = useAuth();
  const all = useFunders();
  return filterFundersOf(me?.scope) ?? all;
}

/** Whether an appropriation has money left to allocate (its decimal string is not zero). */
export const hasUnallocated = (a: { unallocated: string }) => !/^0*(\.0*)?$/.test(a.unallocated);
