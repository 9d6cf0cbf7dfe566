import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, notFound, scopeCovers, validationError, type Principal, type Scope } from '@cws/kernel';
import { rethrowDuplicate } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import { ApiClientRepository } from './api-client.repository';
import { UserRepository } from './app-user.repository';
import type { ApiClientEntity, UserEntity } from './identity.entities';
import { AuthService, BCRYPT_COST } from './auth.service';
import type { CreateApiClientDto, CreateUserDto, ResetPasswordDto, UpdateUserDto } from './auth.dto';
import type { ApiClientAccountView, ApiClientWithSecretView, UserAccountView } from '@cws/workers-contracts';

type UserView = UserAccountView;
type ClientView = ApiClientAccountView;

// the row without its hash, as JSON answers it (the instant as its ISO string)
const userView = ({ passwordHash: _omit, ...u }: UserEntity): UserView => ({ ...u, createdAt: u.createdAt.toISOString() });
const clientView = ({ secretHash: _omit, ...c }: ApiClientEntity): ClientView => ({ ...c, createdAt: c.createdAt.toISOString() });
const newSecret = () => randomBytes(24).toString('base64url');

/**
 * Users and API clients, managed by a CITY_ADMIN. An admin sees and manages only the accounts
 * whose scope lies inside their own (a city admin: all; another district's account answers 404)
 * and can grant no scope wider than their own. Whatever takes rights away (disable, a password
 * reset, a change of roles or scope) also ends the user's sessions: tokens carry roles and scope,
 * so they must be re-issued.
 */
