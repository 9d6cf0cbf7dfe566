/**
 * Recruitment and training classes as the workers API answers them (issue #11: the type the
 * service returns, the admin UI reads and the OpenAPI document shows).
 */
import { Contract, DateOnly, Fields, Int, MoneyString, NamedEnum, Nullable, Page, type Static, Text } from '@cws/kernel';
import { Type } from '@sinclair/typebox';
import { AppointmentRoleSchema, BodyKindSchema } from './vocabulary-schemas';
import { Appointment } from './posts';
import { FieldWarning, WorkerRecord } from './worker-views';

const communityCode = /* @__PURE__ */ Text('社区代码（12 位）。Community code.', '330106001001');
/* @__NO_SIDE_EFFECTS__ */
const score = (description: string, example: string) => /* @__PURE__ */ Type.String({ pattern: '^\\d{1,3}\\.\\d{2}$', description, example });

export const VACANCY_STATUSES = ['OPEN', 'FILLED'] as const;

const writtenWeight = /* @__PURE__ */ Text('笔试成绩权重（0–1 的小数字符串，面试权重 = 1 − 它）。Weight of the written score.', '0.50');
/** A vacancy as created (the list and the ranking add its place below). */
const vacancyFields = {
  id: /* @__PURE__ */ Int('招聘岗位 ID。Vacancy id.', 7),
  communityCode,
  bodyKind: BodyKindSchema,
  role: AppointmentRoleSchema,
  headcount: /* @__PURE__ */ Int('招聘人数。Places.', 2),
  opensOn: /* @__PURE__ */ DateOnly('报名开始。Applications open.', '2025-03-01'),
  closesOn: /* @__PURE__ */ DateOnly('报名截止。Applications close.', '2025-03-31'),
  writtenWeight,
  noticeDays: /* @__PURE__ */ Int('公示天数。Days of the public notice.', 7),
  status: /* @__PURE__ */ NamedEnum('VacancyStatus', VACANCY_STATUSES, '状态：招聘中 / 已招满。Open or filled.'),
};
const place = {
  streetCode: /* @__PURE__ */ Text('街道代码（9 位）。Street code.', '330106001'),
  districtCode: /* @__PURE__ */ Text('区县代码（6 位）。District code.', '330106'),
};

export const Vacancy = /* @__PURE__ */ Contract('Vacancy', '新发布的招聘岗位。A vacancy as published.', /* @__PURE__ */ Fields(vacancyFields, {
  writtenWeight: /* @__PURE__ */ Type.Optional(writtenWeight),
}));
export type VacancyView = Static<typeof Vacancy>;

export const VacancyDetail = /* @__PURE__ */ Contract('VacancyDetail', '招聘岗位及其所在地。A vacancy with its place.', /* @__PURE__ */ Fields(vacancyFields, place));
export type VacancyDetailView = Static<typeof VacancyDetail>;

export const VacancyListItem = /* @__PURE__ */ Contract('VacancyListItem', '招聘岗位列表的一行，带报名、拟录用和已录用人数。A vacancy with its applicant, selected and hired counts.', /* @__PURE__ */ Fields(vacancyFields, place, {
  candidates: /* @__PURE__ */ Int('报名人数。Applicants.', 5),
  selected: /* @__PURE__ */ Int('拟录用人数（公示中或公示期满）。Selected, in or past the public notice.', 1),
  hired: /* @__PURE__ */ Int('已录用人数。Hired.', 0),
}));
export type VacancyListItemView = Static<typeof VacancyListItem>;
export const VacancyPage = /* @__PURE__ */ Page('VacancyPage', '招聘岗位分页（从新到旧）。Vacancies, newest first.', VacancyListItem);
export type VacancyPageView = Static<typeof VacancyPage>;

export const CANDIDATE_STATUSES = ['APPLIED', 'SELECTED', 'HIRED', 'DISQUALIFIED'] as const;

