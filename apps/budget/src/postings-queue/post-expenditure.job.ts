/**
 * Cost postings from payroll and training, through the queue. Idempotent by (source, sourceRef):
 * the posting's external_key is unique, so a redelivered job finds its posting and stops. A posting
 * that cannot be booked (no matching allocation, closed year, not enough money, malformed) is parked
 * in unmatched_posting for a person to resolve; the job then succeeds, so it never retries forever.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FUNDING_STREAMS, FUNDER_PATTERN, PostExpenditureJob, type CostPosting } from '@cws/budget-contracts';
import { DomainError, type Fen, type PayloadOf } from '@cws/kernel';
import { JobHandler } from '@cws/messaging';
import { AllocationEntity } from '../allocations/allocation.entity';
import { availableOf } from '../allocations/allocations.service';
import { parsePositiveAmount } from '../common/money';
import { inTransaction, isDuplicateKey, one } from '../common/tx';
import { PostingsService, type Actor } from '../postings/postings.service';
import type { UnmatchedReason } from './unmatched-posting.entity';

export type QueuePostingResult =
  | { status: 'POSTED'; postingId: string }
  | { status: 'DUPLICATE'; postingId: string | null }
  | { status: 'PARKED'; reason: UnmatchedReason };

@Injectable()
export class PostExpenditureHandler {
  private readonly logger = new Logger('PostExpenditure');

  constructor(
    private readonly dataSource: DataSource,
    private readonly postings: PostingsService,
  ) {}

  @JobHandler(PostExpenditureJob)
  handle(payload: PayloadOf<typeof PostExpenditureJob>): Promise<QueuePostingResult> {
    return this.post(payload);
  }

  async post(c: CostPosting): Promise<QueuePostingResult> {
    const externalKey = `${c.source}:${c.sourceRef}`.slice(0, 140);
    const existing = await one<{ id: string }>(this.dataSource.manager, 'SELECT id FROM posting WHERE external_key = ?', [externalKey]);
    if (existing) return { status: 'DUPLICATE', postingId: String(existing.id) };
    const invalid = validate(c);
    if (typeof invalid === 'string') return this.park(externalKey, c, 'INVALID_POSTING', invalid);
    const amount = invalid;
    const who: Actor = { kind: 'user', id: `system:${c.source}`, name: `${c.source.toLowerCase()} (queue)` };
    try {
      return await inTransaction(this.dataSource, async (m) => {
        // Lock every matching allocation (ascending id) and book on the first that can afford it.
        const matches = await m
          .getRepository(AllocationEntity)
          .createQueryBuilder('a')
          .setLock('pessimistic_write')
          .where('a.fiscalYear = :fy AND a.funder = :funder AND a.stream = :stream AND a.communityCode = :community', {
            fy: c.fiscalYear, funder: c.funder, stream: c.stream, community: c.communityCode,
          })
          .orderBy('a.id', 'ASC')
          .getMany();
        if (!matches.length) return this.park(externalKey, c, 'NO_ALLOCATION');
        const target = matches.find((a) => availableOf(a) >= amount);
        if (!target) return this.park(externalKey, c, 'INSUFFICIENT_FUNDS');
        const view = await this.postings.book(m, target, {
          kind: 'EXPENDITURE', amount, category: c.category.slice(0, 40), description: c.description, source: c.source,
          sourceRef: c.sourceRef.slice(0, 100), externalKey,
        }, who);
        return { status: 'POSTED' as const, postingId: view.id };
      });
    } catch (e) {
      if (isDuplicateKey(e)) return { status: 'DUPLICATE', postingId: null };
      if (e instanceof DomainError && e.code === 'FISCAL_YEAR_CLOSED') return this.park(externalKey, c, 'FISCAL_YEAR_CLOSED');
      if (e instanceof DomainError && e.code === 'FISCAL_YEAR_NOT_FOUND') return this.park(externalKey, c, 'NO_ALLOCATION', e.message);
      throw e;
    }
  }

  private async park(externalKey: string, c: CostPosting, reason: UnmatchedReason, detail?: string): Promise<QueuePostingResult> {
    await this.dataSource.query(
      `INSERT IGNORE INTO unmatched_posting (external_key, source, source_ref, reason, fiscal_year, funder, stream, district_code, street_code,
         community_code, amount, payload, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))`,
      [
        externalKey, String(c.source).slice(0, 12), String(c.sourceRef).slice(0, 100), reason,
        Number.isInteger(c.fiscalYear) ? c.fiscalYear : null, str(c.funder, 6), str(c.stream, 24), str(c.districtCode, 6), str(c.streetCode, 9),
        str(c.communityCode, 12), str(c.amount, 40), JSON.stringify({ ...c, detail: detail ?? null }),
      ],
    );
    this.logger.warn({ msg: 'cost posting parked', externalKey, reason, detail });
    return { status: 'PARKED', reason };
  }
}

function str(v: unknown, max: number): string | null {
  return typeof v === 'string' ? v.slice(0, max) : null;
}

/** The amount in fen, or what is wrong with the payload. */
function validate(c: CostPosting): Fen | string {
  if (!['PAYROLL', 'TRAINING'].includes(c.source)) return 'source must be PAYROLL or TRAINING';
  if (typeof c.sourceRef !== 'string' || !c.sourceRef) return 'sourceRef is required';
  if (!Number.isInteger(c.fiscalYear)) return 'fiscalYear must be an integer';
  if (typeof c.funder !== 'string' || !FUNDER_PATTERN.test(c.funder)) return 'funder must be CITY or a district code';
  if (!(FUNDING_STREAMS as readonly string[]).includes(c.stream)) return 'unknown stream';
  if (!/^\d{12}$/.test(c.communityCode ?? '') || !c.communityCode.startsWith(c.streetCode) || !c.streetCode.startsWith(c.districtCode)) {
    return 'communityCode, streetCode and districtCode must nest';
  }
  try {
    return parsePositiveAmount(c.amount);
  } catch (e) {
    return e instanceof DomainError ? e.message : 'invalid amount';
  }
}

