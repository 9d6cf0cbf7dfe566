import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, validationError, type Principal, type Scope } from '@cws/kernel';
import { AuditService, SERVICE_CONFIG, SessionRevocations, TokenService, type ServiceConfig } from '@cws/platform';
import { ApiClientRepository } from './api-client.repository';
import { UserRepository } from './app-user.repository';
import type { UserEntity } from './identity.entities';
import { RefreshTokenRepository } from './refresh-token.repository';
import type { TokenPairView } from '@cws/workers-contracts';

const REFRESH_TTL_MS = 7 * 24 * 3600 * 1000;
/** Clock skew allowed between services: a revoked session stays listed this much past the access-token lifetime. */
const REVOCATION_MARGIN_SECONDS = 60;
export const BCRYPT_COST = 10;
// Compared against when the user does not exist, so both paths take about as long. A fixed bcrypt
// hash (of 'not-a-real-password', cost 10 = BCRYPT_COST) rather than hashSync at import, which
// blocked start-up for a few hundred ms; keep its cost in step with BCRYPT_COST.
const DUMMY_HASH = '$2b$10$83x6iaELFhBw4vNtG1JqhuD4CBOksV3.zilfnXkATCiAF7hrgxnbG';

const SYSTEM_ACTOR = { kind: 'user' as const, id: 'system', name: 'system' };
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const invalidCredentials = () => new DomainError('UNAUTHORIZED', 'INVALID_CREDENTIALS', 'Wrong username or password');

export function userPrincipal(u: UserEntity): Principal {
  const scope: Scope = { level: u.scopeLevel };
  if (u.scopeDistrict) scope.district = u.scopeDistrict;
  if (u.scopeStreet) scope.street = u.scopeStreet;
  // name stays the username (the audit records it); displayName is for screens
  return { kind: 'user', id: u.id, name: u.username, displayName: u.displayName, roles: u.roles, scope, permissions: [] };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly revocations: SessionRevocations,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async login(username: string, password: string): Promise<TokenPairView> {
    const user = await UserRepository.findByUsername(this.dataSource, username);
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw invalidCredentials();
    return this.issuePair(user, randomUUID()); // a new family
  }

  async refresh(refreshToken: string): Promise<TokenPairView> {
    const invalid = () => new DomainError('UNAUTHORIZED', 'INVALID_REFRESH_TOKEN', 'The refresh token is invalid, expired or revoked');
    const outcome = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      const row = await RefreshTokenRepository.lockByHash(m, sha256(refreshToken));
      if (!row || row.expiresAt < new Date()) return { invalid: true as const };
      if (row.revokedAt) {
        // A rotated token used again: whoever holds it, the family is no longer trustworthy.
        const revoked = await RefreshTokenRepository.revokeFamily(m, row.familyId);
        await this.audit.record(m, { entity: 'refresh_token_family', entityId: row.familyId, action: 'REUSE_DETECTED', after: { userId: row.userId, revoked } }, SYSTEM_ACTOR);
        return { reused: row.familyId };
      }
      const user = await UserRepository.findById(m, row.userId);
      if (!user?.active) return { invalid: true as const };
      // Rotation: a refresh token is good for one use.
      await RefreshTokenRepository.revoke(m, row.id);
      return { pair: await this.issuePair(user, row.familyId, m) };
    });
    if ('reused' in outcome && outcome.reused) {
      // after the commit: the family's revocation stands even though this call fails
      await this.revokeSession(outcome.reused);
      throw invalid();
    }
    if ('pair' in outcome && outcome.pair) return outcome.pair;
    throw invalid();
  }

  /**
   * Ends the login: every refresh token of its family is revoked, and its access tokens are
   * refused by every service (Redis revocation list) until they would have expired anyway.
   */
  async logout(refreshToken: string): Promise<void> {
    const row = await RefreshTokenRepository.findByHash(this.dataSource, sha256(refreshToken));
    if (!row) return;
    await this.dataSource.transaction('READ COMMITTED', (m) => RefreshTokenRepository.revokeFamily(m, row.familyId));
    await this.revokeSession(row.familyId);
  }

  private revokeSession(familyId: string): Promise<void> {
    return this.revocations.revoke(familyId, this.config.accessTokenTtlSeconds + REVOCATION_MARGIN_SECONDS);
  }

  async clientCredentials(clientId: string, secret: string, requested?: string) {
    const client = await ApiClientRepository.findByClientId(this.dataSource, clientId);
    const ok = await bcrypt.compare(secret, client?.secretHash ?? DUMMY_HASH);
    if (!client || !ok || !client.active) throw new DomainError('UNAUTHORIZED', 'INVALID_CLIENT', 'Unknown client or wrong secret');
    let permissions = client.permissions;
    if (requested) {
      const wanted = requested.split(' ').filter(Boolean);
      const extra = wanted.filter((p) => !client.permissions.includes(p));
      if (extra.length) throw validationError('INVALID_SCOPE', 'scope', `not granted to this client: ${extra.join(' ')}`);
      permissions = wanted;
    }
    const principal: Principal = {
      kind: 'client',
      id: client.id,
      name: client.clientId,
      roles: [],
      scope: client.scopeLevel === 'CITY' ? { level: 'CITY' } : { level: 'DISTRICT', district: client.scopeDistrict! },
      permissions,
    };
    return {
      access_token: this.tokens.sign(principal),
      token_type: 'Bearer',
      expires_in: this.config.accessTokenTtlSeconds,
      scope: permissions.join(' '),
    };
  }

  /**
   * Revokes every refresh token of the user that is still open and returns the families (sessions)
   * they belonged to, for `revokeSessions` after the commit. A family with an unexpired refresh
   * token may still have a live access token: its refresh tokens outlive access tokens.
   */
  async revokeUserFamilies(m: EntityManager, userId: string): Promise<string[]> {
    const families = await RefreshTokenRepository.unexpiredFamiliesOf(m, userId);
    await RefreshTokenRepository.revokeAllOf(m, userId);
    return families;
  }

  /** Every service refuses the access tokens of these sessions from now on. */
  async revokeSessions(familyIds: string[]): Promise<void> {
    for (const id of familyIds) await this.revokeSession(id);
  }

  /** A refresh token of the family and an access token whose sid is the family. */
  private async issuePair(user: UserEntity, familyId: string, db: DataSource | EntityManager = this.dataSource): Promise<TokenPairView> {
    const refreshToken = randomBytes(32).toString('base64url');
    await RefreshTokenRepository.insert(db, { id: randomUUID(), userId: user.id, familyId, tokenHash: sha256(refreshToken), expiresAt: new Date(Date.now() + REFRESH_TTL_MS), revokedAt: null });
    const accessToken = this.tokens.sign(userPrincipal(user), this.config.accessTokenTtlSeconds, { sessionId: familyId });
    return { accessToken, refreshToken, expiresIn: this.config.accessTokenTtlSeconds };
  }
}
