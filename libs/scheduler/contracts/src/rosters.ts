/**
 * Response shapes of the roster API (the admin UI reads these). Times are `HH:MM`, dates `YYYY-MM-DD`.
 * Each is a contract (issue #11): the TypeScript type the service returns and the OpenAPI schema.
 */
import { Contract, DateOnly, Fields, Instant, Int, NamedEnum, Nullable, Page, Text, YearMonth, type Static } from '@cws/kernel';
import { DAY_TYPES, type CentreConfig, type HolidayCalendar } from '@cws/scheduler-solver';
import { Type } from '@sinclair/typebox';
import { WorkerMonthHoursSchema } from './hours';

export const ROSTER_STATUSES = ['QUEUED', 'DRAFT', 'PUBLISHED', 'SUPERSEDED', 'FAILED'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/* @__NO_SIDE_EFFECTS__ */
const clock = (description: string, example: string) => /* @__PURE__ */ Type.String({ pattern: '^\\d{2}:\\d{2}$', description, example });
const month = /* @__PURE__ */ YearMonth('月份（YYYY-MM）。Month.', '2026-05');

export const RosterAssignment = /* @__PURE__ */ Contract('RosterAssignment', '一个班次安排。One shift worked.', {
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 101),
  date: /* @__PURE__ */ DateOnly('日期。Date.', '2026-05-06'),
  start: clock('上班时间。Start.', '08:00'),
  end: clock('下班时间。End.', '17:30'),
  shift: /* @__PURE__ */ Text('班次模板代码。Shift template.', 'EARLY'),
});
export type RosterAssignmentView = Static<typeof RosterAssignment>;

export const Uncovered = /* @__PURE__ */ Contract('Uncovered', '无人覆盖的时段及原因。A range left uncovered, and why.', {
  date: /* @__PURE__ */ DateOnly('日期。Date.', '2026-05-01'),
  from: clock('开始。From.', '19:00'),
  to: clock('结束。To.', '21:00'),
  rule: /* @__PURE__ */ Text('导致无人覆盖的规则或事实（LEAVE、REST_DAYS_PER_7、MONTHLY_OVERTIME、NO_WORKERS…）。The rule that kept it uncovered.', 'MONTHLY_OVERTIME'),
  missing: /* @__PURE__ */ Int('缺少的人数。Workers missing.', 1),
  role: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('岗位缺口：当天缺少的岗位。Set for a role gap.', 'LEADER')),
});
export type UncoveredView = Static<typeof Uncovered>;

/** What every view of a version says about it: its place, month, status and why it exists. */
const rosterHead = {
  id: /* @__PURE__ */ Int('版本 ID。Roster id.', 31),
  community: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
  month,
  status: /* @__PURE__ */ NamedEnum('RosterStatus', ROSTER_STATUSES, '状态：排队、草稿、已发布、已被取代、失败。Status.'),
  version: /* @__PURE__ */ Int('版本号。Version.', 2),
  objective: /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Number({ description: '加权代价（越低越好）；求解前为 null。Weighted cost, lower is better.', example: 1250 })),
  reason: /* @__PURE__ */ NamedEnum('RosterReason', ['GENERATE', 'REPLAN', 'SWAP'] as const, '产生原因：生成、重排、换班。Why the version exists.'),
  basedOn: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('所基于的版本。The version it is based on.', 30)),
  generationId: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('所属的批量生成。The generation it belongs to.', 4)),
};

const rosterTimes = {
  error: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('求解失败的原因。Why the solve failed.', 'NO_WORKERS')),
  createdAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('创建时刻。Created at.')),
  solvedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('求解时刻。Solved at.')),
  publishedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('发布时刻。Published at.')),
};

export const Roster = /* @__PURE__ */ Contract('Roster', '社区服务中心某月排班的一个版本。One version of a community’s month roster.', /* @__PURE__ */ Fields(rosterHead, {
  assignments: /* @__PURE__ */ Type.Array(RosterAssignment, { description: '班次安排。Shifts.' }),
  uncovered: /* @__PURE__ */ Type.Array(Uncovered, { description: '无人覆盖的时段。Uncovered ranges.' }),
  hours: /* @__PURE__ */ Type.Array(WorkerMonthHoursSchema, { description: '各人本版本的工时、加班与班次数（发布后交给工资服务）。Per worker: hours, overtime and shifts.' }),
}, rosterTimes));
export type RosterView = Static<typeof Roster>;

