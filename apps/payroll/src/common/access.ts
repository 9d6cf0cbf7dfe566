/**
 * Who may do what in the payroll service. Users are checked by role, API clients by OAuth
 * permission; results located in a district or street are then filtered by scope, and anything
 * outside the caller's scope answers 404.
 */
import { notFound, placeOfCode, scopeCovers, type Principal, type Role } from '@cws/kernel';
import { ActionAccess, ReadAccess } from '@cws/platform';

export const READ_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'];
/** HR runs benchmark computations for its own scope. */
export const RUN_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR'];
export const PAYROLL_READ = 'payroll:read';
export const PAYROLL_WRITE = 'payroll:write';

/** Reads: every role (scoped) and API clients holding payroll:read. */
export const CanRead = () => ReadAccess(READ_ROLES, PAYROLL_READ);

/** Workforce changes (worker ids, org codes, dates): HR and auditors (scoped), API clients holding payroll:read. */
export const WORKFORCE_CHANGE_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'AUDITOR'];
export const CanReadWorkforceChanges = () => ReadAccess(WORKFORCE_CHANGE_ROLES, PAYROLL_READ);

/** Benchmark runs: HR users within their scope, API clients holding payroll:write. */
export const CanRun = () => ActionAccess(RUN_ROLES, PAYROLL_WRITE);

/** Policy edits: CITY_ADMIN users only (no API client may change policy). */
export const CanEditPolicy = () => ActionAccess(['CITY_ADMIN'], null, 'Only a city administrator may edit policy');

/**
 * The scope a run covers: the requested org code, which must lie within the caller's scope (else
 * 404, as for a record of another district), or the caller's own scope when none is given.
 */
export function effectiveScope(p: Principal, requested?: string | null): string | null {
  if (requested) {
    const { district, street } = placeOfCode(requested);
    if (!scopeCovers(p.scope, district, street)) throw notFound('scope', requested);
    return requested;
  }
  if (p.scope.level === 'DISTRICT') return p.scope.district ?? null;
  if (p.scope.level === 'STREET') return p.scope.street ?? null;
  return null;
}

/** Payroll runs: HR creates, recalculates, submits and cancels within its scope; API clients with payroll:write. */
export const CanPrepareRuns = () => ActionAccess(RUN_ROLES, PAYROLL_WRITE);

export const PAYROLL_APPROVE = 'payroll:approve';
export const PAYROLL_PAY = 'payroll:pay';
/** Four eyes: approvers (and rejecters) are CITY_ADMIN and FINANCE users or payroll:approve clients — and never the submitter. */
export const APPROVE_ROLES: Role[] = ['CITY_ADMIN', 'FINANCE'];
export const CanApproveRuns = () => ActionAccess(APPROVE_ROLES, PAYROLL_APPROVE, 'Only an approver (CITY_ADMIN, FINANCE, payroll:approve) may do this');
/** The bank confirmed the transfer: FINANCE users or payroll:pay clients. */
export const CanPayRuns = () => ActionAccess(['FINANCE'], PAYROLL_PAY, 'Only finance (FINANCE, payroll:pay) marks a run paid');
