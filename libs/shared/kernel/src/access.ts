/** Roles and scopes shared by every service. Scopes are org codes, stable across services. */
export const ROLES = ['CITY_ADMIN', 'DISTRICT_HR', 'STREET_HR', 'FINANCE', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

export type ScopeLevel = 'CITY' | 'DISTRICT' | 'STREET';

export interface Scope {
  level: ScopeLevel;
  /** District code when level is DISTRICT or STREET. */
  district?: string;
  /** Street code when level is STREET. */
  street?: string;
}

export const CITY_SCOPE: Scope = { level: 'CITY' };

/** Can a caller with `scope` see a record located in (district, street)? */
export function scopeCovers(scope: Scope, district: string | null | undefined, street?: string | null): boolean {
  if (scope.level === 'CITY') return true;
  if (!district || district !== scope.district) return false;
  if (scope.level === 'DISTRICT') return true;
  return !!street && street === scope.street;
}

/** The principal behind a request: a user or an API client. */
export interface Principal {
  kind: 'user' | 'client';
  id: string;
  /** Username (or client id): what the audit log records. */
  name: string;
  /** A person-readable name for screens, e.g. "西湖区人事专员"; users only, optional. */
  displayName?: string;
  roles: Role[];
  scope: Scope;
  /** OAuth scopes for API clients (e.g. "budget:write"); empty for users. */
  permissions: string[];
}