export const RosterSummary = /* @__PURE__ */ Contract('RosterSummary', '列表中的一个排班版本（不含班次明细）。A roster version in a list, without its shifts.', /* @__PURE__ */ Fields(rosterHead, rosterTimes, {
  shifts: /* @__PURE__ */ Int('班次数。Shifts rostered.', 372),
  uncoveredRanges: /* @__PURE__ */ Int('无人覆盖的时段数（0 为全部覆盖）。Ranges left uncovered; 0 when fully covered.', 0),
  conflictsAhead: /* @__PURE__ */ Nullable(/* @__PURE__ */ Int('已发布版本最近一次核对发现的今天及以后待调整班次数；未核对为 null。For a published version: shifts from today on its last check found the register contradicts; null until checked.', 0)),
  checkedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('最近一次核对的时刻。When it was last checked.')),
}));
export type RosterSummaryView = Static<typeof RosterSummary>;

export const RosterSummaryPage = /* @__PURE__ */ Page('RosterSummaryPage', '排班版本分页（从新到旧）。Roster versions, newest first.', RosterSummary);
export type RosterSummaryPageView = Static<typeof RosterSummaryPage>;

export const CoverageSlot = /* @__PURE__ */ Contract('CoverageSlot', '一个半小时时段的在岗人数。Staff on duty in one 30-minute slot.', {
  date: /* @__PURE__ */ DateOnly('日期。Date.', '2026-05-06'),
  from: clock('开始。From.', '08:00'),
  to: clock('结束。To.', '08:30'),
  dayType: /* @__PURE__ */ Text('日期类型。Day type.', 'WEEKDAY'),
  need: /* @__PURE__ */ Int('需要人数。Needed.', 3),
  have: /* @__PURE__ */ Int('在岗人数。On duty.', 3),
  rule: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('人数不足时的原因。Why, when have < need.', 'LEAVE')),
});
export type CoverageSlotView = Static<typeof CoverageSlot>;

export const Coverage = /* @__PURE__ */ Contract('Coverage', '排班版本的覆盖情况。Coverage of a roster version.', {
  rosterId: /* @__PURE__ */ Int('版本 ID。Roster id.', 31),
  month,
  slots: /* @__PURE__ */ Type.Array(CoverageSlot, { description: '各时段。Slots.' }),
});
export type CoverageView = Static<typeof Coverage>;

export const RosterConflict = /* @__PURE__ */ Contract('RosterConflict', '一个不能按计划上的班次。A shift that cannot be worked as published.', {
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 101),
  date: /* @__PURE__ */ DateOnly('日期。Date.', '2026-05-20'),
  shift: /* @__PURE__ */ Text('班次模板代码。Shift template.', 'LATE'),
  reason: /* @__PURE__ */ NamedEnum('RosterConflictReason', ['NOT_AVAILABLE', 'UNAVAILABLE_REQUEST', 'REST_ACROSS_MONTHS'] as const,
    '原因：NOT_AVAILABLE 人事档案显示当天不可出勤（离职、调出、休假、借调外出）；UNAVAILABLE_REQUEST 排班后登记的不可排班；REST_ACROSS_MONTHS 上月排班发布了新版本，与本月衔接处休息不足（班次间隔不足 11 小时或 7 天内休息日不足）。Why: the register has the worker unavailable that day (left, transferred, on leave, seconded out), a request made after the roster was solved, or the month before, published anew since, leaves too little rest before this shift.'),
  past: /* @__PURE__ */ Type.Boolean({ description: '日期已过：重新排班不会改动已过去的日期。Before today: a re-plan keeps past days as published.' }),
});
export type RosterConflictView = Static<typeof RosterConflict>;

export const RosterConflicts = /* @__PURE__ */ Contract('RosterConflicts', '按当前人事档案和人员请求核对一个排班版本。A roster version checked against today’s register and requests.', {
  rosterId: /* @__PURE__ */ Int('版本 ID。Roster id.', 31),
  month,
  checkedAt: /* @__PURE__ */ Instant('核对时刻。Checked at.'),
  conflicts: /* @__PURE__ */ Type.Array(RosterConflict, { description: '按日期排列。By date.' }),
});
export type RosterConflictsView = Static<typeof RosterConflicts>;

export const RosterToReplan = /* @__PURE__ */ Contract('RosterToReplan', '一个需要重新排班的已发布版本。A published version whose shifts ahead the register now contradicts.', {
  rosterId: /* @__PURE__ */ Int('版本 ID。Roster id.', 31),
  community: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
  month,
  version: /* @__PURE__ */ Int('版本号。Version.', 2),
  conflictsAhead: /* @__PURE__ */ Int('今天及以后不能按计划上的班次数。Shifts from today on that cannot be worked as published.', 4),
  checkedAt: /* @__PURE__ */ Instant('最近一次核对的时刻。When it was last checked.'),
});
export type RosterToReplanView = Static<typeof RosterToReplan>;

