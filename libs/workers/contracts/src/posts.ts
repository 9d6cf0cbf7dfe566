/**
 * Posts, elections, secondments and the grade policy as the workers API answers them (issue #11:
 * the type the service returns, the admin UI reads and the OpenAPI document shows).
 */
import { Contract, DateOnly, Fields, Instant, Int, NamedEnum, Nullable, type Static, Text } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import {
  AppointmentRoleSchema, BodyKindSchema, ElectionKindSchema, ElectionMethodSchema, EmploymentTypeSchema, PostBandSchema, WorkerStatusSchema,
} from './vocabulary-schemas';
import { endReason, postFields, secondmentFields } from './worker-views';

const workerId = /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024);
const communityCode = /* @__PURE__ */ Text('社区代码（12 位）。Community code.', '330106001001');
const streetCode = /* @__PURE__ */ Text('街道代码（9 位）。Street code.', '330106001');
const districtCode = /* @__PURE__ */ Text('区县代码（6 位）。District code.', '330106');
const date = /* @__PURE__ */ DateOnly('查询日期。The date asked about.', '2026-03-01');
/* @__NO_SIDE_EFFECTS__ */
const rate = (description: string) => /* @__PURE__ */ Type.String({ pattern: '^\\d\\.\\d{4}$', description, example: '0.5000' });

export const Appointment = /* @__PURE__ */ Contract('Appointment', '一个任职（只结束、不删除）。An appointment to a post; ended, never deleted.', /* @__PURE__ */ Fields(postFields, {
  endReason: /* @__PURE__ */ Type.Optional(endReason),
  workerId,
  workerName: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('姓名（社区任职列表）。Worker name, in the community’s list.', '张丽华')),
  districtCode: /* @__PURE__ */ Type.Optional(districtCode),
  streetCode: /* @__PURE__ */ Type.Optional(streetCode),
}));
export type AppointmentView = Static<typeof Appointment>;

export const WorkerPostsOn = /* @__PURE__ */ Contract('WorkerPostsOn', '社区工作者某日的任职（主岗在前）。A worker’s posts on a date, primary first.', {
  workerId,
  date,
  posts: /* @__PURE__ */ Type.Array(Appointment, { description: '当日在任的职务。Posts held that day.' }),
});
export type WorkerPostsOnView = Static<typeof WorkerPostsOn>;

export const CommunityPostsOn = /* @__PURE__ */ Contract('CommunityPostsOn', '社区三个组织某日（或某段日期内）的任职情况。Who holds which post in a community on a date, or on any day of date…through.', {
  communityCode,
  date,
  through: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ DateOnly('查询段的最后一天（与 date 同给时）。The last day of the span asked for, when one was.', '2026-03-31')),
  posts: /* @__PURE__ */ Type.Array(Appointment, { description: '当日（或该段内任一日）在任的职务（按组织、类别），各带起止日期。Posts held that day, or on any day of the span, by body and band, each with its from and to.' }),
});
export type CommunityPostsOnView = Static<typeof CommunityPostsOn>;

const crossAppointmentFields = {
  communityCode,
  leaders: /* @__PURE__ */ Int('当日在任的正副职人数（按人计）。Distinct workers holding a head or deputy post.', 6),
  crossAppointed: /* @__PURE__ */ Int('其中在两个及以上组织任职的人数。Of those, how many hold posts in two or more bodies.', 3),
  rate: /* @__PURE__ */ rate('交叉任职率（四位小数）；无正副职为 "0.0000"。crossAppointed / leaders.'),
  oneShoulder: /* @__PURE__ */ Type.Boolean({ description: '书记与居委会主任是否一人兼任（一肩挑）。One person is both party secretary and committee director.', example: true }),
};
export const CrossAppointmentStats = /* @__PURE__ */ Contract('CrossAppointmentStats', '社区某日的交叉任职率与“一肩挑”。Cross-appointment figures of a community on a date.', crossAppointmentFields);
export type CrossAppointmentStats = Static<typeof CrossAppointmentStats>;

export const CrossAppointmentOn = /* @__PURE__ */ Contract('CrossAppointmentOn', '社区某日的交叉任职率与“一肩挑”，带日期。The cross-appointment figures with their date.', /* @__PURE__ */ Fields(crossAppointmentFields, {
  date,
}));
export type CrossAppointmentOnView = Static<typeof CrossAppointmentOn>;

export const ElectionResult = /* @__PURE__ */ Contract('ElectionResult', '选举产生的一个职务。One post an election filled.', {
  workerId,
  workerName: /* @__PURE__ */ Text('当选人姓名。Name.', '张丽华'),
  role: AppointmentRoleSchema,
  votes: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('得票数；未记录为 null。Votes.', 1520)),
  appointmentId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('由此产生的任职 ID。The appointment made.', 88)),
});

