/** The only owner of `street` SQL: a district's streets (街道 / 镇). */
import type { Scope } from '@cws/kernel';
import { applyScope, insertRows } from '@cws/persistence';
import type { EntityManager } from 'typeorm';
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
  static async update(m: EntityManager, code: string, s: StreetFields): Promise<void> {
    await m.query('UPDATE street SET name = ?, kind = ?, version = version + 1 WHERE code = ?', [s.name, s.kind, code]);
  }

  static async setActive(m: EntityManager, code: string, active: boolean): Promise<void> {
    await m.query('UPDATE street SET active = ?, version = version + 1 WHERE code = ?', [active ? 1 : 0, code]);
  }

  static async delete(m: EntityManager, code: string): Promise<void> {
    await m.query('DELETE FROM street WHERE code = ?', [code]);
  }

  /** The district's streets (`activeOnly`: only the active ones). */
  static async countInDistrict(m: EntityManager, districtCode: string, opts: { activeOnly?: boolean } = {}): Promise<number> {
    const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM street WHERE district_code = ?${opts.activeOnly ? ' AND active = 1' : ''}`, [districtCode]);
    return Number(n);
  }
}
