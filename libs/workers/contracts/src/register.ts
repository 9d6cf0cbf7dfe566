/**
 * The workforce register's vocabulary and the shapes other projects read (list rows, snapshots,
 * cross-appointment figures). Plain TypeScript: the admin UI and payroll import it.
 */
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

// The workforce snapshot (WorkerSnapshot, WorkerSnapshotPage) is a contract in snapshots.ts.

// CrossAppointmentStats, ElectionView and OneShoulderReport are contracts in posts.ts.
