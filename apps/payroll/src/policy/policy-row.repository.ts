/**
 * The only owner of `policy_row` SQL: effective-dated policy rows. A row is never overwritten: a change
 * closes the open row (`valid_to`, then `superseded_by`) and inserts its successor. The API and the demo
 * seed both write through here.
 */
import { Injectable } from '@nestjs/common';
import type { PolicyKind } from '@cws/payroll-contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { PolicyRowEntity } from './policy-row.entity';

export interface NewPolicyRow {
  kind: PolicyKind;
  key: string;
  validFrom: string;
  validTo: string | null;
  data: object;
  sourceRef: string;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
}

export interface PolicyRowQuery {
  kind?: PolicyKind;
  key?: string;
  /** Rows in force on this date; without it, the open rows (or all, with `history`). */
  asOf?: string;
  history?: boolean;
}

/** A row's identity and dates, without its body. */
export type PolicyRowHead = Pick<PolicyRowEntity, 'kind' | 'key' | 'validFrom' | 'validTo'>;

@Injectable()
export class PolicyRowRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** By kind, key, start and id. */
  list(q: PolicyRowQuery): Promise<PolicyRowEntity[]> {
    const qb = this.dataSource.getRepository(PolicyRowEntity).createQueryBuilder('r').orderBy('r.kind').addOrderBy('r.key').addOrderBy('r.validFrom').addOrderBy('r.id');
    if (q.kind) qb.andWhere('r.kind = :kind', { kind: q.kind });
    if (q.key) qb.andWhere('r.key = :key', { key: q.key });
    if (q.asOf) qb.andWhere('r.validFrom <= :d AND (r.validTo IS NULL OR r.validTo >= :d)', { d: q.asOf });
    else if (!q.history) qb.andWhere('r.validTo IS NULL');
    return qb.getMany();
  }

  findById(id: string, manager?: EntityManager): Promise<PolicyRowEntity | null> {
    return this.m(manager).getRepository(PolicyRowEntity).findOneBy({ id });
  }

  getById(m: EntityManager, id: string): Promise<PolicyRowEntity> {
    return m.findOneByOrFail(PolicyRowEntity, { id });
  }

  /** Locks the row (FOR UPDATE), or null when there is none. */
  lock(m: EntityManager, id: string): Promise<PolicyRowEntity | null> {
    return m.getRepository(PolicyRowEntity).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id }).getOne();
  }

  /** Locks the open row of (kind, key) (FOR UPDATE), or null when there is none. */
  lockOpen(m: EntityManager, kind: PolicyKind, key: string): Promise<PolicyRowEntity | null> {
    return m
      .getRepository(PolicyRowEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.kind = :kind AND r.key = :key AND r.validTo IS NULL', { kind, key })
      .getOne();
  }

  /** Rows in force at some time in [from, to], by id. */
  inForceBetween(from: string, to: string, manager?: EntityManager): Promise<PolicyRowEntity[]> {
    return this.m(manager)
      .getRepository(PolicyRowEntity)
      .createQueryBuilder('r')
      .where('r.validFrom <= :to AND (r.validTo IS NULL OR r.validTo >= :from)', { from, to })
      .orderBy('r.id')
      .getMany();
  }

  /** Every row's kind, key and dates (the idempotent seed's check). */
  heads(manager?: EntityManager): Promise<PolicyRowHead[]> {
    return this.m(manager).getRepository(PolicyRowEntity).createQueryBuilder('r').select(['r.kind', 'r.key', 'r.validFrom', 'r.validTo']).getMany();
  }

  /** A new row, superseding none (yet); its id. A second open row of (kind, key) fails with ER_DUP_ENTRY (`open_key`). */
  async insert(m: EntityManager, row: NewPolicyRow): Promise<string> {
    const inserted = await m.insert(PolicyRowEntity, { ...row, supersededBy: null });
    return String(inserted.identifiers[0].id);
  }

  async close(m: EntityManager, id: string, validTo: string): Promise<void> {
    await m.update(PolicyRowEntity, { id }, { validTo });
  }

  async setSupersededBy(m: EntityManager, id: string, successorId: string): Promise<void> {
    await m.update(PolicyRowEntity, { id }, { supersededBy: successorId });
  }
}
