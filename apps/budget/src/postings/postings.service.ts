/**
 * Commitments, expenditures, refunds, reversals and transfers. Every posting locks the allocation rows it
 * touches (SELECT … FOR UPDATE, ascending id), checks the year is open and the money is there,
 * then writes the posting, its ledger entries, the new running balance and the audit row in one
 * transaction. Nothing is edited or deleted: a mistake is undone by a reversal. The rules are in
 * @cws/budget-core; the SQL in the repositories.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  assertSameAccount,
  assertTransferEnds,
  assertYearOpen,
  drawOnCommitment,
  planBooking,
  planRefund,
  planTransfer,
  reversalOf,
  type BookingKind,
  type Deltas,
} from '@cws/budget-core';
import { conflict, DomainError, notFound, type Fen, type Principal } from '@cws/kernel';
import { assertVisible, AuditService, visibleRow } from '@cws/platform';
import { isDuplicateKey } from '@cws/persistence';
import type { AllocationEntity } from '../allocations/allocation.entity';
import { AllocationRepository, allocationState, ledgerAccountOf } from '../allocations/allocation.repository';
import { balanceOf } from '../allocations/allocation.view';
import { canOverride } from '../common/access';
import { pageInScope } from '../common/list-page';
import { fromDb, parsePositiveAmount } from '../common/money';
import { FiscalYearRepository } from '../fiscal-years/fiscal-year.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LedgerEntryRepository } from '../ledger/ledger-entry.repository';
import { POSTING_REVERSES_KEY, PostingRepository, type Actor, type NewPosting } from './posting.repository';
import { toPostingView, type PostingView } from './posting.view';
import type { CreateExpenditureDto, CreatePostingDto, PostingQueryDto, ReversalDto, TransferDto } from './postings.dto';

export type { Actor } from './posting.repository';
export type { PostingView } from './posting.view';

export interface BookInput {
  kind: BookingKind;
  amount: Fen;
  category: string;
  description: string;
  source: string;
  sourceRef: string | null;
  externalKey?: string | null;
  commitmentId?: string | null;
  overrideReason?: string | null;
}

@Injectable()
export class PostingsService {
  constructor(
    private readonly allocations: AllocationRepository,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerEntryRepository,
    private readonly postings: PostingRepository,
    private readonly years: FiscalYearRepository,
  ) {}

  list(p: Principal, q: PostingQueryDto) {
    return pageInScope(p, q, (f) => this.postings.page(p, f), toPostingView);
  }

  async get(p: Principal, id: string) {
    const row = visibleRow(p, await this.postings.findById(id), 'posting', id);
    const reversal = await this.postings.findReversalOf(id);
    return { ...toPostingView(row), reversedBy: reversal?.id ?? null };
  }

  commit(p: Principal, allocationId: string, dto: CreatePostingDto, key: string | undefined): Promise<PostingView> {
    return this.post(p, allocationId, 'COMMITMENT', dto, key);
  }

  expend(p: Principal, allocationId: string, dto: CreateExpenditureDto, key: string | undefined): Promise<PostingView> {
    return this.post(p, allocationId, 'EXPENDITURE', dto, key);
  }

  /** Locks allocations (ascending id) that must lie in the caller's scope (404 otherwise). */
  lockVisible(m: EntityManager, p: Principal, ids: string[]): Promise<Map<string, AllocationEntity>> {
    return this.allocations.lockInIdOrder(m, ids, (a) => assertVisible(p, a.districtCode, a.streetCode, 'allocation', a.id));
  }

  private async post(p: Principal, allocationId: string, kind: BookingKind, dto: CreateExpenditureDto, key: string | undefined): Promise<PostingView> {
    const amount = parsePositiveAmount(dto.amount);
    if (dto.override && !canOverride(p)) {
      throw new DomainError('FORBIDDEN', 'OVERRIDE_NOT_PERMITTED', 'Only a CITY_ADMIN user or a client with budget:override may override an overspend', [
        { path: 'override', issue: 'not permitted for you' },
      ]);
    }
    const route = `POST /v1/allocations/${allocationId}/${kind === 'COMMITMENT' ? 'commitments' : 'expenditures'}`;
    return this.idempotency.execute(p, key, route, dto, async (m) => {
      const alloc = (await this.lockVisible(m, p, [allocationId])).get(allocationId)!;
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
    assertYearOpen(alloc.fiscalYear, await this.years.shareLockStatus(m, alloc.fiscalYear));
    const commitmentId = input.commitmentId ?? null;
    const draw = input.kind === 'EXPENDITURE' && commitmentId
      ? drawOnCommitment(commitmentId, await this.postings.lockCommitment(m, commitmentId), alloc.id, input.amount)
      : 0n;
    const plan = planBooking(allocationState(alloc), input, draw);
    const { postingId, ledgerId } = await this.writeOn(m, alloc, {
      kind: input.kind, amount: input.amount, category: input.category, description: input.description, source: input.source,
      sourceRef: input.sourceRef, externalKey: input.externalKey ?? null, commitmentId, settled: draw, overrideReason: plan.overrideReason, who,
    }, plan.deltas);
    if (commitmentId && draw > 0n) await this.postings.addSettled(m, commitmentId, draw);
    const view = await this.viewAfter(m, postingId, [ledgerId], alloc.id);
    await this.audit.record(m, {
      entity: 'posting', entityId: postingId, action: plan.overrideReason ? `${input.kind}_OVERRIDE` : input.kind, after: view,
      districtCode: alloc.districtCode, streetCode: alloc.streetCode,
    }, { kind: who.kind, id: who.id, name: who.name });
    return view;
  }

  /**
   * Books a refund (a source's negative cost, e.g. a payroll correction that lowers pay) on a locked
   * allocation: a REFUND posting of the positive amount and a ledger entry with spent −amount.
   * Refused (409 REFUND_EXCEEDS_SPENT) when it would take spent below zero. Used by the queue.
   */
  async refund(m: EntityManager, alloc: AllocationEntity, input: Omit<BookInput, 'kind' | 'commitmentId' | 'overrideReason'>, who: Actor): Promise<PostingView> {
    assertYearOpen(alloc.fiscalYear, await this.years.shareLockStatus(m, alloc.fiscalYear));
    const d = planRefund(allocationState(alloc), input.amount);
    const { postingId, ledgerId } = await this.writeOn(m, alloc, {
      kind: 'REFUND', amount: input.amount, category: input.category, description: input.description, source: input.source,
      sourceRef: input.sourceRef, externalKey: input.externalKey ?? null, commitmentId: null, settled: 0n, overrideReason: null, who,
    }, d);
    const view = await this.viewAfter(m, postingId, [ledgerId], alloc.id);
    await this.audit.record(m, { entity: 'posting', entityId: postingId, action: 'REFUND', after: view, districtCode: alloc.districtCode, streetCode: alloc.streetCode }, { kind: who.kind, id: who.id, name: who.name });
    return view;
  }

  async reverse(p: Principal, postingId: string, dto: ReversalDto, key: string | undefined): Promise<PostingView> {
    return this.idempotency.execute(p, key, `POST /v1/postings/${postingId}/reversal`, dto, async (m) => {
      const allocationId = await this.postings.allocationIdOf(m, postingId);
      if (!allocationId) throw notFound('posting', postingId);
      const alloc = (await this.lockVisible(m, p, [allocationId])).get(allocationId)!;
      const orig = await this.postings.lock(m, postingId);
      const reversal = reversalOf({ kind: orig.kind, amount: fromDb(orig.amount), settled: fromDb(orig.settled) });
      const alreadyReversed = () => conflict('ALREADY_REVERSED', `Posting ${postingId} is already reversed`);
      if (await this.postings.lockReversalOf(m, postingId)) throw alreadyReversed();
      assertYearOpen(alloc.fiscalYear, await this.years.shareLockStatus(m, alloc.fiscalYear));
      const { postingId: id, ledgerId } = await this.writeOn(m, alloc, {
        kind: 'REVERSAL', amount: reversal.amount, category: orig.category, description: dto.reason, source: orig.source, sourceRef: orig.sourceRef,
        externalKey: null, commitmentId: null, settled: 0n, overrideReason: null, reversesId: postingId, reason: dto.reason, who: p,
      }, reversal.deltas, `reverses ${postingId}: ${dto.reason}`).catch((e: unknown) => {
        // uq_posting_reverses: reversed meanwhile (the last line of defence); another unique key's refusal is no double reversal and propagates
        if (isDuplicateKey(e, POSTING_REVERSES_KEY)) throw alreadyReversed();
        throw e;
      });
      const view = await this.viewAfter(m, id, [ledgerId], alloc.id);
      await this.audit.record(m, { entity: 'posting', entityId: postingId, action: 'REVERSE', before: toPostingView(orig), after: view, districtCode: alloc.districtCode, streetCode: alloc.streetCode });
      return view;
    });
  }

  /** 费随事转: allocated money follows a task from one allocation to another (other community and/or stream). */
  async transfer(p: Principal, dto: TransferDto, key: string | undefined): Promise<PostingView> {
    const amount = parsePositiveAmount(dto.amount);
    assertTransferEnds(dto.fromAllocationId, dto.toAllocationId);
    return this.idempotency.execute(p, key, 'POST /v1/transfers', dto, async (m) => {
      const locked = await this.lockVisible(m, p, [dto.fromAllocationId, dto.toAllocationId]);
      const from = locked.get(dto.fromAllocationId)!;
      const to = locked.get(dto.toAllocationId)!;
      assertSameAccount(allocationState(from), allocationState(to));
      assertYearOpen(from.fiscalYear, await this.years.shareLockStatus(m, from.fiscalYear));
      const plan = planTransfer(allocationState(from), amount);
      const id = await this.postings.insert(m, from, {
        kind: 'TRANSFER', amount, category: 'TRANSFER', description: dto.reason, source: 'MANUAL', sourceRef: dto.taskRef, externalKey: null,
        commitmentId: null, settled: 0n, overrideReason: null, reason: dto.reason, taskRef: dto.taskRef, counterAllocationId: to.id, who: p,
      });
      const memo = `${dto.taskRef}: ${dto.reason}`;
      const out = await this.ledger.insert(m, { ...ledgerAccountOf(from), ...plan.from, entryType: 'TRANSFER_OUT', allocationId: from.id, postingId: id, memo, createdBy: p.id });
      const inn = await this.ledger.insert(m, { ...ledgerAccountOf(to), ...plan.to, entryType: 'TRANSFER_IN', allocationId: to.id, postingId: id, memo, createdBy: p.id });
      await this.allocations.applyDeltas(m, from.id, plan.from);
      await this.allocations.applyDeltas(m, to.id, plan.to);
      const view = await this.viewAfter(m, id, [out, inn], from.id);
      // One row naming both ends, located where both lie: across districts that is the city alone
      // (a district must not read the other district's allocation and balance from its audit log).
      await this.audit.record(m, { entity: 'posting', entityId: id, action: 'TRANSFER', after: view, places: [from, to] });
      return view;
    });
  }

  /**
   * A booking, refund or reversal on one locked allocation: the posting, its ledger entry (of the posting's kind;
   * memo: the posting's description unless given) and the new running balance. A transfer touches two allocations and writes its own.
   */
  private async writeOn(
    m: EntityManager,
    alloc: AllocationEntity,
    posting: NewPosting & { kind: 'COMMITMENT' | 'EXPENDITURE' | 'REFUND' | 'REVERSAL' },
    d: Deltas,
    memo: string | null = posting.description,
  ): Promise<{ postingId: string; ledgerId: string }> {
    const postingId = await this.postings.insert(m, alloc, posting);
    const ledgerId = await this.ledger.insert(m, {
      ...ledgerAccountOf(alloc), ...d, entryType: posting.kind, allocationId: alloc.id, postingId, memo, createdBy: posting.who.id,
    });
    await this.allocations.applyDeltas(m, alloc.id, d);
    return { postingId, ledgerId };
  }

  private async viewAfter(m: EntityManager, postingId: string, ledgerEntryIds: string[], allocationId: string): Promise<PostingView> {
    const posting = await this.postings.getById(m, postingId);
    const alloc = await this.allocations.getById(m, allocationId);
    return { ...toPostingView(posting), ledgerEntryIds, balanceAfter: balanceOf(alloc) };
  }
}
