/**
 * 专项附加扣除: what a worker declared (in the 个人所得税 app, or on paper to HR) for income-tax
 * withholding. The register records the declarations; payroll reads each worker's year-to-date sum
 * from the snapshot and withholds by it (DOMAIN §4: cumulative taxable income subtracts them).
 */
import { Contract, DateOnly, Instant, Int, MoneyString, NamedEnum, Nullable, type Static, Text, YearMonth } from '@cws/kernel';
import { Type } from '@sinclair/typebox';

export const SPECIAL_DEDUCTION_TYPES = [
  'CHILD_EDUCATION', 'INFANT_CARE', 'ELDERLY_SUPPORT', 'HOUSING_LOAN_INTEREST', 'HOUSING_RENT', 'CONTINUING_EDUCATION',
] as const;
export type SpecialDeductionType = (typeof SPECIAL_DEDUCTION_TYPES)[number];

/**
 * The most one month of each may be, in 元 (the 2023 standards, DOMAIN §4): 2,000 per child (ten at
 * most), 3,000 for an only child supporting parents, 1,000 loan interest, 1,500 rent in Hangzhou, and
 * 3,600 for continuing education (the certificate's month; a degree is 400 a month).
 */
export const SPECIAL_DEDUCTION_MONTHLY_CAP: Readonly<Record<SpecialDeductionType, string>> = {
  CHILD_EDUCATION: '20000.00', INFANT_CARE: '20000.00', ELDERLY_SUPPORT: '3000.00',
  HOUSING_LOAN_INTEREST: '1000.00', HOUSING_RENT: '1500.00', CONTINUING_EDUCATION: '3600.00',
};


export const SpecialDeduction = /* @__PURE__ */ Contract('SpecialDeduction', '一项专项附加扣除申报（按月）。One special additional deduction a worker declared, by month.', {
  id: /* @__PURE__ */ Int('申报 ID。Declaration id.', 12),
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  type: /* @__PURE__ */ NamedEnum('SpecialDeductionType', SPECIAL_DEDUCTION_TYPES, '扣除项目：子女教育、3 岁以下婴幼儿照护、赡养老人、住房贷款利息、住房租金、继续教育。The kind of deduction.'),
  monthlyAmount: /* @__PURE__ */ MoneyString('每月扣除额（元）。The amount a month, 元.', '2000.00'),
  fromMonth: /* @__PURE__ */ YearMonth('起始月份（含）。First month (inclusive).', '2026-01'),
  toMonth: /* @__PURE__ */ Nullable(/* @__PURE__ */ YearMonth('终止月份（含）；未定为 null。Last month (inclusive); null while it lasts.', '2026-12')),
  note: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('备注。Note.', '两个子女，各扣 50%')),
  createdBy: /* @__PURE__ */ Text('登记人。Recorded by.', 'xihu-hr'),
  createdAt: /* @__PURE__ */ Instant('登记时间。Recorded at.'),
});
export type SpecialDeductionView = Static<typeof SpecialDeduction>;

export const WorkerSpecialDeductions = /* @__PURE__ */ Contract('WorkerSpecialDeductions', '社区工作者的专项附加扣除申报及本年累计。A worker’s declarations and the year-to-date sum payroll withholds by.', {
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  asOf: /* @__PURE__ */ DateOnly('累计截至的日期（其所在月含在内）。The date whose month the year-to-date sum runs through.', '2026-06-30'),
  yearToDate: /* @__PURE__ */ MoneyString('本年截至该月的累计扣除额（从 1 月或入职当月起）。This year’s sum through that month, from January or the hire month.', '12000.00'),
  items: /* @__PURE__ */ Type.Array(SpecialDeduction, { description: '申报（新的在前）。Declarations, newest first.' }),
});
export type WorkerSpecialDeductionsView = Static<typeof WorkerSpecialDeductions>;

/**
 * The worker's withholding flags for a year (DOMAIN §4), when HR has set them; null = the payroll default:
 * `firstJobOfYear` (公告2020年第19号: no wage income earlier in the year, so the basic deduction counts from
 * January) defaults to "hired this calendar year"; `lowIncomeLastYear` (公告2020年第13号: last year's income
 * here ≤ 60,000) to what payroll's own slips of last year show.
 */
export const WorkerTaxYear = /* @__PURE__ */ Contract('WorkerTaxYear', '社区工作者某年的个税预扣标志（人事设定；null 为默认）。A worker’s withholding flags for a year; null = payroll’s default.', {
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  year: /* @__PURE__ */ Int('纳税年度。Tax year.', 2026),
  firstJobOfYear: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Boolean({ description: '本年首次取得工资薪金（1 月起累计减除费用）；null 为默认（本年入职）。No wage income earlier in the year; null = hired this year.' })),
  lowIncomeLastYear: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Boolean({ description: '上年在本单位收入不超过 6 万元（1 月起扣除 6 万元）；null 为默认（按上年工资条）。Last year ≤ 60,000 here; null = from last year’s slips.' })),
  note: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('依据。Why.', '本人承诺本年此前无工资薪金所得')),
  updatedBy: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('设定人。Set by.', 'xihu-hr')),
  updatedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('设定时间。Set at.')),
});
export type WorkerTaxYearView = Static<typeof WorkerTaxYear>;
