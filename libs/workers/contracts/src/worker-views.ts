/**
 * A worker as the register routes answer it: the list row, the record a write returns, the detail
 * with its posts, training, secondments, events and grades, and the audited personal data
 * (issue #11: the type the service returns, the admin UI reads and the OpenAPI document shows).
 */
import { Contract, DateOnly, Fields, Instant, Int, NamedEnum, Nullable, type Static, Text } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import {
  AppointmentRoleSchema, BodyKindSchema, CareerEventKindSchema, EducationSchema, EmploymentTypeSchema, ObtainedBySchema, PoliticalStatusSchema, PostBandSchema,
  QualificationLevelSchema, SecondmentDirectionSchema, SecondmentPayerSchema, SexSchema, WorkerStatusSchema,
} from './vocabulary-schemas';
import { GRADE_CAUSES } from '@cws/workers-core';

const workerId = /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024);
const communityCode = /* @__PURE__ */ Text('社区代码（12 位）。Community code.', '330106001001');
const streetCode = /* @__PURE__ */ Text('街道代码（9 位）。Street code.', '330106001');
const districtCode = /* @__PURE__ */ Text('区县代码（6 位）。District code.', '330106');
const note = /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('备注。Note.', '2024年度优秀社区工作者'));

/** What every view of a worker shows: masked identity, place, status, employment. */
const workerCore = {
  id: workerId,
  name: /* @__PURE__ */ Text('姓名。Name.', '张丽华'),
  sex: SexSchema,
  birthYear: /* @__PURE__ */ Int('出生年份（完整出生日期只经留痕的 GET /workers/{id}/pii 查看）。Birth year only.', 1985),
  residentIdMasked: /* @__PURE__ */ Text('身份证号（只显示后四位）。Resident ID, last four only.', '**************002X'),
  phone: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('联系电话。Phone.', '13800138000')),
  communityCode,
  streetCode,
  districtCode,
  status: WorkerStatusSchema,
  employmentType: EmploymentTypeSchema,
  qualificationLevel: QualificationLevelSchema,
  hireDate: /* @__PURE__ */ DateOnly('入职日期。Hire date.', '2015-03-01'),
};

export const WorkerListItem = /* @__PURE__ */ Contract('WorkerListItem', '花名册的一行（身份证号脱敏，出生日期只到年）。One row of the register.', /* @__PURE__ */ Fields(workerCore, {
  communityName: /* @__PURE__ */ Text('社区名称。Community name.', '翠苑一区社区'),
  postBand: /* @__PURE__ */ Nullable(PostBandSchema),
  /** The recorded grade today and its band; always sent by the API (optional for older fixtures). */
  grade: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Nullable(/* @__PURE__ */ Int('今日的等级（三岗十八级，1–18）；未记录为 null。Grade today.', 8))),
  gradeBand: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Nullable(PostBandSchema)),
  /** A transfer recorded ahead of its date (the record's `plannedTransfer`); always sent by the API (optional for older fixtures). */
  plannedTransferDate: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('已登记、尚未到日期的调动的调入日期；无为 null。The date of a planned transfer out, else null.', '2027-01-01'))),
}));
export type WorkerListItem = Static<typeof WorkerListItem>;

export const WorkerListPage = /* @__PURE__ */ Contract('WorkerListPage', '花名册分页。A page of the register.', {
  items: /* @__PURE__ */ Type.Array(WorkerListItem, { description: '本页条目。Items of this page.' }),
  nextAfter: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.String({ description: 'Pass as ?after= for the next page; null on the last page.', example: 'WyJ4IiwxMDI0XQ' })),
  total: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Int('过滤条件匹配的行数；只在首页（不带 after）。Rows the filter matches; first page only.', 540)),
});
export type WorkerListPage = Static<typeof WorkerListPage>;

