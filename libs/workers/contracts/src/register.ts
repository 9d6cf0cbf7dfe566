/**
 * The workforce register's vocabulary and the shapes other projects read (list rows, snapshots,
 * cross-appointment figures). Plain TypeScript: the admin UI and payroll import it.
 */
export const BODY_KINDS = ['PARTY', 'COMMITTEE', 'STATION'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export const APPOINTMENT_ROLES = [
  'SECRETARY', 'DEPUTY_SECRETARY', 'DIRECTOR', 'DEPUTY_DIRECTOR', 'MEMBER', 'STATION_HEAD', 'DEPUTY_STATION_HEAD', 'STAFF',
] as const;
export type AppointmentRole = (typeof APPOINTMENT_ROLES)[number];

/** Which roles each body has: a secretary heads the party organisation, a director the committee, a station head the workstation. */
export const ROLES_BY_BODY: Record<BodyKind, readonly AppointmentRole[]> = {
  PARTY: ['SECRETARY', 'DEPUTY_SECRETARY', 'MEMBER'],
  COMMITTEE: ['DIRECTOR', 'DEPUTY_DIRECTOR', 'MEMBER'],
  STATION: ['STATION_HEAD', 'DEPUTY_STATION_HEAD', 'STAFF'],
};

export const OBTAINED_BY = ['ELECTION', 'APPOINTMENT', 'RECRUITMENT'] as const;
export type ObtainedBy = (typeof OBTAINED_BY)[number];

export const POST_BANDS = ['HEAD', 'DEPUTY', 'OTHER'] as const;
export type PostBand = (typeof POST_BANDS)[number];

/**
 * Posts filled only by election: every post of the party organisation (公推直选, the notice) and of
 * the residents' committee (Organic Law of Urban Residents' Committees). Workstation posts are
 * appointed or recruited.
 */
export const ELECTED_BODIES: readonly BodyKind[] = ['PARTY', 'COMMITTEE'];
export const isElectedPost = (bodyKind: BodyKind): boolean => ELECTED_BODIES.includes(bodyKind);

/** 公推直选 (public nomination, direct election: the party organisation), 直接选举, 户代表选举, 居民代表选举. */
export const ELECTION_METHODS = ['PUBLIC_NOMINATION_DIRECT', 'DIRECT', 'HOUSEHOLD_REPRESENTATIVES', 'RESIDENT_REPRESENTATIVES'] as const;
export type ElectionMethod = (typeof ELECTION_METHODS)[number];
/** REGULAR = 换届 (a new term for the whole body); BY_ELECTION = 补选 (fills posts for the rest of the term in force). */
export const ELECTION_KINDS = ['REGULAR', 'BY_ELECTION'] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];

/** Why a worker_grade row was written. DERIVED rows were computed from the hire date by the backfill, not decided. */
export const GRADE_CAUSES = ['ENTRY', 'ANNUAL_PROGRESSION', 'GRADE_CHANGE', 'BAND_CHANGE', 'DERIVED'] as const;
export type GradeCause = (typeof GRADE_CAUSES)[number];

const HEAD_ROLES: readonly AppointmentRole[] = ['SECRETARY', 'DIRECTOR', 'STATION_HEAD'];
const DEPUTY_ROLES: readonly AppointmentRole[] = ['DEPUTY_SECRETARY', 'DEPUTY_DIRECTOR', 'DEPUTY_STATION_HEAD'];

/** The pay post band a role sets when it is a worker's primary appointment (三岗: 正职 / 副职 / 其他). */
export function bandOfRole(role: AppointmentRole): PostBand {
  if (HEAD_ROLES.includes(role)) return 'HEAD';
  if (DEPUTY_ROLES.includes(role)) return 'DEPUTY';
  return 'OTHER';
}

/** Leaders are heads and deputies: the posts the cross-appointment rate counts. */
export const isLeaderRole = (role: AppointmentRole): boolean => bandOfRole(role) !== 'OTHER';

export const EMPLOYMENT_TYPES = ['FULL_TIME', 'SECONDED_IN'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const WORKER_STATUSES = ['ACTIVE', 'SECONDED_OUT', 'ON_LEAVE', 'LEFT'] as const;
export type WorkerStatus = (typeof WORKER_STATUSES)[number];

export const POLITICAL_STATUSES = ['CPC_MEMBER', 'CPC_PROBATIONARY', 'LEAGUE_MEMBER', 'NONE'] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

export const EDUCATION_LEVELS = ['JUNIOR_HIGH', 'SENIOR_HIGH', 'VOCATIONAL', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTORATE'] as const;
export type Education = (typeof EDUCATION_LEVELS)[number];

/** Social-work qualification: none, 助理社会工作师, 社会工作师, 高级社会工作师. */
export const QUALIFICATION_LEVELS = ['NONE', 'ASSISTANT', 'SOCIAL_WORKER', 'SENIOR'] as const;
export type QualificationLevel = (typeof QUALIFICATION_LEVELS)[number];

/** STATUS_CHANGE is written by the nightly status calendar (data: from, to, cause, secondmentId / leaveId). */
export const CAREER_EVENT_KINDS = ['HIRE', 'GRADE_CHANGE', 'PROMOTION', 'COMMENDATION', 'LEAVE', 'RETURN', 'LEFT', 'TRANSFER', 'STATUS_CHANGE'] as const;
export type CareerEventKind = (typeof CAREER_EVENT_KINDS)[number];

export const SECONDMENT_DIRECTIONS = ['OUT', 'IN'] as const;
export type SecondmentDirection = (typeof SECONDMENT_DIRECTIONS)[number];
export const SECONDMENT_PAYERS = ['HOME', 'HOST'] as const;
export type SecondmentPayer = (typeof SECONDMENT_PAYERS)[number];

export const COURSE_CATEGORIES = ['POLITICAL_THEORY', 'PROFESSIONAL_SKILLS', 'QUALIFICATION_PREP', 'OTHER'] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];

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

/** Share with four decimal places, exact for the small integers involved. */
export function formatRate(numerator: number, denominator: number): string {
  if (denominator === 0) return '0.0000';
  const scaled = Math.round((numerator * 10000) / denominator);
  return `${Math.floor(scaled / 10000)}.${String(scaled % 10000).padStart(4, '0')}`;
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
