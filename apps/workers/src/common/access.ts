import { notFound, placeOfCode, scopeCovers, type Principal, type Role } from '@cws/kernel';

/** Who may change the register: HR at city, district and street level. */
export const WRITE_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR'];
/** Who may read it: HR, plus finance and auditors (city-wide, read-only). */
export const READ_ROLES: Role[] = [...WRITE_ROLES, 'FINANCE', 'AUDITOR'];
/** Who may see a worker's full resident ID and bank account (each view is audited). */
export const PII_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR'];
/** API-client permissions. */
export const WORKERS_READ = 'workers:read';
export const PAYROLL_READ = 'payroll:read';

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
