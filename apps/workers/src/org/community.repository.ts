/** Reads of `community` rows for other modules (the org API's own reads and writes stay in OrgService until that module is restructured). */
import type { Scope } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import type { EntityManager } from 'typeorm';

export interface CommunityPlace {
  code: string;
  streetCode: string;
  districtCode: string;
}

export class CommunityRepository {
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
}
