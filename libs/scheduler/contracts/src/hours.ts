import { defineJob } from '@cws/kernel';

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
export interface OvertimeMinutes {
  workday150: number;
  restDay200: number;
  holiday300: number;
}

export interface ShiftCounts {
  /** Shifts worked in the month. */
  total: number;
  /** Shifts ending after 19:00 (the evening cover). */
  late: number;
  /** Shifts on a Saturday or Sunday that is not an adjusted working day (调休). */
  weekend: number;
  /** Shifts on a statutory holiday. */
  holiday: number;
}

export interface WorkerMonthHours {
  workerId: number;
  workedMinutes: number;
  overtimeMinutes: OvertimeMinutes;
  shifts: ShiftCounts;
}

/** One community's month, from its published (final) roster. */
export interface CommunityMonthHours {
  /** `YYYY-MM`. */
  month: string;
  communityCode: string;
  districtCode: string;
  streetCode: string;
  rosterId: number;
  /** The published version these hours come from; a re-plan publishes a higher one that replaces it. */
  rosterVersion: number;
  publishedAt: string;
  workers: WorkerMonthHours[];
}

/** `GET /api/scheduler/v1/hours?month=&community=` answers this (community optional: every centre in scope). */
export interface MonthHoursResponse {
  month: string;
  communities: CommunityMonthHours[];
}

export const SCHEDULER_EVENTS_QUEUE = 'scheduler-events';

/**
 * Published through the scheduler's outbox when a community's month roster is published (and again,
 * with a higher `rosterVersion`, for each re-published version). Delivered at least once: consumers
 * keep the highest version per (community, month) and use their inbox keyed by the job id.
 */
export const RosterHoursPublishedEvent = defineJob<CommunityMonthHours>(SCHEDULER_EVENTS_QUEUE, 'roster.hours-published');