export const RankedCandidate = /* @__PURE__ */ Contract('RankedCandidate', '综合排名中的一名考生及其公示情况。A candidate in the ranking, with their notice.', {
  rank: /* @__PURE__ */ Int('名次。Rank.', 1),
  id: /* @__PURE__ */ Int('考生 ID。Candidate id.', 31),
  name: /* @__PURE__ */ Text('姓名。Name.', '陈晓燕'),
  residentIdMasked: /* @__PURE__ */ Text('身份证号（脱敏）。Resident ID, masked.', '**************001X'),
  written: /* @__PURE__ */ Nullable(score('笔试成绩；未录入为 null。Written score.', '82.50')),
  interview: /* @__PURE__ */ Nullable(score('面试成绩；未录入为 null。Interview score.', '88.00')),
  total: score('综合成绩 = 笔试 × 权重 + 面试 × (1 − 权重)，两位小数。written × weight + interview × (1 − weight).', '85.25'),
  status: /* @__PURE__ */ NamedEnum('CandidateRankStatus', CANDIDATE_STATUSES, '状态：已报名、拟录用、已录用、取消资格。Status.'),
  workerId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('录用后建档的社区工作者 ID。The worker made by the hire.', 1025)),
  noticeStart: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('公示开始。Notice starts.', '2025-04-20')),
  noticeEnd: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('公示结束。Notice ends.', '2025-04-26')),
  skipReason: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('越过排名靠前考生的理由。Why higher-ranked candidates were passed over.', '前两名放弃')),
  openObjections: /* @__PURE__ */ Int('未处理的异议数。Open objections.', 0),
});
export type RankedCandidateView = Static<typeof RankedCandidate>;

const candidateId = /* @__PURE__ */ Int('考生 ID。Candidate id.', 31);
const vacancyId = /* @__PURE__ */ Int('招聘岗位 ID。Vacancy id.', 7);

export const Candidate = /* @__PURE__ */ Contract('Candidate', '登记的考生（完整身份证号加密保存）。A candidate as registered.', {
  id: candidateId,
  vacancyId,
  name: /* @__PURE__ */ Text('姓名。Name.', '陈晓燕'),
  residentIdMasked: /* @__PURE__ */ Text('身份证号（脱敏）。Resident ID, masked.', '**************001X'),
  status: /* @__PURE__ */ NamedEnum('CandidateStatus', CANDIDATE_STATUSES, '状态：已报名、拟录用、已录用、取消资格。Status.'),
});
export type CandidateView = Static<typeof Candidate>;

export const CandidateScores = /* @__PURE__ */ Contract('CandidateScores', '录入的成绩（未在本次录入的不返回）。The scores entered by this call.', {
  id: candidateId,
  written: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('笔试成绩。Written score.', '82.50')),
  interview: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('面试成绩。Interview score.', '88.00')),
});
export type CandidateScoresView = Static<typeof CandidateScores>;

export const CandidateSelection = /* @__PURE__ */ Contract('CandidateSelection', '确定的拟录用人选及其公示期。A selection and its public notice.', {
  id: candidateId,
  vacancyId,
  noticeDays: /* @__PURE__ */ Int('公示天数。Notice days.', 7),
  status: /* @__PURE__ */ NamedEnum('CandidateSelectionStatus', ['SELECTED'] as const, '拟录用。Selected.'),
  noticeStart: /* @__PURE__ */ DateOnly('公示开始。Notice starts.', '2025-04-20'),
  noticeEnd: /* @__PURE__ */ DateOnly('公示结束。Notice ends.', '2025-04-26'),
  skipReason: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('越过排名靠前考生的理由。Why higher ranks were passed over.', '前两名放弃')),
  passedOver: /* @__PURE__ */ Type.Array(
    /* @__PURE__ */ Type.Object({ candidateId, rank: /* @__PURE__ */ Int('名次。Rank.', 1), total: score('综合成绩。Total.', '86.10') }),
    { description: '被越过的排名靠前的考生。Higher-ranked candidates passed over.' },
  ),
});
export type CandidateSelectionView = Static<typeof CandidateSelection>;

export const HireResult = /* @__PURE__ */ Contract('HireResult', '录用：建档的社区工作者及其任职（同一事务）。A hire: the new worker and the appointment, made together.', {
  candidateId,
  worker: WorkerRecord,
  appointment: Appointment,
  warnings: /* @__PURE__ */ Type.Array(FieldWarning, { description: '不阻止录用的提示。Non-blocking warnings.' }),
});
export type HireResultView = Static<typeof HireResult>;

