import { notFound, type Principal } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import type { EntityManager } from 'typeorm';

export interface CommunityRow {
  code: string;
  name: string;
  streetCode: string;
  districtCode: string;
  active: boolean;
}

/** Loads a community the caller may see (else 404), optionally locking it. */
export async function communityInScope(
  m: EntityManager,
  p: Principal,
  code: string,
  opts: { lock?: boolean } = {},
): Promise<CommunityRow> {
  const qb = m
    .createQueryBuilder()
    .select(['c.code AS code', 'c.name AS name', 'c.street_code AS streetCode', 'c.district_code AS districtCode', 'c.active AS active'])
    .from('community', 'c')
    .where('c.code = :code', { code });
  applyScope(qb, p.scope, { district: 'c.district_code', street: 'c.street_code' });
  if (opts.lock) qb.setLock('pessimistic_write');
  const row = await qb.getRawOne<CommunityRow & { active: number | boolean }>();
  if (!row) throw notFound('community', code);
  return { ...row, active: !!Number(row.active) };
}