@Injectable()
export class IdentityAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  async listUsers(admin: Principal): Promise<UserView[]> {
    const users = await UserRepository.listAll(this.dataSource);
    return users.filter((u) => covers(admin.scope, u.scopeLevel, u.scopeDistrict, u.scopeStreet)).map(userView);
  }

  async listApiClients(admin: Principal): Promise<ClientView[]> {
    const clients = await ApiClientRepository.listAll(this.dataSource);
    return clients.filter((c) => covers(admin.scope, c.scopeLevel, c.scopeDistrict, null)).map(clientView);
  }

  async createUser(admin: Principal, dto: CreateUserDto): Promise<UserView> {
    checkScope(admin.scope, dto.scopeLevel, dto.scopeDistrict, dto.scopeStreet);
    const taken = () => new DomainError('CONFLICT', 'USERNAME_TAKEN', `User ${dto.username} already exists`, [{ path: 'username', issue: 'is taken' }]);
    // the check answers the common case; a concurrent create of the same name meets the unique index instead (the same 409)
    return this.dataSource.transaction(async (m) => {
      if (await UserRepository.usernameTaken(m, dto.username)) throw taken();
      const [user] = await UserRepository.insert(m, [{
        id: randomUUID(),
        username: dto.username,
        displayName: dto.displayName,
        passwordHash: await bcrypt.hash(dto.password, BCRYPT_COST),
        roles: dto.roles,
        scopeLevel: dto.scopeLevel,
        scopeDistrict: dto.scopeDistrict ?? null,
        scopeStreet: dto.scopeStreet ?? null,
      }]);
      await this.audit.record(m, { entity: 'user', entityId: user.id, action: 'CREATE', after: userView(user), districtCode: user.scopeDistrict });
      return userView(user);
    }).catch((e) => rethrowDuplicate(e, taken(), 'uq_user_username'));
  }

  /** Display name, roles and scope; a change of roles or scope ends the user's sessions. */
  async updateUser(admin: Principal, id: string, dto: UpdateUserDto): Promise<UserView> {
    const level = dto.scopeLevel;
    if (level) checkScope(admin.scope, level, dto.scopeDistrict, dto.scopeStreet);
    else if (dto.scopeDistrict !== undefined || dto.scopeStreet !== undefined) {
      throw validationError('SCOPE_LEVEL_REQUIRED', 'scopeLevel', 'is required when the scope changes');
    }
    return this.changeUser(admin, id, 'UPDATE', (u) => {
      const next: UserEntity = { ...u, displayName: dto.displayName ?? u.displayName, roles: dto.roles ?? u.roles };
      if (level) Object.assign(next, { scopeLevel: level, scopeDistrict: level === 'CITY' ? null : dto.scopeDistrict!, scopeStreet: level === 'STREET' ? dto.scopeStreet! : null });
      if (u.id === admin.id && (!next.roles.includes('CITY_ADMIN') || scopeKey(next) !== scopeKey(u))) {
        throw selfLockout('roles', 'you cannot take away your own CITY_ADMIN role or change your own scope');
      }
      const rightsChanged = scopeKey(next) !== scopeKey(u) || [...next.roles].sort().join() !== [...u.roles].sort().join();
      return { next, endSessions: rightsChanged };
    });
  }

  async setUserActive(admin: Principal, id: string, active: boolean): Promise<UserView> {
    return this.changeUser(admin, id, active ? 'ENABLE' : 'DISABLE', (u) => {
      if (!active && u.id === admin.id) throw selfLockout('id', 'you cannot disable your own account');
      return { next: { ...u, active }, endSessions: !active };
    });
  }

  /** Sets a new password chosen by the admin; the user's open sessions end. */
  async resetPassword(admin: Principal, id: string, dto: ResetPasswordDto): Promise<void> {
    const passwordHash = await bcrypt.hash(dto.password, BCRYPT_COST);
    // the audit row says that it happened, never the hash
    await this.changeUser(admin, id, 'RESET_PASSWORD', (u) => ({ next: { ...u, passwordHash }, endSessions: true }));
  }

  async createApiClient(admin: Principal, dto: CreateApiClientDto): Promise<ClientView & { clientSecret: string }> {
    checkScope(admin.scope, dto.scopeLevel, dto.scopeDistrict, undefined);
    const secret = newSecret();
    const taken = () => new DomainError('CONFLICT', 'CLIENT_ID_TAKEN', `Client ${dto.clientId} already exists`, [{ path: 'clientId', issue: 'is taken' }]);
    return this.dataSource.transaction(async (m) => {
      if (await ApiClientRepository.clientIdTaken(m, dto.clientId)) throw taken();
      const client: ApiClientEntity = {
        id: randomUUID(),
        clientId: dto.clientId,
        name: dto.name,
        secretHash: await bcrypt.hash(secret, BCRYPT_COST),
        scopeLevel: dto.scopeLevel,
        scopeDistrict: dto.scopeDistrict ?? null,
        permissions: dto.permissions,
        active: true,
        createdAt: new Date(),
      };
      await ApiClientRepository.insert(m, client);
      await this.audit.record(m, { entity: 'api_client', entityId: client.id, action: 'CREATE', after: clientView(client), districtCode: client.scopeDistrict });
      return { ...clientView(client), clientSecret: secret };
    }).catch((e) => rethrowDuplicate(e, taken(), 'uq_api_client_client_id'));
  }

  /**
   * Revoking is final: the client can no longer get tokens (its live access tokens run out within
   * their lifetime). A new client is created rather than a revoked one revived.
   */
  async revokeApiClient(admin: Principal, id: string): Promise<ClientView> {
    const { client } = await this.changeClient(admin, id, 'REVOKE', async (c) => ({ ...c, active: false }));
    return client;
  }

  /** A new secret, returned once; the old one stops working at once. */
  async rotateClientSecret(admin: Principal, id: string): Promise<ApiClientWithSecretView> {
    const secret = newSecret();
    const secretHash = await bcrypt.hash(secret, BCRYPT_COST);
    const { client } = await this.changeClient(admin, id, 'ROTATE_SECRET', async (c) => {
      if (!c.active) throw new DomainError('CONFLICT', 'API_CLIENT_REVOKED', `Client ${c.clientId} is revoked`);
      return { ...c, secretHash };
    });
    return { ...client, clientSecret: secret };
  }

  private async changeUser(
    admin: Principal,
    id: string,
    action: string,
    change: (u: UserEntity) => { next: UserEntity; endSessions: boolean },
  ): Promise<UserView> {
    const { view, families } = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      const user = await this.lockUser(m, admin, id);
      const { next, endSessions } = change(user);
      await UserRepository.update(m, id, next);
      const families = endSessions ? await this.auth.revokeUserFamilies(m, id) : [];
      await this.audit.record(m, {
        entity: 'user',
        entityId: id,
        action,
        before: userView(user),
        after: { ...userView(next), ...(endSessions ? { sessionsEnded: families.length } : {}) },
        places: [{ districtCode: user.scopeDistrict, streetCode: user.scopeStreet }, { districtCode: next.scopeDistrict, streetCode: next.scopeStreet }],
      });
      return { view: userView(next), families };
    });
    // after the commit, like logout: the access tokens of those sessions are refused everywhere
    await this.auth.revokeSessions(families);
    return view;
  }

  private async lockUser(m: EntityManager, admin: Principal, id: string): Promise<UserEntity> {
    const user = await UserRepository.lock(m, id);
    if (!user || !covers(admin.scope, user.scopeLevel, user.scopeDistrict, user.scopeStreet)) throw notFound('user', id);
    return user;
  }

  private async changeClient(admin: Principal, id: string, action: string, change: (c: ApiClientEntity) => Promise<ApiClientEntity>) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const client = await ApiClientRepository.lock(m, id);
      if (!client || !covers(admin.scope, client.scopeLevel, client.scopeDistrict, null)) throw notFound('api_client', id);
      const next = await change(client);
      await ApiClientRepository.update(m, id, { active: next.active, secretHash: next.secretHash });
      await this.audit.record(m, { entity: 'api_client', entityId: id, action, before: clientView(client), after: clientView(next), districtCode: client.scopeDistrict });
      return { client: clientView(next) };
    });
  }
}

