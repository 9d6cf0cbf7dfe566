/**
 * Contribution bases HR declares (缴费基数申报): the social-insurance bureau's figure, or last year's wages at
 * go-live. A declaration holds from its month to the end of that contribution year and wins over the base
 * payroll computes from its own slips (docs/payroll.md "Contribution base").
 */
import { Contract, IdString, Instant, Int, MoneyString, Nullable, Page, Text, YearMonth, type Static } from '@cws/kernel';

export const DeclaredContributionBase = /* @__PURE__ */ Contract('DeclaredContributionBase', '申报的缴费基数：自某月起，至该缴费年度结束。A declared contribution base.', {
  id: /* @__PURE__ */ IdString('申报 ID。Id.', '17'),
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  validFrom: /* @__PURE__ */ YearMonth('起始月份（含）。First month it applies to.', '2027-07'),
  base: /* @__PURE__ */ MoneyString('社保缴费基数（元；各险种再按上下限截取）。The base, before each item’s floor and ceiling.', '7500.00'),
  housingFundBase: /* @__PURE__ */ Nullable(/* @__PURE__ */ MoneyString('公积金缴存基数（元）；null 为同社保基数。The housing fund’s own base; null = the same.', '8000.00')),
  note: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('说明。Note.', '社保中心核定')),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  streetCode: /* @__PURE__ */ Text('街道代码。Street code.', '330106001'),
  declaredBy: /* @__PURE__ */ Text('申报人。Who declared it.', '西湖区人社 张敏'),
  declaredAt: /* @__PURE__ */ Instant('申报时刻。When.'),
});
export type DeclaredContributionBaseView = Static<typeof DeclaredContributionBase>;

export const DeclaredContributionBasePage = /* @__PURE__ */ Page('DeclaredContributionBasePage', '申报的缴费基数分页。Declared contribution bases.', DeclaredContributionBase);
export type DeclaredContributionBasePageView = Static<typeof DeclaredContributionBasePage>;

export const DeclaredContributionBasesResult = /* @__PURE__ */ Contract('DeclaredContributionBasesResult', '一次申报的结果。What one declaration wrote.', {
  validFrom: /* @__PURE__ */ YearMonth('起始月份。First month.', '2027-07'),
  created: /* @__PURE__ */ Int('新增的人数。Workers declared for the first time this month.', 530),
  replaced: /* @__PURE__ */ Int('替换此前同月申报的人数。Workers whose earlier declaration of this month was replaced.', 10),
});
export type DeclaredContributionBasesResultView = Static<typeof DeclaredContributionBasesResult>;