export const RostersToReplan = /* @__PURE__ */ Contract('RostersToReplan', '本月及以后需要重新排班的已发布版本（每小时核对一次，打开版本的核对时也更新）。Published versions of this month and later to re-plan, as last checked (hourly, and whenever a version’s check is read).', {
  items: /* @__PURE__ */ Type.Array(RosterToReplan, { description: '按月份、社区排列。By month, then community.' }),
});
export type RostersToReplanView = Static<typeof RostersToReplan>;

export const WorkerRosterMonth = /* @__PURE__ */ Contract('WorkerRosterMonth', '一名社区工作者某月在已发布排班中的班次（跨社区调动时可能有两份排班）。A worker’s shifts of a month in the published rosters, one entry per roster (two across a transfer).', {
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 101),
  month,
  rosters: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
    rosterId: /* @__PURE__ */ Int('版本 ID。Roster id.', 31),
    community: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
    version: /* @__PURE__ */ Int('版本号。Version.', 2),
    shifts: /* @__PURE__ */ Type.Array(RosterAssignment, { description: '本人的班次，按日期。Their shifts, by date.' }),
    hours: /* @__PURE__ */ Nullable(WorkerMonthHoursSchema),
  }), { description: '按社区代码排列。By community.' }),
});
export type WorkerRosterMonthView = Static<typeof WorkerRosterMonth>;

export const Generation = /* @__PURE__ */ Contract('Generation', '全市或某区的批量排班生成进度。Progress of a city- or district-wide generation.', {
  id: /* @__PURE__ */ Int('生成 ID。Generation id.', 4),
  month,
  scope: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('范围：区县或街道代码；null 为全市。Org code; null = the city.', '330106')),
  status: /* @__PURE__ */ NamedEnum('GenerationStatus', ['RUNNING', 'DONE'] as const, '状态：进行中 / 完成。Status.'),
  total: /* @__PURE__ */ Int('社区数。Communities.', 42),
  queued: /* @__PURE__ */ Int('排队中。Queued.', 10),
  solved: /* @__PURE__ */ Int('已求解。Solved.', 30),
  failed: /* @__PURE__ */ Int('失败。Failed.', 2),
  progress: /* @__PURE__ */ Int('进度（0–100，已求解或失败 ÷ 总数）。Percent done.', 76),
});
export type GenerationView = Static<typeof Generation>;

export const GenerationPublished = /* @__PURE__ */ Contract('GenerationPublished', '一次批量生成的草稿批量发布的结果。What publishing a generation’s drafts did.', {
  generationId: /* @__PURE__ */ Int('生成 ID。Generation id.', 4),
  published: /* @__PURE__ */ Int('本次发布的版本数。Versions published now.', 40),
  skipped: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
    rosterId: /* @__PURE__ */ Int('版本 ID。Roster id.', 31),
    community: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
    code: /* @__PURE__ */ Text('未发布的原因代码（如 ROSTER_OUTDATED：该月已有更新的已发布版本）。Why it was not published.', 'ROSTER_OUTDATED'),
  }), { description: '未能发布的草稿（其余已发布）。Drafts not published, and why; the others were.' }),
});
export type GenerationPublishedView = Static<typeof GenerationPublished>;

const DayTypeSchema = /* @__PURE__ */ NamedEnum('DayType', DAY_TYPES, '日期类型：工作日、周末、法定节假日、调休上班日。Day type.');
const dayTypes = /* @__PURE__ */ Type.Array(DayTypeSchema, { description: '适用的日期类型。Day types it applies to.' });
const openingWindow = /* @__PURE__ */ Nullable(/* @__PURE__ */ Type.Object({ from: clock('开门。Opens.', '08:00'), to: clock('关门。Closes.', '21:00') }, { description: '开放时间；null 为当天不开放。Opening hours; null = closed.' }));

