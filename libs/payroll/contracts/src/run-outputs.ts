/**
 * A run's bank files, the workforce changes payroll has received and the effective policy, as the
 * payroll API answers them (issue #11: the type the service returns and the OpenAPI schema in one).
 */
import { Contract, DateOnly, IdString, Instant, Int, MoneyString, Nullable, Page, Text, type Static } from '@cws/kernel';
import { Type } from '@sinclair/typebox';

export const BankFileEntry = /* @__PURE__ */ Contract('BankFileEntry', '批次的一个银行代发文件（按付款账户）。One bank file of a run, per paying account.', {
  payingAccount: /* @__PURE__ */ Text('付款账户。Paying account.', '33001616735059000111'),
  payingAccountName: /* @__PURE__ */ Text('付款账户名称。Paying account name.', '杭州市西湖区民政局'),
  count: /* @__PURE__ */ Int('收款人数。Payees.', 812),
  total: /* @__PURE__ */ MoneyString('代发合计（元）。Total.', '4836000.00'),
  url: /* @__PURE__ */ Text('下载地址（csv）。Where to download the csv.', '/api/payroll/v1/runs/42/bank-files/33001616735059000111.csv'),
  missingAccounts: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
    payslipId: /* @__PURE__ */ IdString('工资条 ID。Payslip id.', '90211'),
    workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
    net: /* @__PURE__ */ MoneyString('实发（元）。Net pay.', '5954.60'),
  }), { description: '实发为正但未登记银行卡的人：不在文件中，需另行发放。Payees with no account on file: paid by hand.' }),
});
export type BankFileEntryView = Static<typeof BankFileEntry>;

export const WorkforceChange = /* @__PURE__ */ Contract('WorkforceChange', '工资服务收到的一条人员变动事件（补发、停发依据）。A workforce event payroll received.', {
  id: /* @__PURE__ */ IdString('记录 ID。Id.', '301'),
  eventName: /* @__PURE__ */ Text('事件名称。Event name.', 'worker.left'),
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  districtCode: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('区县代码。District code.', '330106')),
  streetCode: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('街道代码。Street code.', '330106001')),
  communityCode: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('社区代码。Community code.', '330106001001')),
  effectiveDate: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('生效日期。Effective on.', '2026-03-15')),
  payload: /* @__PURE__ */ Type.Unsafe<object>({ type: 'object', additionalProperties: true, description: '事件原文。The event as received.', example: { workerId: 1024, leftDate: '2026-03-15' } }),
  receivedAt: /* @__PURE__ */ Instant('收到时刻。Received at.'),
});
export type WorkforceChangeView = Static<typeof WorkforceChange>;
export const WorkforceChangePage = /* @__PURE__ */ Page('WorkforceChangePage', '人员变动事件分页。Workforce events.', WorkforceChange);
export type WorkforceChangePageView = Static<typeof WorkforceChangePage>;

/** The engine's policy object as JSON (amounts as decimal strings); its shape is the engine's PayrollPolicy. */
export const EffectivePolicy = /* @__PURE__ */ Type.Unsafe<Record<string, unknown>>({
  $id: 'EffectivePolicy', type: 'object', additionalProperties: true,
  description: '某年度某日适用的全部薪酬政策（计算引擎的政策对象，金额为小数字符串）。The engine’s policy object for a payroll year.',
});
