/** The only owner of `district` SQL: the org tree's top level (区 / 县级市). */
import type { Scope } from '@cws/kernel';
import { applyScope, insertRows } from '@cws/persistence';
import type { EntityManager } from 'typeorm';
import { OrgLevelRepository } from './org-level.repository';
import { DistrictEntity } from './org.entities';

export interface DistrictFields {
  name: string;
  kind: DistrictEntity['kind'];
}

export class DistrictRepository {
  /** The districts the scope sees, by code. */
  static listInScope(m: EntityManager, scope: Scope): Promise<DistrictEntity[]> {
    const qb = m.getRepository(DistrictEntity).createQueryBuilder('d').orderBy('d.code');
    return applyScope(qb, scope, { district: 'd.code' }).getMany();
  }

  /** The district if the scope sees it (optionally locked), else null. */
  static inScope(m: EntityManager, scope: Scope, code: string, opts: { lock?: boolean } = {}): Promise<DistrictEntity | null> {
    const qb = m.getRepository(DistrictEntity).createQueryBuilder('d').where('d.code = :code', { code });
    if (opts.lock) qb.setLock('pessimistic_write');
    return applyScope(qb, scope, { district: 'd.code' }).getOne();
  }

  /** Whether the code is taken, locking the row when it is (a rival create waits). */
  static async lockIfExists(m: EntityManager, code: string): Promise<boolean> {
    const [exists] = await m.query('SELECT code FROM district WHERE code = ? FOR UPDATE', [code]);
    return !!exists;
  }

  static async insert(m: EntityManager, code: string, d: DistrictFields): Promise<void> {
    await DistrictRepository.insertMany(m, [{ code, ...d }]);
  }

  /** Multi-row insert; `skipExisting` (the idempotent seed) leaves an existing district as it is. */
  static async insertMany(m: EntityManager, rows: ReadonlyArray<DistrictFields & { code: string }>, opts: { skipExisting?: boolean } = {}): Promise<void> {
    await insertRows(m, `INSERT${opts.skipExisting ? ' IGNORE' : ''} INTO district (code, name, kind)`, rows.map((d) => [d.code, d.name, d.kind]));
  }

  /** New name and kind, a new version. */
  static update(m: EntityManager, code: string, d: DistrictFields): Promise<void> {
    return OrgLevelRepository.rename(m, 'district', code, d);
  }

  static setActive(m: EntityManager, code: string, active: boolean): Promise<void> {
    return OrgLevelRepository.setActive(m, 'district', code, active);
  }

  static delete(m: EntityManager, code: string): Promise<void> {
    return OrgLevelRepository.delete(m, 'district', code);
  }
}
