/** Report rules: execution rates and the per-household funding standard, in integers (no floats). */
import { formatMoney, maxFen, roundFen, type Fen } from '@cws/kernel';
import { ledgerTotals, type LedgerSums } from './balance';

/** part / base as a percentage with two places, rounded half up ("75.13"); null when base is 0. */
export function percentOf(part: Fen, base: Fen): string | null {
  if (base <= 0n) return null;
  // hundredths of a percent are formatted like fen: 7513 → "75.13"
  return formatMoney(roundFen(part * 10000n, base, 'HALF_UP_FEN'));
}

export type ExecutionGroup = 'stream' | 'funder' | 'district' | 'street' | 'community' | 'month';

export interface ExecutionLine<K> {
  key: K;
  sums: LedgerSums;
  available: Fen;
  executionRate: string | null;
}

/**
 * Execution rate = spent ÷ appropriated when grouping by stream, funder or month (the funder's view;
 * by month it is the cumulative year-to-date rate against the year's appropriations), and
 * spent ÷ allocated when grouping by place (a district, street or community's budget is what was
 * allocated to it). `groups` are in report order; the total's base follows the same rule.
 */
export function executionReport<K>(groupBy: ExecutionGroup, groups: ReadonlyArray<{ key: K; sums: LedgerSums }>) {
  const rateBase: 'appropriated' | 'allocated' = ['stream', 'funder', 'month'].includes(groupBy) ? 'appropriated' : 'allocated';
  const total = ledgerTotals(groups.map((g) => g.sums));
  let cumulativeSpent = 0n;
  const rows: ExecutionLine<K>[] = groups.map(({ key, sums }) => {
    cumulativeSpent += sums.spent;
    const rate = groupBy === 'month' ? percentOf(cumulativeSpent, total.appropriated) : percentOf(sums.spent, sums[rateBase]);
    return { key, sums, available: sums.allocated - sums.committed - sums.spent, executionRate: rate };
  });
  const totalLine = { sums: total, available: total.available, executionRate: percentOf(total.spent, total[rateBase]) };
  return { rateBase, rows, total: totalLine };
}

/** A community's allocations from a stream against standard × households. */
export function householdCheck(standardPerHousehold: Fen, households: number, allocated: Fen) {
  const required = standardPerHousehold * BigInt(households);
  return {
    required,
    shortfall: maxFen(0n, required - allocated),
    /** what each household got (floored to the fen); null without households */
    perHousehold: households > 0 ? allocated / BigInt(households) : null,
    belowStandard: allocated < required,
  };
}
