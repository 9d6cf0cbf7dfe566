/**
 * Closing the books (日结): every city day, once it is over, gets one close — the day's movements, the
 * ledger's totals at its end, and a reconciliation of every allocation's running columns (what postings
 * lock) against the sums of its ledger entries. The ledger is append-only and stamps each entry with the
 * time it is written, so a day that is over takes no more entries: its close is final. Appropriations are
 * reconciled too: an enacted one's amount against its APPROPRIATION entry, its `allocated` against the
 * ALLOCATION entries drawn on it (transfers move money between allocations, not out of appropriations).
 */
import { addDays, validationError, type Fen } from '@cws/kernel';
import type { LedgerSums } from './balance';

export type CloseStatus = 'BALANCED' | 'DISCREPANCY';

export type AllocationMeasure = 'allocated' | 'committed' | 'spent';
export type AppropriationMeasure = 'appropriated' | 'allocated';

/** One running column, of an allocation or of an appropriation, that differs from the sum of its ledger deltas. */
export type Discrepancy = { running: Fen; ledger: Fen } & (
  | { allocationId: string; measure: AllocationMeasure }
  | { appropriationId: string; measure: AppropriationMeasure }
);

/** An allocation's running columns beside the sums of its ledger deltas (as the repository reads them). */
export interface RunningAndLedger {
  allocationId: string;
  running: Omit<LedgerSums, 'appropriated'>;
  ledger: Omit<LedgerSums, 'appropriated'>;
}

/** An appropriation's row (status, amount, allocated) beside the sums of the ledger deltas that name it. */
export interface AppropriationRunningAndLedger {
  appropriationId: string;
  enacted: boolean;
  amount: Fen;
  allocated: Fen;
  ledger: Pick<LedgerSums, 'appropriated' | 'allocated'>;
}

/** The instants a city day spans, [from, to): Asia/Shanghai keeps UTC+8 all year (no daylight saving). */
export function cityDayBounds(day: string): { from: Date; to: Date } {
  return { from: new Date(`${day}T00:00:00+08:00`), to: new Date(`${addDays(day, 1)}T00:00:00+08:00`) };
}

/** A close is for a day that is over: `through` must be before the city's `today`. */
export function assertDayOver(through: string, today: string): void {
  if (through >= today) throw validationError('BOOKS_DAY_NOT_OVER', 'through', `${through} is not over yet (today is ${today}); the books close through yesterday at the latest`);
}

/**
 * The days to close through `through`, oldest first: from the day after the last close, or — before the
 * first close — from the day of the ledger's first entry. None when all are closed or the ledger is empty.
 */
export function daysToClose(lastClosed: string | null, firstEntryDay: string | null, through: string): string[] {
  const start = lastClosed ? addDays(lastClosed, 1) : firstEntryDay;
  const days: string[] = [];
  for (let d = start; d !== null && d <= through; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The longest range of closes one read answers. */
export const MAX_CLOSE_RANGE_DAYS = 366;

/** A range of closes to read: `from` not after `to`, at most MAX_CLOSE_RANGE_DAYS days (errors name `from`). */
export function assertCloseRange(from: string, to: string): void {
  if (from > to) throw validationError('RANGE_INVERTED', 'from', `${from} is after ${to}`);
  if (from < addDays(to, -(MAX_CLOSE_RANGE_DAYS - 1))) throw validationError('RANGE_TOO_LONG', 'from', `at most ${MAX_CLOSE_RANGE_DAYS} days in one read`);
}

const ALLOCATION_MEASURES = ['allocated', 'committed', 'spent'] as const;

/** Every measure, of every allocation, whose running column is not the sum of its ledger deltas. */
export function discrepanciesOf(rows: Iterable<RunningAndLedger>): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const r of rows) {
    for (const measure of ALLOCATION_MEASURES) {
      if (r.running[measure] !== r.ledger[measure]) out.push({ allocationId: r.allocationId, measure, running: r.running[measure], ledger: r.ledger[measure] });
    }
  }
  return out;
}

/**
 * Every appropriation measure that is not the sum of its ledger deltas: `appropriated` is the amount once
 * enacted (a draft has no entry yet, so 0), `allocated` is the column allocations draw on.
 */
export function appropriationDiscrepanciesOf(rows: Iterable<AppropriationRunningAndLedger>): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const r of rows) {
    const running = { appropriated: r.enacted ? r.amount : 0n, allocated: r.allocated };
    for (const measure of ['appropriated', 'allocated'] as const) {
      if (running[measure] !== r.ledger[measure]) out.push({ appropriationId: r.appropriationId, measure, running: running[measure], ledger: r.ledger[measure] });
    }
  }
  return out;
}

/** The allocations and the appropriations that discrepancies name, each once, in order. */
export function accountsNamedIn(discrepancies: readonly Discrepancy[]): { allocations: string[]; appropriations: string[] } {
  const allocations = new Set<string>();
  const appropriations = new Set<string>();
  for (const d of discrepancies) {
    if ('allocationId' in d) allocations.add(d.allocationId);
    else appropriations.add(d.appropriationId);
  }
  return { allocations: [...allocations], appropriations: [...appropriations] };
}

export const closeStatusOf = (discrepancies: readonly Discrepancy[]): CloseStatus => (discrepancies.length ? 'DISCREPANCY' : 'BALANCED');

/** A day's totals: the totals at the end of the day before plus the day's movements. */
export const addSums = (a: LedgerSums, b: LedgerSums): LedgerSums => ({
  appropriated: a.appropriated + b.appropriated, allocated: a.allocated + b.allocated, committed: a.committed + b.committed, spent: a.spent + b.spent,
});
