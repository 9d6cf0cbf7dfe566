/**
 * Appropriations: created as DRAFT by one person, enacted by another (four-eyes). Enactment is the
 * money movement: it appends the APPROPRIATION ledger entry.
 */
import { Injectable } from '@nestjs/common';
import { assertEnactable, assertYearOpen } from '@cws/budget-core';
import { notFound, type Principal } from '@cws/kernel';
import { actor, AuditService, visibleRow } from '@cws/platform';
import { pageInScope } from '../common/list-page';
import { fromDb, parsePositiveAmount } from '../common/money';
import { FiscalYearRepository } from '../fiscal-years/fiscal-year.repository';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LedgerEntryRepository } from '../ledger/ledger-entry.repository';
import { AppropriationRepository } from './appropriation.repository';
import { toAppropriationView, type AppropriationView } from './appropriation.view';
import type { AppropriationQueryDto, CreateAppropriationDto } from './appropriations.dto';

@Injectable()
export class AppropriationsService {
  constructor(
    private readonly appropriations: AppropriationRepository,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerEntryRepository,
    private readonly years: FiscalYearRepository,
  ) {}

  list(p: Principal, q: AppropriationQueryDto): Promise<{ items: AppropriationView[]; nextAfter: string | null }> {
    return pageInScope(p, q, (f) => this.appropriations.page(p, f), toAppropriationView);
  }

  async get(p: Principal, id: string): Promise<AppropriationView> {
    return toAppropriationView(visibleRow(p, await this.appropriations.findById(id), 'appropriation', id));
  }

  async create(p: Principal, dto: CreateAppropriationDto, key: string | undefined): Promise<AppropriationView> {
    const amount = parsePositiveAmount(dto.amount);
    const districtCode = dto.funder === 'CITY' ? null : dto.funder;
    // A district may only appropriate its own money; the city only city money.
    if (p.scope.level !== 'CITY' && (districtCode === null || p.scope.level !== 'DISTRICT' || p.scope.district !== districtCode)) {
      throw notFound('funder', dto.funder);
    }
    return this.idempotency.execute(p, key, 'POST /v1/appropriations', dto, async (m) => {
      assertYearOpen(dto.fiscalYear, await this.years.shareLockStatus(m, dto.fiscalYear));
      const id = await this.appropriations.insert(m, {
        fiscalYear: dto.fiscalYear, funder: dto.funder, stream: dto.stream, kind: dto.kind, amount, documentNo: dto.documentNo,
        documentDate: dto.documentDate, note: dto.note ?? null, createdBy: actor(p),
      });
      const view = toAppropriationView(await this.appropriations.getById(m, id));
      await this.audit.record(m, { entity: 'appropriation', entityId: id, action: 'CREATE', after: view, districtCode });
      return view;
    });
  }

  /** Four-eyes: the enacting approver must not be the creator. */
  async enact(p: Principal, id: string, key: string | undefined): Promise<AppropriationView> {
    return this.idempotency.execute(p, key, `POST /v1/appropriations/${id}/enact`, {}, async (m) => {
      const row = visibleRow(p, await this.appropriations.lock(m, id), 'appropriation', id);
      assertEnactable(row, p.id);
      assertYearOpen(row.fiscalYear, await this.years.shareLockStatus(m, row.fiscalYear));
      await this.appropriations.markEnacted(m, id, actor(p));
      const after = await this.appropriations.getById(m, id);
      await this.ledger.insert(m, {
        fiscalYear: after.fiscalYear, funder: after.funder, stream: after.stream, districtCode: after.districtCode, streetCode: null,
        communityCode: null, entryType: 'APPROPRIATION', appropriationId: id, appropriated: fromDb(after.amount),
        memo: `${after.kind} ${after.documentNo}`, createdBy: p.id,
      });
      const view = toAppropriationView(after);
      await this.audit.record(m, { entity: 'appropriation', entityId: id, action: 'ENACT', before: { status: 'DRAFT' }, after: view, districtCode: after.districtCode });
      return view;
    });
  }
}
