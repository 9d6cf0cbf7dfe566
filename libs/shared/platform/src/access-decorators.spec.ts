import 'reflect-metadata';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import { ActionAccess, ReadAccess, RouteAccess } from './access-decorators';
import { Permissions, PERMISSIONS_KEY, Roles, ROLES_KEY } from './auth';

// the metadata keys @nestjs/swagger writes (its DECORATORS constants are not exported)
const SECURITY = 'swagger/apiSecurity';
const RESPONSES = 'swagger/apiResponse';
const KEYS = [ROLES_KEY, PERMISSIONS_KEY, SECURITY, RESPONSES];

/** A route's metadata under every key the guard and the document read, the decorators applied in order (as applyDecorators does). */
function metadataOf(...decorators: MethodDecorator[]): Record<string, unknown> {
  class Probe {
    route() {}
  }
  const descriptor = Object.getOwnPropertyDescriptor(Probe.prototype, 'route')!;
  for (const d of decorators) d(Probe.prototype, 'route', descriptor);
  return Object.fromEntries(KEYS.map((k) => [k, Reflect.getMetadata(k, descriptor.value)]));
}

describe('access heads set exactly the stack they stand for', () => {
  it('RouteAccess: roles, permissions and the bearer scheme, no response of its own', () => {
    expect(metadataOf(RouteAccess(['CITY_ADMIN', 'FINANCE'], ['a:read', 'b:read']))).toEqual(
      metadataOf(Roles('CITY_ADMIN', 'FINANCE'), Permissions('a:read', 'b:read'), ApiBearerAuth()),
    );
    expect(metadataOf(RouteAccess(['CITY_ADMIN', 'FINANCE'], ['a:read', 'b:read']))[RESPONSES]).toBeUndefined();
  });

  it('RouteAccess: no permission = users only (none set); null roles = any signed-in user (none set)', () => {
    expect(metadataOf(RouteAccess(['STREET_HR']))).toEqual(metadataOf(Roles('STREET_HR'), ApiBearerAuth()));
    const anyUser = metadataOf(RouteAccess(null));
    expect(anyUser).toEqual(metadataOf(ApiBearerAuth()));
    expect([anyUser[ROLES_KEY], anyUser[PERMISSIONS_KEY]]).toEqual([undefined, undefined]);
  });

  it('ReadAccess and ActionAccess add their documented refusal', () => {
    expect(metadataOf(ReadAccess(['AUDITOR'], 'x:read'))).toEqual(
      metadataOf(Roles('AUDITOR'), Permissions('x:read'), ApiBearerAuth(), ApiNotFoundResponse({ description: 'Not found or outside your scope' })),
    );
    expect(metadataOf(ActionAccess(['FINANCE'], 'x:write', 'No'))).toEqual(
      metadataOf(Roles('FINANCE'), Permissions('x:write'), ApiBearerAuth(), ApiForbiddenResponse({ description: 'No' })),
    );
    expect(metadataOf(ActionAccess(['CITY_ADMIN'], null))).toEqual(
      metadataOf(Roles('CITY_ADMIN'), ApiBearerAuth(), ApiForbiddenResponse({ description: 'Role or permission missing' })),
    );
  });
});
