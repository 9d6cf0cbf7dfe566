/**
 * The access head a service's route carries: who may call it (users by role, API clients by OAuth
 * permission), the bearer scheme, and the refusal it documents. Each service names its roles and
 * permissions in its own `common/access.ts` (`CanRead`, `CanPost`, …); these are the two shapes.
 * And `@BearerToken()`, the caller's own token for a call made on the caller's behalf.
 */
import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse } from '@nestjs/swagger';
import type { Role } from '@cws/kernel';
import { bearerOf, Permissions, Roles } from './auth';

/** A scoped read: records outside the caller's scope answer 404, so that is the refusal documented. API clients need one of `permission`. */
export const ReadAccess = (roles: readonly Role[], permission: string | readonly string[]) =>
  applyDecorators(Roles(...roles), Permissions(...(typeof permission === 'string' ? [permission] : permission)), ApiBearerAuth(), ApiNotFoundResponse({ description: 'Not found or outside your scope' }));

/** An action for these roles, and for API clients holding `permission` (null: users only); 403 otherwise. */
export const ActionAccess = (roles: readonly Role[], permission: string | null, refusal = 'Role or permission missing') =>
  applyDecorators(Roles(...roles), ...(permission ? [Permissions(permission)] : []), ApiBearerAuth(), ApiForbiddenResponse({ description: refusal }));

/**
 * The caller's bearer token, forwarded to another service that answers with the caller's own rights
 * and scope (payroll and the scheduler reading the workers register; docs/security.md).
 */
export const BearerToken = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined =>
  bearerOf(ctx.switchToHttp().getRequest<{ headers: { authorization?: string } }>().headers.authorization),
);
