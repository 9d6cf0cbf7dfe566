/** Response shapes of the roster API (the admin UI reads these). Times are `HH:MM`, dates `YYYY-MM-DD`. */
import type { WorkerMonthHours } from './hours';

export type RosterStatus = 'QUEUED' | 'DRAFT' | 'PUBLISHED' | 'SUPERSEDED' | 'FAILED';

export interface RosterAssignmentView {
  workerId: number;
  date: string;
  start: string;
  end: string;
  shift: string;
}

export interface UncoveredView {
  date: string;
  from: string;
  to: string;
  /** The hard rule (or fact) that kept the range uncovered: LEAVE, REST_DAYS_PER_7, MONTHLY_OVERTIME, REST_BETWEEN_SHIFTS, ONE_SHIFT_PER_DAY, NO_WORKERS, NO_SHIFT_TEMPLATE, SOLVER_LIMIT, … */
  rule: string;
  missing: number;
  /** Set for a role gap: nobody (or too few) of these roles on duty that day. */
  role?: string;
}

export interface RosterView {
  id: number;
  community: string;
  month: string;
  status: RosterStatus;
  version: number;
  /** Weighted cost (lower is better); null until solved. */
  objective: number | null;
  reason: 'GENERATE' | 'REPLAN' | 'SWAP';
  basedOn: number | null;
  generationId: number | null;
  assignments: RosterAssignmentView[];
  uncovered: UncoveredView[];
  /** Per worker: hours, overtime by kind and shift counts of this version (what payroll gets once it is published). */
  hours: WorkerMonthHours[];
  error: string | null;
  createdAt: string | null;
  solvedAt: string | null;
  publishedAt: string | null;
}

export interface CoverageSlotView {
  date: string;
  from: string;
  to: string;
  dayType: string;
  need: number;
  have: number;
  /** Set when have < need: why. */
  rule: string | null;
}

export interface CoverageView {
  rosterId: number;
  month: string;
  slots: CoverageSlotView[];
}

export interface GenerationView {
  id: number;
  month: string;
  scope: string | null;
  status: 'RUNNING' | 'DONE';
  total: number;
  queued: number;
  solved: number;
  failed: number;
  /** 0–100, solved or failed over total. */
  progress: number;
}
