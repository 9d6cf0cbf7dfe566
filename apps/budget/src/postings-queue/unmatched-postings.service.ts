/** Parked queue postings: listed for a person, and booked on an allocation they choose. */
import { Injectable } from '@nestjs/common';
import type { UnmatchedPostingPageView } from '@cws/budget-contracts';
import { conflict, DomainError, type Principal } from '@cws/kernel';
import { rethrowDuplicate } from '@cws/persistence';
import { AuditService, visibleRow } from '@cws/platform';
import { canOverride } from '../common/access';
import { pageInScope } from '../common/list-page';
import { parseNonZeroAmount } from '../common/money';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { POSTING_EXTERNAL_KEY } from '../postings/posting.repository';
import { PostingsService, type PostingView } from '../postings/postings.service';
import { UnmatchedPostingRepository } from './unmatched-posting.repository';
import type { ResolveUnmatchedDto, UnmatchedQueryDto } from './unmatched-postings.dto';

@Injectable()
export class UnmatchedPostingsService {
  constructor(
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly postings: PostingsService,
    private readonly unmatched: UnmatchedPostingRepository,
  ) {}

  list(p: Principal, q: UnmatchedQueryDto): Promise<UnmatchedPostingPageView> {
    // the entity as JSON answers it (dates as ISO strings): the same body, typed as the contract
    return pageInScope(p, q, (f) => this.unmatched.page(p, f), (u) => ({ ...u, receivedAt: u.receivedAt.toISOString(), resolvedAt: u.resolvedAt?.toISOString() ?? null }));
  }

  /** Books a parked cost on an allocation a person chose (its external key keeps it booked once). */
  async resolve(p: Principal, id: string, dto: ResolveUnmatchedDto, key: string | undefined): Promise<PostingView> {
    if (dto.override && !canOverride(p)) throw new DomainError('FORBIDDEN', 'OVERRIDE_NOT_PERMITTED', 'You may not override an overspend');
    return this.idempotency.execute(p, key, `POST /v1/unmatched-postings/${id}/resolve`, dto, async (m) => {
      const u = visibleRow(p, await this.unmatched.lock(m, id), 'unmatched_posting', id);
      if (u.resolvedPostingId) throw conflict('ALREADY_RESOLVED', `Unmatched posting ${id} was resolved by posting ${u.resolvedPostingId}`);
      if (u.reason === 'INVALID_POSTING') throw conflict('UNRESOLVABLE', 'A malformed posting must be corrected and re-sent by its source');
      const alloc = (await this.postings.lockVisible(m, p, [dto.allocationId])).get(dto.allocationId)!;
      const payload = (typeof u.payload === 'string' ? JSON.parse(u.payload) : u.payload) as { category?: string; description?: string };
      const entry = { category: String(payload.category ?? u.source).slice(0, 40), description: String(payload.description ?? ''), source: u.source, sourceRef: u.sourceRef, externalKey: u.externalKey };
      // A parked refund (a negative payroll cost) lowers spent on the chosen allocation; still never below zero (409 REFUND_EXCEEDS_SPENT).
      const amount = parseNonZeroAmount(u.amount, 'amount', u.source === 'PAYROLL');
      // a redelivery of the cost booking it at this moment: one of the two inserts is refused by the posting's unique key
      const view = await (amount < 0n
        ? this.postings.refund(m, alloc, { ...entry, amount: -amount }, p)
        : this.postings.book(m, alloc, { kind: 'EXPENDITURE', amount, ...entry, overrideReason: dto.override?.reason ?? null }, p)
      ).catch((e: unknown) => rethrowDuplicate(e, conflict('ALREADY_RESOLVED', `The cost of unmatched posting ${id} was booked meanwhile by its source`), POSTING_EXTERNAL_KEY));
      await this.unmatched.markResolved(m, id, view.id);
      await this.audit.record(m, { entity: 'unmatched_posting', entityId: id, action: 'RESOLVE', after: { postingId: view.id, allocationId: alloc.id }, districtCode: alloc.districtCode, streetCode: alloc.streetCode });
      return view;
    });
  }
}
