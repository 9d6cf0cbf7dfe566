/** Appropriation rules: four-eyes enactment and allocating no more than is unallocated, to the funder's own places. */
import { conflict, DomainError, formatMoney, type Fen } from '@cws/kernel';
import { unallocatedOf } from './balance';

export type AppropriationStatus = 'DRAFT' | 'ENACTED';

export interface AppropriationState {
  id: string;
  /** the funder's district; null for city money */
  districtCode: string | null;
  status: string;
  amount: Fen;
  allocated: Fen;
}

/** Enactment: a draft, by someone other than its creator. */
export function assertEnactable(a: { id: string; status: string; createdBy: string }, approverId: string): void {
  if (a.status !== 'DRAFT') throw conflict('APPROPRIATION_ALREADY_ENACTED', `Appropriation ${a.id} is already enacted`);
  if (a.createdBy === approverId) {
    throw new DomainError('FORBIDDEN', 'FOUR_EYES_REQUIRED', 'An appropriation must be enacted by someone other than its creator');
  }
}

/** Only enacted money is allocated, and a district's money only to its own streets and communities. */
export function assertAllocatableTo(a: AppropriationState, targetDistrict: string): void {
  if (a.status !== 'ENACTED') throw conflict('APPROPRIATION_NOT_ENACTED', `Appropriation ${a.id} is not enacted yet`);
  if (a.districtCode !== null && a.districtCode !== targetDistrict) {
    throw new DomainError('VALIDATION', 'TARGET_OUTSIDE_FUNDER', `District ${a.districtCode}'s money can only go to its own streets and communities`, [
      { path: 'streetCode', issue: `must be in district ${a.districtCode}` },
    ]);
  }
}

/** Never more than is unallocated (409 INSUFFICIENT_UNALLOCATED). */
export function assertUnallocated(a: AppropriationState, amount: Fen): void {
  const unallocated = unallocatedOf(a);
  if (amount > unallocated) {
    throw conflict('INSUFFICIENT_UNALLOCATED', `Only ${formatMoney(unallocated)} of appropriation ${a.id} is unallocated`, {
      unallocated: formatMoney(unallocated),
      requested: formatMoney(amount),
    });
  }
}
