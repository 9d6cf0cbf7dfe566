import { Contract, defineJob, Instant, Int, Text, type Static } from '@cws/kernel';
import { Type } from '@sinclair/typebox';

/**
 * What the scheduler tells payroll about a month: per worker, the hours of the community's
 * published roster and its overtime by kind. Durations are integer minutes (never float hours);
 * payroll turns them into pay with the hourly rate (monthly wage ÷ 21.75 ÷ 8, DOMAIN §5).
 *
 * Overtime kinds (DOMAIN §5), decided per worked day on the scheduler's calendar:
 * - `holiday300`: every minute worked on a statutory holiday;
 * - `restDay200`: every minute worked on a rest day without time off in lieu — a 6th or 7th
 *   worked day in one ISO week (Mon–Sun) that is not a holiday;
 * - `workday150`: on the other worked days, minutes beyond the standard 8 h of that day.
 * A minute falls in one kind only. `workedMinutes` is all paid minutes (breaks excluded),
 * overtime included.
 */
export const OvertimeMinutesSchema = /* @__PURE__ */ Contract('OvertimeMinutes', '加班分钟数（按类型）。Overtime minutes by kind.', {
  workday150: /* @__PURE__ */ Int('工作日超过 8 小时的分钟（150%）。Workday minutes beyond 8 h.', 120),
  restDay200: /* @__PURE__ */ Int('休息日加班分钟（200%）。Rest-day minutes.', 0),
  holiday300: /* @__PURE__ */ Int('法定节假日加班分钟（300%）。Holiday minutes.', 0),
});
export type OvertimeMinutes = Static<typeof OvertimeMinutesSchema>;

export const ShiftCountsSchema = /* @__PURE__ */ Contract('ShiftCounts', '班次数。Shift counts.', {
  total: /* @__PURE__ */ Int('当月班次数。Shifts worked in the month.', 22),
  late: /* @__PURE__ */ Int('19:00 后结束的班次（晚班）。Shifts ending after 19:00.', 4),
  weekend: /* @__PURE__ */ Int('休息日的班次：未调休上班的周六周日，及调休放假的工作日（法定节假日另计）。Shifts on a rest day of the calendar: a Saturday or Sunday not worked by 调休, or a weekday given off by 调休 (statutory holidays are counted apart).', 4),
  holiday: /* @__PURE__ */ Int('法定节假日的班次。Shifts on a statutory holiday.', 0),
});
export type ShiftCounts = Static<typeof ShiftCountsSchema>;

export const WorkerMonthHoursSchema = /* @__PURE__ */ Contract('WorkerMonthHours', '一人一个月的工时。One worker’s month.', {
  workerId: /* @__PURE__ */ Int('社区工作者 ID。Worker id.', 1024),
  workedMinutes: /* @__PURE__ */ Int('计薪分钟（不含休息，含加班）。Paid minutes, overtime included.', 10560),
  overtimeMinutes: OvertimeMinutesSchema,
  shifts: ShiftCountsSchema,
});
export type WorkerMonthHours = Static<typeof WorkerMonthHoursSchema>;

/** One community's month, from its published (final) roster. */
export const CommunityMonthHoursSchema = /* @__PURE__ */ Contract('CommunityMonthHours', '一个社区一个月的工时（来自已发布的排班）。One community’s month, from its published roster.', {
  month: /* @__PURE__ */ Text('月份（YYYY-MM）。Month.', '2026-05'),
  communityCode: /* @__PURE__ */ Text('社区代码。Community code.', '330106001001'),
  districtCode: /* @__PURE__ */ Text('区县代码。District code.', '330106'),
  streetCode: /* @__PURE__ */ Text('街道代码。Street code.', '330106001'),
  rosterId: /* @__PURE__ */ Int('排班版本 ID。Roster id.', 31),
  rosterVersion: /* @__PURE__ */ Int('已发布的版本号（重新发布的更高版本取代它）。The published version.', 2),
  publishedAt: /* @__PURE__ */ Instant('发布时刻。Published at.'),
  workers: /* @__PURE__ */ Type.Array(WorkerMonthHoursSchema, { description: '各人。Per worker.' }),
});
export type CommunityMonthHours = Static<typeof CommunityMonthHoursSchema>;

/** `GET /api/scheduler/v1/hours?month=&community=` answers this (community optional: every centre in scope). */
export const MonthHours = /* @__PURE__ */ Contract('MonthHours', '某月的工时（范围内已发布排班的社区）。A month’s hours of the published rosters in scope.', {
  month: /* @__PURE__ */ Text('月份（YYYY-MM）。Month.', '2026-05'),
  communities: /* @__PURE__ */ Type.Array(CommunityMonthHoursSchema, { description: '各社区。Per community.' }),
});
export type MonthHoursResponse = Static<typeof MonthHours>;

export const SCHEDULER_EVENTS_QUEUE = 'scheduler-events';

/**
 * Published through the scheduler's outbox when a community's month roster is published (and again,
 * with a higher `rosterVersion`, for each re-published version). Delivered at least once: consumers
 * keep the highest version per (community, month) and use their inbox keyed by the job id.
 */
export const RosterHoursPublishedEvent = defineJob<CommunityMonthHours>(SCHEDULER_EVENTS_QUEUE, 'roster.hours-published');
