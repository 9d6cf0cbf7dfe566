import { FUNDING_STREAMS } from '@cws/budget-contracts';
import { formatMoney, parseMoney } from '@cws/kernel';
import type { FormRule } from 'antd';
import { useMemo } from 'react';
import { useCommunities, useDistricts, useStreets } from '../../api/org';
import { useI18n, type MessageKey } from '../../i18n/I18nProvider';
import { placeNamer } from '../../lib/places';

/** Names for the budget's codes: funders (the city or a district), streams and places (the code itself until the org lists load). */
export function useBudgetNames() {
  const { t } = useI18n();
  const districts = useDistricts();
  const streets = useStreets(undefined);
  const communities = useCommunities({});
  const place = useMemo(() => placeNamer(districts.data, streets.data, communities.data), [districts.data, streets.data, communities.data]);
  return {
    place,
    districts: districts.data,
    funder: (f: string) => (f === 'CITY' ? t('budget.cityFunder') : `${place(f)}${t('budget.districtFunder')}`),
    stream: (s: string) => (FUNDING_STREAMS.includes(s as never) ? t(`budget.stream.${s}` as MessageKey) : s),
  };
}

/** An amount field's rules: required, a decimal of at most two places, above zero (read as fen by the kernel, never as a float). */
export function useAmountRules(): FormRule[] {
  const { t } = useI18n();
  return [
    { required: true, message: t('common.required') },
    {
      validator: async (_, v: string | undefined) => {
        if (!v) return;
        let fen: bigint;
        try {
          fen = parseMoney(v);
        } catch {
          throw new Error(t('payroll.amountInvalid'));
        }
        if (fen <= 0n) throw new Error(t('budgetAlloc.amountPositive'));
      },
    },
  ];
}

/** "1500" → "1500.00" through fen, as the API spells amounts. */
export const moneyString = (v: string) => formatMoney(parseMoney(v));

/** Whether an appropriation has money left to allocate (its decimal string is not zero). */
export const hasUnallocated = (a: { unallocated: string }) => !/^0*(\.0*)?$/.test(a.unallocated);
