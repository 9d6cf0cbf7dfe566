/**
 * Booking rules: commitments, expenditures, refunds, reversals and transfers on allocations. The caller
 * holds the row locks and passes what it read; these functions decide, or refuse with a DomainError.
 */
import { conflict, DomainError, formatMoney, minFen, type Fen } from '@cws/kernel';
import { availableOf, deltas, type AllocationBalance, type Deltas } from './balance';

export type PostingKind = 'COMMITMENT' | 'EXPENDITURE' | 'REVERSAL' | 'TRANSFER' | 'REFUND';
export type BookingKind = 'COMMITMENT' | 'EXPENDITURE';

/** An allocation as the rules see it: its id, account and running balance. */
export interface AllocationState extends AllocationBalance {
  id: string;
  fiscalYear: number;
  funder: string;
}

/** The posting an expenditure names as its commitment, as read under lock (null: no such posting). */
export interface CommitmentState {
  kind: PostingKind;
  allocationId: string;
  amount: Fen;
  /** how much expenditures have drawn from it so far */
  settled: Fen;
  /** a reversal has released it */
  released: boolean;
}

export interface BookingRequest {
  kind: BookingKind;
  amount: Fen;
  /** present when the caller asked to override an overspend (and may) */
  overrideReason?: string | null;
  commitmentId?: string | null;
}

export interface BookingPlan {
  /** what the expenditure takes from its commitment (0 without one) */
  draw: Fen;
  /** what must come from available money: amount − draw */
  need: Fen;
  /** the reason stored when need exceeded available and the override was accepted; else null */
  overrideReason: string | null;
  /** the ledger entry's and the allocation's changes */
  deltas: Deltas;
}

/**
 * An expenditure against a commitment draws on what the commitment has left, at most its own amount.
 * The commitment must be a live commitment on the same allocation.
 */
export function drawOnCommitment(commitmentId: string, c: CommitmentState | null, allocationId: string, amount: Fen): Fen {
  if (!c || c.kind !== 'COMMITMENT' || c.allocationId !== allocationId) {
    throw new DomainError('VALIDATION', 'COMMITMENT_MISMATCH', `Commitment ${commitmentId} is not a commitment on allocation ${allocationId}`, [
      { path: 'commitmentId', issue: 'is not a commitment on this allocation' },
    ]);
  }
  if (c.released) throw conflict('COMMITMENT_RELEASED', `Commitment ${commitmentId} was released`);
  return minFen(c.amount - c.settled, amount);
}

export function insufficientFunds(allocationId: string, available: Fen, requested: Fen, message: string): DomainError {
  return conflict('INSUFFICIENT_FUNDS', message, { available: formatMoney(available), requested: formatMoney(requested), allocationId });
}

/**
 * Need versus available. Only the part not drawn from a commitment needs available money; more than
 * available is refused (409 INSUFFICIENT_FUNDS) unless the request carries an override reason.
 * A commitment raises committed; an expenditure raises spent and lowers committed by its draw.
 */
export function planBooking(alloc: AllocationState, req: BookingRequest, draw: Fen = 0n): BookingPlan {
  const need = req.amount - draw;
  const available = availableOf(alloc);
  let overrideReason: string | null = null;
  if (need > available) {
    if (!req.overrideReason) {
      throw insufficientFunds(alloc.id, available, req.amount, `Only ${formatMoney(available)} is available on allocation ${alloc.id}; ${formatMoney(req.amount)} was requested`);
    }
    overrideReason = req.overrideReason;
  }
  const d = req.kind === 'COMMITMENT' ? deltas({ committed: req.amount }) : deltas({ committed: -draw, spent: req.amount });
  return { draw, need, overrideReason, deltas: d };
}

/** The posting a reversal undoes, as read under lock. */
export interface ReversibleState {
  kind: PostingKind;
  amount: Fen;
  settled: Fen;
}

