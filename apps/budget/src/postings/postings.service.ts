/**
 * Commitments, expenditures, reversals and transfers. Every posting locks the allocation rows it
 * touches (SELECT … FOR UPDATE, ascending id), checks the year is open and the money is there,
 * then writes the posting, its ledger entries, the new running balance and the audit row in one
 * transaction. Nothing is edited or deleted: a mistake is undone by a reversal.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, DomainError, minFen, notFound, type Fen, type Principal } from '@cws/kernel';
import { AuditService } from '@cws/platform';
import { AllocationEntity } from '../allocations/allocation.entity';
import { availableOf, lockAllocations } from '../allocations/allocations.service';
import { assertFilterInScope, assertVisible, canOverride } from '../common/access';
import { fromDb, money, parsePositiveAmount } from '../common/money';
import { wherePlace } from '../common/place-query';
import { isDuplicateKey, one } from '../common/tx';
import { assertYearOpen } from '../fiscal-years/fiscal-years.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LedgerService, type NewLedgerEntry } from '../ledger/ledger.service';
import { PostingEntity } from './posting.entity';
import type { CreateExpenditureDto, CreatePostingDto, PostingQueryDto, ReversalDto, TransferDto } from './postings.dto';

export interface BookInput {
  kind: 'COMMITMENT' | 'EXPENDITURE';
  amount: Fen;
  category: string;
  description: string;
  source: string;
  sourceRef: string | null;
  externalKey?: string | null;
  commitmentId?: string | null;
  overrideReason?: string | null;
}

/** Who books a posting: the request's principal, or the queue (as a system actor). */
export interface Actor {
  kind: 'user' | 'client';
  id: string;
  name: string;
}

export type PostingView = ReturnType<typeof toPostingView> & { ledgerEntryIds: string[]; balanceAfter: ReturnType<typeof balanceOf> };

