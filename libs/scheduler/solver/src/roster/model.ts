import type { DayType } from './calendar';

/** A shift template: clock times `HH:MM`; the break is unpaid and staggered, so it leaves no gap in cover. */
export interface ShiftTemplate {
  code: string;
  start: string;
  end: string;
  breakMinutes: number;
}

/** Minimum staff on duty from `from` to `to` on the listed day types (30-minute slots). */
export interface CoverageBand {
  dayTypes: DayType[];
  from: string;
  to: string;
  min: number;
}

/** At least `min` workers holding one of `roles` work a shift on each day of the listed types. */
export interface RoleRequirement {
  dayTypes: DayType[];
  roles: string[];
  min: number;
}

export interface OpeningWindow {
  from: string;
  to: string;
}

/** A community service centre's rostering set-up. */
export interface CentreConfig {
  /** Per day type; null = closed that day type. */
  openingWindows: Record<DayType, OpeningWindow | null>;
  coverage: CoverageBand[];
  roles: RoleRequirement[];
  templates: ShiftTemplate[];
  /** Rest days in every 7 consecutive days: 1 by law, 2 when the centre configures it. */
  restDaysPer7: 1 | 2;
}

/** Labour-law limits (DOMAIN §5), in minutes. */
export interface RuleLimits {
  standardDailyMinutes: number;
  maxDailyOvertimeMinutes: number;
  maxMonthlyOvertimeMinutes: number;
  minRestBetweenShiftsMinutes: number;
  /** Working days of a standard ISO week; the calendar moves a week's count (`workingDaysByWeek`), days beyond it are rest days worked (200 %). */
  standardDaysPerWeek: number;
  /** A shift ending after this clock time is a late shift (fairness, shift counts). */
  lateAfter: string;
}

export const DEFAULT_LIMITS: RuleLimits = {
  standardDailyMinutes: 8 * 60,
  maxDailyOvertimeMinutes: 3 * 60,
  maxMonthlyOvertimeMinutes: 36 * 60,
  minRestBetweenShiftsMinutes: 11 * 60,
  standardDaysPerWeek: 5,
  lateAfter: '19:00',
};

export interface ShiftRequest {
  date: string;
  /** OFF: wants the day off; a template code: wants that shift. */
  want: 'OFF' | string;
}

/**
 * A shift worked elsewhere just before the worker's days here: in the days before the month (the previous month's
 * published roster) or, for a worker transferred in during the month, on a day of it before the transfer (the old
 * centre's roster). The rules that look back (rest days in 7, rest between shifts, worked days of an ISO week) see
 * across the month boundary and across the transfer. Plain data: it is stored with the problem.
 */
export interface CarriedShift {
  /**
   * `YYYY-MM-DD`: one of the 6 days before the month's first day, or a day of the month the worker is unavailable
   * here (other dates are ignored). It counts toward no coverage and no hours of this roster.
   */
  date: string;
  shift: string;
  start: string;
  end: string;
  /** Paid minutes (breaks excluded), for the record. */
  paidMinutes: number;
  /** Worked on a statutory holiday: paid 300 % then, and not one of the week's worked days. */
  holiday?: boolean;
}

export interface RosterWorker {
  id: number;
  /** Tags such as `LEADER` (head or deputy), matched by role requirements: held all month. */
  roles: string[];
  /** Tags held on some days of the month only (a post that starts or ends within it), each with its first and last day. */
  roleSpans?: RoleSpan[];
  /** Dates the worker cannot work: leave, outward secondment, declared unavailability. */
  unavailable: string[];
  requests?: ShiftRequest[];
  /**
   * Shifts worked elsewhere in the 6 days before the month, and on days of it before a transfer in; a day not listed
   * was off. Absent (old stored problems, or no published roster of the previous month): every such day is off.
   */
  carriedIn?: CarriedShift[];
}

export interface RoleSpan {
  role: string;
  from: string;
  to: string;
}

/** The worker's tags on `date`: those held all month and those a span covers that day. */
export function rolesOn(worker: Pick<RosterWorker, 'roles' | 'roleSpans'>, date: string): string[] {
  if (!worker.roleSpans?.length) return worker.roles;
  return [...new Set([...worker.roles, ...worker.roleSpans.filter((s) => s.from <= date && date <= s.to).map((s) => s.role)])];
}

export interface Assignment {
  workerId: number;
  date: string;
  shift: string;
}

export interface SoftWeights {
  uncoveredSlot: number;
  roleShortfall: number;
  lateSpread: number;
  weekendSpread: number;
  holidaySpread: number;
  shiftSpread: number;
  request: number;
  overtimeMinute: number;
  change: number;
  excessSlot: number;
}

export const DEFAULT_WEIGHTS: SoftWeights = {
  uncoveredSlot: 10_000,
  roleShortfall: 10_000,
  lateSpread: 40,
  weekendSpread: 40,
  holidaySpread: 40,
  shiftSpread: 15,
  request: 60,
  overtimeMinute: 1,
  change: 200,
  excessSlot: 2,
};

/** One centre's month: everything the solver and the checker need, plain data. */
export interface RosterProblem {
  month: string;
  days: Array<{ date: string; type: DayType }>;
  centre: CentreConfig;
  workers: RosterWorker[];
  limits: RuleLimits;
  /** The published roster being re-planned: changes against it cost `weights.change` each. */
  previous?: Assignment[];
  /**
   * With `previous`: the days before this date have happened, so they stay as `previous` has them (worked, whatever
   * availability says now) and only later days are re-planned; their hours were worked and go to payroll as they were.
   */
  frozenBefore?: string;
}

export const DEFAULT_TEMPLATES: ShiftTemplate[] = [
  { code: 'EARLY', start: '08:00', end: '16:30', breakMinutes: 30 },
  { code: 'MID', start: '09:30', end: '18:00', breakMinutes: 30 },
  { code: 'LATE', start: '12:30', end: '21:00', breakMinutes: 30 },
];

const ALL_DAY_TYPES: DayType[] = ['WEEKDAY', 'WEEKEND', 'HOLIDAY', 'ADJUSTED_WORKDAY'];
const WORKING: DayType[] = ['WEEKDAY', 'ADJUSTED_WORKDAY'];

/** The notice's default: open 08:00–21:00 every day; 3 on duty 08:00–17:30 on working days, 1 otherwise. */
export function defaultCentreConfig(): CentreConfig {
  const window = { from: '08:00', to: '21:00' };
  return {
    openingWindows: { WEEKDAY: window, WEEKEND: window, HOLIDAY: window, ADJUSTED_WORKDAY: window },
    coverage: [
      { dayTypes: WORKING, from: '08:00', to: '17:30', min: 3 },
      { dayTypes: ALL_DAY_TYPES, from: '08:00', to: '21:00', min: 1 },
    ],
    roles: [{ dayTypes: WORKING, roles: ['LEADER'], min: 1 }],
    templates: DEFAULT_TEMPLATES.map((t) => ({ ...t })),
    restDaysPer7: 1,
  };
}
