/**
 * The per-household funding check and the parked queue postings as the budget API answers them
 * (issue #11: the type the service returns is the OpenAPI schema). Amounts are decimal strings.
 */
import { Contract, IdString, Instant, Int, MoneyString, NamedEnum, Nullable, Page, Text, type Static } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import { FundingStreamSchema } from './responses';

const communityCode = /* @__PURE__ */ Text('社区代码（12 位）。Community code.', '330106001001');
const streetCode = /* @__PURE__ */ Text('街道代码（9 位）。Street code.', '330106001');
const districtCode = /* @__PURE__ */ Text('区县代码（6 位）。District code.', '330106');
const households = /* @__PURE__ */ Int('户数。Households.', 3120);
const updatedAt = /* @__PURE__ */ Instant('最后修改时刻。Last changed at.');

export const HouseholdCount = /* @__PURE__ */ Contract('HouseholdCount', '社区户数（按户核定经费的依据）。The households of a community.', {
  communityCode,
  streetCode,
  districtCode,
  communityName: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('社区名称。Community name.', '翠苑一区社区')),
  households,
  updatedAt,
});
export type HouseholdCountView = Static<typeof HouseholdCount>;

export const FundingStandard = /* @__PURE__ */ Contract('FundingStandard', '某渠道某年度的按户经费标准。The per-household standard of a stream in a year.', {
  fiscalYear: /* @__PURE__ */ Int('财政年度。Fiscal year.', 2026),
  stream: FundingStreamSchema,
  perHousehold: /* @__PURE__ */ MoneyString('每户每年标准（元）。Yuan per household per year.', '20.00'),
  updatedAt,
});
export type FundingStandardView = Static<typeof FundingStandard>;

export const HouseholdStandardRow = /* @__PURE__ */ Contract('HouseholdStandardRow', '一个社区的按户标准检查。One community checked against the standard.', {
  communityCode,
  communityName: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('社区名称。Community name.', '翠苑一区社区')),
  streetCode,
  districtCode,
  households,
  allocated: /* @__PURE__ */ MoneyString('本渠道已分配给社区的金额（各出资方合计，元）。Allocated to the community from the stream, all funders.', '62400.00'),
  perHousehold: /* @__PURE__ */ Nullable(/* @__PURE__ */ MoneyString('实际每户金额（元）；户数为 0 时为 null。Allocated per household; null with no households.', '20.00')),
  standardPerHousehold: /* @__PURE__ */ MoneyString('每户标准（元）。The standard per household.', '20.00'),
  required: /* @__PURE__ */ MoneyString('应达金额 = 标准 × 户数（元）。standard × households.', '62400.00'),
  shortfall: /* @__PURE__ */ MoneyString('缺口（元），达标为 0。What is missing; 0.00 when met.'),
  belowStandard: /* @__PURE__ */ Type.Boolean({ description: '是否低于标准。Below the standard.', example: false }),
});
export type HouseholdStandardRowView = Static<typeof HouseholdStandardRow>;

export const HouseholdStandardReport = /* @__PURE__ */ Contract('HouseholdStandardReport', '按户核定标准检查。The per-household funding standard check.', {
  fiscalYear: /* @__PURE__ */ Int('财政年度。Fiscal year.', 2026),
  stream: FundingStreamSchema,
  standardPerHousehold: /* @__PURE__ */ MoneyString('每户标准（元）。The standard per household.', '20.00'),
  communities: /* @__PURE__ */ Int('检查的社区数。Communities checked.', 42),
  below: /* @__PURE__ */ Int('低于标准的社区数。Communities below the standard.', 3),
  rows: /* @__PURE__ */ Type.Array(HouseholdStandardRow, { description: '各社区（belowOnly=true 时只列低于标准的）。Communities (only those below with belowOnly=true).' }),
});
export type HouseholdStandardReportView = Static<typeof HouseholdStandardReport>;

export const UNMATCHED_REASONS = ['NO_ALLOCATION', 'FISCAL_YEAR_CLOSED', 'INSUFFICIENT_FUNDS', 'INVALID_POSTING', 'REFUND_EXCEEDS_SPENT'] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

export const UnmatchedPosting = /* @__PURE__ */ Contract('UnmatchedPosting', '未能入账、等待人工处理的队列费用（工资、培训）。A queued cost posting that could not be booked.', {
  id: /* @__PURE__ */ IdString('挂起记录 ID。Id of the parked posting.', '17'),
  externalKey: /* @__PURE__ */ Text('来源的幂等键（同一费用只挂起一次）。The source’s idempotency key.', 'payroll:run-42:330106001001:PARTY'),
  source: /* @__PURE__ */ Text('来源：PAYROLL 或 TRAINING。Source.', 'PAYROLL'),
  sourceRef: /* @__PURE__ */ Text('来源单据号。Reference in the source.', 'run-42'),
  reason: /* @__PURE__ */ NamedEnum('UnmatchedReason', UNMATCHED_REASONS, '未能入账的原因。Why it could not be booked.'),
  fiscalYear: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('财政年度（无法解析时为 null，下同）。Fiscal year; null when unreadable (likewise below).', 2026)),
  funder: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('出资方。Funder.', 'CITY')),
  stream: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('经费渠道代码。Funding stream code.', 'PARTY_BUILDING')),
  districtCode: /* @__PURE__ */ Nullable(districtCode),
  streetCode: /* @__PURE__ */ Nullable(streetCode),
  communityCode: /* @__PURE__ */ Nullable(communityCode),
  amount: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('金额原文（元；无效记账时可能不是合法金额）。The amount as received.', '1250.00')),
  payload: /* @__PURE__ */ Type.Unsafe<object>({ type: 'object', additionalProperties: true, description: '收到的原始费用消息。The cost posting as received.', example: { amount: '1250.00' } }),
  receivedAt: /* @__PURE__ */ Instant('收到时刻。Received at.'),
  resolvedPostingId: /* @__PURE__ */ Nullable(/* @__PURE__ */ IdString('处理后记入的记账 ID；未处理为 null。The posting it was booked as.', '389')),
  resolvedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('处理时刻。Resolved at.')),
});
export type UnmatchedPostingView = Static<typeof UnmatchedPosting>;
export const UnmatchedPostingPage = /* @__PURE__ */ Page('UnmatchedPostingPage', '挂起的队列费用分页。Parked queue postings.', UnmatchedPosting);
export type UnmatchedPostingPageView = Static<typeof UnmatchedPostingPage>;
