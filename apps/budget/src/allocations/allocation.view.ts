/** An allocation as the API shows it: running columns as decimal strings, with what is available. */
import { availableOf } from '@cws/budget-core';
import { fromDb, money } from '../common/money';
import type { AllocationEntity } from './allocation.entity';
import { allocationState } from './allocation.repository';

export type AllocationView = ReturnType<typeof toAllocationView>;

/** The running balance of an allocation (a posting's `balanceAfter`). */
export function balanceOf(a: AllocationEntity) {
  const s = allocationState(a);
  return { amount: money(s.amount), committed: money(s.committed), spent: money(s.spent), available: money(availableOf(s)) };
}

export function toAllocationView(a: AllocationEntity) {
  const { available } = balanceOf(a);
  return {
    id: a.id,
    appropriationId: a.appropriationId,
    fiscalYear: a.fiscalYear,
    funder: a.funder,
    stream: a.stream,
    targetLevel: a.targetLevel,
    districtCode: a.districtCode,
    streetCode: a.streetCode,
    communityCode: a.communityCode,
    targetName: a.targetName,
    initialAmount: money(fromDb(a.initialAmount)),
    amount: money(fromDb(a.amount)),
    committed: money(fromDb(a.committed)),
    spent: money(fromDb(a.spent)),
    available,
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
  };
}
