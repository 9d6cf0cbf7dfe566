import type { Principal, Role } from '@cws/kernel';

/** Who may change the register: HR at city, district and street level. */
export const WRITE_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR'];
/** Who may read it: HR, plus finance and auditors (city-wide, read-only). */
export const READ_ROLES: Role[] = [...WRITE_ROLES, 'FINANCE', 'AUDITOR'];
/** Who may see a worker's full resident ID and bank account (each view is audited). */
export const PII_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR'];
/** API-client permissions. */
export const WORKERS_READ = 'workers:read';
export const PAYROLL_READ = 'payroll:read';

/** Payroll needs the bank account to pay; everyone else sees it masked. */
export function mayReadBankAccounts(p: Principal): boolean {
  return p.permissions.includes(PAYROLL_READ) || p.roles.includes('CITY_ADMIN') || p.roles.includes('FINANCE');
}
