/**
 * The workforce register's vocabulary: code lists, which roles each body has, and the pay band a
 * role sets. The rules here use it; @cws/workers-contracts re-exports it for everyone else.
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
/** The party organisation is elected by 公推直选 (the notice); the committee by residents directly or through representatives. */
export const METHODS_BY_BODY: Readonly<Record<'PARTY' | 'COMMITTEE', readonly ElectionMethod[]>> = {
  PARTY: ['PUBLIC_NOMINATION_DIRECT'],
  COMMITTEE: ['DIRECT', 'HOUSEHOLD_REPRESENTATIVES', 'RESIDENT_REPRESENTATIVES'],
};
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
