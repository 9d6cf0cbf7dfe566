import type { Role } from '../api/types';

/** Which roles see which screen (the backend enforces the same; this only shapes the menu). */
export const SCREEN_ROLES = {
  dashboard: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  org: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  workers: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  /** elections (换届选举) and the 一肩挑 report: the workers service's READ_ROLES; HR records */
  elections: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  /** the workers service's grade policy (三岗十八级): every register reader; only CITY_ADMIN adds rows */
  gradePolicy: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  /** full resident ID and bank account (each view audited) */
  workerPii: ['CITY_ADMIN', 'DISTRICT_HR'],
  training: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  /** vacancies, applicants, 公示 and hire: HR writes; auditors read */
  recruitment: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'AUDITOR'],
  payroll: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE'],
  /** monthly runs: HR creates and submits, CITY_ADMIN / FINANCE approve, FINANCE pays; auditors read */
  payrollRuns: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  /** benchmark report: everyone reads (in scope); HR roles may run a calibration */
  benchmark: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  /** pay policy tables: every payroll reader (the service's READ_ROLES); only CITY_ADMIN edits */
  policy: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  /** 核定 report (funding requirement): the payroll service's READ_ROLES, each in their scope */
  funding: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  rosters: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR'],
  /** the holiday calendar and centre set-ups: every scheduler reader (its READ_ROLES) */
  rosterSetup: ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'],
  budget: ['CITY_ADMIN', 'DISTRICT_HR', 'FINANCE', 'AUDITOR'],
  audit: ['CITY_ADMIN', 'DISTRICT_HR', 'AUDITOR'],
  users: ['CITY_ADMIN'],
  apiClients: ['CITY_ADMIN'],
  /** Bull Board (the service also requires a city-wide scope) */
  queues: ['CITY_ADMIN'],
} satisfies Record<string, Role[]>;

/** The HR roles, who write the register, recruitment and payroll runs (finance and auditors read). */
export const HR_ROLES = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR'] satisfies Role[];

/** Who records, enacts and allocates budget money (the budget service's POST_ROLES); everyone else on the budget screens reads. */
export const BUDGET_WRITE_ROLES = ['CITY_ADMIN', 'FINANCE'] satisfies Role[];

/** Who adds and closes pay-policy rows (the payroll service's CanEditPolicy). */
export const POLICY_WRITE_ROLES = ['CITY_ADMIN'] satisfies Role[];

/** Who adds grade-policy rows (the workers service's POST grade-policy). */
export const GRADE_POLICY_WRITE_ROLES = ['CITY_ADMIN'] satisfies Role[];

/** Who edits the yearly holiday calendar (the scheduler's CanEditCalendar). */
export const CALENDAR_WRITE_ROLES = ['CITY_ADMIN'] satisfies Role[];

/** Who edits a service centre's set-up (the scheduler's CanPlan: the planning roles, in their scope). */
export const CENTRE_WRITE_ROLES = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR'] satisfies Role[];

export type Screen = keyof typeof SCREEN_ROLES;

export function canSee(roles: readonly Role[] | undefined, screen: Screen): boolean {
  return !!roles && roles.some((r) => (SCREEN_ROLES[screen] as Role[]).includes(r));
}
