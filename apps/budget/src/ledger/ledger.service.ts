/** The append-only ledger: every money movement is one row of signed deltas; balances are its sums. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { BalanceView, LedgerEntryType, LedgerEntryView, FundingStream } from '@cws/budget-contracts';
import { type Fen, type Principal } from '@cws/kernel';
import { assertFilterInScope } from '../common/access';
import { fromDb, money } from '../common/money';
import { wherePlace, type PlaceFilter } from '../common/place-query';
import { LedgerEntryEntity } from './ledger-entry.entity';

export interface NewLedgerEntry {
  fiscalYear: number;
  funder: string;
  stream: string;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  entryType: LedgerEntryType;
  appropriationId?: string | null;
  allocationId?: string | null;
  postingId?: string | null;
  appropriated?: Fen;
  allocated?: Fen;
  committed?: Fen;
  spent?: Fen;
  memo?: string | null;
  createdBy: string;
}

export interface BalanceTotals {
  appropriated: string;
  allocated: string;
  /** appropriated − allocated */
  unallocated: string;
  committed: string;
  spent: string;
  /** allocated − committed − spent */
  available: string;
}

@Injectable()
export class LedgerService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one entry inside the caller's transaction. */
  async append(m: EntityManager, e: NewLedgerEntry): Promise<string> {
    const res = await m.query(
      `INSERT INTO ledger_entry (fiscal_year, funder, stream, district_code, street_code, community_code, entry_type,
         appropriation_id, allocation_id, posting_id, d_appropriated, d_allocated, d_committed, d_spent, memo, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(3))`,
      [
        e.fiscalYear, e.funder, e.stream, e.districtCode, e.streetCode, e.communityCode, e.entryType,
        e.appropriationId ?? null, e.allocationId ?? null, e.postingId ?? null,
        money(e.appropriated ?? 0n), money(e.allocated ?? 0n), money(e.committed ?? 0n), money(e.spent ?? 0n),
        e.memo?.slice(0, 200) ?? null, e.createdBy,
      ],
    );
    return String(res.insertId);
  }

  /** Keyset pagination for reconciliation: entries with id > after, oldest first. */
  async list(p: Principal, f: PlaceFilter & { after?: string; limit?: number; sourceRefPrefix?: string }): Promise<{ items: LedgerEntryView[]; nextAfter: string | null }> {
    assertFilterInScope(p, f);
    const limit = f.limit ?? 100;
    const qb = this.scoped(p, f).orderBy('e.id', 'ASC').take(limit + 1);
    if (f.after) qb.andWhere('e.id > :after', { after: f.after });
    if (f.sourceRefPrefix) {
      // A prefix range on the indexed source_ref; the DTO admits no LIKE wildcard but '_', escaped here.
      const prefix = f.sourceRefPrefix.replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere('e.postingId IN (SELECT p.id FROM posting p WHERE p.source_ref LIKE :refPrefix)', { refPrefix: `${prefix}%` });
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, limit).map(toView);
    return { items, nextAfter: rows.length > limit ? items[items.length - 1].id : null };
  }

  /** Balances per (year, funder, stream, place), summed from the ledger, plus totals over the filter. */
  async balances(p: Principal, f: PlaceFilter): Promise<{ items: BalanceView[]; totals: BalanceTotals }> {
    assertFilterInScope(p, f);
    const rows = await this.scoped(p, f)
      .select(['e.fiscalYear AS fiscalYear', 'e.funder AS funder', 'e.stream AS stream', 'e.districtCode AS districtCode'])
      .addSelect(['e.streetCode AS streetCode', 'e.communityCode AS communityCode'])
      .addSelect('SUM(e.dAppropriated)', 'appropriated')
      .addSelect('SUM(e.dAllocated)', 'allocated')
      .addSelect('SUM(e.dCommitted)', 'committed')
      .addSelect('SUM(e.dSpent)', 'spent')
      .groupBy('e.fiscalYear')
      .addGroupBy('e.funder')
      .addGroupBy('e.stream')
      .addGroupBy('e.districtCode')
      .addGroupBy('e.streetCode')
      .addGroupBy('e.communityCode')
      .orderBy('e.fiscalYear')
      .addOrderBy('e.funder')
      .addOrderBy('e.stream')
      .addOrderBy('e.communityCode')
      .getRawMany<Record<string, string | number | null>>();
    const sum = { appropriated: 0n, allocated: 0n, committed: 0n, spent: 0n };
    const items = rows.map((r) => {
      const v = { appropriated: fromDb(r.appropriated), allocated: fromDb(r.allocated), committed: fromDb(r.committed), spent: fromDb(r.spent) };
      for (const k of Object.keys(sum) as Array<keyof typeof sum>) sum[k] += v[k];
      return {
        fiscalYear: Number(r.fiscalYear),
        funder: String(r.funder),
        stream: r.stream as FundingStream,
        districtCode: (r.districtCode as string | null) ?? null,
        streetCode: (r.streetCode as string | null) ?? null,
        communityCode: (r.communityCode as string | null) ?? null,
        appropriated: money(v.appropriated),
        allocated: money(v.allocated),
        committed: money(v.committed),
        spent: money(v.spent),
        available: money(v.allocated - v.committed - v.spent),
      };
    });
    return {
      items,
      totals: {
        appropriated: money(sum.appropriated),
        allocated: money(sum.allocated),
        unallocated: money(sum.appropriated - sum.allocated),
        committed: money(sum.committed),
        spent: money(sum.spent),
        available: money(sum.allocated - sum.committed - sum.spent),
      },
    };
  }

  private scoped(p: Principal, f: PlaceFilter): SelectQueryBuilder<LedgerEntryEntity> {
    const qb = this.dataSource.getRepository(LedgerEntryEntity).createQueryBuilder('e');
    return wherePlace(qb, 'e', f, p);
  }
}

export function toView(e: LedgerEntryEntity): LedgerEntryView {
  return {
    id: e.id,
    fiscalYear: e.fiscalYear,
    funder: e.funder,
    stream: e.stream as FundingStream,
    districtCode: e.districtCode,
    streetCode: e.streetCode,
    communityCode: e.communityCode,
    entryType: e.entryType as LedgerEntryType,
    appropriationId: e.appropriationId,
    allocationId: e.allocationId,
    postingId: e.postingId,
    appropriated: money(fromDb(e.dAppropriated)),
    allocated: money(fromDb(e.dAllocated)),
    committed: money(fromDb(e.dCommitted)),
    spent: money(fromDb(e.dSpent)),
    memo: e.memo,
    createdAt: e.createdAt.toISOString(),
  };
}
