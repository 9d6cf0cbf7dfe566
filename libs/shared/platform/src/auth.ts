/**
 * Authentication and authorisation shared by all services. Access tokens are JWTs (HS256)
 * issued by the workers service; every service verifies them with the shared secret.
 * Routes are closed by default: @Public() opens one, @Roles(...) narrows one.
 */
import {
  CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, SetMetadata, UnauthorizedException,
  ForbiddenException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Principal, Role, Scope } from '@cws/kernel';
import type { Request } from 'express';
import { SERVICE_CONFIG, type ServiceConfig } from './config';
import { requestContext } from './request-context';

export const IS_PUBLIC = 'cws:public';
export const ROLES_KEY = 'cws:roles';
export const PERMISSIONS_KEY = 'cws:permissions';

/** No token needed (health, login, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
/** Users need one of these roles. API clients are checked by @Permissions instead. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** API clients need one of these OAuth scopes (e.g. "budget:write"); users pass if their role allows. */
export const Permissions = (...perms: string[]) => SetMetadata(PERMISSIONS_KEY, perms);

export interface AccessTokenClaims {
  sub: string;
  kind: 'user' | 'client';
  name: string;
  /** Display name (users); absent from older tokens and from client tokens. */
  dn?: string;
  roles: Role[];
  scope: Scope;
  perms: string[];
}

@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {
    this.jwt = new JwtService({ secret: config.jwtSecret, signOptions: { algorithm: 'HS256', issuer: 'cws' } });
  }

  sign(principal: Principal, ttlSeconds = this.config.accessTokenTtlSeconds): string {
    const claims: AccessTokenClaims = {
      sub: principal.id,
      kind: principal.kind,
      name: principal.name,
      roles: principal.roles,
      scope: principal.scope,
      perms: principal.permissions,
    };
    if (principal.displayName) claims.dn = principal.displayName;
    return this.jwt.sign(claims, { expiresIn: ttlSeconds });
  }

  verify(token: string): Principal {
    const c = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'], issuer: 'cws' });
    const principal: Principal = { kind: c.kind, id: c.sub, name: c.name, roles: c.roles, scope: c.scope, permissions: c.perms ?? [] };
    if (typeof c.dn === 'string' && c.dn) principal.displayName = c.dn;
    return principal;
  }
}

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization ?? '';
    const [type, token] = header.split(' ');
    if (type?.toLowerCase() !== 'bearer' || !token) {
      throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'A bearer access token is required', details: [] });
    }
    let principal: Principal;
    try {
      principal = this.tokens.verify(token);
    } catch {
      throw new UnauthorizedException({ code: 'INVALID_TOKEN', message: 'The access token is invalid or expired', details: [] });
    }
    req.principal = principal;
    const ctx = requestContext.get();
    if (ctx) ctx.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const perms = this.reflector.getAllAndOverride<string[] | undefined>(PERMISSIONS_KEY, targets);
    if (principal.kind === 'client') {
      // API clients act only through routes that name a permission they hold.
      if (!perms || !perms.some((p) => principal.permissions.includes(p))) throw forbidden();
      return true;
    }
    if (roles && !roles.some((r) => principal.roles.includes(r))) throw forbidden();
    return true;
  }
}

function forbidden(): ForbiddenException {
  return new ForbiddenException({ code: 'FORBIDDEN', message: 'Your role does not allow this action', details: [] });
}

/** The authenticated principal of the request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'Not authenticated', details: [] });
  return principal;
});
