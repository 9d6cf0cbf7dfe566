/** The only owner of `posting` SQL. Postings are never edited, except a commitment's `settled` running column. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import type { CommitmentState, PostingKind } from '@cws/budget-core';
import type { Fen, Principal } from '@cws/kernel';
import { keysetPage, type KeysetPage } from '@cws/persistence';
import type { AllocationEntity } from '../allocations/allocation.entity';
import { fromDb, money } from '../common/money';
import { wherePlace } from '../common/place-query';
import { one } from '../common/tx';
import { PostingEntity } from './posting.entity';
import type { PostingQueryDto } from './postings.dto';

/** The unique index that lets a posting be reversed once (`reverses_id`). */
export const POSTING_REVERSES_KEY = 'uq_posting_reverses';

/** The unique index that books a queued cost posting once (`external_key` = source:sourceRef). */
export const POSTING_EXTERNAL_KEY = 'uq_posting_external';

/** A SQL condition and its named parameters, for a query builder's andWhere. */
export interface Condition {
  sql: string;
  params: Record<string, string>;
}

/**
 * `column` (a posting's source_ref under the caller's alias, or a parked cost's) starts with `prefix`: a LIKE range
 * on the indexed column (idx_posting_source_ref). The DTOs admit no LIKE wildcard but `_`; it, `%` and `\` are
 * escaped so each matches itself (`payroll-run_` is not `payroll-run:`).
 */
export function sourceRefStartsWith(column: string, prefix: string): Condition {
  return { sql: `${column} LIKE :refPrefix`, params: { refPrefix: `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } };
}

/** Narrows a list to the rows whose `column` starts with `prefix`, when a prefix is given (postings, parked costs). */
export function whereSourceRefStarts<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, prefix?: string): SelectQueryBuilder<T> {
  if (!prefix) return qb;
  const starts = sourceRefStartsWith(column, prefix);
  return qb.andWhere(starts.sql, starts.params);
}

/** The ids of the postings whose source reference starts with `prefix`, as a subquery for another table's `IN (…)` (the ledger's). */
export function postingIdsWithSourceRef(prefix: string): Condition {
  const starts = sourceRefStartsWith('p.source_ref', prefix);
  return { sql: `SELECT p.id FROM posting p WHERE ${starts.sql}`, params: starts.params };
}

/** Who books a posting: the request's principal, or the queue (as a system actor). */
export interface Actor {
  kind: 'user' | 'client';
  id: string;
  name: string;
}

/** A new posting; its account and place are the allocation's. */
export interface NewPosting {
  kind: PostingKind;
  amount: Fen;
  category: string | null;
  description: string | null;
  source: string;
  sourceRef: string | null;
  externalKey: string | null;
  commitmentId: string | null;
  settled: Fen;
  overrideReason: string | null;
  reversesId?: string | null;
  reason?: string | null;
  taskRef?: string | null;
  counterAllocationId?: string | null;
  who: Actor;
}

@Injectable()
export class PostingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts a posting on allocation `a`; a duplicate external key or a second reversal of a posting fails with ER_DUP_ENTRY. */
  async insert(m: EntityManager, a: AllocationEntity, r: NewPosting): Promise<string> {
    const res = await m.query(
      `INSERT INTO posting (kind, allocation_id, counter_allocation_id, fiscal_year, funder, stream, district_code, street_code, community_code,
         amount, category, description, source, source_ref, external_key, commitment_id, settled, reverses_id, reason, task_ref, override_reason,
         created_by, created_by_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))`,
      [
        r.kind, a.id, r.counterAllocationId ?? null, a.fiscalYear, a.funder, a.stream, a.districtCode, a.streetCode, a.communityCode,
        money(r.amount), r.category, r.description?.slice(0, 500) ?? null, r.source, r.sourceRef, r.externalKey, r.commitmentId, money(r.settled),
        r.reversesId ?? null, r.reason ?? null, r.taskRef ?? null, r.overrideReason, r.who.id, r.who.name,
      ],
    );
    return String(res.insertId);
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<PostingEntity | null> {
    return m.getRepository(PostingEntity).findOneBy({ id });
  }

  getById(m: EntityManager, id: string): Promise<PostingEntity> {
    return m.getRepository(PostingEntity).findOneByOrFail({ id });
  }

  /** The reversal of posting `id`, if any (a plain read). */
  findReversalOf(id: string): Promise<PostingEntity | null> {
    return this.dataSource.getRepository(PostingEntity).findOneBy({ reversesId: id });
  }

  /**
   * Whether posting `id` is reversed, as a locking (current) read: a plain read would see the snapshot
   * taken before the caller's locks were granted and miss a reversal committed meanwhile.
   */
  async lockReversalOf(m: EntityManager, id: string): Promise<boolean> {
    return !!(await one(m, 'SELECT id FROM posting WHERE reverses_id = ? FOR UPDATE', [id]));
  }

  /** The posting booked for a queue message (source:sourceRef), if any. */
  async idByExternalKey(m: EntityManager, externalKey: string): Promise<string | null> {
    const row = await one<{ id: string }>(m, 'SELECT id FROM posting WHERE external_key = ?', [externalKey]);
    return row ? String(row.id) : null;
  }

  /** The allocation a posting is booked on (unlocked: the caller locks the allocation first, then the posting). */
  async allocationIdOf(m: EntityManager, id: string): Promise<string | null> {
    const row = await one<{ allocation_id: string }>(m, 'SELECT allocation_id FROM posting WHERE id = ?', [id]);
    return row ? String(row.allocation_id) : null;
  }

  /** The posting under the exclusive lock. */
  lock(m: EntityManager, id: string): Promise<PostingEntity> {
    return m.getRepository(PostingEntity).createQueryBuilder('x').setLock('pessimistic_write').where('x.id = :id', { id }).getOneOrFail();
  }

  /** The posting an expenditure names as its commitment, locked; `released` when a reversal exists. Null: no such posting. */
  async lockCommitment(m: EntityManager, id: string): Promise<CommitmentState | null> {
    const c = await one<{ kind: PostingKind; allocation_id: string; amount: string; settled: string }>(
      m,
      'SELECT kind, allocation_id, amount, settled FROM posting WHERE id = ? FOR UPDATE',
      [id],
    );
    if (!c) return null;
    const released = !!(await one(m, 'SELECT id FROM posting WHERE reverses_id = ?', [id]));
    return { kind: c.kind, allocationId: String(c.allocation_id), amount: fromDb(c.amount), settled: fromDb(c.settled), released };
  }

  /** Records what an expenditure drew from a (locked) commitment. */
  async addSettled(m: EntityManager, commitmentId: string, draw: Fen): Promise<void> {
    await m.query('UPDATE posting SET settled = settled + ? WHERE id = ?', [money(draw), commitmentId]);
  }

  /** Keyset page by id, within the filters and the caller's scope. */
  page(p: Principal, q: PostingQueryDto & { limit: number }): Promise<KeysetPage<PostingEntity>> {
    const qb = this.dataSource.getRepository(PostingEntity).createQueryBuilder('x');
    if (q.kind) qb.andWhere('x.kind = :kind', { kind: q.kind });
    if (q.allocationId) qb.andWhere('x.allocationId = :al', { al: q.allocationId });
    whereSourceRefStarts(qb, 'x.sourceRef', q.sourceRefPrefix);
    if (q.sourceRef) qb.andWhere('x.sourceRef = :sourceRef', { sourceRef: q.sourceRef });
    return keysetPage(wherePlace(qb, 'x', q, p), { column: 'x.id', keyOf: (x) => x.id, limit: q.limit, after: q.after });
  }
}
