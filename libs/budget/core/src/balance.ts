/** Balance arithmetic of the budget, in bigint fen (never a JS number). */
import type { Fen } from '@cws/kernel';

/** An allocation's running columns: allocated after transfers, committed, spent. */
export interface AllocationBalance {
  amount: Fen;
  committed: Fen;
  spent: Fen;
}

/**
 * Signed changes of one money movement. A ledger entry carries them as its d_* columns, and the
 * receiving allocation's running columns move by the same amounts (`allocated` moves `amount`).
 */
export interface Deltas {
  appropriated: Fen;
  allocated: Fen;
  committed: Fen;
  spent: Fen;
}

export const NO_DELTAS: Readonly<Deltas> = Object.freeze({ appropriated: 0n, allocated: 0n, committed: 0n, spent: 0n });

export function deltas(d: Partial<Deltas>): Deltas {
  return { ...NO_DELTAS, ...d };
}

/** available = allocated − committed − spent */
export function availableOf(b: AllocationBalance): Fen {
  return b.amount - b.committed - b.spent;
}

/** The allocation's running columns after a movement. */
export function applyDeltas(b: AllocationBalance, d: Deltas): AllocationBalance {
  return { amount: b.amount + d.allocated, committed: b.committed + d.committed, spent: b.spent + d.spent };
}

/** What an appropriation has not yet given to streets and communities. */
export function unallocatedOf(a: { amount: Fen; allocated: Fen }): Fen {
  return a.amount - a.allocated;
}

/** Sums of ledger measures over a set of accounts. */
export interface LedgerSums {
  appropriated: Fen;
  allocated: Fen;
  committed: Fen;
  spent: Fen;
}

export interface LedgerTotals extends LedgerSums {
  /** appropriated − allocated */
  unallocated: Fen;
  /** allocated − committed − spent */
  available: Fen;
}

/** Totals over balance rows: the four measures summed, plus what follows from them. */
export function ledgerTotals(rows: Iterable<LedgerSums>): LedgerTotals {
  const sum: LedgerSums = { appropriated: 0n, allocated: 0n, committed: 0n, spent: 0n };
  for (const r of rows) {
    sum.appropriated += r.appropriated;
    sum.allocated += r.allocated;
    sum.committed += r.committed;
    sum.spent += r.spent;
  }
  return { ...sum, unallocated: sum.appropriated - sum.allocated, available: sum.allocated - sum.committed - sum.spent };
}
