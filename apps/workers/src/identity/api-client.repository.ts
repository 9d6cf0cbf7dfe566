/**
 * The only owner of `api_client` SQL: the admin API, the client-credentials grant and the machine-client
 * provisioning read and write clients through the entity (JSON permissions, DATETIME as TypeORM maps them).
 */
import type { DataSource, EntityManager } from 'typeorm';
import { ApiClientEntity } from './identity.entities';

export class ApiClientRepository {
  /** Every client, by client id. */
  static listAll(db: DataSource | EntityManager): Promise<ApiClientEntity[]> {
    return db.getRepository(ApiClientEntity).find({ order: { clientId: 'ASC' } });
  }

  static findByClientId(db: DataSource | EntityManager, clientId: string): Promise<ApiClientEntity | null> {
    return db.getRepository(ApiClientEntity).findOneBy({ clientId });
  }

  static clientIdTaken(m: EntityManager, clientId: string): Promise<boolean> {
    return m.getRepository(ApiClientEntity).existsBy({ clientId });
  }

  /** The client, locked for the change (null when there is none). */
  static lock(m: EntityManager, id: string): Promise<ApiClientEntity | null> {
    return m.getRepository(ApiClientEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The client by its client id, locked (the provisioning's create-or-update). */
  static lockByClientId(m: EntityManager, clientId: string): Promise<ApiClientEntity | null> {
    return m.getRepository(ApiClientEntity).findOne({ where: { clientId }, lock: { mode: 'pessimistic_write' } });
  }

  static async insert(m: EntityManager, client: ApiClientEntity): Promise<void> {
    await m.insert(ApiClientEntity, client);
  }

  static async update(m: EntityManager, id: string, change: Partial<Pick<ApiClientEntity, 'secretHash' | 'permissions' | 'active' | 'scopeLevel' | 'scopeDistrict'>>): Promise<void> {
    await m.update(ApiClientEntity, { id }, change);
  }
}
