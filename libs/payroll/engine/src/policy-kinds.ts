/**
 * The kinds of stored policy rows: effective-dated rows of one kind, each with a key (unique among
 * the rows of that kind in force on any date) and a JSON body whose shape depends on the kind.
 */
export const POLICY_KINDS = [
  'CITY_WAGE',
  'COMMUNITY_WAGE',
  'UNIT_VALUE',
  'POST_BAND',
  'GRADE_COEFFICIENT',
  'ENTRY_GRADE',
  'GRADE_PROGRESSION',
  'ALLOWANCE',
  'INSURANCE',
  'TAX_TABLE',
  'BONUS_TAX',
  'SPECIAL_DEDUCTION',
  'PRO_RATING',
  'OVERTIME',
  'TOP_UP_RULE',
  'COST_STREAM',
  'PAYING_ACCOUNT',
] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** Kinds whose key is a calendar year: the figure for that year is the open (latest) row. */
export const YEAR_KEYED_KINDS: readonly PolicyKind[] = ['CITY_WAGE', 'COMMUNITY_WAGE', 'UNIT_VALUE'];
