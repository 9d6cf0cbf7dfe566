/** An allocation as the API shows it: running columns as decimal strings, with what is available. */
import type { AllocationView, FundingStream } from '@cws/budget-contracts';
import { availableOf } from '@cws/budget-core';
import { money, moneyFromDb } from '../common/money';
import type { AllocationEntity } from './allocation.entity';
import { allocationState } from './allocation.repository';

export type { AllocationView };

/** The running balance of an allocation (a posting's `balanceAfter`). */
export function balanceOf(a: AllocationEntity) {
  const s = allocationState(a);
  return { amount: money(s.amount), committed: money(s.committed), spent: money(s.spent), available: money(availableOf(s)) };
}

/** Typed by the contract (@cws/budget-contracts Allocation): the compiler holds the API to its documented shape. */
export function toAllocationView(a: AllocationEntity): AllocationView {
  const { available } = balanceOf(a);
  return {
    id: a.id,
    appropriationId: a.appropriationId,
    fiscalYear: a.fiscalYear,
    funder: a.funder,
    stream: a.stream as FundingStream,
    targetLevel: a.targetLevel,
    districtCode: a.districtCode,
    streetCode: a.streetCode,
    communityCode: a.communityCode,
    targetName: a.targetName,
    initialAmount: moneyFromDb(a.initialAmount),
    amount: moneyFromDb(a.amount),
    committed: moneyFromDb(a.committed),
    spent: moneyFromDb(a.spent),
    available,
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
  };
}
