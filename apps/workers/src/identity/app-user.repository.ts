/**
 * The only owner of `app_user` SQL: sign-in and the admin API read and write users through the entity
 * (its JSON roles and DATETIME as TypeORM maps them); the demo seed inserts its users in bulk.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from './identity.entities';

/** A user as the seed creates it: active, stamped with the database's NOW(3). */
export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: UserEntity['roles'];
  scopeLevel: UserEntity['scopeLevel'];
  scopeDistrict: string | null;
  scopeStreet: string | null;
}

/** The fields an admin change writes. */
export type UserChange = Pick<UserEntity, 'displayName' | 'roles' | 'scopeLevel' | 'scopeDistrict' | 'scopeStreet' | 'active' | 'passwordHash'>;

/** Rows per multi-row INSERT (not `insertRows`: rows are stamped with the database's NOW(3)). */
const CHUNK = 1000;

export class UserRepository {
  /** Every user, by username. */
  static listAll(db: DataSource | EntityManager): Promise<UserEntity[]> {
    return db.getRepository(UserEntity).find({ order: { username: 'ASC' } });
  }

  static findByUsername(db: DataSource | EntityManager, username: string): Promise<UserEntity | null> {
    return db.getRepository(UserEntity).findOneBy({ username });
  }

  static findById(m: EntityManager, id: string): Promise<UserEntity | null> {
    return m.getRepository(UserEntity).findOneBy({ id });
  }

  /** The user, locked for the change (null when there is none). */
  static lock(m: EntityManager, id: string): Promise<UserEntity | null> {
    return m.getRepository(UserEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  static usernameTaken(m: EntityManager, username: string): Promise<boolean> {
    return m.getRepository(UserEntity).existsBy({ username });
  }

  /** One user, as the admin API creates it (its createdAt is the one the answer and the audit row show). */
  static async insert(m: EntityManager, user: UserEntity): Promise<void> {
    await m.insert(UserEntity, user);
  }

  /** Multi-row insert of active users; `skipExisting` (the idempotent seed) leaves an existing username as it is. */
  static async insertMany(m: EntityManager, users: readonly NewUser[], opts: { skipExisting?: boolean } = {}): Promise<void> {
    for (let i = 0; i < users.length; i += CHUNK) {
      const chunk = users.slice(i, i + CHUNK);
      await m.query(
        `INSERT${opts.skipExisting ? ' IGNORE' : ''} INTO app_user (id, username, display_name, password_hash, roles, scope_level, scope_district, scope_street, active, created_at)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, 1, NOW(3))').join(', ')}`,
        chunk.flatMap((u) => [u.id, u.username, u.displayName, u.passwordHash, JSON.stringify(u.roles), u.scopeLevel, u.scopeDistrict, u.scopeStreet]),
      );
    }
  }

  static async update(m: EntityManager, id: string, change: UserChange): Promise<void> {
    const { displayName, roles, scopeLevel, scopeDistrict, scopeStreet, active, passwordHash } = change;
    await m.update(UserEntity, { id }, { displayName, roles, scopeLevel, scopeDistrict, scopeStreet, active, passwordHash });
  }
}
