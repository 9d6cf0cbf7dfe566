import { Injectable } from '@nestjs/common';
import type { Scope } from '@cws/kernel';
import { periodFirstDay, periodLastDay } from '@cws/payroll-engine';
import { applyScope, keysetPage, type KeysetPage } from '@cws/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { placeFilter } from '../common/place-filter';
import type { WorkforceChangeFields } from './workforce-change-of';
import { WorkforceChangeEntity } from './workforce-change.entity';

export interface WorkforceChangeQuery {
  workerId?: string;
  /** received on or after this instant */
  since?: string;
  after?: string;
  limit: number;
}

/** The only owner of `workforce_change` SQL: the event consumers' writes, the API's reads and the reads the monthly runs need. */
@Injectable()
export class WorkforceChangeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records received changes, each under its inbox key, in the inbox's transaction `m`. */
  async insert(m: EntityManager, rows: Array<WorkforceChangeFields & { eventKey: string }>): Promise<void> {
    if (!rows.length) return;
    const receivedAt = new Date();
    await m.insert(WorkforceChangeEntity, rows.map((r) => ({ ...r, receivedAt })));
  }

  /** A keyset page of the changes the scope sees, by id. */
  page(scope: Scope, q: WorkforceChangeQuery): Promise<KeysetPage<WorkforceChangeEntity>> {
    const qb = this.dataSource.getRepository(WorkforceChangeEntity).createQueryBuilder('c');
    if (q.workerId) qb.andWhere('c.workerId = :workerId', { workerId: q.workerId });
    if (q.since) qb.andWhere('c.receivedAt >= :since', { since: new Date(q.since) });
    applyScope(qb, scope, { district: 'c.districtCode', street: 'c.streetCode' });
    return keysetPage(qb, { column: 'c.id', after: q.after, limit: q.limit, keyOf: (c) => c.id });
  }

  findById(id: string): Promise<WorkforceChangeEntity | null> {
    return this.dataSource.getRepository(WorkforceChangeEntity).findOneBy({ id });
  }

  /** Workers recorded as leaving during the period (last day employed), in the place (null = anywhere). */
  async leaversIn(period: string, district: string | null, street: string | null): Promise<Map<number, string>> {
    // the period's real last day: a '-31' bound is no date in 30-day months and February (MySQL 8 refuses to compare it)
    const params: unknown[] = [periodFirstDay(period), periodLastDay(period)];
    let where = "event_name = 'worker.left' AND effective_date BETWEEN ? AND ?";
    where += placeFilter(district, street, params);
    const rows: Array<{ workerId: string; leftDate: string }> = await this.dataSource.query(
      `SELECT worker_id AS workerId, DATE_FORMAT(MAX(effective_date), '%Y-%m-%d') AS leftDate FROM workforce_change WHERE ${where} GROUP BY worker_id`,
      params,
    );
    return new Map(rows.map((r) => [Number(r.workerId), r.leftDate]));
  }

  /**
   * Back-dated changes: an effective date before the period (from `since`), received on or after it.
   * Per worker, the earliest such date — where arrears may start.
   */
  async backdated(period: string, since: string, district: string | null, street: string | null): Promise<Map<number, string>> {
    const params: unknown[] = [since, `${period}-01`];
    let where = 'effective_date >= ? AND effective_date < ? AND received_at >= effective_date';
    where += placeFilter(district, street, params);
    const rows: Array<{ workerId: string; from: string }> = await this.dataSource.query(
      `SELECT worker_id AS workerId, DATE_FORMAT(MIN(effective_date), '%Y-%m-%d') AS \`from\` FROM workforce_change WHERE ${where} GROUP BY worker_id`,
      params,
    );
    return new Map(rows.map((r) => [Number(r.workerId), r.from]));
  }
}
