/**
 * The only owner of `app_user` SQL: sign-in and the admin API read and write users through the entity
 * (its JSON roles and DATETIME as TypeORM maps them); the admin API and the demo seed insert through `insert`.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { UserEntity } from './identity.entities';

/** A user to create: `insert` makes it active and stamps its creation time. */
export type NewUser = Omit<UserEntity, 'active' | 'createdAt'>;

/** The fields an admin change writes. */
export type UserChange = Pick<UserEntity, 'displayName' | 'roles' | 'scopeLevel' | 'scopeDistrict' | 'scopeStreet' | 'active' | 'passwordHash'>;

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

  /** Creates active users in one statement, stamped with one JS Date, and returns the rows as written (the admin API answers and audits them). */
  static async insert(m: EntityManager, users: readonly NewUser[]): Promise<UserEntity[]> {
    const rows = activeRows(users);
    if (rows.length) await m.createQueryBuilder().insert().into(UserEntity).values(rows).updateEntity(false).execute();
    return rows;
  }

  /** The idempotent seed: creates the users whose username is not taken; an existing one stays as it is (INSERT IGNORE). Returns nothing: which rows were written is not known. */
  static async insertMissing(m: EntityManager, users: readonly NewUser[]): Promise<void> {
    const rows = activeRows(users);
    if (rows.length) await m.createQueryBuilder().insert().into(UserEntity).values(rows).updateEntity(false).orIgnore().execute();
  }

  static async update(m: EntityManager, id: string, change: UserChange): Promise<void> {
    const { displayName, roles, scopeLevel, scopeDistrict, scopeStreet, active, passwordHash } = change;
    await m.update(UserEntity, { id }, { displayName, roles, scopeLevel, scopeDistrict, scopeStreet, active, passwordHash });
  }
}

/** New users as stored: active, stamped with one JS Date. Every column is given, so an insert needs no read-back (updateEntity(false)). */
function activeRows(users: readonly NewUser[]): UserEntity[] {
  const createdAt = new Date();
  return users.map((u) => ({ ...u, active: true, createdAt }));
}
