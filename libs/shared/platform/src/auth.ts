/**
 * Authentication and authorisation shared by all services. Access tokens are JWTs (HS256, pinned)
 * issued by the workers service; every service verifies them with the shared secret, chosen by the
 * token's `kid` so a rotated key keeps verifying until its tokens expire (docs/security.md).
 * Routes are closed by default: @Public() opens one, @Roles(...) narrows one.
 */
import {
  applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Inject, Injectable, SetMetadata, UnauthorizedException,
  ForbiddenException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import type { Principal, Role, Scope } from '@cws/kernel';
import type { Request } from 'express';
import { SERVICE_CONFIG, type ServiceConfig } from './config';
import { requestContext } from './request-context';
import { SessionRevocations } from './revocations';

export const IS_PUBLIC = 'cws:public';
export const ROLES_KEY = 'cws:roles';
export const PERMISSIONS_KEY = 'cws:permissions';

/** No token needed (health, login, docs). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-cws-public', true));
/** Users need one of these roles. API clients are checked by @Permissions instead. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** API clients need one of these OAuth scopes (e.g. "budget:write"); users pass if their role allows. */
export const Permissions = (...perms: string[]) =>
  // OpenAPI: one oauth2 requirement per scope (any one suffices); see openapi.ts
  applyDecorators(SetMetadata(PERMISSIONS_KEY, perms), ...perms.map((p) => ApiSecurity('oauth2', [p])));

export interface AccessTokenClaims {
  sub: string;
  kind: 'user' | 'client';
  name: string;
  /** Display name (users); absent from client tokens. */
  dn?: string;
  roles: Role[];
  scope: Scope;
  perms: string[];
  /** The login session (refresh-token family) a user token belongs to; logout revokes it. */
  sid?: string;
  iss?: string;
  aud?: string | string[];
  exp?: number;
  iat?: number;
}

/** Who issues access tokens and for whom: both are checked on every token. */
export const TOKEN_ISSUER = 'cws-workers';
export const TOKEN_AUDIENCE = 'cws-api';
/** The one algorithm accepted; a token naming another (none, RS256 with our secret as a "public key") is refused. */
const ALGORITHM = 'HS256' as const;

export interface VerifiedToken {
  principal: Principal;
  sessionId: string | null;
  /** Seconds since the epoch. */
  expiresAt: number;
}

@Injectable()
export class TokenService {
  private readonly jwt = new JwtService({});
  /**
   * Verification keys by kid: the signing key and the retired ones still inside their tokens' lifetime.
   * Held as secret KeyObjects: given a string, jsonwebtoken first tries to parse it as a public key
   * on every verify, and the thrown error was a fifth of a service's CPU under load (docs/benchmarks.md).
   */
  private readonly keys: Map<string, KeyObject>;

  constructor(@Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {
    if (!config.jwtSecret || config.jwtSecret.length < 32) throw new Error('TokenService needs a JWT secret of at least 32 characters');
    const secrets: Array<[string, string]> = [[config.jwtKeyId, config.jwtSecret], ...Object.entries(config.jwtOldSecrets ?? {})];
    this.keys = new Map(secrets.map(([kid, secret]) => [kid, createSecretKey(Buffer.from(secret, 'utf8'))]));
  }

  sign(principal: Principal, ttlSeconds = this.config.accessTokenTtlSeconds, opts: { sessionId?: string } = {}): string {
    const claims: AccessTokenClaims = {
      sub: principal.id,
      kind: principal.kind,
      name: principal.name,
      roles: principal.roles,
      scope: principal.scope,
      perms: principal.permissions,
    };
    if (principal.displayName) claims.dn = principal.displayName;
    if (opts.sessionId) claims.sid = opts.sessionId;
    return this.jwt.sign(claims, {
      secret: this.config.jwtSecret,
      algorithm: ALGORITHM,
      keyid: this.config.jwtKeyId,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: ttlSeconds,
    });
  }

  verify(token: string): Principal {
    return this.verifyToken(token).principal;
  }

  /** Checks kid, algorithm, signature, issuer, audience and expiry (which must be present). Throws when any fails. */
  verifyToken(token: string): VerifiedToken {
    const header = decodeHeader(token);
    const secret = typeof header.kid === 'string' ? this.keys.get(header.kid) : undefined;
    if (!secret || header.alg !== ALGORITHM) throw new Error('unknown key id or algorithm');
    // @nestjs/jwt types the secret as string | Buffer but hands it to jsonwebtoken, which takes a KeyObject.
    const c = this.jwt.verify<AccessTokenClaims>(token, { secret: secret as unknown as Buffer, algorithms: [ALGORITHM], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    // jsonwebtoken accepts a token without exp as never expiring; ours always expire.
    if (typeof c.exp !== 'number' || typeof c.iat !== 'number') throw new Error('exp and iat are required');
    if (c.kind !== 'user' && c.kind !== 'client') throw new Error('unknown principal kind');
    const principal: Principal = { kind: c.kind, id: c.sub, name: c.name, roles: c.roles, scope: c.scope, permissions: c.perms ?? [] };
    if (typeof c.dn === 'string' && c.dn) principal.displayName = c.dn;
    return { principal, sessionId: typeof c.sid === 'string' ? c.sid : null, expiresAt: c.exp };
  }
}

function decodeHeader(token: string): { alg?: unknown; kid?: unknown } {
  const part = token.split('.')[0] ?? '';
  try {
    const header = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return header && typeof header === 'object' ? header : {};
  } catch {
    return {};
  }
}

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
  /** The verified access token's session and expiry, for logout. */
  accessToken?: VerifiedToken;
  /** A session whose revocation the next guard (SubjectThrottlerGuard) checks, in the same Redis round trip as its count. */
  sessionCheckPending?: string;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly revocations: SessionRevocations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerOf(req.headers.authorization);
    if (!token) {
      throw new UnauthorizedException({ code: 'UNAUTHENTICATED', message: 'A bearer access token is required', details: [] });
    }
    let verified: VerifiedToken;
    try {
      verified = this.tokens.verifyToken(token);
    } catch {
      throw invalidToken();
    }
    // The session's revocation is checked by the next guard, in the same Redis round trip as the rate limit's count.
    const sessionId = verified.sessionId;
    const principal = verified.principal;
    req.principal = principal;
    req.accessToken = verified;
    const ctx = requestContext.get();
    if (ctx) ctx.principal = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const perms = this.reflector.getAllAndOverride<string[] | undefined>(PERMISSIONS_KEY, targets);
    // API clients act only through routes that name a permission they hold.
    const allowed = principal.kind === 'client'
      ? !!perms && perms.some((p) => principal.permissions.includes(p))
      : !roles || roles.some((r) => principal.roles.includes(r));
    if (!allowed) {
      // A revoked session is a 401 before it is a 403.
      if (sessionId && (await this.revocations.isRevoked(sessionId))) throw invalidToken();
      throw forbidden();
    }
    if (sessionId) req.sessionCheckPending = sessionId;
    return true;
  }
}

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerOf(authorization: string | undefined): string | undefined {
  const [type, token] = (authorization ?? '').split(' ');
  return type?.toLowerCase() === 'bearer' && token ? token : undefined;
}

export function invalidToken(): UnauthorizedException {
  return new UnauthorizedException({ code: 'INVALID_TOKEN', message: 'The access token is invalid or expired', details: [] });
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
