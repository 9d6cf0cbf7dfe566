/**
 * The workforce register's vocabulary and the shapes other projects read (list rows, snapshots,
 * cross-appointment figures). Plain TypeScript: the admin UI and payroll import it.
 */
import type {
  BodyKind, AppointmentRole, PostBand, EmploymentType, WorkerStatus, Education, QualificationLevel, SecondmentDirection,
  SecondmentPayer,
} from '@cws/workers-core';

// The vocabulary lives in the pure rules lib (its import-sheet and grade rules use it); re-exported here unchanged.
export {
  BODY_KINDS, APPOINTMENT_ROLES, ROLES_BY_BODY, OBTAINED_BY, POST_BANDS, ELECTED_BODIES, isElectedPost, ELECTION_METHODS, METHODS_BY_BODY, ELECTION_KINDS,
  GRADE_CAUSES, bandOfRole, isLeaderRole, EMPLOYMENT_TYPES, WORKER_STATUSES, POLITICAL_STATUSES, EDUCATION_LEVELS, QUALIFICATION_LEVELS,
  CAREER_EVENT_KINDS, SECONDMENT_DIRECTIONS, SECONDMENT_PAYERS, COURSE_CATEGORIES, formatRate,
} from '@cws/workers-core';
export type {
  BodyKind, AppointmentRole, ObtainedBy, PostBand, ElectionMethod, ElectionKind, GradeCause, EmploymentType, WorkerStatus, PoliticalStatus,
  Education, QualificationLevel, CareerEventKind, SecondmentDirection, SecondmentPayer, CourseCategory,
} from '@cws/workers-core';

// The register's list row and page (WorkerListItem, WorkerListPage) are contracts in worker-views.ts.

/** What payroll freezes into a run: one worker as of a date. */
export interface WorkerSnapshot {
  workerId: number;
  name: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  employmentType: EmploymentType;
  status: WorkerStatus;
  postBand: PostBand;
  education: Education;
  hireDate: string;
  serviceYears: number;
  /**
   * The grade recorded on the register in force on `asOf` (worker_grade history), 1–18; null when the
   * worker has no grade row on that date (e.g. asOf before the entry row). Payroll prices it as is.
   */
  grade: number | null;
  /** The band the grade sits in (its range: HEAD 7–18, DEPUTY 4–15, OTHER 1–12); null with grade. */
  gradeBand: PostBand | null;
  /** True when the grade came from the one-off backfill (entry grade + one step per 3 years from the hire date), not from a recorded decision. */
  gradeDerived: boolean;
  /** The date the grade in force took effect; null with grade. */
  gradeSince: string | null;
  /** Months of prior community service credited at hire (they count toward the entry grade). */
  priorServiceMonths: number;
  qualificationLevel: QualificationLevel;
  appointments: Array<{ bodyKind: BodyKind; role: AppointmentRole; from: string; to: string | null }>;
  /** How many distinct bodies the worker holds posts in on the date. */
  bodiesHeld: number;
  /** The body of the primary post in force on the date (its budget stream pays the worker); null with no primary post. */
  primaryBody: BodyKind | null;
  secondment: null | { direction: SecondmentDirection; payer: SecondmentPayer; from: string; to: string | null };
  /** The days of `asOf`'s month a host pays for (outward secondments whose host pays), clipped to the month: who pays a part month. */
  hostPaidInMonth: Array<{ from: string; to: string }>;
  /** Full for callers with payroll:read or the CITY_ADMIN / FINANCE role; masked otherwise; null when none is on file. */
  bankAccount: string | null;
  /**
   * This year's special additional deductions (专项附加扣除) through `asOf`'s month, from January or the hire
   * month, as a decimal string in 元: what cumulative withholding subtracts. "0.00" with none declared.
   */
  specialDeductionsYtd: string;
  /** The withholding flags HR set for `asOf`'s year (WorkerTaxYear); null when none are set: payroll's defaults apply. */
  taxFlags: null | { firstJobOfYear: boolean | null; lowIncomeLastYear: boolean | null };
  /** The whole resident ID: only with `?identities=true`, which only the payroll:read API client may ask (the income-tax declaration). */
  residentId?: string;
}

export interface WorkerSnapshotPage {
  asOf: string;
  items: WorkerSnapshot[];
  nextAfter: string | null;
}

// CrossAppointmentStats, ElectionView and OneShoulderReport are contracts in posts.ts.
