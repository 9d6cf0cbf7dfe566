/** The only owner of `community` SQL: a street's communities (社区) with their service-centre figures. */
import type { Scope } from '@cws/kernel';
import { applyScope, insertRows } from '@cws/persistence';
import type { EntityManager } from 'typeorm';
import { OrgLevelRepository } from './org-level.repository';
import { CommunityEntity } from './org.entities';

export interface CommunityPlace {
  code: string;
  streetCode: string;
  districtCode: string;
}

/** A community as other modules check it (scope, active). */
export interface CommunityRow extends CommunityPlace {
  name: string;
  active: boolean;
}

export interface NewCommunity extends CommunityPlace {
  name: string;
  households: number;
  population: number;
  /** Square metres, two decimals, as strings. */
  floorArea: string;
  activityArea: string;
  /** Facility item codes present; null = not recorded (the demo seed). */
  facilities: string[] | null;
}

/** Editable fields (absent = unchanged). */
export type CommunityChanges = Partial<Pick<CommunityEntity, 'name' | 'households' | 'population' | 'floorArea' | 'activityArea' | 'facilities'>>;

export class CommunityRepository {
  /** The communities the scope sees, optionally of one district or street, by code. */
  static listInScope(m: EntityManager, scope: Scope, filter: { district?: string; street?: string }): Promise<CommunityEntity[]> {
    const qb = m.getRepository(CommunityEntity).createQueryBuilder('c').orderBy('c.code');
    if (filter.district) qb.andWhere('c.districtCode = :district', { district: filter.district });
    if (filter.street) qb.andWhere('c.streetCode = :street', { street: filter.street });
    return applyScope(qb, scope, { district: 'c.districtCode', street: 'c.streetCode' }).getMany();
  }

  /** The community if the scope sees it (optionally locked), else null. */
  static inScope(m: EntityManager, scope: Scope, code: string, opts: { lock?: boolean } = {}): Promise<CommunityEntity | null> {
    const qb = m.getRepository(CommunityEntity).createQueryBuilder('c').where('c.code = :code', { code });
    if (opts.lock) qb.setLock('pessimistic_write');
    return applyScope(qb, scope, { district: 'c.districtCode', street: 'c.streetCode' }).getOne();
  }

  /**
   * The community's place, name and state if the scope sees it, else null. `lock` takes the row for writing; `share`
   * holds it against a delete until the caller's record naming it commits.
   */
  static async rowInScope(m: EntityManager, scope: Scope, code: string, opts: { lock?: boolean; share?: boolean } = {}): Promise<CommunityRow | null> {
    const qb = m
      .createQueryBuilder()
      .select(['c.code AS code', 'c.name AS name', 'c.street_code AS streetCode', 'c.district_code AS districtCode', 'c.active AS active'])
      .from('community', 'c')
      .where('c.code = :code', { code });
    applyScope(qb, scope, { district: 'c.district_code', street: 'c.street_code' });
    if (opts.lock) qb.setLock('pessimistic_write');
    // TypeORM writes a shared lock as FOR SHARE, which MariaDB refuses; LOCK IN SHARE MODE both servers take
    let row: (Omit<CommunityRow, 'active'> & { active: unknown }) | undefined;
    if (opts.share && !opts.lock) {
      const [sql, params] = qb.getQueryAndParameters();
      [row] = await m.query(`${sql} LOCK IN SHARE MODE`, params);
    } else row = await qb.getRawOne();
    return row ? { ...row, active: !!Number(row.active) } : null;
  }

  /** The active communities the scope sees, with their street and district. */
  static activeInScope(m: EntityManager, scope: Scope): Promise<CommunityPlace[]> {
    const qb = m
      .createQueryBuilder()
      .select(['c.code AS code', 'c.street_code AS streetCode', 'c.district_code AS districtCode'])
      .from('community', 'c')
      .where('c.active = 1');
    applyScope(qb, scope, { district: 'c.district_code', street: 'c.street_code' });
    return qb.getRawMany<CommunityPlace>();
  }

  static async exists(m: EntityManager, code: string): Promise<boolean> {
    return m.getRepository(CommunityEntity).existsBy({ code });
  }

  static async insert(m: EntityManager, c: NewCommunity): Promise<void> {
    await CommunityRepository.insertMany(m, [c]);
  }

  /** Multi-row insert; `skipExisting` (the idempotent seed) leaves an existing community as it is. */
  static async insertMany(m: EntityManager, rows: readonly NewCommunity[], opts: { skipExisting?: boolean } = {}): Promise<void> {
    await insertRows(
      m,
      `INSERT${opts.skipExisting ? ' IGNORE' : ''} INTO community (code, name, street_code, district_code, households, population, floor_area, activity_area, facilities)`,
      rows.map((c) => [c.code, c.name, c.streetCode, c.districtCode, c.households, c.population, c.floorArea, c.activityArea, c.facilities ? JSON.stringify(c.facilities) : null]),
    );
  }

  /** Every active community with its street and district, by code (the demo seed places its workers). */
  static allActive(m: EntityManager): Promise<CommunityPlace[]> {
    return m.query('SELECT code, street_code AS streetCode, district_code AS districtCode FROM community WHERE active = 1 ORDER BY code');
  }

  /** Writes the changed fields and `version` (the caller checked the one it read). */
  static async update(m: EntityManager, code: string, changes: CommunityChanges, version: number): Promise<void> {
    await m.getRepository(CommunityEntity).update({ code }, { ...changes, version });
  }

  static setActive(m: EntityManager, code: string, active: boolean): Promise<void> {
    return OrgLevelRepository.setActive(m, 'community', code, active);
  }

  static delete(m: EntityManager, code: string): Promise<void> {
    return OrgLevelRepository.delete(m, 'community', code);
  }

  /** The street's communities (`activeOnly`: only the active ones). */
  static countInStreet(m: EntityManager, streetCode: string, opts: { activeOnly?: boolean } = {}): Promise<number> {
    return OrgLevelRepository.countUnder(m, 'community', streetCode, opts);
  }
}
