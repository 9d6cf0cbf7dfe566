/**
 * Policy tables as the payroll API shows them: effective-dated rows of one kind, each with a key
 * (unique among the rows of that kind in force on any date), a source reference and a JSON body
 * whose shape depends on the kind. Amounts are decimal strings with two places.
 */
import { Contract, DateOnly, IdString, Instant, Int, NamedEnum, Nullable, Text, type Static } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import { POLICY_KINDS } from '@cws/payroll-engine';

/** The kinds are the engine's (it turns the rows into a policy): one list, re-exported here for the API and the UI. */
export { POLICY_KINDS, YEAR_KEYED_KINDS, type PolicyKind } from '@cws/payroll-engine';

export const WAGE_CALIBERS = ['URBAN_NON_PRIVATE', 'ALL_IN_POST', 'ALL_UNITS'] as const;
export type WageCaliberCode = (typeof WAGE_CALIBERS)[number];

export const ALLOWANCE_KINDS = ['QUALIFICATION', 'LONG_SERVICE', 'CROSS_APPOINTMENT', 'SHIFT', 'SECONDED_IN', 'ONE_OFF'] as const;
export type AllowanceKindCode = (typeof ALLOWANCE_KINDS)[number];

export const INSURANCE_CODES = ['PENSION', 'MEDICAL', 'UNEMPLOYMENT', 'WORK_INJURY', 'HOUSING_FUND'] as const;
export const ROUNDING_RULES = ['HALF_UP_FEN', 'HALF_UP_YUAN', 'DOWN_FEN', 'UP_FEN'] as const;

/** The kinds a worker declares (the register records the declarations; the policy rows give each kind's standard). */
export { SPECIAL_DEDUCTION_TYPES } from '@cws/workers-contracts';

/** Bodies a primary appointment may be in (DEFAULT: a worker holding none); COST_STREAM rows map each to the budget stream that pays for it. */
export const COST_STREAM_BODIES = ['PARTY', 'COMMITTEE', 'STATION', 'DEFAULT'] as const;
/** Who funds the pay of a COST_STREAM row: the worker's district or the city. */
export const COST_FUNDERS = ['DISTRICT', 'CITY'] as const;
export type CostStreamBody = (typeof COST_STREAM_BODIES)[number];

export const TOP_UP_RULES = ['AVERAGE', 'PER_WORKER'] as const;
/** What an OVERTIME row takes the hourly rate from (the engine's OvertimeHourlyBase). */
export const OVERTIME_HOURLY_BASES = ['MONTHLY_WAGE', 'BASE_PAY'] as const;
export type TopUpRuleCode = (typeof TOP_UP_RULES)[number];

/** A row of a policy table as the API answers it (GET/POST /api/payroll/v1/policy/rows): contract and type in one. */
export const PolicyRow = /* @__PURE__ */ Contract('PolicyRow', '薪酬政策表的一行：自生效日起适用，历史不覆盖。A policy row, in force from validFrom; history is never overwritten.', {
  id: /* @__PURE__ */ IdString('政策行 ID。Row id.', '42'),
  kind: /* @__PURE__ */ NamedEnum('PolicyKind', POLICY_KINDS, '政策类别。Policy kind.'),
  key: /* @__PURE__ */ Text('键（如年份、等级）。Key within the kind.', '2025'),
  validFrom: /* @__PURE__ */ DateOnly('生效日期（含）。First day in force.', '2026-01-01'),
  validTo: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('失效日期（含）；现行为 null。先于生效即被取代的行 validTo < validFrom。Last day in force; null while open.', '2026-12-31')),
  sourceRef: /* @__PURE__ */ Text('依据（文件或“示例数据”）。Source.', 'illustrative smooth series'),
  data: Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description: '数据，结构随 kind 不同（见 docs/payroll.md）。Row data; its shape depends on kind.' }),
  supersededBy: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('取代本行的新行 ID。Row that superseded this one.', '43')),
  createdBy: /* @__PURE__ */ Text('录入人 ID。Created by.', 'u-city'),
  createdAt: /* @__PURE__ */ Instant('录入时刻。Created at.', '2026-01-05T08:00:00.000Z'),
});
export type PolicyRowView = Static<typeof PolicyRow>;

/**
 * What a payroll year's policy lacks (GET /api/payroll/v1/policy/gaps): the tables with no row in force, as a run of
 * that year would name them in its 422 POLICY_INCOMPLETE — a question, answered 200, for the dashboard's 待办.
 */
export const PolicyGaps = /* @__PURE__ */ Contract('PolicyGaps', '某年度薪酬政策的缺口：没有现行行的政策表；为空时该年的工资可以计算。The policy tables a payroll year has no row in force for; none when its runs can be computed.', {
  year: /* @__PURE__ */ Int('年度。Payroll year.', 2027),
  asOf: /* @__PURE__ */ DateOnly('所查日期（默认该年 1 月 1 日）。As of (default 1 January of the year).', '2027-01-01'),
  missing: Type.Array(/* @__PURE__ */ Text('缺少的政策表（类别，或 类别:键）。A table with no row in force (kind, or kind:key).', 'UNIT_VALUE:2027'), {
    description: '缺少的政策表；为空即完整。The tables missing; empty when complete.',
  }),
});
export type PolicyGapsView = Static<typeof PolicyGaps>;
