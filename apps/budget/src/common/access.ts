/**
 * Who may do what in the budget service. Users are checked by role, API clients (the finance
 * bureaus) by OAuth permission; both are then filtered by scope, and anything outside the
 * caller's scope answers 404.
 */
import { applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { districtOf, DomainError, notFound, scopeCovers, streetOf, type Principal, type Role } from '@cws/kernel';
import { ActionAccess, ReadAccess } from '@cws/platform';
import { CITY_FUNDER } from '@cws/budget-contracts';

export const READ_ROLES: Role[] = ['CITY_ADMIN', 'FINANCE', 'AUDITOR', 'DISTRICT_HR', 'STREET_HR'];
export const POST_ROLES: Role[] = ['CITY_ADMIN', 'FINANCE'];
/** Users who may override an overspend (with a reason); API clients need OVERRIDE_PERMISSION. */
export const OVERRIDE_ROLES: Role[] = ['CITY_ADMIN'];
export const READ_PERMISSION = 'budget:read';
export const WRITE_PERMISSION = 'budget:write';
export const OVERRIDE_PERMISSION = 'budget:override';

/** Reads: every role (scoped) and clients holding budget:read. */
export const CanRead = () => ReadAccess(READ_ROLES, READ_PERMISSION);

/** Postings: FINANCE and CITY_ADMIN users, clients holding budget:write. */
export const CanPost = () => ActionAccess(POST_ROLES, WRITE_PERMISSION);

/** A money-moving POST: the Idempotency-Key header is required. */
export const Idempotent = () =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description: 'Unique per request (1–100 of A–Z a–z 0–9 _ - : .). A replay with the same key and body returns the original response; the same key with another body answers 422. Kept 48 hours.',
      example: 'c0a8e5f2-2026-03-expenditure-0001',
    }),
  );

export function canOverride(p: Principal): boolean {
  return p.kind === 'client' ? p.permissions.includes(OVERRIDE_PERMISSION) : p.roles.some((r) => OVERRIDE_ROLES.includes(r));
}

export function requireCityScope(p: Principal): void {
  if (p.scope.level !== 'CITY') throw new DomainError('FORBIDDEN', 'CITY_SCOPE_REQUIRED', 'Only a city-level user or client may do this');
}

/**
 * Filters naming a place outside the caller's scope answer 404, like the records they would select. A funder
 * names whose money, not a place: a district or street user may name the city's or their own district's (both
 * fund records in their scope), not another district's.
 */
export function assertFilterInScope(p: Principal, f: { district?: string; street?: string; community?: string; funder?: string }): void {
  if (p.scope.level === 'CITY') return;
  if (f.funder && f.funder !== CITY_FUNDER && f.funder !== p.scope.district) throw notFound('funder', f.funder);
  const checks: Array<[string, string, string | null, string | null]> = [];
  if (f.district) checks.push(['district', f.district, f.district, null]);
  if (f.street) checks.push(['street', f.street, districtOf(f.street), f.street]);
  if (f.community) checks.push(['community', f.community, districtOf(f.community), streetOf(f.community)]);
  for (const [entity, code, district, street] of checks) {
    const covered = p.scope.level === 'DISTRICT' ? district === p.scope.district : scopeCovers(p.scope, district, street);
    if (!covered) throw notFound(entity, code);
  }
}

/** Street and district codes follow from the code itself: district (6) + 3 → street (9) + 3 → community (12). */
export function placeOf(streetCode: string, communityCode?: string | null): { districtCode: string; streetCode: string; communityCode: string | null } {
  if (communityCode && !communityCode.startsWith(streetCode)) {
    throw new DomainError('VALIDATION', 'PLACE_MISMATCH', `community ${communityCode} is not in street ${streetCode}`, [
      { path: 'communityCode', issue: `must start with the street code ${streetCode}` },
    ]);
  }
  return { districtCode: districtOf(streetCode), streetCode, communityCode: communityCode ?? null };
}
