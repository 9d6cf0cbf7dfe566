/**
 * Cost postings from payroll and training, through the queue. Idempotent by (source, sourceRef):
 * the posting's external_key is unique, so a redelivered job finds its posting and stops. A posting
 * that cannot be booked (no matching allocation, closed year, not enough money, malformed) is parked
 * in unmatched_posting for a person to resolve; the job then succeeds, so it never retries forever.
 * A negative PAYROLL amount (a correction that lowered pay) is a refund: it lowers spent on the allocation
 * that paid the cost it names (`refundOf`, the corrected run's posting), else on the first matching one whose
 * spent covers it, and is parked as REFUND_EXCEEDS_SPENT when none does.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { FUNDING_STREAMS, FUNDER_PATTERN, PostExpenditureJob, type CostPosting } from '@cws/budget-contracts';
import { affords, refundTarget } from '@cws/budget-core';
import { DomainError, formatMoney, type Fen, type PayloadOf } from '@cws/kernel';
import { JobHandler } from '@cws/messaging';
import { inTransaction, isDuplicateKey } from '@cws/persistence';
import { AllocationRepository, allocationState } from '../allocations/allocation.repository';
import { parseNonZeroAmount } from '../common/money';
import { POSTING_EXTERNAL_KEY, PostingRepository, type Actor } from '../postings/posting.repository';
import { PostingsService } from '../postings/postings.service';
import type { UnmatchedReason } from './unmatched-posting.entity';
import { UnmatchedPostingRepository } from './unmatched-posting.repository';

export type QueuePostingResult =
  | { status: 'POSTED'; postingId: string }
  | { status: 'DUPLICATE'; postingId: string | null }
  | { status: 'PARKED'; reason: UnmatchedReason };

@Injectable()
export class PostExpenditureHandler {
  private readonly logger = new Logger('PostExpenditure');

  constructor(
    private readonly allocations: AllocationRepository,
    private readonly dataSource: DataSource,
    private readonly postingRows: PostingRepository,
    private readonly postings: PostingsService,
    private readonly unmatched: UnmatchedPostingRepository,
  ) {}

  @JobHandler(PostExpenditureJob)
  handle(payload: PayloadOf<typeof PostExpenditureJob>): Promise<QueuePostingResult> {
    return this.post(payload);
  }

  async post(c: CostPosting): Promise<QueuePostingResult> {
    const externalKey = `${c.source}:${c.sourceRef}`.slice(0, 140);
    const existing = await this.postingRows.idByExternalKey(this.dataSource.manager, externalKey);
    if (existing) return { status: 'DUPLICATE', postingId: existing };
    const parsed = parseCostPosting(c);
    if ('problem' in parsed) return this.park(externalKey, c, 'INVALID_POSTING', parsed.problem);
    const { amount } = parsed;
    const who: Actor = { kind: 'user', id: `system:${c.source}`, name: `${c.source.toLowerCase()} (queue)` };
    try {
      return await inTransaction(this.dataSource, async (m) => {
        // Lock every matching allocation (ascending id) and book on the first that can afford it.
        const matches = await this.allocations.lockAccount(m, c);
        if (!matches.length) return this.park(externalKey, c, 'NO_ALLOCATION');
        const entry = { category: c.category.slice(0, 40), description: c.description, source: c.source, sourceRef: c.sourceRef.slice(0, 100), externalKey };
        if (amount < 0n) {
          const targetId = refundTarget(matches.map(allocationState), c.refundOf ? await this.paidFrom(m, c.source, c.refundOf) : null, -amount);
          const target = matches.find((a) => a.id === targetId);
          if (!target) return this.park(externalKey, c, 'REFUND_EXCEEDS_SPENT', `no matching allocation has spent ${formatMoney(-amount)} to give back`);
          return this.posted(m, externalKey, (await this.postings.refund(m, target, { ...entry, amount: -amount }, who)).id);
        }
        const target = matches.find((a) => affords(allocationState(a), amount));
        if (!target) return this.park(externalKey, c, 'INSUFFICIENT_FUNDS');
        return this.posted(m, externalKey, (await this.postings.book(m, target, { kind: 'EXPENDITURE', amount, ...entry }, who)).id);
      });
    } catch (e) {
      // a redelivery racing this one booked it first; any other duplicate is a defect, and the job retries
      if (isDuplicateKey(e, POSTING_EXTERNAL_KEY)) return { status: 'DUPLICATE', postingId: null };
      if (e instanceof DomainError && e.code === 'FISCAL_YEAR_CLOSED') return this.park(externalKey, c, 'FISCAL_YEAR_CLOSED');
      if (e instanceof DomainError && e.code === 'FISCAL_YEAR_NOT_FOUND') return this.park(externalKey, c, 'NO_ALLOCATION', e.message);
      throw e;
    }
  }

  /** The allocation the cost posted under `source:sourceRef` was booked on, if that cost was booked. */
  private async paidFrom(m: EntityManager, source: string, sourceRef: string): Promise<string | null> {
    const postingId = await this.postingRows.idByExternalKey(m, `${source}:${sourceRef}`.slice(0, 140));
    return postingId && this.postingRows.allocationIdOf(m, postingId);
  }

  /** Booked: a delivery parked earlier (e.g. before the allocation was topped up) leaves the parked queue with it. */
  private async posted(m: EntityManager, externalKey: string, postingId: string): Promise<QueuePostingResult> {
    await this.unmatched.resolveByKey(m, externalKey, postingId);
    return { status: 'POSTED', postingId };
  }

  private async park(externalKey: string, c: CostPosting, reason: UnmatchedReason, detail?: string): Promise<QueuePostingResult> {
    await this.unmatched.park(externalKey, c, reason, detail ?? null);
    this.logger.warn({ msg: 'cost posting parked', externalKey, reason, detail });
    return { status: 'PARKED', reason };
  }
}

/** The amount in fen of a well-formed cost posting (negative: a PAYROLL refund), or the problem with a malformed one. */
function parseCostPosting(c: CostPosting): { amount: Fen } | { problem: string } {
  if (!['PAYROLL', 'TRAINING'].includes(c.source)) return { problem: 'source must be PAYROLL or TRAINING' };
  if (typeof c.sourceRef !== 'string' || !c.sourceRef) return { problem: 'sourceRef is required' };
  if (c.refundOf !== undefined && (typeof c.refundOf !== 'string' || !c.refundOf || c.refundOf.length > 100)) return { problem: 'refundOf must be a sourceRef of 1–100 characters' };
  if (!Number.isInteger(c.fiscalYear)) return { problem: 'fiscalYear must be an integer' };
  if (typeof c.funder !== 'string' || !FUNDER_PATTERN.test(c.funder)) return { problem: 'funder must be CITY or a district code' };
  if (!(FUNDING_STREAMS as readonly string[]).includes(c.stream)) return { problem: 'unknown stream' };
  if (!/^\d{12}$/.test(c.communityCode ?? '') || !c.communityCode.startsWith(c.streetCode) || !c.streetCode.startsWith(c.districtCode)) {
    return { problem: 'communityCode, streetCode and districtCode must nest' };
  }
  try {
    return { amount: parseNonZeroAmount(c.amount, 'amount', c.source === 'PAYROLL') };
  } catch (e) {
    return { problem: e instanceof DomainError ? e.message : 'invalid amount' };
  }
}

