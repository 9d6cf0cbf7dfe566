/**
 * The workforce snapshot (`GET /v1/snapshots`): what payroll freezes into a run, one worker as of a date. A contract
 * like the others (issue #11): the type the service returns and payroll reads, and the OpenAPI schema the finance
 * bureaus' clients are generated from — before, a Swagger class that had fallen behind the interface (no grade,
 * no deductions, no tax flags).
 */
import { Contract, DateOnly, Int, MoneyString, Nullable, type Static, Text } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import {
  AppointmentRoleSchema, BodyKindSchema, EducationSchema, EmploymentTypeSchema, PostBandSchema, QualificationLevelSchema, SecondmentDirectionSchema,
  SecondmentPayerSchema, WorkerStatusSchema,
} from './vocabulary-schemas';

/* @__NO_SIDE_EFFECTS__ */
const day = (description: string, example = '2025-03-01') => /* @__PURE__ */ DateOnly(description, example);
/* @__NO_SIDE_EFFECTS__ */
const nullableBoolean = (description: string) => /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Boolean({ description }));

export const WorkerSnapshot = /* @__PURE__ */ Contract('WorkerSnapshot', '某日的一名社区工作者（薪酬计算冻结的内容）。One worker as of a date, as payroll freezes it.', {
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  name: /* @__PURE__ */ Text('姓名。Name.', '张丽华'),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  streetCode: /* @__PURE__ */ Text('街道代码。Street code.', '330106001'),
  communityCode: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
  placeSince: day('在该社区的起始日期（调入日期；未调动过为入职日期）。The first day in this place: the transfer date, else the hire date.', '2012-07-01'),
  employmentType: EmploymentTypeSchema,
  status: WorkerStatusSchema,
  postBand: PostBandSchema,
  education: EducationSchema,
  hireDate: day('入职日期。Hire date.', '2012-07-01'),
  serviceYears: /* @__PURE__ */ Int('截至当日的工龄（整年）。Full years of service.', 12),
  grade: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('当日在册的等级（1–18）；当日无等级记录为 null，薪酬按原样计价。The grade in force on the date.', 8)),
  gradeBand: /* @__PURE__ */ Nullable(PostBandSchema),
  gradeDerived: /* @__PURE__ */ Type.Boolean({ description: '等级来自一次性回填（入职定级 + 每 3 年一级），不是记录的决定。From the one-off backfill, not a recorded decision.' }),
  gradeSince: /* @__PURE__ */ Nullable(day('当前等级的生效日期。The grade took effect on.', '2024-01-01')),
  priorServiceMonths: /* @__PURE__ */ Int('入职时认定的此前社区工作月数。Prior community service credited at hire, in months.', 0),
  qualificationLevel: QualificationLevelSchema,
  appointments: /* @__PURE__ */ Type.Array(
    /* @__PURE__ */ Type.Object({ bodyKind: BodyKindSchema, role: AppointmentRoleSchema, from: day('任职起始。From.'), to: /* @__PURE__ */ Nullable(day('任职结束。To.')) }),
    { description: '当日在任的职务。The posts held on the date.' },
  ),
  bodiesHeld: /* @__PURE__ */ Int('当日任职的组织数。Bodies the worker holds posts in on the date.', 2),
  primaryBody: /* @__PURE__ */ Nullable(BodyKindSchema),
  secondment: /* @__PURE__ */ Nullable(
    /* @__PURE__ */ Type.Object({ direction: SecondmentDirectionSchema, payer: SecondmentPayerSchema, from: day('挂职起始。From.'), to: /* @__PURE__ */ Nullable(day('挂职结束。To.', '2025-08-31')) }, {
      description: '当日的挂职；没有为 null。The secondment on the date; null with none.',
    }),
  ),
  hostPaidInMonth: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({ from: day('起。From.'), to: day('止。To.', '2025-03-31') }), {
    description: '当月由挂职单位承担工资的日期段（外派、挂职单位承担）。The days of the month a host pays for.',
  }),
  bankAccount: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('银行卡号：持 payroll:read 的 API 客户端或市级管理员、财务得到完整号码，其他只见后四位。Whole for payroll:read, CITY_ADMIN and FINANCE; the last four otherwise.', '6225768888888888')),
  specialDeductionsYtd: /* @__PURE__ */ MoneyString('本年截至当月的专项附加扣除（元）。This year’s special additional deductions through the month.', '6000.00'),
  taxFlags: /* @__PURE__ */ Nullable(
    /* @__PURE__ */ Type.Object({
      firstJobOfYear: nullableBoolean('本年首次取得工资薪金。First job of the year.'),
      lowIncomeLastYear: nullableBoolean('上年收入不超过 6 万元。Last year’s income at most 60,000.'),
    }, { description: 'HR 为本年设置的预扣标志；未设置为 null（按薪酬默认）。The withholding flags HR set for the year; null: payroll’s defaults.' }),
  ),
  residentId: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('完整身份证号：仅 ?identities=true，且仅 payroll:read 客户端（个税申报）。Only with ?identities=true, payroll:read clients only.', '11010519491231002X')),
});
export type WorkerSnapshot = Static<typeof WorkerSnapshot>;

export const WorkerSnapshotPage = /* @__PURE__ */ Contract('WorkerSnapshotPage', '某日的人员快照分页（按 ID 游标）。A page of the workforce as of a date.', {
  asOf: day('快照日期。As of.', '2025-06-30'),
  items: /* @__PURE__ */ Type.Array(WorkerSnapshot, { description: '本页人员。Workers of this page.' }),
  nextAfter: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('下一页的 ?after=；最后一页为 null。Pass as ?after=; null on the last page.', '2048')),
});
export type WorkerSnapshotPage = Static<typeof WorkerSnapshotPage>;

/** Worker ids one snapshot request may name (`?workers=`): payroll reads each leaver on their last day with it. */
export const SNAPSHOT_WORKERS_MAX = 200;
