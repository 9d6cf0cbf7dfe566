import { DomainError, parseMoney, type Fen } from '@cws/kernel';
import {
  affords,
  applyDeltas,
  assertAllocatableTo,
  assertEnactable,
  assertSameAccount,
  assertTransferEnds,
  assertUnallocated,
  assertYearOpen,
  availableOf,
  drawOnCommitment,
  ledgerTotals,
  planBooking,
  planRefund,
  planTransfer,
  refundFits,
  refundTarget,
  reversalOf,
  type AllocationState,
  type CommitmentState,
} from './index';

const fen = (s: string): Fen => parseMoney(s, { allowNegative: true });

function alloc(amount: string, committed = '0.00', spent = '0.00', extra: Partial<AllocationState> = {}): AllocationState {
  return { id: '40', fiscalYear: 2026, funder: '330106', amount: fen(amount), committed: fen(committed), spent: fen(spent), ...extra };
}

/** Runs `fn` and returns the DomainError it throws (fails the test when it throws nothing or something else). */
function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('availability', () => {
  it('is allocated − committed − spent, exact to the fen', () => {
    expect(availableOf(alloc('3000.00', '1000.01', '999.98'))).toBe(fen('1000.01'));
    expect(availableOf(alloc('0.03', '0.01', '0.01'))).toBe(1n);
  });

  it('is negative after an accepted override', () => {
    expect(availableOf(alloc('100.00', '0.00', '150.00'))).toBe(fen('-50.00'));
  });
});

describe('need versus available', () => {
  it('books 30 expenditures of 100.00 on 3 000.00 and refuses the 31st with what is available', () => {
    let a = alloc('3000.00');
    for (let i = 0; i < 30; i++) a = { ...a, ...applyDeltas(a, planBooking(a, { kind: 'EXPENDITURE', amount: fen('100.00') }).deltas) };
    expect(a).toMatchObject({ amount: fen('3000.00'), committed: 0n, spent: fen('3000.00') });
    const e = refusal(() => planBooking(a, { kind: 'EXPENDITURE', amount: fen('100.00') }));
    expect(e).toMatchObject({ kind: 'CONFLICT', code: 'INSUFFICIENT_FUNDS', extra: { available: '0.00', requested: '100.00', allocationId: '40' } });
  });

  it('refuses one fen over available, books exactly available', () => {
    const a = alloc('500.00', '200.00', '299.99');
    expect(refusal(() => planBooking(a, { kind: 'COMMITMENT', amount: fen('0.02') })).code).toBe('INSUFFICIENT_FUNDS');
    expect(planBooking(a, { kind: 'COMMITMENT', amount: fen('0.01') })).toEqual({
      draw: 0n, need: 1n, overrideReason: null, deltas: { appropriated: 0n, allocated: 0n, committed: 1n, spent: 0n },
    });
  });

  it('books an overspend with its override reason, and keeps no reason when none was needed', () => {
    const over = planBooking(alloc('100.00'), { kind: 'EXPENDITURE', amount: fen('150.00'), overrideReason: '防汛应急' });
    expect(over.overrideReason).toBe('防汛应急');
    expect(over.deltas.spent).toBe(fen('150.00'));
    expect(planBooking(alloc('100.00'), { kind: 'EXPENDITURE', amount: fen('50.00'), overrideReason: '防汛应急' }).overrideReason).toBeNull();
  });

  it('an empty override reason is no override', () => {
    expect(refusal(() => planBooking(alloc('100.00'), { kind: 'EXPENDITURE', amount: fen('150.00'), overrideReason: '' })).code).toBe('INSUFFICIENT_FUNDS');
  });
});