export const Ranking = /* @__PURE__ */ Contract('Ranking', '招聘岗位的考生综合排名。The candidates of a vacancy, ranked.', {
  vacancy: VacancyDetail,
  candidates: /* @__PURE__ */ Type.Array(RankedCandidate, { description: '按名次。By rank.' }),
});
export type RankingView = Static<typeof Ranking>;

export const OBJECTION_STATUSES = ['OPEN', 'UPHELD', 'DISMISSED'] as const;
export const Objection = /* @__PURE__ */ Contract('Objection', '公示期收到的一条异议（未处理的异议阻止录用）。An objection received during the notice.', {
  id: /* @__PURE__ */ Int('异议 ID。Objection id.', 3),
  candidateId: /* @__PURE__ */ Int('考生 ID。Candidate id.', 31),
  receivedOn: /* @__PURE__ */ DateOnly('收到日期。Received on.', '2025-04-22'),
  summary: /* @__PURE__ */ Text('异议内容。Summary.', '反映该考生学历证明存疑'),
  status: /* @__PURE__ */ NamedEnum('ObjectionStatus', OBJECTION_STATUSES, '状态：待处理、成立、不成立。Status.'),
  resolution: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('处理意见。Resolution.', '经核实学历证明无误')),
  resolvedOn: /* @__PURE__ */ Nullable(/* @__PURE__ */ DateOnly('处理日期。Resolved on.', '2025-04-24')),
});
export type ObjectionView = Static<typeof Objection>;

const trainingClassFields = {
  id: /* @__PURE__ */ Int('培训班 ID。Class id.', 12),
  title: /* @__PURE__ */ Text('名称。Title.', '2026年西湖区社区工作者能力提升班（第一期）'),
  courseId: /* @__PURE__ */ Int('课程 ID。Course id.', 1),
  providerId: /* @__PURE__ */ Int('培训机构 ID。Provider id.', 1),
  startDate: /* @__PURE__ */ DateOnly('开班日期。Starts.', '2026-04-07'),
  endDate: /* @__PURE__ */ DateOnly('结业日期。Ends.', '2026-04-09'),
  hours: /* @__PURE__ */ Text('学时（小数字符串）。Hours, a decimal string.', '24.0'),
  cost: /* @__PURE__ */ MoneyString('费用（元）。Cost.', '36000.00'),
  districtCode: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('主办区县；市级培训为 null。Organising district; null for the city.', '330106')),
  chargeCommunityCode: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('费用记入的社区；免费为 null。Community the cost is charged to.', '330106001001')),
};
export const TrainingClass = /* @__PURE__ */ Contract('TrainingClass', '培训班。A training class.', trainingClassFields);
export type TrainingClassView = Static<typeof TrainingClass>;

export const CLASS_POSTING_STATUSES = ['PENDING', 'SENT', 'UNROUTED'] as const;
export const ClassPostingSummary = /* @__PURE__ */ Contract('ClassPostingSummary', '培训费用发往预算的记账。The cost posting a class sends to the budget.', {
  sourceRef: /* @__PURE__ */ Text('来源单据号。Source reference.', 'training-class:12'),
  fiscalYear: /* @__PURE__ */ Int('财政年度。Fiscal year.', 2026),
  funder: /* @__PURE__ */ Text('出资方：主办区县代码或 CITY。The organising district, or CITY.', '330106'),
  stream: /* @__PURE__ */ Text('经费渠道。Funding stream.', 'TRAINING'),
  communityCode,
  amount: /* @__PURE__ */ MoneyString('金额（元）。Amount.', '36000.00'),
  status: /* @__PURE__ */ NamedEnum('ClassPostingSummaryStatus', CLASS_POSTING_STATUSES, '状态：待发送、已发送、无法入账。Status.'),
});

export const CreatedTrainingClass = /* @__PURE__ */ Contract('CreatedTrainingClass', '新建的培训班及其费用记账。A new class with its cost posting.', /* @__PURE__ */ Fields(trainingClassFields, {
  posting: /* @__PURE__ */ Nullable(ClassPostingSummary),
}));
export type CreatedTrainingClassView = Static<typeof CreatedTrainingClass>;
