/** The only owner of `allocation` SQL: its row, its running columns and its locks. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AllocationState, Deltas } from '@cws/budget-core';
import { notFound, type Fen, type Principal } from '@cws/kernel';
import { keysetPage, type KeysetPage } from '@cws/persistence';
import { fromDb, money } from '../common/money';
import { wherePlace } from '../common/place-query';
import type { LedgerAccount } from '../ledger/ledger-entry.repository';
import { AllocationEntity } from './allocation.entity';
import type { AllocationQueryDto } from './allocations.dto';

export interface NewAllocation {
  appropriationId: string;
  fiscalYear: number;
  funder: string;
  stream: string;
  districtCode: string;
  streetCode: string;
  /** null: allocated to the street itself */
  communityCode: string | null;
  targetName: string | null;
  amount: Fen;
  note: string | null;
  createdBy: { id: string; name: string };
}

/** What the booking rules read from an allocation row. */
export function allocationState(a: AllocationEntity): AllocationState {
  return { id: a.id, fiscalYear: a.fiscalYear, funder: a.funder, amount: fromDb(a.amount), committed: fromDb(a.committed), spent: fromDb(a.spent) };
}

/** The ledger account (year, funder, stream, place) a movement on this allocation is booked on. */
export function ledgerAccountOf(a: AllocationEntity): LedgerAccount {
  return { fiscalYear: a.fiscalYear, funder: a.funder, stream: a.stream, districtCode: a.districtCode, streetCode: a.streetCode, communityCode: a.communityCode };
}

@Injectable()
export class AllocationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A new allocation: its running amount starts at the allocated amount, nothing committed or spent. */
  async insert(m: EntityManager, a: NewAllocation): Promise<string> {
    const res = await m.query(
      `INSERT INTO allocation (appropriation_id, fiscal_year, funder, stream, target_level, district_code, street_code, community_code,
         target_name, initial_amount, amount, committed, spent, note, created_by, created_by_name, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0.00, 0.00, ?, ?, ?, UTC_TIMESTAMP(3))`,
      [
        a.appropriationId, a.fiscalYear, a.funder, a.stream, a.communityCode ? 'COMMUNITY' : 'STREET', a.districtCode, a.streetCode, a.communityCode,
        a.targetName, money(a.amount), money(a.amount), a.note, a.createdBy.id, a.createdBy.name,
      ],
    );
    return String(res.insertId);
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<AllocationEntity | null> {
    return m.getRepository(AllocationEntity).findOneBy({ id });
  }

  getById(m: EntityManager, id: string): Promise<AllocationEntity> {
    return m.getRepository(AllocationEntity).findOneByOrFail({ id });
  }

  /**
   * Locks allocations one by one in ascending id order (so two transactions never wait on each other
   * in a cycle); `check` sees each row as it is locked (the caller's scope check). 404 for a missing id.
   */
  async lockInIdOrder(m: EntityManager, ids: string[], check?: (row: AllocationEntity) => void): Promise<Map<string, AllocationEntity>> {
    const sorted = [...new Set(ids)].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const found = new Map<string, AllocationEntity>();
    for (const id of sorted) {
      const row = await m.getRepository(AllocationEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
      if (!row) throw notFound('allocation', id);
      check?.(row);
      found.set(id, row);
    }
    return found;
  }

  /** Locks every allocation of a community's account (year, funder, stream), ascending id. */
  lockAccount(m: EntityManager, k: { fiscalYear: number; funder: string; stream: string; communityCode: string }): Promise<AllocationEntity[]> {
    return m
      .getRepository(AllocationEntity)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.fiscalYear = :fy AND a.funder = :funder AND a.stream = :stream AND a.communityCode = :community', {
        fy: k.fiscalYear, funder: k.funder, stream: k.stream, community: k.communityCode,
      })
      .orderBy('a.id', 'ASC')
      .getMany();
  }

  /** Moves the running columns of a locked allocation by a movement's deltas. */
  async applyDeltas(m: EntityManager, id: string, d: Deltas): Promise<void> {
    await m.query('UPDATE allocation SET amount = amount + ?, committed = committed + ?, spent = spent + ? WHERE id = ?', [
      money(d.allocated), money(d.committed), money(d.spent), id,
    ]);
  }

  /** Keyset page by id, within the filters and the caller's scope. */
  page(p: Principal, q: AllocationQueryDto & { limit: number }): Promise<KeysetPage<AllocationEntity>> {
    const qb = this.dataSource.getRepository(AllocationEntity).createQueryBuilder('a');
    if (q.appropriationId) qb.andWhere('a.appropriationId = :ap', { ap: q.appropriationId });
    return keysetPage(wherePlace(qb, 'a', q, p), { column: 'a.id', keyOf: (a) => a.id, limit: q.limit, after: q.after });
  }
}
