/** Allocations: part of an enacted appropriation given to a street or community, never more than is unallocated. */
import { Injectable } from '@nestjs/common';
import { assertAllocatableTo, assertUnallocated, assertYearOpen } from '@cws/budget-core';
import { notFound, scopeCovers, type Principal } from '@cws/kernel';
import { actor, AuditService, visibleRow } from '@cws/platform';
import { AppropriationRepository, appropriationState } from '../appropriations/appropriation.repository';
import { placeOf } from '../common/access';
import { pageInScope } from '../common/list-page';
import { parsePositiveAmount } from '../common/money';
import { FiscalYearRepository } from '../fiscal-years/fiscal-year.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LedgerEntryRepository } from '../ledger/ledger-entry.repository';
import { AllocationRepository } from './allocation.repository';
import { toAllocationView, type AllocationView } from './allocation.view';
import type { AllocationQueryDto, CreateAllocationDto } from './allocations.dto';

@Injectable()
export class AllocationsService {
  constructor(
    private readonly allocations: AllocationRepository,
    private readonly appropriations: AppropriationRepository,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerEntryRepository,
    private readonly years: FiscalYearRepository,
  ) {}

  list(p: Principal, q: AllocationQueryDto): Promise<{ items: AllocationView[]; nextAfter: string | null }> {
    return pageInScope(p, q, (f) => this.allocations.page(p, f), toAllocationView);
  }

  async get(p: Principal, id: string): Promise<AllocationView> {
    return toAllocationView(visibleRow(p, await this.allocations.findById(id), 'allocation', id));
  }

  async create(p: Principal, dto: CreateAllocationDto, key: string | undefined): Promise<AllocationView> {
    const amount = parsePositiveAmount(dto.amount);
    const place = placeOf(dto.streetCode, dto.communityCode);
    if (!scopeCovers(p.scope, place.districtCode, place.streetCode)) throw notFound(place.communityCode ? 'community' : 'street', place.communityCode ?? place.streetCode);
    return this.idempotency.execute(p, key, 'POST /v1/allocations', dto, async (m) => {
      const ap = visibleRow(p, await this.appropriations.lock(m, dto.appropriationId), 'appropriation', dto.appropriationId);
      const state = appropriationState(ap);
      assertAllocatableTo(state, place.districtCode);
      assertYearOpen(ap.fiscalYear, await this.years.shareLockStatus(m, ap.fiscalYear));
      assertUnallocated(state, amount);
      await this.appropriations.addAllocated(m, ap.id, amount);
      const id = await this.allocations.insert(m, {
        appropriationId: ap.id, fiscalYear: ap.fiscalYear, funder: ap.funder, stream: ap.stream, ...place, targetName: dto.targetName ?? null,
        amount, note: dto.note ?? null, createdBy: actor(p),
      });
      await this.ledger.insert(m, {
        fiscalYear: ap.fiscalYear, funder: ap.funder, stream: ap.stream, ...place, entryType: 'ALLOCATION',
        appropriationId: ap.id, allocationId: id, allocated: amount, memo: dto.note ?? null, createdBy: p.id,
      });
      const view = toAllocationView(await this.allocations.getById(m, id));
      await this.audit.record(m, { entity: 'allocation', entityId: id, action: 'CREATE', after: view, districtCode: place.districtCode, streetCode: place.streetCode });
      return view;
    });
  }
}