/** The worker record itself, as a write answers it (and as the detail starts). */
const workerRecordFields = /* @__PURE__ */ Fields(workerCore, {
  education: EducationSchema,
  politicalStatus: PoliticalStatusSchema,
  qualificationCert: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('职业资格证书编号。Certificate number.', 'ZJ2019SW001234')),
  placeSince: /* @__PURE__ */ DateOnly('在现社区的起始日期：最近一次调动的调入日期，未调动过为入职日期。In the current community since: the last transfer’s date, else the hire date.', '2026-05-16'),
  plannedTransfer: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Object({
    date: /* @__PURE__ */ DateOnly('调入新社区的第一天。The first day in the new community.', '2027-01-01'),
    communityCode: /* @__PURE__ */ Text('调入的社区。The community moved to.', '330106001002'),
  }, { description: '已登记、尚未到日期的调动：到日期当天由夜间批处理执行，此前花名册与权限范围仍按现社区。A transfer recorded ahead of its date; the nightly status calendar moves the worker on it. Until then the register and scope keep the current place.' })),
  leftDate: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('离职日期。Left on.')),
  leftReason: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('离职原因。Reason for leaving.', '个人原因辞职')),
  bankAccountMasked: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('银行卡号（脱敏）。Bank account, masked.', '************8888')),
  bankLuhnOk: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Boolean({ description: '银行卡号是否通过 Luhn 校验；未登记为 null。Whether the bank account passes Luhn.', example: true })),
  priorServiceMonths: /* @__PURE__ */ Int('入职时认定的此前社区工作月数。Prior community service credited at hire, months.', 0),
  version: /* @__PURE__ */ Int('版本号（乐观锁）。Version, for optimistic locking.', 3),
});
export const IncomingTransfers = /* @__PURE__ */ Contract('IncomingTransfers', '即将调入本管理范围的人员（已登记、尚未到日期的调动）。Workers a transfer recorded ahead will bring into your scope.', {
  items: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Contract('IncomingTransfer', '一次预约调入。One planned arrival.', {
    workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
    name: /* @__PURE__ */ Text('姓名。Name.', '张丽华'),
    date: /* @__PURE__ */ DateOnly('调入日期。The first day here.', '2027-01-01'),
    fromCommunityCode: /* @__PURE__ */ Text('调出的社区。The community left.', '330106001001'),
    fromCommunityName: /* @__PURE__ */ Text('调出社区名称。Its name.', '翠苑一区社区'),
    toCommunityCode: /* @__PURE__ */ Text('调入的社区。The community joined.', '330106002001'),
    toCommunityName: /* @__PURE__ */ Text('调入社区名称。Its name.', '文新社区'),
  }), { description: '按调入日期、人员排列（最多 500 条）。By date, then worker (at most 500).' }),
});
export type IncomingTransfersView = Static<typeof IncomingTransfers>;

export const WorkerRecord = /* @__PURE__ */ Contract('WorkerRecord', '社区工作者档案（脱敏）。A worker record, masked.', workerRecordFields);
export type WorkerRecordView = Static<typeof WorkerRecord>;

export const FieldWarning = /* @__PURE__ */ Contract('FieldWarning', '不阻止保存的提示。A warning that did not block the write.', {
  path: /* @__PURE__ */ Text('字段。Field.', 'bankAccount'),
  issue: /* @__PURE__ */ Text('问题。What is wrong.', 'fails the Luhn check'),
  code: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('机器可读的代码。Machine-readable code.', 'LUHN_FAILED')),
});

export const WorkerWriteResult = /* @__PURE__ */ Contract('WorkerWriteResult', '登记或修改后的档案及提示。The record after a write, with warnings.', {
  worker: WorkerRecord,
  warnings: /* @__PURE__ */ Type.Array(FieldWarning, { description: '不阻止保存的提示（如银行卡号未通过 Luhn 校验）。Non-blocking warnings.' }),
});
export type WorkerWriteResultView = Static<typeof WorkerWriteResult>;

export const WorkerLookupResult = /* @__PURE__ */ Contract('WorkerLookupResult', '按身份证号查找的结果（按请求中的顺序号对应）。Workers found by resident ID, matched to the IDs sent by position.', {
  found: /* @__PURE__ */ Type.Array(
    /* @__PURE__ */ Type.Object({
      index: /* @__PURE__ */ Int('请求中 residentIds 的下标（从 0 起）。Position in the residentIds sent.', 0),
      worker: WorkerRecord,
    }),
    { description: '在您的范围内登记的。Those registered in your scope.' },
  ),
  missing: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Int('下标。Position.', 1), { description: '范围内没有登记的号码的下标（包括范围外的人）。Positions with no worker in your scope (workers outside it included).' }),
});
export type WorkerLookupResultView = Static<typeof WorkerLookupResult>;