const scopeKey = (u: Pick<UserEntity, 'scopeLevel' | 'scopeDistrict' | 'scopeStreet'>) => `${u.scopeLevel}/${u.scopeDistrict ?? ''}/${u.scopeStreet ?? ''}`;
const selfLockout = (path: string, issue: string) => new DomainError('CONFLICT', 'SELF_LOCKOUT', `Refused: ${issue}`, [{ path, issue }]);

/** Does the admin's scope contain an account scoped at (level, district, street)? A CITY account only a city admin's. */
function covers(admin: Scope, level: string, district: string | null, street: string | null): boolean {
  if (admin.level === 'CITY') return true;
  if (level === 'CITY') return false;
  if (admin.level === 'STREET' && level === 'DISTRICT') return false;
  return scopeCovers(admin, district, street);
}

/** The scope fields are consistent, and no wider than the admin's own. */
function checkScope(admin: Scope, level: string, district?: string, street?: string): void {
  if (level !== 'CITY' && !district) throw validationError('SCOPE_DISTRICT_REQUIRED', 'scopeDistrict', `is required for a ${level} scope`);
  if (level === 'STREET' && !street) throw validationError('SCOPE_STREET_REQUIRED', 'scopeStreet', 'is required for a STREET scope');
  if (level === 'STREET' && street && district && !street.startsWith(district)) {
    throw validationError('SCOPE_STREET_OUTSIDE_DISTRICT', 'scopeStreet', 'must lie in scopeDistrict');
  }
  if (!covers(admin, level, district ?? null, street ?? null)) {
    throw new DomainError('FORBIDDEN', 'SCOPE_OUTSIDE_YOURS', 'You cannot grant a scope wider than your own', [{ path: level === 'CITY' ? 'scopeLevel' : 'scopeDistrict', issue: 'lies outside your scope' }]);
  }
}
