/**
 * Appropriations: created as DRAFT by one person, enacted by another (four-eyes). Enactment is the
 * money movement: it appends the APPROPRIATION ledger entry.
 */
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict, DomainError, notFound, type Principal } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import { assertVisible, AuditService } from '@cws/platform';
import { assertFilterInScope } from '../common/access';
import { fromDb, money, parsePositiveAmount } from '../common/money';
import { one } from '../common/tx';
import { assertYearOpen } from '../fiscal-years/fiscal-years.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LedgerService } from '../ledger/ledger.service';
import { AppropriationEntity } from './appropriation.entity';
import type { AppropriationQueryDto, CreateAppropriationDto } from './appropriations.dto';

export type AppropriationView = ReturnType<typeof toAppropriationView>;

@Injectable()
export class AppropriationsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerService,
  ) {}

  async list(p: Principal, q: AppropriationQueryDto): Promise<{ items: AppropriationView[]; nextAfter: string | null }> {
    assertFilterInScope(p, q);
    const limit = q.limit ?? 100;
    const qb = this.dataSource.getRepository(AppropriationEntity).createQueryBuilder('a').orderBy('a.id', 'ASC').take(limit + 1);
    if (q.fiscalYear) qb.andWhere('a.fiscalYear = :fy', { fy: q.fiscalYear });
    if (q.funder) qb.andWhere('a.funder = :funder', { funder: q.funder });
    if (q.stream) qb.andWhere('a.stream = :stream', { stream: q.stream });
    if (q.district) qb.andWhere('a.districtCode = :district', { district: q.district });
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.after) qb.andWhere('a.id > :after', { after: q.after });
    const rows = await applyScope(qb, p.scope, { district: 'a.districtCode' }).getMany();
    const items = rows.slice(0, limit).map(toAppropriationView);
    return { items, nextAfter: rows.length > limit ? items[items.length - 1].id : null };
  }

  async get(p: Principal, id: string): Promise<AppropriationView> {
    const row = await this.dataSource.getRepository(AppropriationEntity).findOneBy({ id });
    if (!row) throw notFound('appropriation', id);
    assertVisible(p, row.districtCode, null, 'appropriation', id);
    return toAppropriationView(row);
  }

  async create(p: Principal, dto: CreateAppropriationDto, key: string | undefined): Promise<AppropriationView> {
    const amount = parsePositiveAmount(dto.amount);
    const districtCode = dto.funder === 'CITY' ? null : dto.funder;
    // A district may only appropriate its own money; the city only city money.
    if (p.scope.level !== 'CITY' && (districtCode === null || p.scope.level !== 'DISTRICT' || p.scope.district !== districtCode)) {
      throw notFound('funder', dto.funder);
    }
    return this.idempotency.execute(p, key, 'POST /v1/appropriations', dto, async (m) => {
      await assertYearOpen(m, dto.fiscalYear);
      const res = await m.query(
        `INSERT INTO appropriation (fiscal_year, funder, district_code, stream, kind, amount, allocated, document_no, document_date, note,
           status, created_by, created_by_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, 0.00, ?, ?, ?, 'DRAFT', ?, ?, NOW(3))`,
        [dto.fiscalYear, dto.funder, districtCode, dto.stream, dto.kind, money(amount), dto.documentNo, dto.documentDate, dto.note ?? null, p.id, p.name],
      );
      const row = await m.getRepository(AppropriationEntity).findOneByOrFail({ id: String(res.insertId) });
      const view = toAppropriationView(row);
      await this.audit.record(m, { entity: 'appropriation', entityId: row.id, action: 'CREATE', after: view, districtCode });
      return view;
    });
  }

  /** Four-eyes: the enacting approver must not be the creator. */
  async enact(p: Principal, id: string, key: string | undefined): Promise<AppropriationView> {
    return this.idempotency.execute(p, key, `POST /v1/appropriations/${id}/enact`, {}, async (m) => {
      const row = await one<{ district_code: string | null; status: string; created_by: string; fiscal_year: number }>(
        m,
        'SELECT district_code, status, created_by, fiscal_year FROM appropriation WHERE id = ? FOR UPDATE',
        [id],
      );
      if (!row) throw notFound('appropriation', id);
      assertVisible(p, row.district_code, null, 'appropriation', id);
      if (row.status !== 'DRAFT') throw conflict('APPROPRIATION_ALREADY_ENACTED', `Appropriation ${id} is already enacted`);
      if (row.created_by === p.id) {
        throw new DomainError('FORBIDDEN', 'FOUR_EYES_REQUIRED', 'An appropriation must be enacted by someone other than its creator');
      }
      await assertYearOpen(m, row.fiscal_year);
      await m.query(`UPDATE appropriation SET status = 'ENACTED', enacted_by = ?, enacted_by_name = ?, enacted_at = NOW(3) WHERE id = ?`, [
        p.id, p.name, id,
      ]);
      const after = await m.getRepository(AppropriationEntity).findOneByOrFail({ id });
      await this.ledger.append(m, {
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

export function toAppropriationView(a: AppropriationEntity) {
  const amount = fromDb(a.amount);
  const allocated = fromDb(a.allocated);
  return {
    id: a.id,
    fiscalYear: a.fiscalYear,
    funder: a.funder,
    districtCode: a.districtCode,
    stream: a.stream,
    kind: a.kind,
    amount: money(amount),
    allocated: money(allocated),
    unallocated: money(amount - allocated),
    documentNo: a.documentNo,
    documentDate: a.documentDate,
    note: a.note,
    status: a.status,
    createdBy: a.createdBy,
    createdByName: a.createdByName,
    createdAt: a.createdAt.toISOString(),
    enactedBy: a.enactedBy,
    enactedByName: a.enactedByName,
    enactedAt: a.enactedAt ? a.enactedAt.toISOString() : null,
  };
}
