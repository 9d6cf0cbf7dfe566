/**
 * What a TOP_UP run pays: the latest year-end top-up result (年终补差) less what the year's settled top-up runs already paid
 * each worker. A second run after a recalculation pays the difference, never the whole amount again; a worker the new
 * result owes less than was paid is not clawed back by a top-up (named as overpaid, for a person to decide).
 */
import type { Fen } from '@cws/kernel';

export interface TopUpsDue {
  /** worker id → the amount this run pays (> 0) */
  due: Map<number, Fen>;
  /** workers whose earlier top-up of the year was deducted (and who are still owed more) */
  deducted: number;
  /** workers already paid more than the result now owes them */
  overpaid: number[];
}

export function topUpsDue(owed: ReadonlyMap<number, Fen>, paid: ReadonlyMap<number, Fen>): TopUpsDue {
  const due = new Map<number, Fen>();
  const overpaid: number[] = [];
  let deducted = 0;
  for (const [id, amount] of owed) {
    const before = paid.get(id) ?? 0n;
    if (amount > before) {
      due.set(id, amount - before);
      if (before > 0n) deducted++;
    }
  }
  for (const [id, before] of paid) if (before > (owed.get(id) ?? 0n)) overpaid.push(id);
  return { due, deducted, overpaid: overpaid.sort((a, b) => a - b) };
}
