import { Injectable } from '@nestjs/common';
import { parseMoney, type Scope } from '@cws/kernel';
import type { DeclaredBase } from '@cws/payroll-engine';
import { applyScope, insertRows, keysetPage, type KeysetPage } from '@cws/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { DeclaredBaseEntity } from './declared-base.entity';

export interface DeclaredBaseFields {
  workerId: number;
  validFrom: string;
  base: string;
  housingFundBase: string | null;
  note: string | null;
  districtCode: string;
  streetCode: string;
}

/** The only owner of `declared_contribution_base` SQL: the declarations' writes, the API's reads and the runs' read. */
@Injectable()
export class DeclaredBaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The declarations of `validFrom` the workers already have (the ones a new declaration replaces), locked. */
  async ofMonthForUpdate(m: EntityManager, workerIds: number[], validFrom: string): Promise<DeclaredBaseEntity[]> {
    return m.getRepository(DeclaredBaseEntity).createQueryBuilder('d')
      .where('d.validFrom = :validFrom AND d.workerId IN (:...ids)', { validFrom, ids: workerIds.map(String) })
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Replaces the workers' declarations of the month with these (one DELETE, multi-row INSERTs; in the caller's transaction). */
  async replace(m: EntityManager, validFrom: string, rows: DeclaredBaseFields[], by: { id: string; name: string }): Promise<void> {
    await m.query(`DELETE FROM declared_contribution_base WHERE valid_from = ? AND worker_id IN (${rows.map(() => '?').join(', ')})`, [validFrom, ...rows.map((r) => r.workerId)]);
    const at = new Date();
    await insertRows(
      m,
      'INSERT INTO declared_contribution_base (worker_id, valid_from, base, housing_fund_base, note, district_code, street_code, declared_by, declared_by_name, declared_at)',
      rows.map((r) => [r.workerId, r.validFrom, r.base, r.housingFundBase, r.note, r.districtCode, r.streetCode, by.id, by.name, at]),
    );
  }

  /** A keyset page of the declarations the scope sees, newest first. */
  page(scope: Scope, q: { workerId?: string; validFrom?: string; after?: string; limit: number }): Promise<KeysetPage<DeclaredBaseEntity>> {
    const qb = this.dataSource.getRepository(DeclaredBaseEntity).createQueryBuilder('d');
    if (q.workerId) qb.andWhere('d.workerId = :workerId', { workerId: q.workerId });
    if (q.validFrom) qb.andWhere('d.validFrom = :validFrom', { validFrom: q.validFrom });
    applyScope(qb, scope, { district: 'd.districtCode', street: 'd.streetCode' });
    return keysetPage(qb, { column: 'd.id', order: 'DESC', after: q.after, limit: q.limit, keyOf: (d) => d.id });
  }

  findById(id: string, m?: EntityManager): Promise<DeclaredBaseEntity | null> {
    return (m ?? this.dataSource.manager).getRepository(DeclaredBaseEntity).findOneBy({ id });
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.getRepository(DeclaredBaseEntity).delete({ id });
  }

  /**
   * Per worker, the declaration a run of `period` uses: the latest one from `yearStart` (the contribution year's
   * first month) to `period`. One indexed read per chunk; most workers have none.
   */
  async inForce(workerIds: number[], yearStart: string, period: string, m?: EntityManager): Promise<Map<number, DeclaredBase>> {
    const out = new Map<number, DeclaredBase>();
    if (!workerIds.length) return out;
    const rows: Array<{ workerId: string; base: string; housingFundBase: string | null }> = await (m ?? this.dataSource.manager).query(
      `SELECT worker_id AS workerId, base, housing_fund_base AS housingFundBase FROM declared_contribution_base
        WHERE worker_id IN (${workerIds.map(() => '?').join(', ')}) AND valid_from >= ? AND valid_from <= ?
        ORDER BY worker_id, valid_from`,
      [...workerIds, yearStart, period],
    );
    for (const r of rows) {
      out.set(Number(r.workerId), { baseFen: parseMoney(String(r.base)), housingFundBaseFen: r.housingFundBase === null ? null : parseMoney(String(r.housingFundBase)) });
    }
    return out;
  }
}
