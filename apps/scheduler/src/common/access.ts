/**
 * Who may do what in the scheduler. Users are checked by role, API clients by OAuth permission;
 * rosters, centres and requests are located in a district and street and filtered by scope:
 * anything outside the caller's scope answers 404, as in the other services.
 */
import type { Role } from '@cws/kernel';
import { ActionAccess, ReadAccess } from '@cws/platform';

export const READ_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'];
/** HR plans and publishes rosters for its own scope. */
export const PLAN_ROLES: Role[] = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR'];
export const SCHEDULER_READ = 'scheduler:read';
export const SCHEDULER_WRITE = 'scheduler:write';

export const CanRead = () => ReadAccess(READ_ROLES, SCHEDULER_READ);

/** The holiday calendar: every reader, and the payroll service's client (payroll:read), which pro-rates by it. */
export const CanReadCalendar = () => ReadAccess(READ_ROLES, [SCHEDULER_READ, 'payroll:read']);

export const CanPlan = () => ActionAccess(PLAN_ROLES, SCHEDULER_WRITE);

/** The holiday calendar is city-wide data: city administrators only. */
export const CanEditCalendar = () => ActionAccess(['CITY_ADMIN'], null, 'Only a city administrator may edit the calendar');

export const scopeColumns = (alias: string) => ({ district: `${alias}.district_code`, street: `${alias}.street_code` });