@Injectable()
export class PostingsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerService,
  ) {}

  async list(p: Principal, q: PostingQueryDto) {
    assertFilterInScope(p, q);
    const limit = q.limit ?? 100;
    const qb = this.dataSource.getRepository(PostingEntity).createQueryBuilder('x').orderBy('x.id', 'ASC').take(limit + 1);
    if (q.kind) qb.andWhere('x.kind = :kind', { kind: q.kind });
    if (q.allocationId) qb.andWhere('x.allocationId = :al', { al: q.allocationId });
    if (q.after) qb.andWhere('x.id > :after', { after: q.after });
    const rows = await wherePlace(qb, 'x', q, p).getMany();
    const items = rows.slice(0, limit).map(toPostingView);
    return { items, nextAfter: rows.length > limit ? items[items.length - 1].id : null };
  }

  async get(p: Principal, id: string) {
    const row = await this.dataSource.getRepository(PostingEntity).findOneBy({ id });
    if (!row) throw notFound('posting', id);
    assertVisible(p, row.districtCode, row.streetCode, 'posting', id);
    const reversal = await this.dataSource.getRepository(PostingEntity).findOneBy({ reversesId: id });
    return { ...toPostingView(row), reversedBy: reversal?.id ?? null };
  }

  commit(p: Principal, allocationId: string, dto: CreatePostingDto, key: string | undefined): Promise<PostingView> {
    return this.post(p, allocationId, 'COMMITMENT', dto, key);
  }

  expend(p: Principal, allocationId: string, dto: CreateExpenditureDto, key: string | undefined): Promise<PostingView> {
    return this.post(p, allocationId, 'EXPENDITURE', dto, key);
  }

  private async post(p: Principal, allocationId: string, kind: BookInput['kind'], dto: CreateExpenditureDto, key: string | undefined): Promise<PostingView> {
    const amount = parsePositiveAmount(dto.amount);
    if (dto.override && !canOverride(p)) {
      throw new DomainError('FORBIDDEN', 'OVERRIDE_NOT_PERMITTED', 'Only a CITY_ADMIN user or a client with budget:override may override an overspend', [
        { path: 'override', issue: 'not permitted for you' },
      ]);
    }
    const route = `POST /v1/allocations/${allocationId}/${kind === 'COMMITMENT' ? 'commitments' : 'expenditures'}`;
    return this.idempotency.execute(p, key, route, dto, async (m) => {
      const alloc = (await lockAllocations(m, p, [allocationId])).get(allocationId)!;
      return this.book(m, alloc, {
        kind,
        amount,
        category: dto.category,
        description: dto.description,
        source: dto.source,
        sourceRef: dto.sourceRef ?? null,
        commitmentId: dto.commitmentId ?? null,
        overrideReason: dto.override?.reason ?? null,
      }, p);
    });
  }

  /**
   * Books a commitment or expenditure on a locked allocation. Used by the API and the queue.
   * An expenditure against a commitment draws on the commitment first; only the rest needs
   * available money.
   */
  async book(m: EntityManager, alloc: AllocationEntity, input: BookInput, who: Actor): Promise<PostingView> {
    await assertYearOpen(m, alloc.fiscalYear);
    let draw = 0n;
    if (input.kind === 'EXPENDITURE' && input.commitmentId) {
      const c = await one<{ kind: string; allocation_id: string; amount: string; settled: string }>(
        m,
        'SELECT kind, allocation_id, amount, settled FROM posting WHERE id = ? FOR UPDATE',
        [input.commitmentId],
      );
      if (!c || c.kind !== 'COMMITMENT' || String(c.allocation_id) !== alloc.id) {
        throw new DomainError('VALIDATION', 'COMMITMENT_MISMATCH', `Commitment ${input.commitmentId} is not a commitment on allocation ${alloc.id}`, [
          { path: 'commitmentId', issue: 'is not a commitment on this allocation' },
        ]);
      }
      if (await one(m, 'SELECT id FROM posting WHERE reverses_id = ?', [input.commitmentId])) {
        throw conflict('COMMITMENT_RELEASED', `Commitment ${input.commitmentId} was released`);
      }
      draw = minFen(fromDb(c.amount) - fromDb(c.settled), input.amount);
    }
    const need = input.amount - draw;
    const available = availableOf(alloc);
    let overrideReason: string | null = null;
    if (need > available) {
      if (!input.overrideReason) {
        throw conflict('INSUFFICIENT_FUNDS', `Only ${money(available)} is available on allocation ${alloc.id}; ${money(input.amount)} was requested`, {
          available: money(available),
          requested: money(input.amount),
          allocationId: alloc.id,
        });
      }
      overrideReason = input.overrideReason;
    }
    const dCommitted = input.kind === 'COMMITMENT' ? input.amount : -draw;
    const dSpent = input.kind === 'EXPENDITURE' ? input.amount : 0n;
    const postingId = await insertPosting(m, alloc, {
      kind: input.kind, amount: input.amount, category: input.category, description: input.description, source: input.source,
      sourceRef: input.sourceRef, externalKey: input.externalKey ?? null, commitmentId: input.commitmentId ?? null, settled: draw,
      overrideReason, who,
    });
    const ledgerId = await this.ledger.append(m, {
      ...accountOf(alloc), entryType: input.kind, allocationId: alloc.id, postingId, committed: dCommitted, spent: dSpent,
      memo: input.description, createdBy: who.id,
    });
    await m.query('UPDATE allocation SET committed = committed + ?, spent = spent + ? WHERE id = ?', [money(dCommitted), money(dSpent), alloc.id]);
    if (draw > 0n) await m.query('UPDATE posting SET settled = settled + ? WHERE id = ?', [money(draw), input.commitmentId]);
    const view = await this.viewAfter(m, postingId, [ledgerId], alloc.id);
    await this.audit.record(m, {
      entity: 'posting', entityId: postingId, action: overrideReason ? `${input.kind}_OVERRIDE` : input.kind, after: view,
      districtCode: alloc.districtCode, streetCode: alloc.streetCode,
    }, actorOf(who));
    return view;
  }

  async reverse(p: Principal, postingId: string, dto: ReversalDto, key: string | undefined): Promise<PostingView> {
    return this.idempotency.execute(p, key, `POST /v1/postings/${postingId}/reversal`, dto, async (m) => {
      const head = await one<{ allocation_id: string }>(m, 'SELECT allocation_id FROM posting WHERE id = ?', [postingId]);
      if (!head) throw notFound('posting', postingId);
      const alloc = (await lockAllocations(m, p, [String(head.allocation_id)])).get(String(head.allocation_id))!;
      const orig = await m.getRepository(PostingEntity).createQueryBuilder('x').setLock('pessimistic_write').where('x.id = :id', { id: postingId }).getOneOrFail();
      if (orig.kind !== 'COMMITMENT' && orig.kind !== 'EXPENDITURE') {
        throw conflict('NOT_REVERSIBLE', `A ${orig.kind.toLowerCase()} cannot be reversed; post an opposite transfer instead`);
      }
      // A locking (current) read: a plain read would see the snapshot taken before the locks were
      // granted, miss a reversal committed meanwhile, and the INSERT would then hit uq_posting_reverses.
      const alreadyReversed = () => conflict('ALREADY_REVERSED', `Posting ${postingId} is already reversed`);
      if (await one(m, 'SELECT id FROM posting WHERE reverses_id = ? FOR UPDATE', [postingId])) throw alreadyReversed();
      await assertYearOpen(m, alloc.fiscalYear);
      // A commitment releases what is still unspent; an expenditure returns its whole amount to available.
      const amount = orig.kind === 'COMMITMENT' ? fromDb(orig.amount) - fromDb(orig.settled) : fromDb(orig.amount);
      const dCommitted = orig.kind === 'COMMITMENT' ? -amount : 0n;
      const dSpent = orig.kind === 'EXPENDITURE' ? -amount : 0n;
      const id = await insertPosting(m, alloc, {
        kind: 'REVERSAL', amount, category: orig.category, description: dto.reason, source: orig.source, sourceRef: orig.sourceRef,
        externalKey: null, commitmentId: null, settled: 0n, overrideReason: null, reversesId: postingId, reason: dto.reason, who: p,
      }).catch((e: unknown) => {
        if (isDuplicateKey(e)) throw alreadyReversed(); // uq_posting_reverses: the last line of defence
        throw e;
      });
      const ledgerId = await this.ledger.append(m, {
        ...accountOf(alloc), entryType: 'REVERSAL', allocationId: alloc.id, postingId: id, committed: dCommitted, spent: dSpent,
        memo: `reverses ${postingId}: ${dto.reason}`, createdBy: p.id,
      });
      await m.query('UPDATE allocation SET committed = committed + ?, spent = spent + ? WHERE id = ?', [money(dCommitted), money(dSpent), alloc.id]);
      const view = await this.viewAfter(m, id, [ledgerId], alloc.id);
      await this.audit.record(m, { entity: 'posting', entityId: postingId, action: 'REVERSE', before: toPostingView(orig), after: view, districtCode: alloc.districtCode, streetCode: alloc.streetCode });
      return view;
    });
  }

  /** 费随事转: allocated money follows a task from one allocation to another (other community and/or stream). */
  async transfer(p: Principal, dto: TransferDto, key: string | undefined): Promise<PostingView> {
    const amount = parsePositiveAmount(dto.amount);
    if (dto.fromAllocationId === dto.toAllocationId) {
      throw new DomainError('VALIDATION', 'TRANSFER_TO_SELF', 'A transfer needs two different allocations', [{ path: 'toAllocationId', issue: 'must differ from fromAllocationId' }]);
    }
    return this.idempotency.execute(p, key, 'POST /v1/transfers', dto, async (m) => {
      const locked = await lockAllocations(m, p, [dto.fromAllocationId, dto.toAllocationId]);
      const from = locked.get(dto.fromAllocationId)!;
      const to = locked.get(dto.toAllocationId)!;
      if (from.fiscalYear !== to.fiscalYear || from.funder !== to.funder) {
        throw new DomainError('VALIDATION', 'TRANSFER_ACROSS_FUNDERS', 'Transfers stay within one fiscal year and one funder', [
          { path: 'toAllocationId', issue: `must be a ${from.fiscalYear} allocation of funder ${from.funder}` },
        ]);
      }
      await assertYearOpen(m, from.fiscalYear);
      const available = availableOf(from);
      if (amount > available) {
        throw conflict('INSUFFICIENT_FUNDS', `Only ${money(available)} is available on allocation ${from.id}`, {
          available: money(available), requested: money(amount), allocationId: from.id,
        });
      }
      const id = await insertPosting(m, from, {
        kind: 'TRANSFER', amount, category: 'TRANSFER', description: dto.reason, source: 'MANUAL', sourceRef: dto.taskRef, externalKey: null,
        commitmentId: null, settled: 0n, overrideReason: null, reason: dto.reason, taskRef: dto.taskRef, counterAllocationId: to.id, who: p,
      });
      const memo = `${dto.taskRef}: ${dto.reason}`;
      const out = await this.ledger.append(m, { ...accountOf(from), entryType: 'TRANSFER_OUT', allocationId: from.id, postingId: id, allocated: -amount, memo, createdBy: p.id });
      const inn = await this.ledger.append(m, { ...accountOf(to), entryType: 'TRANSFER_IN', allocationId: to.id, postingId: id, allocated: amount, memo, createdBy: p.id });
      await m.query('UPDATE allocation SET amount = amount - ? WHERE id = ?', [money(amount), from.id]);
      await m.query('UPDATE allocation SET amount = amount + ? WHERE id = ?', [money(amount), to.id]);
      const view = await this.viewAfter(m, id, [out, inn], from.id);
      // One row naming both ends, located where both lie: across districts that is the city alone
      // (a district must not read the other district's allocation and balance from its audit log).
      await this.audit.record(m, { entity: 'posting', entityId: id, action: 'TRANSFER', after: view, places: [from, to] });
      return view;
    });
  }

  private async viewAfter(m: EntityManager, postingId: string, ledgerEntryIds: string[], allocationId: string): Promise<PostingView> {
    const posting = await m.getRepository(PostingEntity).findOneByOrFail({ id: postingId });
    const alloc = await m.getRepository(AllocationEntity).findOneByOrFail({ id: allocationId });
    return { ...toPostingView(posting), ledgerEntryIds, balanceAfter: balanceOf(alloc) };
  }
}

