/** The only owner of `street` SQL: a district's streets (街道 / 镇). */
import type { Scope } from '@cws/kernel';
import { applyScope, insertRows } from '@cws/persistence';
import type { EntityManager } from 'typeorm';
import { OrgLevelRepository } from './org-level.repository';
import { StreetEntity } from './org.entities';

export interface StreetFields {
  name: string;
  kind: StreetEntity['kind'];
}

export class StreetRepository {
  /** The streets the scope sees, optionally of one district, by code. */
  static listInScope(m: EntityManager, scope: Scope, district?: string): Promise<StreetEntity[]> {
    const qb = m.getRepository(StreetEntity).createQueryBuilder('s').orderBy('s.code');
    if (district) qb.andWhere('s.districtCode = :district', { district });
    return applyScope(qb, scope, { district: 's.districtCode', street: 's.code' }).getMany();
  }

  /** The street if the scope sees it (optionally locked), else null. */
  static inScope(m: EntityManager, scope: Scope, code: string, opts: { lock?: boolean } = {}): Promise<StreetEntity | null> {
    const qb = m.getRepository(StreetEntity).createQueryBuilder('s').where('s.code = :code', { code });
    if (opts.lock) qb.setLock('pessimistic_write');
    return applyScope(qb, scope, { district: 's.districtCode', street: 's.code' }).getOne();
  }

  /** Locks the street row (a community's parent, before it is reactivated): whether it is active, or null when there is none. */
  static async lockActive(m: EntityManager, code: string): Promise<boolean | null> {
    const [street] = await m.query('SELECT active FROM street WHERE code = ? FOR UPDATE', [code]);
    return street ? !!Number(street.active) : null;
  }

  static async exists(m: EntityManager, code: string): Promise<boolean> {
    return m.getRepository(StreetEntity).existsBy({ code });
  }

  static async insert(m: EntityManager, code: string, districtCode: string, s: StreetFields): Promise<void> {
    await StreetRepository.insertMany(m, [{ code, districtCode, ...s }]);
  }

  /** Multi-row insert; `skipExisting` (the idempotent seed) leaves an existing street as it is. */
  static async insertMany(m: EntityManager, rows: ReadonlyArray<StreetFields & { code: string; districtCode: string }>, opts: { skipExisting?: boolean } = {}): Promise<void> {
    await insertRows(m, `INSERT${opts.skipExisting ? ' IGNORE' : ''} INTO street (code, name, district_code, kind)`, rows.map((s) => [s.code, s.name, s.districtCode, s.kind]));
  }

  /** New name and kind, a new version. */
  static update(m: EntityManager, code: string, s: StreetFields): Promise<void> {
    return OrgLevelRepository.rename(m, 'street', code, s);
  }

  static setActive(m: EntityManager, code: string, active: boolean): Promise<void> {
    return OrgLevelRepository.setActive(m, 'street', code, active);
  }

  static delete(m: EntityManager, code: string): Promise<void> {
    return OrgLevelRepository.delete(m, 'street', code);
  }

  /** The district's streets (`activeOnly`: only the active ones). */
  static countInDistrict(m: EntityManager, districtCode: string, opts: { activeOnly?: boolean } = {}): Promise<number> {
    return OrgLevelRepository.countUnder(m, 'street', districtCode, opts);
  }
}
