/**
 * The workforce register's vocabulary and the shapes other projects read (list rows, snapshots,
 * cross-appointment figures). Plain TypeScript: the admin UI and payroll import it.
 */
import type {
  BodyKind, AppointmentRole, PostBand, ElectionMethod, ElectionKind, EmploymentType, WorkerStatus, Education, QualificationLevel, SecondmentDirection,
  SecondmentPayer,
} from '@cws/workers-core';

// The vocabulary lives in the pure rules lib (its import-sheet and grade rules use it); re-exported here unchanged.
export {
  BODY_KINDS, APPOINTMENT_ROLES, ROLES_BY_BODY, OBTAINED_BY, POST_BANDS, ELECTED_BODIES, isElectedPost, ELECTION_METHODS, ELECTION_KINDS,
  GRADE_CAUSES, bandOfRole, isLeaderRole, EMPLOYMENT_TYPES, WORKER_STATUSES, POLITICAL_STATUSES, EDUCATION_LEVELS, QUALIFICATION_LEVELS,
  CAREER_EVENT_KINDS, SECONDMENT_DIRECTIONS, SECONDMENT_PAYERS, COURSE_CATEGORIES, formatRate,
} from '@cws/workers-core';
export type {
  BodyKind, AppointmentRole, ObtainedBy, PostBand, ElectionMethod, ElectionKind, GradeCause, EmploymentType, WorkerStatus, PoliticalStatus,
  Education, QualificationLevel, CareerEventKind, SecondmentDirection, SecondmentPayer, CourseCategory,
} from '@cws/workers-core';

/** One row of GET /api/workers/v1/workers. The resident ID is masked to its last four, the birth date cut to the year. */
export interface WorkerListItem {
  id: number;
  name: string;
  sex: 'M' | 'F';
  birthYear: number;
  residentIdMasked: string;
  phone: string | null;
  communityCode: string;
  communityName: string;
  streetCode: string;
  districtCode: string;
  status: WorkerStatus;
  employmentType: EmploymentType;
  postBand: PostBand | null;
  qualificationLevel: QualificationLevel;
  hireDate: string;
  /** The recorded grade today (三岗十八级, 1–18) and the band it sits in; null when none is recorded. Always sent by the API (optional for older fixtures). */
  grade?: number | null;
  gradeBand?: PostBand | null;
}

export interface WorkerListPage {
  items: WorkerListItem[];
  nextAfter: string | null;
  /** How many rows the filter matches; on the first page only (a request without `after`). */
  total?: number;
}

export interface CrossAppointmentStats {
  communityCode: string;
  /** Distinct workers holding a head or deputy post in any of the three bodies on the date. */
  leaders: number;
  /** Of those, how many hold posts in two or more bodies. */
  crossAppointed: number;
  /** crossAppointed / leaders as a decimal string with four places ("0.5000"); "0.0000" when there are no leaders. */
  rate: string;
  /** One person is both party secretary and committee director (一肩挑). */
  oneShoulder: boolean;
}

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
  /** Full for callers with payroll:read or the CITY_ADMIN / FINANCE role; masked otherwise; null when none is on file. */
  bankAccount: string | null;
  /** The whole resident ID: only with `?identities=true`, which only the payroll:read API client may ask (the income-tax declaration). */
  residentId?: string;
}

export interface WorkerSnapshotPage {
  asOf: string;
  items: WorkerSnapshot[];
  nextAfter: string | null;
}

/** An election of a community body and the posts it filled (GET /elections/:id). */
export interface ElectionView {
  id: number;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  bodyKind: BodyKind;
  kind: ElectionKind;
  /** null for elections back-filled from posts recorded before elections were. */
  method: ElectionMethod | null;
  electionDate: string;
  termYears: number;
  termStart: string;
  termEnd: string;
  eligibleVoters: number | null;
  votesCast: number | null;
  /** A by-election: the regular election whose term it completes. */
  regularElectionId: number | null;
  backfilled: boolean;
  note: string | null;
  results: Array<{ workerId: number; workerName: string; role: AppointmentRole; votes: number | null; appointmentId: number | null }>;
}

/** 一肩挑: communities whose elected party secretary is also the elected committee director on a date. */
export interface OneShoulderReport {
  date: string;
  /** Active communities in the place (and the caller's scope). */
  communities: number;
  withElectedSecretary: number;
  withElectedDirector: number;
  oneShoulder: number;
  /** oneShoulder / communities, four places. */
  rate: string;
  items: Array<{
    communityCode: string;
    secretaryWorkerId: number | null;
    directorWorkerId: number | null;
    oneShoulder: boolean;
    partyElectionId: number | null;
    committeeElectionId: number | null;
  }>;
}
