/**
 * Who may do what in the workers service. Users are checked by role, API clients by OAuth
 * permission (only where a head names one); records are then filtered by scope, and anything
 * outside the caller's scope answers 404. Each route names its own 404s, so these heads are
 * `RouteAccess` (they document no refusal beyond the generic 403).
 */
import { notFound, placeOfCode, scopeCovers, type Principal, type Role } from '@cws/kernel';
import { RouteAccess } from '@cws/platform';

/** Who may change the register: HR at city, district and street level. */
export const WRITE_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR'];
/** Who may read it: HR, plus finance and auditors (city-wide, read-only). */
export const READ_ROLES: Role[] = [...WRITE_ROLES, 'FINANCE', 'AUDITOR'];
/** Who may see a worker's full resident ID and bank account (each view is audited). */
export const PII_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR'];
/** What a street may not change alone: streets and communities, training courses, providers and classes. */
export const DISTRICT_WRITE_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR'];
/** Training cost postings: HR above the street, finance and auditors. */
export const TRAINING_POSTINGS_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'FINANCE', 'AUDITOR'];
/** API-client permissions. */
export const WORKERS_READ = 'workers:read';
export const PAYROLL_READ = 'payroll:read';
export const SCHEDULER_READ = 'scheduler:read';

/** Reads of the register: every role (scoped) and API clients holding workers:read. */
export const CanRead = () => RouteAccess(READ_ROLES, [WORKERS_READ]);

/** Reads no API client makes (elections, recruitment, training, grade policy): every role, scoped. */
export const CanReadUsersOnly = () => RouteAccess(READ_ROLES);

/** Any signed-in user, whatever the role (the org tree, one's own account); no API client. */
export const AnyUser = () => RouteAccess(null);

/** Snapshots for payroll: every role (scoped), clients holding payroll:read (the payroll service) or workers:read. */
export const CanReadSnapshots = () => RouteAccess(READ_ROLES, [PAYROLL_READ, WORKERS_READ]);

/** Availability for rosters: every role (scoped), clients holding workers:read or scheduler:read (the scheduler). */
export const CanReadAvailability = () => RouteAccess(READ_ROLES, [WORKERS_READ, SCHEDULER_READ]);

/** Training cost postings: CITY_ADMIN, DISTRICT_HR, FINANCE and AUDITOR users. */
export const CanReadTrainingPostings = () => RouteAccess(TRAINING_POSTINGS_ROLES);

/** The audited view of a whole resident ID and bank account: CITY_ADMIN and DISTRICT_HR users. */
export const CanSeePii = () => RouteAccess(PII_ROLES);

/** Changes to the register: HR at any level, within its scope; no API client. */
export const CanWrite = () => RouteAccess(WRITE_ROLES);

/** Changes a street may not make alone: CITY_ADMIN and DISTRICT_HR users. */
export const CanWriteDistrictLevel = () => RouteAccess(DISTRICT_WRITE_ROLES);

/** City administrators only: accounts and API clients, key rotation, districts, city-wide rules. */
export const CanAdminister = () => RouteAccess(['CITY_ADMIN']);

/**
 * Whole bank accounts in the snapshot go only to the machine that pays: an API client holding
 * payroll:read (the payroll service's credential). Users, whatever their role, get the last four
 * digits; a person sees a whole number only through the audited "show" action (GET …/pii).
 */
export function receivesWholeBankAccounts(p: Principal): boolean {
  return p.kind === 'client' && p.permissions.includes(PAYROLL_READ);
}

/**
 * A filter naming a place (district, street or community) outside the caller's scope answers 404,
 * as a record there would. A street user may name their own district: the rows stay street-scoped.
 */
export function assertPlaceFilterInScope(p: Principal, place: string | undefined): void {
  if (!place) return;
  const { district, street } = placeOfCode(place);
  if (!scopeCovers(p.scope, district, street ?? p.scope.street)) throw notFound('place', place);
}
