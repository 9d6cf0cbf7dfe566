/** The place filters every budget list and sum shares (PlaceFilterDto), then the caller's scope. */
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import type { BudgetPlaceFilter } from '@cws/budget-contracts';

export type PlaceFilter = BudgetPlaceFilter;

/**
 * Narrows `qb` to the filter on the entity aliased `alias` (fields fiscalYear, funder, stream,
 * districtCode, streetCode, communityCode) and to the principal's scope. Call assertFilterInScope
 * first, so a filter naming a place outside the scope answers 404 rather than an empty list.
 */
export function wherePlace<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, f: PlaceFilter, p: Principal): SelectQueryBuilder<T> {
  if (f.fiscalYear) qb.andWhere(`${alias}.fiscalYear = :fy`, { fy: f.fiscalYear });
  if (f.funder) qb.andWhere(`${alias}.funder = :funder`, { funder: f.funder });
  if (f.stream) qb.andWhere(`${alias}.stream = :stream`, { stream: f.stream });
  if (f.district) qb.andWhere(`${alias}.districtCode = :district`, { district: f.district });
  if (f.street) qb.andWhere(`${alias}.streetCode = :street`, { street: f.street });
  if (f.community) qb.andWhere(`${alias}.communityCode = :community`, { community: f.community });
  return applyScope(qb, p.scope, { district: `${alias}.districtCode`, street: `${alias}.streetCode` });
}
