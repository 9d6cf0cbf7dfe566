/** Allocations: part of an enacted appropriation given to a street or community, never more than is unallocated. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, DomainError, notFound, scopeCovers, type Principal } from '@cws/kernel';
import { AuditService } from '@cws/platform';
import { assertFilterInScope, assertVisible, placeOf } from '../common/access';
import { fromDb, money, parsePositiveAmount } from '../common/money';
import { wherePlace } from '../common/place-query';
import { one } from '../common/tx';
import { assertYearOpen } from '../fiscal-years/fiscal-years.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { LedgerService } from '../ledger/ledger.service';
import { AllocationEntity } from './allocation.entity';
import type { AllocationQueryDto, CreateAllocationDto } from './allocations.dto';

export type AllocationView = ReturnType<typeof toAllocationView>;

@Injectable()
export class AllocationsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly idempotency: IdempotencyService,
    private readonly ledger: LedgerService,
  ) {}

  async list(p: Principal, q: AllocationQueryDto): Promise<{ items: AllocationView[]; nextAfter: string | null }> {
    assertFilterInScope(p, q);
    const limit = q.limit ?? 100;
    const qb = this.dataSource.getRepository(AllocationEntity).createQueryBuilder('a').orderBy('a.id', 'ASC').take(limit + 1);
    if (q.appropriationId) qb.andWhere('a.appropriationId = :ap', { ap: q.appropriationId });
    if (q.after) qb.andWhere('a.id > :after', { after: q.after });
    const rows = await wherePlace(qb, 'a', q, p).getMany();
    const items = rows.slice(0, limit).map(toAllocationView);
    return { items, nextAfter: rows.length > limit ? items[items.length - 1].id : null };
  }

  async get(p: Principal, id: string): Promise<AllocationView> {
    const row = await this.dataSource.getRepository(AllocationEntity).findOneBy({ id });
    if (!row) throw notFound('allocation', id);
    assertVisible(p, row.districtCode, row.streetCode, 'allocation', id);
    return toAllocationView(row);
  }

  async create(p: Principal, dto: CreateAllocationDto, key: string | undefined): Promise<AllocationView> {
    const amount = parsePositiveAmount(dto.amount);
    const place = placeOf(dto.streetCode, dto.communityCode);
    if (!scopeCovers(p.scope, place.districtCode, place.streetCode)) throw notFound(place.communityCode ? 'community' : 'street', place.communityCode ?? place.streetCode);
    return this.idempotency.execute(p, key, 'POST /v1/allocations', dto, async (m) => {
      const ap = await one<{ id: string; fiscal_year: number; funder: string; district_code: string | null; stream: string; status: string; amount: string; allocated: string }>(
        m,
        'SELECT id, fiscal_year, funder, district_code, stream, status, amount, allocated FROM appropriation WHERE id = ? FOR UPDATE',
        [dto.appropriationId],
      );
      if (!ap) throw notFound('appropriation', dto.appropriationId);
      assertVisible(p, ap.district_code, null, 'appropriation', dto.appropriationId);
      if (ap.status !== 'ENACTED') throw conflict('APPROPRIATION_NOT_ENACTED', `Appropriation ${ap.id} is not enacted yet`);
      if (ap.district_code !== null && ap.district_code !== place.districtCode) {
        throw new DomainError('VALIDATION', 'TARGET_OUTSIDE_FUNDER', `District ${ap.district_code}'s money can only go to its own streets and communities`, [
          { path: 'streetCode', issue: `must be in district ${ap.district_code}` },
        ]);
      }
      await assertYearOpen(m, ap.fiscal_year);
      const unallocated = fromDb(ap.amount) - fromDb(ap.allocated);
      if (amount > unallocated) {
        throw conflict('INSUFFICIENT_UNALLOCATED', `Only ${money(unallocated)} of appropriation ${ap.id} is unallocated`, {
          unallocated: money(unallocated),
          requested: money(amount),
        });
      }
      await m.query('UPDATE appropriation SET allocated = allocated + ? WHERE id = ?', [money(amount), ap.id]);
      const res = await m.query(
        `INSERT INTO allocation (appropriation_id, fiscal_year, funder, stream, target_level, district_code, street_code, community_code,
           target_name, initial_amount, amount, committed, spent, note, created_by, created_by_name, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.00, 0.00, ?, ?, ?, NOW(3))`,
        [
          ap.id, ap.fiscal_year, ap.funder, ap.stream, place.communityCode ? 'COMMUNITY' : 'STREET', place.districtCode, place.streetCode,
          place.communityCode, dto.targetName ?? null, money(amount), money(amount), dto.note ?? null, p.id, p.name,
        ],
      );
      const id = String(res.insertId);
      await this.ledger.append(m, {
        fiscalYear: ap.fiscal_year, funder: ap.funder, stream: ap.stream, ...place, entryType: 'ALLOCATION',
        appropriationId: ap.id, allocationId: id, allocated: amount, memo: dto.note ?? null, createdBy: p.id,
      });
      const view = toAllocationView(await m.getRepository(AllocationEntity).findOneByOrFail({ id }));
      await this.audit.record(m, { entity: 'allocation', entityId: id, action: 'CREATE', after: view, districtCode: place.districtCode, streetCode: place.streetCode });
      return view;
    });
  }
}

/** Locks allocations (ascending id, so two transactions never wait on each other in a cycle) and checks scope. */
export async function lockAllocations(m: EntityManager, p: Principal | null, ids: string[]): Promise<Map<string, AllocationEntity>> {
  const sorted = [...new Set(ids)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  const found = new Map<string, AllocationEntity>();
  for (const id of sorted) {
    const row = await m.getRepository(AllocationEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
    if (!row) throw notFound('allocation', id);
    if (p) assertVisible(p, row.districtCode, row.streetCode, 'allocation', id);
    found.set(id, row);
  }
  return found;
}

export function availableOf(a: AllocationEntity): bigint {
  return fromDb(a.amount) - fromDb(a.committed) - fromDb(a.spent);
}

export function toAllocationView(a: AllocationEntity) {
  return {
    id: a.id,
    appropriationId: a.appropriationId,
    fiscalYear: a.fiscalYear,
    funder: a.funder,
    stream: a.stream,
    targetLevel: a.targetLevel,
    districtCode: a.districtCode,
    streetCode: a.streetCode,
    communityCode: a.communityCode,
    targetName: a.targetName,
    initialAmount: money(fromDb(a.initialAmount)),
    amount: money(fromDb(a.amount)),
    committed: money(fromDb(a.committed)),
    spent: money(fromDb(a.spent)),
    available: money(availableOf(a)),
    createdBy: a.createdBy,
    createdAt: a.createdAt.toISOString(),
  };
}
