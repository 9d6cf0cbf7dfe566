import type { zhCNBases } from './zh-CN.bases';

/** English labels for the keys of zh-CN.bases.ts. */
export const enBases: Record<keyof typeof zhCNBases, string> = {
  'workers.bases': 'Contribution base',
  'bases.howChosen': 'When nothing is declared, the base is the previous year’s average monthly wage; without one, the first full month’s wage; failing that, this month’s wage. Each insurance item then applies its own floor and ceiling.',
  'bases.declare': 'Declare',
  'bases.declareTitle': 'Declare a contribution base',
  'bases.validFrom': 'From month',
  'bases.validFromHint': 'From this month to the end of the contribution year; declaring the same month again replaces the earlier declaration.',
  'bases.base': 'Contribution base (yuan)',
  'bases.housingFundBase': 'Housing-fund base (yuan)',
  'bases.housingFundBaseHint': 'Leave empty for the same as the contribution base.',
  'bases.sameAsBase': 'Same',
  'bases.declaredBy': 'Declared by · at',
  'bases.none': 'Nothing declared: the base is computed from the wages.',
  'bases.withdraw': 'Withdraw',
  'bases.withdrawConfirm': 'Withdraw this declaration made in error? Computations then take the base from the wages.',
  'bases.declared': 'Declared. Draft runs pick it up at their next computation (the nightly batch or a recalculation); approved or paid runs are not changed.',
  'bases.withdrawn': 'Withdrawn. Draft runs take the base from the wages at their next computation (the nightly batch or a recalculation); approved or paid runs are not changed.',
  'base.source.BASE_DECLARED': 'declared',
  'base.source.BASE_PREVIOUS_YEAR_AVERAGE': 'previous year’s average monthly wage',
  'base.source.BASE_FIRST_FULL_MONTH': 'first full month’s wage',
  'base.source.BASE_THIS_MONTH': 'this month’s wage',
} as const;
