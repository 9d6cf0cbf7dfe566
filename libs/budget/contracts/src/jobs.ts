import { defineJob } from '@cws/kernel';
import type { FundingStream, Funder } from './budget';

export const BUDGET_POSTINGS_QUEUE = 'budget-postings';

/**
 * A cost another service has incurred (a paid payroll run, a training course), posted to the
 * budget as an expenditure. Idempotent by (source, sourceRef): send the same one twice and it is
 * booked once. If no allocation matches, or the year is closed, or funds are short, the budget
 * service parks it as an unmatched posting for a person to resolve; it never fails forever.
 * A negative PAYROLL amount (a correction that lowers pay) is a refund: it lowers spent, never below
 * zero (else parked as REFUND_EXCEEDS_SPENT).
 */
export interface CostPosting {
  source: 'PAYROLL' | 'TRAINING';
  /** Stable reference in the source system, e.g. "payroll-run:2026-03:330106001001:PARTY_BUILDING". */
  sourceRef: string;
  fiscalYear: number;
  funder: Funder;
  stream: FundingStream;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  /** Decimal string, two places; positive, or negative for a PAYROLL refund; never zero. */
  amount: string;
  category: string;
  description: string;
  /**
   * A refund's (optional): the sourceRef of the cost it gives back, e.g. the corrected payroll run's posting
   * for the same account. The refund is booked on that posting's allocation when it is one of the account's
   * and its spent covers the refund; else on the first of the account's allocations whose spent does.
   */
  refundOf?: string;
}

export const PostExpenditureJob = defineJob<CostPosting>(BUDGET_POSTINGS_QUEUE, 'post-cost');
