/**
 * The data-layer scope filter: every query over scoped records passes through it, so a record
 * outside the caller's district or street is simply not found (404), never shown.
 */
import type { Scope } from '@cws/kernel';
import type { ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';

export interface ScopeColumns {
  /** e.g. "w.districtCode" */
  district: string;
  /** e.g. "w.streetCode"; omit when records are only district-scoped. */
  street?: string;
}

export function applyScope<T extends ObjectLiteral, Q extends SelectQueryBuilder<T> | WhereExpressionBuilder>(
  qb: Q,
  scope: Scope,
  columns: ScopeColumns,
): Q {
  if (scope.level === 'CITY') return qb;
  qb.andWhere(`${columns.district} = :__scopeDistrict`, { __scopeDistrict: scope.district });
  if (scope.level === 'STREET') {
    if (!columns.street) {
      // A street-scoped user cannot see district-level records.
      qb.andWhere('1 = 0');
    } else {
      qb.andWhere(`${columns.street} = :__scopeStreet`, { __scopeStreet: scope.street });
    }
  }
  return qb;
}