/**
 * A reversal of a commitment releases what is still undrawn; of an expenditure, returns its whole
 * amount to available (not to the commitment it drew on). Transfers and reversals are not reversed.
 */
export function reversalOf(orig: ReversibleState): { amount: Fen; deltas: Deltas } {
  if (orig.kind === 'COMMITMENT') {
    const amount = orig.amount - orig.settled;
    return { amount, deltas: deltas({ committed: -amount }) };
  }
  if (orig.kind === 'EXPENDITURE') return { amount: orig.amount, deltas: deltas({ spent: -orig.amount }) };
  throw conflict('NOT_REVERSIBLE', `A ${orig.kind.toLowerCase()} cannot be reversed; post an opposite transfer instead`);
}

export function assertTransferEnds(fromId: string, toId: string): void {
  if (fromId === toId) {
    throw new DomainError('VALIDATION', 'TRANSFER_TO_SELF', 'A transfer needs two different allocations', [{ path: 'toAllocationId', issue: 'must differ from fromAllocationId' }]);
  }
}

/** 费随事转 stays within one fiscal year and one funder. */
export function assertSameAccount(from: AllocationState, to: AllocationState): void {
  if (from.fiscalYear !== to.fiscalYear || from.funder !== to.funder) {
    throw new DomainError('VALIDATION', 'TRANSFER_ACROSS_FUNDERS', 'Transfers stay within one fiscal year and one funder', [
      { path: 'toAllocationId', issue: `must be a ${from.fiscalYear} allocation of funder ${from.funder}` },
    ]);
  }
}

/** A transfer moves allocated money; the source must have it available (no override). */
export function planTransfer(from: AllocationState, amount: Fen): { from: Deltas; to: Deltas } {
  const available = availableOf(from);
  if (amount > available) throw insufficientFunds(from.id, available, amount, `Only ${formatMoney(available)} is available on allocation ${from.id}`);
  return { from: deltas({ allocated: -amount }), to: deltas({ allocated: amount }) };
}

/** Whether the allocation has `amount` available. A queue posting books on the first matching one that does; it never overrides. */
export function affords(b: AllocationBalance, amount: Fen): boolean {
  return availableOf(b) >= amount;
}

/**
 * A refund (a source's negative cost, e.g. a payroll correction that lowers pay) gives back part of
 * what was spent: spent falls by the amount (> 0), committed is untouched. It never takes spent
 * below zero: that would book money the allocation never paid out (409 REFUND_EXCEEDS_SPENT).
 */
export function planRefund(alloc: AllocationState, amount: Fen): Deltas {
  if (amount <= 0n) throw new DomainError('VALIDATION', 'INVALID_AMOUNT', 'A refund must be greater than 0.00', [{ path: 'amount', issue: 'must be greater than 0.00' }]);
  if (!refundFits(alloc, amount)) {
    throw conflict('REFUND_EXCEEDS_SPENT', `Only ${formatMoney(alloc.spent)} was spent on allocation ${alloc.id}; a refund of ${formatMoney(amount)} would take it below zero`, {
      spent: formatMoney(alloc.spent), requested: formatMoney(amount), allocationId: alloc.id,
    });
  }
  return deltas({ spent: -amount });
}

/** Whether a refund of `amount` leaves spent at zero or above. A queue refund books on the first matching allocation where it does. */
export function refundFits(b: AllocationBalance, amount: Fen): boolean {
  return b.spent >= amount;
}

/**
 * Where a queue refund is booked among its account's allocations (as locked, by id): on the allocation that
 * paid the cost it gives back (`paidFrom`, when it is one of them and its spent covers the refund), else on
 * the first whose spent does. Null when none can take it (the refund is parked).
 */
export function refundTarget(allocations: readonly AllocationState[], paidFrom: string | null, amount: Fen): string | null {
  const payer = allocations.find((a) => a.id === paidFrom && refundFits(a, amount));
  return (payer ?? allocations.find((a) => refundFits(a, amount)))?.id ?? null;
}