export const Election = /* @__PURE__ */ Contract('Election', '社区组织的一次选举（换届或补选）及其产生的职务。An election of a community body and the posts it filled.', {
  id: /* @__PURE__ */ Int('选举 ID。Election id.', 12),
  communityCode,
  streetCode,
  districtCode,
  bodyKind: BodyKindSchema,
  kind: ElectionKindSchema,
  method: /* @__PURE__ */ Nullable(ElectionMethodSchema),
  electionDate: /* @__PURE__ */ DateOnly('选举日期。Election date.', '2021-12-20'),
  termYears: /* @__PURE__ */ Int('任期（年）。Term in years.', 5),
  termStart: /* @__PURE__ */ DateOnly('任期开始。Term start.', '2022-01-01'),
  termEnd: /* @__PURE__ */ DateOnly('任期结束。Term end.', '2026-12-31'),
  eligibleVoters: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('选民数。Eligible voters.', 2100)),
  votesCast: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('投票数。Votes cast.', 1890)),
  regularElectionId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('补选所补的换届选举 ID。The regular election a by-election completes.', 11)),
  backfilled: /* @__PURE__ */ Type.Boolean({ description: '是否由选举功能上线前的任职回填（method 为 null）。Back-filled from posts recorded before elections were.', example: false }),
  note: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('备注。Note.', '第十一届换届选举')),
  results: /* @__PURE__ */ Type.Array(ElectionResult, { description: '当选结果。Who was elected to what.' }),
  withdrawn: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Object({
    at: /* @__PURE__ */ Instant('撤销时间。Withdrawn at.'),
    by: /* @__PURE__ */ Text('撤销人 ID。Withdrawn by (user id).', 'u-xihu-hr'),
    byName: /* @__PURE__ */ Text('撤销人。Withdrawn by (name).', '西湖区人事专员'),
    reason: /* @__PURE__ */ Text('撤销原因。Why.', '误登记：社区代码填错'),
  }, { description: '撤销登记（误登记的选举）：其产生的任职作废，被其换届结束的任职恢复；未撤销为 null。Withdrawal of an election recorded in error; null when in force.' })),
});
export type ElectionView = Static<typeof Election>;

export const ElectionWithdrawal = /* @__PURE__ */ Contract('ElectionWithdrawal', '撤销一次选举登记的结果。What withdrawing an election did.', {
  election: Election,
  voidedAppointments: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Int('作废的任职 ID。An appointment voided.', 88), { description: '该选举产生、现作废的任职（结束日为开始日前一天，从未生效）。Posts it made, now voided (ended the day before they started).' }),
  reopenedAppointments: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Int('恢复的任职 ID。An appointment reopened.', 61), { description: '被该选举换届结束、现恢复原结束日的任职。Posts its re-election ended, running again as before.' }),
  gradesRestored: /* @__PURE__ */ Type.Array(workerId, { description: '岗位类别变化已撤回的社区工作者。Workers whose band change (from a voided primary post) was undone.' }),
  gradesToReview: /* @__PURE__ */ Type.Array(workerId, { description: '等级在此后已有变化、需人工核定的社区工作者。Workers whose grade moved on since the band change: set their grade by hand.' }),
  appointmentsToReview: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Int('需人工核对的任职 ID。An appointment to check.', 61), { description: '被该选举换届结束、但无法按记录恢复的任职（仍为结束状态）。Posts its re-election ended whose earlier end is not on record: left ended, for a person to check.' }),
  voidedEvents: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Int('标记作废的职业经历事件 ID。A career event marked voided.', 40), { description: '作废任职所记的晋升事件，现标记作废（保留在履历中）。The PROMOTION events of the voided posts, now marked voided (kept in the history).' }),
});
export type ElectionWithdrawalView = Static<typeof ElectionWithdrawal>;

export const OneShoulderCommunity = /* @__PURE__ */ Contract('OneShoulderCommunity', '一个社区的“一肩挑”情况。One community’s secretary and director.', {
  communityCode,
  secretaryWorkerId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('选举产生的书记；无则为 null。Elected party secretary.', 1024)),
  directorWorkerId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('选举产生的居委会主任；无则为 null。Elected committee director.', 1024)),
  oneShoulder: /* @__PURE__ */ Type.Boolean({ description: '是否一人兼任。Both are the same person.', example: true }),
  partyElectionId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('党组织选举 ID。Party election.', 11)),
  committeeElectionId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('居委会选举 ID。Committee election.', 12)),
});

export const OneShoulderReport = /* @__PURE__ */ Contract('OneShoulderReport', '“一肩挑”比例（按选举记录）。Communities whose elected secretary is the elected director on a date.', {
  date,
  communities: /* @__PURE__ */ Int('范围内在用的社区数。Active communities in the place and your scope.', 42),
  withElectedSecretary: /* @__PURE__ */ Int('有选举产生的书记的社区数。With an elected secretary.', 40),
  withElectedDirector: /* @__PURE__ */ Int('有选举产生的主任的社区数。With an elected director.', 41),
  oneShoulder: /* @__PURE__ */ Int('一肩挑的社区数。Where one person holds both.', 30),
  rate: /* @__PURE__ */ rate('一肩挑比例（四位小数）= oneShoulder / communities。Rate, four places.'),
  items: /* @__PURE__ */ Type.Array(OneShoulderCommunity, { description: '各社区。Per community.' }),
});
export type OneShoulderReport = Static<typeof OneShoulderReport>;