describe('drawing on a commitment', () => {
  const commitment = (amount: string, settled: string, extra: Partial<CommitmentState> = {}): CommitmentState => ({
    kind: 'COMMITMENT', allocationId: '40', amount: fen(amount), settled: fen(settled), released: false, ...extra,
  });

  it('draws what the commitment has left, and only the rest needs available money', () => {
    // 1 000.00 allocated, 800.00 committed: 200.00 available. An expenditure of 900.00 on the commitment
    // draws 800.00 from it and needs 100.00.
    const a = alloc('1000.00', '800.00');
    const draw = drawOnCommitment('7', commitment('800.00', '0.00'), '40', fen('900.00'));
    expect(draw).toBe(fen('800.00'));
    const plan = planBooking(a, { kind: 'EXPENDITURE', amount: fen('900.00') }, draw);
    expect(plan.need).toBe(fen('100.00'));
    expect(plan.deltas).toEqual({ appropriated: 0n, allocated: 0n, committed: fen('-800.00'), spent: fen('900.00') });
    expect(applyDeltas(a, plan.deltas)).toEqual({ amount: fen('1000.00'), committed: 0n, spent: fen('900.00') });
  });

  it('draws at most the expenditure itself, and what earlier expenditures settled is gone', () => {
    expect(drawOnCommitment('7', commitment('800.00', '300.00'), '40', fen('120.50'))).toBe(fen('120.50'));
    expect(drawOnCommitment('7', commitment('800.00', '799.99'), '40', fen('120.50'))).toBe(1n);
  });

  it('a fully drawn commitment leaves the whole expenditure to available money', () => {
    const draw = drawOnCommitment('7', commitment('800.00', '800.00'), '40', fen('10.00'));
    expect(draw).toBe(0n);
    expect(refusal(() => planBooking(alloc('800.00', '0.00', '800.00'), { kind: 'EXPENDITURE', amount: fen('10.00') }, draw)).code).toBe('INSUFFICIENT_FUNDS');
  });

  it('refuses a missing posting, a non-commitment, another allocation\'s commitment, and a released one', () => {
    expect(refusal(() => drawOnCommitment('7', null, '40', 1n))).toMatchObject({ code: 'COMMITMENT_MISMATCH', details: [{ path: 'commitmentId' }] });
    expect(refusal(() => drawOnCommitment('7', commitment('1.00', '0.00', { kind: 'EXPENDITURE' }), '40', 1n)).code).toBe('COMMITMENT_MISMATCH');
    expect(refusal(() => drawOnCommitment('7', commitment('1.00', '0.00', { allocationId: '41' }), '40', 1n)).code).toBe('COMMITMENT_MISMATCH');
    expect(refusal(() => drawOnCommitment('7', commitment('1.00', '0.00', { released: true }), '40', 1n))).toMatchObject({ kind: 'CONFLICT', code: 'COMMITMENT_RELEASED' });
  });
});

describe('reversal deltas', () => {
  it('a commitment releases exactly what is undrawn', () => {
    expect(reversalOf({ kind: 'COMMITMENT', amount: fen('1234.56'), settled: fen('234.57') })).toEqual({
      amount: fen('999.99'), deltas: { appropriated: 0n, allocated: 0n, committed: fen('-999.99'), spent: 0n },
    });
  });

  it('an expenditure returns its whole amount to available, whatever it drew from a commitment', () => {
    const r = reversalOf({ kind: 'EXPENDITURE', amount: fen('900.01'), settled: fen('800.00') });
    expect(r).toEqual({ amount: fen('900.01'), deltas: { appropriated: 0n, allocated: 0n, committed: 0n, spent: fen('-900.01') } });
    const after = applyDeltas({ amount: fen('1000.00'), committed: 0n, spent: fen('900.01') }, r.deltas);
    expect(availableOf(after)).toBe(fen('1000.00'));
  });

  it('transfers and reversals are not reversed', () => {
    expect(refusal(() => reversalOf({ kind: 'TRANSFER', amount: 1n, settled: 0n })).code).toBe('NOT_REVERSIBLE');
    expect(refusal(() => reversalOf({ kind: 'REVERSAL', amount: 1n, settled: 0n })).message).toMatch(/reversal cannot be reversed/);
  });
});

describe('refunds (a source’s negative cost)', () => {
  it('lower spent by exactly the amount, down to zero and not one fen below; committed is untouched', () => {
    const a = alloc('1000.00', '300.00', '456.78');
    expect(planRefund(a, fen('123.45'))).toEqual({ appropriated: 0n, allocated: 0n, committed: 0n, spent: fen('-123.45') });
    expect(applyDeltas(a, planRefund(a, fen('456.78')))).toEqual({ amount: fen('1000.00'), committed: fen('300.00'), spent: 0n });
    expect(refusal(() => planRefund(a, fen('456.79')))).toMatchObject({ code: 'REFUND_EXCEEDS_SPENT', extra: { spent: '456.78', requested: '456.79', allocationId: '40' } });
    expect(refusal(() => planRefund(a, 0n)).code).toBe('INVALID_AMOUNT');
    expect(refusal(() => planRefund(a, fen('-1.00'))).code).toBe('INVALID_AMOUNT');
  });

  it('a queue refund goes back to the allocation that paid the cost it refunds, else the first whose spent covers it', () => {
    const a = [alloc('100.00', '0.00', '10.00', { id: '1' }), alloc('100.00', '0.00', '50.00', { id: '2' })];
    expect(refundTarget(a, null, fen('10.00'))).toBe('1');
    expect(refundTarget(a, null, fen('10.01'))).toBe('2');
    expect(refundTarget(a, null, fen('50.01'))).toBeNull();
    // the payer first, even where an earlier allocation could take it
    expect(refundTarget(a, '2', fen('10.00'))).toBe('2');
    // a payer that cannot take it (spent short) or is not of this account: the first that can
    expect(refundTarget(a, '1', fen('10.01'))).toBe('2');
    expect(refundTarget(a, '99', fen('10.00'))).toBe('1');
    expect(refundFits(a[0], fen('10.00'))).toBe(true);
  });

  it('a refund is not reversed (its source sends the opposite cost instead)', () => {
    expect(refusal(() => reversalOf({ kind: 'REFUND', amount: 1n, settled: 0n })).code).toBe('NOT_REVERSIBLE');
  });
});

