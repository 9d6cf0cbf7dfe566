/** The only owner of `ledger_entry` SQL. The table is append-only (triggers refuse UPDATE and DELETE). */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { LedgerEntryType } from '@cws/budget-contracts';
import type { Deltas, ExecutionGroup, LedgerSums } from '@cws/budget-core';
import type { Fen, Principal } from '@cws/kernel';
import { keysetPage, type KeysetPage } from '@cws/persistence';
import { fromDb, money, sumsFromDb } from '../common/money';
import { wherePlace, type PlaceFilter } from '../common/place-query';
import { postingIdsWithSourceRef } from '../postings/posting.repository';
import { LedgerEntryEntity } from './ledger-entry.entity';

/** The account a movement is booked on: (year, funder, stream, place). */
export interface LedgerAccount {
  fiscalYear: number;
  funder: string;
  stream: string;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
}

export interface NewLedgerEntry extends LedgerAccount, Partial<Deltas> {
  entryType: LedgerEntryType;
  appropriationId?: string | null;
  allocationId?: string | null;
  postingId?: string | null;
  memo?: string | null;
  createdBy: string;
}

/** One balance row: the sums of an account's deltas (DECIMAL sums as the driver returns them). */
export interface LedgerSumRow {
  fiscalYear: number | string;
  funder: string;
  stream: string;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  appropriated: string | null;
  allocated: string | null;
  committed: string | null;
  spent: string | null;
}

/**
 * A ledger page's columns under the entity's property names: the page is read raw (getRawMany), not
 * hydrated into entities, which took about a third of the page's CPU (docs/benchmarks.md, "Third round").
 * The driver already answers each column in the entity's type (BIGINT and DECIMAL as strings).
 */
const PAGE_COLUMNS = [
  'id', 'fiscalYear', 'funder', 'stream', 'districtCode', 'streetCode', 'communityCode', 'entryType', 'appropriationId', 'allocationId',
  'postingId', 'dAppropriated', 'dAllocated', 'dCommitted', 'dSpent', 'memo',
] as const satisfies ReadonlyArray<keyof LedgerEntryEntity>;

/**
 * The page's select list, one string (TypeORM handles one item faster than 17). created_at as text,
 * for instantFromDb: the driver's Date, formatted again by toISOString, was a quarter of a page's
 * view and serialisation; MariaDB formatting the ISO form itself cost it more than the cast
 * (docs/benchmarks.md, "Session 5: the ledger page's CPU").
 */
const PAGE_SELECT = [...PAGE_COLUMNS.map((c) => `e.${c} AS ${c}`), 'CAST(e.created_at AS CHAR) AS createdAt'].join(', ');

/** One ledger entry as a page reads it; createdAt is the column's text ("2026-03-02 08:15:00.000", UTC). */
export type LedgerEntryRow = Pick<LedgerEntryEntity, (typeof PAGE_COLUMNS)[number]> & { createdAt: string };

const COLUMNS = `fiscal_year, funder, stream, district_code, street_code, community_code, entry_type,
  appropriation_id, allocation_id, posting_id, d_appropriated, d_allocated, d_committed, d_spent, memo, created_by, created_at`;
const ROW = '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))';
const GROUP_COLUMN: Record<ExecutionGroup, string> = {
  stream: 'e.stream',
  funder: 'e.funder',
  district: 'e.district_code',
  street: 'e.street_code',
  community: 'e.community_code',
  month: "DATE_FORMAT(e.created_at, '%Y-%m')",
};
/**
 * Rows per multi-row INSERT in bulk writes. Not `insertRows` (@cws/persistence): created_at is the database's UTC_TIMESTAMP(3) per
 * statement, the clock closing a fiscal year compares against, which a placeholder-only tuple cannot say.
 */
const CHUNK = 1000;

function params(e: NewLedgerEntry): unknown[] {
  return [
    e.fiscalYear, e.funder, e.stream, e.districtCode, e.streetCode, e.communityCode, e.entryType,
    e.appropriationId ?? null, e.allocationId ?? null, e.postingId ?? null,
    money(e.appropriated ?? 0n), money(e.allocated ?? 0n), money(e.committed ?? 0n), money(e.spent ?? 0n),
    e.memo?.slice(0, 200) ?? null, e.createdBy,
  ];
}

const SUMS = 'COALESCE(SUM(d_appropriated), 0) AS appropriated, COALESCE(SUM(d_allocated), 0) AS allocated, COALESCE(SUM(d_committed), 0) AS committed, COALESCE(SUM(d_spent), 0) AS spent';

