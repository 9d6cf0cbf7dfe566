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

  /**
   * Creates active users in one statement, stamped with one JS Date, and returns the rows as written (the
   * admin API answers and audits that row). `skipExisting` (the idempotent seed): an existing username
   * stays as it is (INSERT IGNORE), and the row returned for it is not what the table holds.
   */
  static async insert(m: EntityManager, users: readonly NewUser[], opts: { skipExisting?: boolean } = {}): Promise<UserEntity[]> {
    const createdAt = new Date();
    const rows: UserEntity[] = users.map((u) => ({ ...u, active: true, createdAt }));
    if (!rows.length) return rows;
    // updateEntity(false): every column is given, so no read-back (it would pair ignored rows by position)
    const insert = m.createQueryBuilder().insert().into(UserEntity).values(rows).updateEntity(false);
    await (opts.skipExisting ? insert.orIgnore() : insert).execute();
    return rows;
  }

  static async update(m: EntityManager, id: string, change: UserChange): Promise<void> {
    const { displayName, roles, scopeLevel, scopeDistrict, scopeStreet, active, passwordHash } = change;
    await m.update(UserEntity, { id }, { displayName, roles, scopeLevel, scopeDistrict, scopeStreet, active, passwordHash });
  }
}