export const CreatedId = /* @__PURE__ */ Contract('CreatedId', '新建记录的 ID。The id of the new record.', {
  id: /* @__PURE__ */ Int('新记录 ID。Id.', 88),
});
export type CreatedIdView = Static<typeof CreatedId>;

/** A post as the worker detail lists it (the appointment routes add the worker and place). */
export const endReason = /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('结束原因。Why it ended.', 'WORKER_LEFT'));
export const postFields = {
  id: /* @__PURE__ */ Int('任职 ID。Appointment id.', 88),
  bodyKind: BodyKindSchema,
  role: AppointmentRoleSchema,
  band: PostBandSchema,
  isPrimary: /* @__PURE__ */ Type.Boolean({ description: '是否主岗（决定工资类别与经费渠道）。The primary post.', example: true }),
  obtainedBy: ObtainedBySchema,
  from: /* @__PURE__ */ DateOnly('任职开始日期。From.', '2024-01-01'),
  to: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('任职结束日期；在任为 null。To; null while held.', '2026-12-31')),
  endReason,
  communityCode,
  electionId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('产生该职务的选举 ID。The election that filled it.', 12)),
  termEnd: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('届满日期（选举产生的职务）。Term end of an elected post.', '2026-12-31')),
};
export const WorkerPost = /* @__PURE__ */ Contract('WorkerPost', '社区工作者的一个任职。One post of a worker.', postFields);
export type WorkerPostView = Static<typeof WorkerPost>;

export const TRAINING_RESULTS = ['PASS', 'FAIL', 'ABSENT'] as const;
export const TrainingResultSchema = /* @__PURE__ */ NamedEnum('TrainingResult', TRAINING_RESULTS, '结果：合格、不合格、缺席。Result.');

export const WorkerTraining = /* @__PURE__ */ Contract('WorkerTraining', '一条培训记录。One training record of a worker.', {
  id: /* @__PURE__ */ Int('培训记录 ID。Record id.', 301),
  classId: /* @__PURE__ */ Int('培训班 ID。Class id.', 12),
  title: /* @__PURE__ */ Text('培训班名称。Class title.', '2025 年社区工作者能力提升班'),
  course: /* @__PURE__ */ Text('课程名称。Course.', '社区治理实务'),
  category: /* @__PURE__ */ Text('课程类别。Course category.', 'PROFESSIONAL_SKILLS'),
  result: TrainingResultSchema,
  hours: /* @__PURE__ */ Text('学时（小数字符串）。Hours, a decimal string.', '16.0'),
  certificateNo: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('结业证书编号。Certificate number.', 'PX2025-0012')),
  completedOn: /* @__PURE__ */ DateOnly('结业日期。Completed on.', '2025-06-20'),
});
export type WorkerTrainingView = Static<typeof WorkerTraining>;

export const SECONDMENT_STATUSES = ['ACTIVE', 'ENDED', 'CANCELLED'] as const;
/** A secondment as every route shows it (the create and end answers and the lists add the fields below). */
export const secondmentFields = {
  id: /* @__PURE__ */ Int('借调 ID。Secondment id.', 5),
  direction: SecondmentDirectionSchema,
  organisation: /* @__PURE__ */ Text('挂职单位或派出单位。The other organisation.', '西湖区民政局'),
  from: /* @__PURE__ */ DateOnly('开始日期。From.', '2025-03-01'),
  to: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('结束日期；未定为 null。To; null when open.', '2025-08-31')),
  payer: SecondmentPayerSchema,
  status: /* @__PURE__ */ NamedEnum('SecondmentStatus', SECONDMENT_STATUSES, '状态：进行中、已结束、已取消。Status.'),
};
export const WorkerSecondment = /* @__PURE__ */ Contract('WorkerSecondment', '社区工作者的一次借调（挂职）。One secondment of a worker.', /* @__PURE__ */ Fields(secondmentFields, {
  communityCode,
  note,
}));
export type WorkerSecondmentView = Static<typeof WorkerSecondment>;