@Injectable()
export class LedgerEntryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one entry inside the caller's transaction; returns its id. */
  async insert(m: EntityManager, e: NewLedgerEntry): Promise<string> {
    const res = await this.write(m, [e]);
    return String(res.insertId);
  }

  /** Appends entries in order (ids ascending in that order), in multi-row statements: the seed's and bulk paths' write. */
  async insertMany(m: EntityManager, entries: readonly NewLedgerEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += CHUNK) await this.write(m, entries.slice(i, i + CHUNK));
  }

  private write(m: EntityManager, rows: readonly NewLedgerEntry[]): Promise<{ insertId: number | string }> {
    return m.query(`INSERT INTO ledger_entry (${COLUMNS}) VALUES ${rows.map(() => ROW).join(', ')}`, rows.flatMap(params));
  }

  /** When the ledger's first entry was written, or null while it is empty (the first close starts on that day). */
  async firstEntryAt(m: EntityManager): Promise<Date | null> {
    const [row] = await m.query('SELECT MIN(created_at) AS first FROM ledger_entry');
    return row?.first ? new Date(row.first) : null;
  }

  /** The entries written in [from, to) (idx_ledger_created): how many, the last id, and their delta sums. */
  async writtenBetween(m: EntityManager, from: Date, to: Date): Promise<{ entries: number; lastEntryId: string | null; sums: LedgerSums }> {
    const [row] = await m.query(`SELECT COUNT(*) AS n, MAX(id) AS lastId, ${SUMS} FROM ledger_entry WHERE created_at >= ? AND created_at < ?`, [from, to]);
    return { entries: Number(row.n), lastEntryId: row.lastId === null ? null : String(row.lastId), sums: sumsFromDb(row) };
  }

  /** The delta sums of every entry written before `to`: the ledger's totals at that instant. */
  async sumsBefore(m: EntityManager, to: Date): Promise<LedgerSums> {
    const [row] = await m.query(`SELECT ${SUMS} FROM ledger_entry WHERE created_at < ?`, [to]);
    return sumsFromDb(row);
  }

  /** Keyset page: entries with id > after, oldest first. */
  page(p: Principal, f: PlaceFilter & { after?: string; limit: number; sourceRefPrefix?: string }): Promise<KeysetPage<LedgerEntryRow>> {
    const qb = this.scoped(p, f).select(PAGE_SELECT);
    if (f.sourceRefPrefix) {
      // the postings' own prefix condition (posting.repository): a range on idx_posting_source_ref, '_' literal
      const postings = postingIdsWithSourceRef(f.sourceRefPrefix);
      qb.andWhere(`e.postingId IN (${postings.sql})`, postings.params);
    }
    return keysetPage<LedgerEntryEntity, LedgerEntryRow>(qb, { column: 'e.id', keyOf: (e) => e.id, limit: f.limit, after: f.after, fetch: 'raw' });
  }

  /** Sums of the deltas per (year, funder, stream, place) within the filter and the caller's scope. */
  sums(p: Principal, f: PlaceFilter): Promise<LedgerSumRow[]> {
    return this.scoped(p, f)
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
      .getRawMany<LedgerSumRow>();
  }

  /** Sums of the deltas grouped by a report's key (stream, funder, place or month), ordered by it. */
  async sumsByGroup(p: Principal, f: PlaceFilter, groupBy: ExecutionGroup): Promise<Array<{ key: string | null; sums: LedgerSums }>> {
    const qb = this.scoped(p, f)
      .select(GROUP_COLUMN[groupBy], 'k')
      .addSelect('SUM(e.d_appropriated)', 'appropriated')
      .addSelect('SUM(e.d_allocated)', 'allocated')
      .addSelect('SUM(e.d_committed)', 'committed')
      .addSelect('SUM(e.d_spent)', 'spent')
      .groupBy('k')
      .orderBy('k');
    const raw = await qb.getRawMany<{ k: string | null; appropriated: string; allocated: string; committed: string; spent: string }>();
    return raw.map((r) => ({
      key: r.k,
      sums: sumsFromDb(r),
    }));
  }

  /** What each community was allocated from a stream in a year (all funders, after transfers). */
  async allocatedByCommunity(fiscalYear: number, stream: string): Promise<Map<string, Fen>> {
    const rows: Array<{ c: string; allocated: string }> = await this.dataSource.query(
      `SELECT community_code AS c, SUM(d_allocated) AS allocated FROM ledger_entry
        WHERE fiscal_year = ? AND stream = ? AND community_code IS NOT NULL GROUP BY community_code`,
      [fiscalYear, stream],
    );
    return new Map(rows.map((r) => [r.c, fromDb(r.allocated)]));
  }

  private scoped(p: Principal, f: PlaceFilter): SelectQueryBuilder<LedgerEntryEntity> {
    return wherePlace(this.dataSource.getRepository(LedgerEntryEntity).createQueryBuilder('e'), 'e', f, p);
  }
}
