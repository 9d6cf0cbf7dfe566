/**
 * Training courses, providers, the yearly rule and the shortfall report as the workers API answers
 * them (issue #11: the type the service returns, the admin UI reads and the OpenAPI document shows).
 */
import { COURSE_CATEGORIES } from '@cws/workers-core';
import { Contract, DateOnly, Fields, Instant, Int, MoneyString, NamedEnum, Nullable, type Static, Text } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import { CLASS_POSTING_STATUSES } from './recruitment';
import { TrainingResultSchema } from './worker-views';

/* @__NO_SIDE_EFFECTS__ */
const hours = (description: string, example: string) => /* @__PURE__ */ Type.String({ pattern: '^\\d+(\\.\\d)?$', description, example });

export const TrainingCourse = /* @__PURE__ */ Contract('TrainingCourse', '培训课程。A training course.', {
  id: /* @__PURE__ */ Int('课程 ID。Course id.', 1),
  name: /* @__PURE__ */ Text('名称。Name.', '社区治理实务'),
  category: /* @__PURE__ */ NamedEnum('CourseCategory', COURSE_CATEGORIES, '课程类别。Course category.'),
  active: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Type.Integer({ minimum: 0, maximum: 1, description: '1 为开设中（仅列表）。1 = offered (lists only).', example: 1 })),
});
export type TrainingCourseView = Static<typeof TrainingCourse>;

export const TrainingProvider = /* @__PURE__ */ Contract('TrainingProvider', '培训机构。A training provider.', {
  id: /* @__PURE__ */ Int('机构 ID。Provider id.', 1),
  name: /* @__PURE__ */ Text('名称。Name.', '杭州市委党校'),
  uscc: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Nullable(/* @__PURE__ */ Text('统一社会信用代码；未登记为 null（新建时未填则不返回）。Unified social credit code.', '91350200776049653A'))),
});
export type TrainingProviderView = Static<typeof TrainingProvider>;

const ruleFields = {
  year: /* @__PURE__ */ Int('年度。Year.', 2026),
  requiredHours: hours('每名在岗社区工作者全年应完成的学时。Hours each worker must complete in the year.', '40.0'),
  source: /* @__PURE__ */ Text('依据。Source.', '杭州市社区工作者培训管理办法（示例）'),
};
export const TrainingRule = /* @__PURE__ */ Contract('TrainingRule', '某年度的培训学时要求。The yearly training requirement.', ruleFields);
export type TrainingRuleView = Static<typeof TrainingRule>;

export const ShortfallCommunity = /* @__PURE__ */ Contract('ShortfallCommunity', '一个社区学时不足的人数。Workers short of the requirement in one community.', {
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  streetCode: /* @__PURE__ */ Text('街道代码。Street code.', '330106002'),
  communityCode: /* @__PURE__ */ Text('社区代码。Community code.', '330106002002'),
  short: /* @__PURE__ */ Int('学时不足的人数。Workers short of the requirement.', 3),
});

export const ShortfallWorker = /* @__PURE__ */ Contract('ShortfallWorker', '一名学时不足的社区工作者。A worker short of the requirement.', {
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  name: /* @__PURE__ */ Text('姓名。Name.', '陈晓燕'),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  streetCode: /* @__PURE__ */ Text('街道代码。Street code.', '330106002'),
  communityCode: /* @__PURE__ */ Text('社区代码。Community code.', '330106002002'),
  hireDate: /* @__PURE__ */ DateOnly('入职日期。Hire date.', '2019-05-01'),
  leftDate: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('离职日期（可能在该年之后）。Last day of service.')),
  hours: hours('该年已合格的学时。Passed hours in the year.', '16.0'),
  owedHours: hours('按在职月数折算的应完成学时。Required hours pro-rated by the months employed.', '20.0'),
  shortBy: hours('差额 = 应完成 − 已完成。owedHours − hours.', '4.0'),
  monthsEmployed: /* @__PURE__ */ Int('该年在职的自然月数（有一天即算）。Months of the year employed.', 6),
  employedFrom: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('该年在职起始；该年未在职为 null。Employed from.', '2026-01-01')),
  employedTo: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('该年在职截止；该年未在职为 null。Employed to.', '2026-06-30')),
  basis: /* @__PURE__ */ NamedEnum('ShortfallBasis', ['FULL_YEAR', 'HIRED_IN_YEAR', 'LEFT_IN_YEAR', 'HIRED_AND_LEFT_IN_YEAR', 'NOT_EMPLOYED'] as const, '折算依据。How the months were counted.'),
  reason: /* @__PURE__ */ Text('应完成学时的计算说明。Why this much is owed.', 'left 2026-06-30: 6 of 12 months × 40.0 h = 20.0 h'),
});