interface PostingRow {
  kind: string;
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

async function insertPosting(m: EntityManager, a: AllocationEntity, r: PostingRow): Promise<string> {
  const res = await m.query(
    `INSERT INTO posting (kind, allocation_id, counter_allocation_id, fiscal_year, funder, stream, district_code, street_code, community_code,
       amount, category, description, source, source_ref, external_key, commitment_id, settled, reverses_id, reason, task_ref, override_reason,
       created_by, created_by_name, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))`,
    [
      r.kind, a.id, r.counterAllocationId ?? null, a.fiscalYear, a.funder, a.stream, a.districtCode, a.streetCode, a.communityCode,
      money(r.amount), r.category, r.description?.slice(0, 500) ?? null, r.source, r.sourceRef, r.externalKey, r.commitmentId, money(r.settled),
      r.reversesId ?? null, r.reason ?? null, r.taskRef ?? null, r.overrideReason, r.who.id, r.who.name,
    ],
  );
  return String(res.insertId);
}

function accountOf(a: AllocationEntity): Pick<NewLedgerEntry, 'fiscalYear' | 'funder' | 'stream' | 'districtCode' | 'streetCode' | 'communityCode'> {
  return { fiscalYear: a.fiscalYear, funder: a.funder, stream: a.stream, districtCode: a.districtCode, streetCode: a.streetCode, communityCode: a.communityCode };
}

function actorOf(who: Actor): Actor {
  return { kind: who.kind, id: who.id, name: who.name };
}

export function balanceOf(a: AllocationEntity) {
  return { amount: money(fromDb(a.amount)), committed: money(fromDb(a.committed)), spent: money(fromDb(a.spent)), available: money(availableOf(a)) };
}

export function toPostingView(x: PostingEntity) {
  return {
    id: x.id,
    kind: x.kind,
    allocationId: x.allocationId,
    counterAllocationId: x.counterAllocationId,
    fiscalYear: x.fiscalYear,
    funder: x.funder,
    stream: x.stream,
    districtCode: x.districtCode,
    streetCode: x.streetCode,
    communityCode: x.communityCode,
    amount: money(fromDb(x.amount)),
    category: x.category,
    description: x.description,
    source: x.source,
    sourceRef: x.sourceRef,
    commitmentId: x.commitmentId,
    settled: money(fromDb(x.settled)),
    reversesId: x.reversesId,
    reason: x.reason,
    taskRef: x.taskRef,
    overrideReason: x.overrideReason,
    createdBy: x.createdBy,
    createdByName: x.createdByName,
    createdAt: x.createdAt.toISOString(),
  };
}