export const Secondment = /* @__PURE__ */ Contract('Secondment', '一次借调（挂职）。A secondment.', /* @__PURE__ */ Fields(secondmentFields, {
  workerId,
  communityCode: /* @__PURE__ */ Type.Optional(communityCode),
  note: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Nullable(/* @__PURE__ */ Text('备注（列表中）。Note, in lists.', '区民政局挂职半年'))),
}));
export type SecondmentView = Static<typeof Secondment>;

export const AvailableWorkers = /* @__PURE__ */ Contract('AvailableWorkers', '社区某日可排班的人员（不含休假、外派挂职、未入职或已离职者）。Who can be rostered in a community on a date.', {
  communityCode,
  date,
  workers: /* @__PURE__ */ Type.Array(
    /* @__PURE__ */ Contract('AvailableWorker', '一名可排班人员。A worker available that day.', {
      id: workerId,
      name: /* @__PURE__ */ Text('姓名。Name.', '张丽华'),
      employmentType: EmploymentTypeSchema,
      status: WorkerStatusSchema,
    }),
    { description: '可排班人员（按 ID）。Available workers, by id.' },
  ),
});
export type AvailableWorkersView = Static<typeof AvailableWorkers>;

export const AvailableWorkersMonth = /* @__PURE__ */ Contract('AvailableWorkersMonth', '社区某月每日可排班的人员：排班一次取整月。Who can be rostered in a community on each day of a month, in one read.', {
  communityCode,
  month: /* @__PURE__ */ Text('月份。The month.', '2026-03'),
  workers: /* @__PURE__ */ Type.Array(
    /* @__PURE__ */ Contract('AvailableWorkerMonth', '当月至少有一天可排班的人员及其可排班日。A worker available on at least one day of the month, and those days.', {
      id: workerId,
      name: /* @__PURE__ */ Text('姓名。Name.', '张丽华'),
      employmentType: EmploymentTypeSchema,
      status: WorkerStatusSchema,
      availableOn: /* @__PURE__ */ Type.Array(/* @__PURE__ */ DateOnly('可排班日。A day available.', '2026-03-02'), { description: '可排班的日期（升序），与逐日 GET /v1/availability 相同。The days available, ascending: what the daily read answers.' }),
      arrivedFrom: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Nullable(/* @__PURE__ */ Text('当月调入者调入前一天所在的社区；否则为 null。排班据此承接该社区调入前的班次。For a worker transferred in during the month (the 1st included), the community they were placed in the day before, else null: the scheduler carries that centre\'s days before the transfer.', '330106001001'))),
      arrivedOn: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('当月调入日（与 arrivedFrom 同在）；否则为 null。The day of the month the worker was transferred in (with arrivedFrom), else null.', '2026-03-12'))),
    }),
    { description: '人员（按 ID）。Workers, by id.' },
  ),
});
export type AvailableWorkersMonthView = Static<typeof AvailableWorkersMonth>;

export const GRADE_POLICY_KINDS = ['ENTRY_GRADE', 'BAND_RANGE', 'GRADE_PROGRESSION'] as const;
const gradePolicyFields = {
  id: /* @__PURE__ */ Int('政策行 ID。Row id.', 3),
  kind: /* @__PURE__ */ NamedEnum('GradePolicyKind', GRADE_POLICY_KINDS, '类型：入职等级、类别等级范围、晋级年限。Kind.'),
  band: /* @__PURE__ */ Nullable(PostBandSchema),
  education: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('学历（入职等级行）。Education, for entry grades.', 'BACHELOR')),
  data: /* @__PURE__ */ Type.Unsafe<Record<string, number>>({
    type: 'object', additionalProperties: { type: 'number' }, example: { baseGrade: 3 },
    description: '取值：baseGrade（入职等级）、minGrade/maxGrade（等级范围）或 yearsPerStep（晋级年限）。The values.',
  }),
  validFrom: /* @__PURE__ */ DateOnly('生效日期。In force from.', '2024-01-01'),
  validTo: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('失效日期；仍有效为 null。In force to.')),
  sourceRef: /* @__PURE__ */ Text('政策依据（文号）。Source.', '杭民〔2023〕12号'),
};
export const GradePolicyRow = /* @__PURE__ */ Contract('GradePolicyRow', '等级政策的一行，自生效日起适用。A grade policy row, in force from validFrom.', gradePolicyFields);
export type GradePolicyRowView = Static<typeof GradePolicyRow>;

export const GradePolicyRowAdded = /* @__PURE__ */ Contract('GradePolicyRowAdded', '新增的等级政策行，及因此关闭的同键旧行。The row added and the rows it closed.', /* @__PURE__ */ Fields(gradePolicyFields, {
  closed: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Int('关闭的行 ID。Row id.', 2), { description: '同键、在生效日前一天关闭的旧行。Rows of the same key closed the day before.' }),
}));
export type GradePolicyRowAddedView = Static<typeof GradePolicyRowAdded>;
