/**
 * Policy tables as the payroll API shows them: effective-dated rows of one kind, each with a key
 * (unique among the rows of that kind in force on any date), a source reference and a JSON body
 * whose shape depends on the kind. Amounts are decimal strings with two places.
 */
import type { PolicyKind } from '@cws/payroll-engine';

/** The kinds are the engine's (it turns the rows into a policy): one list, re-exported here for the API and the UI. */
export { POLICY_KINDS, YEAR_KEYED_KINDS, type PolicyKind } from '@cws/payroll-engine';

export const WAGE_CALIBERS = ['URBAN_NON_PRIVATE', 'ALL_IN_POST', 'ALL_UNITS'] as const;
export type WageCaliberCode = (typeof WAGE_CALIBERS)[number];

export const ALLOWANCE_KINDS = ['QUALIFICATION', 'LONG_SERVICE', 'CROSS_APPOINTMENT', 'SHIFT', 'SECONDED_IN', 'ONE_OFF'] as const;
export type AllowanceKindCode = (typeof ALLOWANCE_KINDS)[number];

export const INSURANCE_CODES = ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY', 'HOUSING_FUND'] as const;
export const ROUNDING_RULES = ['HALF_UP_FEN', 'HALF_UP_YUAN', 'DOWN_FEN', 'UP_FEN'] as const;

export const SPECIAL_DEDUCTION_TYPES = [
  'CHILD_EDUCATION', 'INFANT_CARE', 'ELDERLY_SUPPORT', 'HOUSING_LOAN_INTEREST', 'HOUSING_RENT', 'CONTINUING_EDUCATION',
] as const;

/** Bodies a primary appointment may be in (DEFAULT: a worker holding none); COST_STREAM rows map each to the budget stream that pays for it. */
export const COST_STREAM_BODIES = ['PARTY', 'COMMITTEE', 'STATION', 'DEFAULT'] as const;
/** Who funds the pay of a COST_STREAM row: the worker's district or the city. */
export const COST_FUNDERS = ['DISTRICT', 'CITY'] as const;
export type CostStreamBody = (typeof COST_STREAM_BODIES)[number];

export const TOP_UP_RULES = ['AVERAGE', 'PER_WORKER'] as const;
export type TopUpRuleCode = (typeof TOP_UP_RULES)[number];

export interface PolicyRowView {
  id: string;
  kind: PolicyKind;
  key: string;
  /** First day in force (YYYY-MM-DD). */
  validFrom: string;
  /** Last day in force, inclusive; null while open. A row superseded before it took effect has validTo < validFrom. */
  validTo: string | null;
  sourceRef: string;
  data: Record<string, unknown>;
  supersededBy: string | null;
  createdBy: string;
  createdAt: string;
}