export const ShortfallReport = /* @__PURE__ */ Contract('ShortfallReport', '培训学时不足报告：所用规则，及不足的社区与人员。The rule applied, then who falls short under it.', /* @__PURE__ */ Fields(ruleFields, {
  rule: /* @__PURE__ */ Text('应完成学时的计算方法。How owed hours are computed.', 'owed = requiredHours × months employed in the year ÷ 12 …'),
  excluded: /* @__PURE__ */ Type.Object({
    secondedIn: /* @__PURE__ */ Int('不计入的下派挂职干部人数。Seconded-in cadres not counted.', 3),
  }, { description: '未计入的人员。Members of the register not counted.' }),
  communities: /* @__PURE__ */ Type.Array(ShortfallCommunity, { description: '各社区。Per community.' }),
  workers: /* @__PURE__ */ Type.Array(ShortfallWorker, { description: '学时不足的人员。Workers short of the requirement.' }),
}));
export type ShortfallReportView = Static<typeof ShortfallReport>;

export const RecordedTrainingResult = /* @__PURE__ */ Contract('RecordedTrainingResult', '登记的培训结果（合格者计入学时）。A worker’s result as recorded; a pass earns the class hours.', {
  classId: /* @__PURE__ */ Int('培训班 ID。Class id.', 12),
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  result: TrainingResultSchema,
  hours: hours('计入的学时（不合格、缺席为 0.0）。Hours earned.', '24.0'),
  certificateNo: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('结业证书编号。Certificate number.', 'XH2026-0001')),
});
export type RecordedTrainingResultView = Static<typeof RecordedTrainingResult>;

/* @__NO_SIDE_EFFECTS__ */
const placeCode = (description: string, example: string) => /* @__PURE__ */ Nullable(/* @__PURE__ */ Text(description, example));
export const TrainingPosting = /* @__PURE__ */ Contract('TrainingPosting', '培训费用发往预算的一笔记账及其状态。A training cost posting to the budget, with its state.', {
  id: /* @__PURE__ */ Int('记账 ID。Posting id.', 3),
  classId: /* @__PURE__ */ Int('培训班 ID。Class id.', 12),
  fund: /* @__PURE__ */ Text('经费名目。Fund.', 'COMMUNITY_WORKER_TRAINING'),
  amount: /* @__PURE__ */ MoneyString('金额（元）。Amount.', '36000.00'),
  fiscalYear: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('财政年度；无法入账的旧记录为 null。Fiscal year.', 2026)),
  funder: placeCode('出资方：主办区县代码或 CITY。Funder.', '330106'),
  stream: placeCode('经费渠道。Funding stream.', 'TRAINING'),
  districtCode: placeCode('区县代码。District code.', '330106'),
  streetCode: placeCode('街道代码。Street code.', '330106001'),
  communityCode: placeCode('费用记入的社区。Community charged.', '330106001001'),
  idempotencyKey: /* @__PURE__ */ Text('预算服务据以去重的键。The key the budget service deduplicates by.', 'workers:training-class:12'),
  sourceRef: placeCode('来源单据号（在预算的记账中按它查找）。Source reference, as the budget’s postings carry it.', 'training-class:12'),
  status: /* @__PURE__ */ NamedEnum('TrainingPostingStatus', CLASS_POSTING_STATUSES, '状态：PENDING 待发送、SENT 已发送、UNROUTED 无法入账（没有费用社区的旧记录）。Status.'),
  sentAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('发送时刻。Sent at.')),
  createdAt: /* @__PURE__ */ Instant('登记时刻。Recorded at.'),
});
export type TrainingPostingView = Static<typeof TrainingPosting>;
export type TrainingPostingStatus = TrainingPostingView['status'];
