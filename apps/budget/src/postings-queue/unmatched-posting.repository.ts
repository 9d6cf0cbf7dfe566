/** The only owner of `unmatched_posting` SQL: queue postings parked for a person to resolve. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CostPosting } from '@cws/budget-contracts';
import type { Principal } from '@cws/kernel';
import { keysetPage, type KeysetPage } from '@cws/persistence';
import { wherePlace } from '../common/place-query';
import { whereSourceRefStarts } from '../postings/posting.repository';
import { UnmatchedPostingEntity, type UnmatchedReason } from './unmatched-posting.entity';
import type { UnmatchedQueryDto } from './unmatched-postings.dto';

/** A payload field as stored: a string cut to its column, anything else null (the payload may be malformed). */
function str(v: unknown, max: number): string | null {
  return typeof v === 'string' ? v.slice(0, max) : null;
}

@Injectable()
export class UnmatchedPostingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Parks a cost posting once per external key (a redelivered job parks nothing new). */
  async park(externalKey: string, c: CostPosting, reason: UnmatchedReason, detail: string | null): Promise<void> {
    await this.dataSource.query(
      `INSERT IGNORE INTO unmatched_posting (external_key, source, source_ref, reason, fiscal_year, funder, stream, district_code, street_code,
         community_code, amount, payload, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))`,
      [
        externalKey, String(c.source).slice(0, 12), String(c.sourceRef).slice(0, 100), reason,
        Number.isInteger(c.fiscalYear) ? c.fiscalYear : null, str(c.funder, 6), str(c.stream, 24), str(c.districtCode, 6), str(c.streetCode, 9),
        str(c.communityCode, 12), str(c.amount, 40), JSON.stringify({ ...c, detail }),
      ],
    );
  }

  lock(m: EntityManager, id: string): Promise<UnmatchedPostingEntity | null> {
    return m.getRepository(UnmatchedPostingEntity).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  /** The cost under `externalKey`, if parked and still open, is resolved by `postingId` (a redelivery booked it). */
  async resolveByKey(m: EntityManager, externalKey: string, postingId: string): Promise<void> {
    await m.query('UPDATE unmatched_posting SET resolved_posting_id = ?, resolved_at = UTC_TIMESTAMP(3) WHERE external_key = ? AND resolved_posting_id IS NULL', [postingId, externalKey]);
  }

  async markResolved(m: EntityManager, id: string, postingId: string): Promise<void> {
    await m.query('UPDATE unmatched_posting SET resolved_posting_id = ?, resolved_at = UTC_TIMESTAMP(3) WHERE id = ?', [postingId, id]);
  }

  /** Keyset page by id: open or resolved, within the filters and the caller's scope. */
  page(p: Principal, q: UnmatchedQueryDto & { limit: number }): Promise<KeysetPage<UnmatchedPostingEntity>> {
    const qb = this.dataSource.getRepository(UnmatchedPostingEntity).createQueryBuilder('u');
    qb.andWhere(q.state === 'RESOLVED' ? 'u.resolvedPostingId IS NOT NULL' : 'u.resolvedPostingId IS NULL');
    // the postings' own prefix condition: `_` literal (the queue is small; its source_ref has no index of its own)
    whereSourceRefStarts(qb, 'u.sourceRef', q.sourceRefPrefix);
    // the place filters every budget list shares (year, funder, stream, district, street, community), then the scope
    return keysetPage(wherePlace(qb, 'u', q, p), { column: 'u.id', keyOf: (u) => u.id, limit: q.limit, after: q.after });
  }
}
