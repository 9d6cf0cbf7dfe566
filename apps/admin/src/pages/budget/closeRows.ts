import type { LedgerCloseView } from '@cws/budget-contracts';
import { formatMoney, parseMoney } from '@cws/kernel';

/** Amounts of a close may be below zero (a day of reversals, an overspent total): read as signed fen. */
const fen = (amount: string) => parseMoney(amount, { allowNegative: true });

/** One line of the closes table: the close's own fields, its movements and totals flattened for the money columns. */
export interface CloseRow {
  day: string;
  status: LedgerCloseView['status'];
  entries: number;
  allocationsChecked: number;
  /** Null on closes written before appropriations were reconciled. */
  appropriationsChecked: number | null;
  movedAllocated: string;
  movedCommitted: string;
  movedSpent: string;
  appropriated: string;
  allocated: string;
  committed: string;
  spent: string;
  /** allocated − committed − spent at the day's end, computed in fen. */
  available: string;
  discrepancies: LedgerCloseView['discrepancies'];
  closedAt: string;
  closedBy: string;
}

/** available = allocated − committed − spent, in fen (never a float), as the API spells amounts. */
export function availableOf(totals: LedgerCloseView['totals']): string {
  return formatMoney(fen(totals.allocated) - fen(totals.committed) - fen(totals.spent));
}

/** running − ledger: what the running column has beyond the sum of its ledger entries (negative: less). */
export function differenceOf(d: { running: string; ledger: string }): string {
  return formatMoney(fen(d.running) - fen(d.ledger));
}

/** The closes as the table shows them: newest first (the service answers oldest first). */
export function closeRows(closes: readonly LedgerCloseView[]): CloseRow[] {
  return [...closes]
    .sort((a, b) => b.day.localeCompare(a.day))
    .map((c) => ({
      day: c.day,
      status: c.status,
      entries: c.entries,
      allocationsChecked: c.allocationsChecked,
      appropriationsChecked: c.appropriationsChecked,
      movedAllocated: c.movements.allocated,
      movedCommitted: c.movements.committed,
      movedSpent: c.movements.spent,
      appropriated: c.totals.appropriated,
      allocated: c.totals.allocated,
      committed: c.totals.committed,
      spent: c.totals.spent,
      available: availableOf(c.totals),
      discrepancies: c.discrepancies,
      closedAt: c.closedAt,
      closedBy: c.closedBy,
    }));
}