export const CentreConfigSchema = /* @__PURE__ */ Contract('CentreConfig', '服务中心的排班设置。A service centre’s rostering set-up.', {
  openingWindows: /* @__PURE__ */ Type.Object({ WEEKDAY: openingWindow, WEEKEND: openingWindow, HOLIDAY: openingWindow, ADJUSTED_WORKDAY: openingWindow }, { description: '各日期类型的开放时间。Opening hours per day type.' }),
  coverage: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
    dayTypes, from: clock('开始。From.', '08:00'), to: clock('结束。To.', '17:30'), min: /* @__PURE__ */ Int('最少在岗人数。Minimum on duty.', 3),
  }), { description: '各时段最少在岗人数（半小时一格）。Minimum staff per time band.' }),
  roles: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
    dayTypes, roles: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.String(), { description: '岗位。Roles.', example: ['LEADER'] }), min: /* @__PURE__ */ Int('每天最少人数。Minimum a day.', 1),
  }), { description: '每天必须有人值班的岗位。Roles needed on duty each day.' }),
  templates: /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
    code: /* @__PURE__ */ Text('代码。Code.', 'EARLY'), start: clock('上班。Start.', '08:00'), end: clock('下班。End.', '17:30'), breakMinutes: /* @__PURE__ */ Int('休息分钟。Break minutes.', 90),
  }), { description: '班次模板。Shift templates.' }),
  restDaysPer7: /* @__PURE__ */ Type.Unsafe<1 | 2>({ type: 'integer', minimum: 1, maximum: 2, description: '每 7 天休息天数：法定 1 天，可设 2 天。Rest days in every 7.', example: 2 }),
});
type _ConfigFitsSolver = Static<typeof CentreConfigSchema> extends CentreConfig ? (CentreConfig extends Static<typeof CentreConfigSchema> ? true : never) : never;
/** Compile-time proof that the schema and the solver's CentreConfig are one shape. */
export const CENTRE_CONFIG_FITS_SOLVER: _ConfigFitsSolver = true;

export const ServiceCentre = /* @__PURE__ */ Contract('ServiceCentre', '社区服务中心的排班设置（未设置时为文件规定的默认值）。A centre’s set-up, or the default when it has none.', {
  communityCode: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  streetCode: /* @__PURE__ */ Text('街道代码。Street code.', '330106001'),
  config: CentreConfigSchema,
  updatedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('修改时刻；默认设置为 null。Changed at.')),
  updatedBy: /* @__PURE__ */ Nullable(/* @__PURE__ */ Text('修改人；默认设置为 null。Changed by.', 'xihu-hr')),
  isDefault: /* @__PURE__ */ Type.Boolean({ description: '是否为默认设置（尚未单独设置）。The default set-up.', example: false }),
});
export type ServiceCentreView = Static<typeof ServiceCentre>;

/* @__NO_SIDE_EFFECTS__ */
const calendarDays = (description: string) => /* @__PURE__ */ Type.Array(/* @__PURE__ */ Type.Object({
  date: /* @__PURE__ */ DateOnly('日期。Date.', '2026-05-01'), name: /* @__PURE__ */ Text('名称。Name.', '劳动节'),
}), { description });

export const HolidayCalendarSchema = /* @__PURE__ */ Contract('HolidayCalendar', '某年的节假日安排（国务院办公厅通知）。A year’s holiday arrangement.', {
  year: /* @__PURE__ */ Int('年度。Year.', 2026),
  label: /* @__PURE__ */ Text('来源说明。Where the dates come from.', '国办发明电〔2025〕7号'),
  holidays: calendarDays('法定节假日（加班 300%）。Statutory holidays.'),
  restDays: calendarDays('调休放假的工作日。Weekdays given off.'),
  adjustedWorkingDays: calendarDays('调休上班的周末。Weekends worked.'),
  updatedAt: /* @__PURE__ */ Nullable(/* @__PURE__ */ Instant('修改时刻。Changed at.')),
  updatedBy: /* @__PURE__ */ Text('修改人。Changed by.', 'city-admin'),
});
export type HolidayCalendarView = Static<typeof HolidayCalendarSchema>;
type _CalendarFitsSolver = Omit<HolidayCalendarView, 'updatedAt' | 'updatedBy'> extends HolidayCalendar ? true : never;
/** Compile-time proof that the schema carries the solver's HolidayCalendar. */
export const HOLIDAY_CALENDAR_FITS_SOLVER: _CalendarFitsSolver = true;

export const REQUEST_KINDS = ['UNAVAILABLE', 'OFF', 'SHIFT'] as const;
export const WorkerRequest = /* @__PURE__ */ Contract('WorkerRequest', '登记的人员请求（下次求解时使用）。A worker’s request, used by the next solve.', {
  community: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 101),
  date: /* @__PURE__ */ DateOnly('日期（连续多日时为首日）。Date (the first day of a span).', '2026-05-12'),
  until: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ DateOnly('连续多日登记的末日（登记的回应中）。The last day of a span (in the answer to recording one).', '2026-05-16')),
  kind: /* @__PURE__ */ NamedEnum('WorkerRequestKind', REQUEST_KINDS, 'UNAVAILABLE 不可排（硬性）；OFF、SHIFT 为偏好。UNAVAILABLE binds; OFF and SHIFT are preferences.'),
  shift: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('希望的班次（SHIFT）。The shift wished for.', 'LATE')),
  note: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('说明。Note.', '孩子家长会')),
  createdBy: /* @__PURE__ */ Type.Optional(/* @__PURE__ */ Text('登记人（列表中）。Who recorded it (in the list).', 'xihu-hr')),
});
export type WorkerRequestView = Static<typeof WorkerRequest>;