export const CareerEvent = /* @__PURE__ */ Contract('CareerEvent', '一条职业经历事件。One career event.', {
  id: /* @__PURE__ */ Int('事件 ID。Event id.', 40),
  kind: CareerEventKindSchema,
  date: /* @__PURE__ */ DateOnly('事件日期。Date.', '2025-01-10'),
  note,
  data: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description: '事件的结构化内容（如调动的原社区和新社区）。Structured details.', example: { from: '330106001001', to: '330106001002' } })),
  voided: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Object({
    electionId: /* @__PURE__ */ Int('已撤销的选举 ID。The withdrawn election.', 12),
    reason: /* @__PURE__ */ Text('撤销原因。Why it was withdrawn.', '误登记：当选人填错'),
    at: /* @__PURE__ */ Instant('撤销时间。Withdrawn at.'),
  }, { description: '作废标记：产生该晋升的任职因选举登记撤销而作废，事件保留在履历中但未曾发生；未作废为 null。Set when the post this PROMOTION recorded was voided by withdrawing its election: kept on file, it never happened; null otherwise.' })),
});
export type CareerEventView = Static<typeof CareerEvent>;

export const WorkerGrade = /* @__PURE__ */ Contract('WorkerGrade', '等级历史的一行（三岗十八级）。One row of the grade history.', {
  id: /* @__PURE__ */ Int('记录 ID。Row id.', 77),
  workerId,
  grade: /* @__PURE__ */ Int('等级（1–18）。Grade.', 8),
  band: PostBandSchema,
  from: /* @__PURE__ */ DateOnly('生效日期。In force from.', '2025-01-01'),
  anchorDate: /* @__PURE__ */ DateOnly('晋级年限起算日。Date the next step counts from.', '2025-01-01'),
  cause: /* @__PURE__ */ NamedEnum('GradeCause', GRADE_CAUSES, '原因：入职、年度晋级、等级调整、岗位类别变化、回填。Cause.'),
  derived: /* @__PURE__ */ Type.Boolean({ description: '是否由一次性回填推算（非正式决定）。Derived by the one-off backfill.', example: false }),
  eventId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('对应的职业经历事件 ID。The career event.', 40)),
  policyRefs: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '所依据的等级政策行。Grade policy rows applied.', example: ['grade_policy:3'] })),
  note,
});
export type WorkerGradeView = Static<typeof WorkerGrade>;

export const WorkerDetail = /* @__PURE__ */ Contract('WorkerDetail', '社区工作者详情：档案、任职、培训、借调、职业经历与等级。A worker with posts, training, secondments, events and grades.', /* @__PURE__ */ Fields(workerRecordFields, {
  grade: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('今日的等级；未记录为 null。Grade today.', 8)),
  gradeBand: /* @__PURE__ */ Nullable(PostBandSchema),
  gradeDerived: /* @__PURE__ */ Type.Boolean({ description: '今日等级是否由回填推算。Whether today’s grade was derived.', example: false }),
  gradeSince: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('今日等级的生效日期。In force since.', '2025-01-01')),
  grades: /* @__PURE__ */ Type.Array(WorkerGrade, { description: '等级历史（从新到旧）。Grade history, newest first.' }),
  appointments: /* @__PURE__ */ Type.Array(WorkerPost, { description: '任职（从新到旧）。Posts, newest first.' }),
  training: /* @__PURE__ */ Type.Array(WorkerTraining, { description: '培训记录（从新到旧）。Training, newest first.' }),
  secondments: /* @__PURE__ */ Type.Array(WorkerSecondment, { description: '借调记录（从新到旧）。Secondments, newest first.' }),
  events: /* @__PURE__ */ Type.Array(CareerEvent, { description: '职业经历事件（从新到旧）。Career events, newest first.' }),
}));
export type WorkerDetailView = Static<typeof WorkerDetail>;

export const WorkerPii = /* @__PURE__ */ Contract('WorkerPii', '完整身份证号、出生日期与银行卡号（每次查看都记入审计日志）。Full personal data; every view is audited.', {
  id: workerId,
  residentId: /* @__PURE__ */ Text('完整身份证号。Resident ID.', '11010519491231002X'),
  birthDate: /* @__PURE__ */ DateOnly('出生日期。Birth date.', '1949-12-31'),
  bankAccount: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('完整银行卡号；未登记为 null。Bank account.', '6225768888888888')),
});
export type WorkerPiiView = Static<typeof WorkerPii>;
