import { notFound, type Principal, type Scope } from '@cws/kernel';
import { applyScope, type ScopeColumns } from '@cws/persistence';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CommunityRepository, type CommunityRow } from '../org/community.repository';

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

/** Loads a community the caller may see (else 404), optionally locking it. */
export async function communityInScope(
  m: EntityManager,
  p: Principal,
  code: string,
  opts: { lock?: boolean; share?: boolean } = {},
): Promise<CommunityRow> {
  const row = await CommunityRepository.rowInScope(m, p.scope, code, opts);
  if (!row) throw notFound('community', code);
  return row;
}