describe('transfers (费随事转)', () => {
  it('moves allocated money, exact to the fen, only what the source has available', () => {
    const from = alloc('1000.00', '300.00', '200.00');
    expect(planTransfer(from, fen('500.00'))).toEqual({
      from: { appropriated: 0n, allocated: fen('-500.00'), committed: 0n, spent: 0n },
      to: { appropriated: 0n, allocated: fen('500.00'), committed: 0n, spent: 0n },
    });
    expect(refusal(() => planTransfer(from, fen('500.01')))).toMatchObject({ code: 'INSUFFICIENT_FUNDS', extra: { available: '500.00', requested: '500.01' } });
  });

  it('stays within one year and funder, between two allocations', () => {
    expect(refusal(() => assertTransferEnds('40', '40')).code).toBe('TRANSFER_TO_SELF');
    expect(() => assertTransferEnds('40', '41')).not.toThrow();
    expect(refusal(() => assertSameAccount(alloc('1.00'), alloc('1.00', '0.00', '0.00', { id: '41', funder: 'CITY' }))).code).toBe('TRANSFER_ACROSS_FUNDERS');
    expect(refusal(() => assertSameAccount(alloc('1.00'), alloc('1.00', '0.00', '0.00', { id: '41', fiscalYear: 2025 }))).code).toBe('TRANSFER_ACROSS_FUNDERS');
    expect(() => assertSameAccount(alloc('1.00'), alloc('1.00', '0.00', '0.00', { id: '41' }))).not.toThrow();
  });
});

describe('queue target', () => {
  it('is the first allocation in order that affords the whole amount', () => {
    const a = [alloc('100.00', '0.00', '99.99', { id: '1' }), alloc('50.00', '0.00', '0.00', { id: '2' }), alloc('60.00', '0.00', '0.00', { id: '3' })];
    expect(a.find((x) => affords(x, fen('50.00')))?.id).toBe('2');
    expect(a.find((x) => affords(x, fen('60.00')))?.id).toBe('3');
    expect(a.find((x) => affords(x, fen('60.01')))).toBeUndefined();
    expect(affords(alloc('100.00', '0.00', '99.99'), 1n)).toBe(true);
  });
});

describe('appropriations', () => {
  const ap = { id: '9', districtCode: '330106', status: 'ENACTED', amount: fen('1000.00'), allocated: fen('999.00') };

  it('allocates at most what is unallocated', () => {
    expect(() => assertUnallocated(ap, fen('1.00'))).not.toThrow();
    expect(refusal(() => assertUnallocated(ap, fen('1.01')))).toMatchObject({ code: 'INSUFFICIENT_UNALLOCATED', extra: { unallocated: '1.00', requested: '1.01' } });
  });

  it('gives only enacted money, and a district\'s only to its own places', () => {
    expect(refusal(() => assertAllocatableTo({ ...ap, status: 'DRAFT' }, '330106')).code).toBe('APPROPRIATION_NOT_ENACTED');
    expect(refusal(() => assertAllocatableTo(ap, '330102')).code).toBe('TARGET_OUTSIDE_FUNDER');
    expect(() => assertAllocatableTo({ ...ap, districtCode: null }, '330102')).not.toThrow();
  });

  it('is enacted by someone other than its creator, once', () => {
    expect(refusal(() => assertEnactable({ id: '9', status: 'DRAFT', createdBy: 'u1' }, 'u1'))).toMatchObject({ kind: 'FORBIDDEN', code: 'FOUR_EYES_REQUIRED' });
    expect(refusal(() => assertEnactable({ id: '9', status: 'ENACTED', createdBy: 'u1' }, 'u2')).code).toBe('APPROPRIATION_ALREADY_ENACTED');
    expect(() => assertEnactable({ id: '9', status: 'DRAFT', createdBy: 'u1' }, 'u2')).not.toThrow();
  });
});

describe('fiscal year', () => {
  it('takes postings only while OPEN', () => {
    expect(() => assertYearOpen(2026, 'OPEN')).not.toThrow();
    expect(refusal(() => assertYearOpen(2025, 'CLOSED'))).toMatchObject({ code: 'FISCAL_YEAR_CLOSED', extra: { fiscalYear: 2025 } });
    expect(refusal(() => assertYearOpen(2030, undefined))).toMatchObject({ kind: 'NOT_FOUND', code: 'FISCAL_YEAR_NOT_FOUND' });
  });
});

describe('ledger totals', () => {
  it('sums the measures and derives unallocated and available', () => {
    const t = ledgerTotals([
      { appropriated: fen('1000.00'), allocated: 0n, committed: 0n, spent: 0n },
      { appropriated: 0n, allocated: fen('600.00'), committed: fen('100.10'), spent: fen('200.20') },
      { appropriated: 0n, allocated: fen('300.00'), committed: 0n, spent: fen('300.00') },
    ]);
    expect(t).toEqual({
      appropriated: fen('1000.00'), allocated: fen('900.00'), committed: fen('100.10'), spent: fen('500.20'), unallocated: fen('100.00'), available: fen('299.70'),
    });
  });
});
