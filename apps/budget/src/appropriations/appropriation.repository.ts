/** The only owner of `appropriation` SQL. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppropriationState } from '@cws/budget-core';
import type { Fen, Principal } from '@cws/kernel';
import { applyScope, keysetPage, type KeysetPage } from '@cws/persistence';
import { fromDb, money } from '../common/money';
import { one } from '../common/tx';
import { AppropriationEntity, type AppropriationKind } from './appropriation.entity';
import type { AppropriationQueryDto } from './appropriations.dto';

export interface NewAppropriation {
  fiscalYear: number;
  funder: string;
  stream: string;
  kind: AppropriationKind;
  amount: Fen;
  /** already allocated at insert (the seed writes enacted, allocated appropriations) */
  allocated?: Fen;
  documentNo: string;
  documentDate: string;
  note: string | null;
  createdBy: { id: string; name: string };
  /** set: inserted ENACTED by this approver (the seed); unset: a DRAFT awaiting four-eyes enactment */
  enactedBy?: { id: string; name: string };
}

/** What an appropriation's own rules read: its id, funder district, status and money. */
export function appropriationState(a: AppropriationEntity): AppropriationState {
  return { id: a.id, districtCode: a.districtCode, status: a.status, amount: fromDb(a.amount), allocated: fromDb(a.allocated) };
}

@Injectable()
export class AppropriationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(m: EntityManager, a: NewAppropriation): Promise<string> {
    const enacted = a.enactedBy ?? null;
    const res = await m.query(
      `INSERT INTO appropriation (fiscal_year, funder, district_code, stream, kind, amount, allocated, document_no, document_date, note, status,
         created_by, created_by_name, created_at, enacted_by, enacted_by_name, enacted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), ?, ?, IF(? IS NULL, NULL, UTC_TIMESTAMP(3)))`,
      [
        a.fiscalYear, a.funder, a.funder === 'CITY' ? null : a.funder, a.stream, a.kind, money(a.amount), money(a.allocated ?? 0n), a.documentNo,
        a.documentDate, a.note, enacted ? 'ENACTED' : 'DRAFT', a.createdBy.id, a.createdBy.name, enacted?.id ?? null, enacted?.name ?? null, enacted?.id ?? null,
      ],
    );
    return String(res.insertId);
  }

  /** The seed's idempotency: an appropriation with this document already exists. */
  async exists(m: EntityManager, k: { fiscalYear: number; funder: string; stream: string; documentNo: string }): Promise<boolean> {
    return !!(await one(m, 'SELECT id FROM appropriation WHERE fiscal_year = ? AND funder = ? AND stream = ? AND document_no = ?', [k.fiscalYear, k.funder, k.stream, k.documentNo]));
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<AppropriationEntity | null> {
    return m.getRepository(AppropriationEntity).findOneBy({ id });
  }

  getById(m: EntityManager, id: string): Promise<AppropriationEntity> {
    return m.getRepository(AppropriationEntity).findOneByOrFail({ id });
  }

  /** The row under the exclusive lock (enacting, allocating from it). */
  lock(m: EntityManager, id: string): Promise<AppropriationEntity | null> {
    return m.getRepository(AppropriationEntity).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  async addAllocated(m: EntityManager, id: string, amount: Fen): Promise<void> {
    await m.query('UPDATE appropriation SET allocated = allocated + ? WHERE id = ?', [money(amount), id]);
  }

  async markEnacted(m: EntityManager, id: string, by: { id: string; name: string }): Promise<void> {
    await m.query(`UPDATE appropriation SET status = 'ENACTED', enacted_by = ?, enacted_by_name = ?, enacted_at = UTC_TIMESTAMP(3) WHERE id = ?`, [by.id, by.name, id]);
  }

  /** Keyset page by id, within the filters and the caller's scope. */
  page(p: Principal, q: AppropriationQueryDto & { limit: number }): Promise<KeysetPage<AppropriationEntity>> {
    const qb = this.dataSource.getRepository(AppropriationEntity).createQueryBuilder('a');
    if (q.fiscalYear) qb.andWhere('a.fiscalYear = :fy', { fy: q.fiscalYear });
    if (q.funder) qb.andWhere('a.funder = :funder', { funder: q.funder });
    if (q.stream) qb.andWhere('a.stream = :stream', { stream: q.stream });
    if (q.district) qb.andWhere('a.districtCode = :district', { district: q.district });
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    return keysetPage(applyScope(qb, p.scope, { district: 'a.districtCode' }), { column: 'a.id', keyOf: (a) => a.id, limit: q.limit, after: q.after });
  }
}
