import { notFound, type Principal, type Scope } from '@cws/kernel';
import { applyScope, type ScopeColumns } from '@cws/persistence';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The one raw row `qb` selects, filtered by the caller's scope (`applyScope`) and optionally locked
 * (`FOR UPDATE`); missing or out of scope answers 404 `entity id`. The scoped `*InScope` loaders use it.
 */
export async function rawOneInScope(
  qb: SelectQueryBuilder<ObjectLiteral>,
  scope: Scope,
  columns: ScopeColumns,
  entity: string,
  id: string | number,
  opts: { lock?: boolean } = {},
) {
  applyScope(qb, scope, columns);
  if (opts.lock) qb.setLock('pessimistic_write');
  const row = await qb.getRawOne();
  if (!row) throw notFound(entity, id);
  return row;
}

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
  const row: CommunityRow = await rawOneInScope(qb, p.scope, { district: 'c.district_code', street: 'c.street_code' }, 'community', code, opts);
  return { ...row, active: !!Number(row.active) };
}
