/** The only owner of `fiscal_year` SQL. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { one } from '../common/tx';
import { FiscalYearEntity } from './fiscal-year.entity';

@Injectable()
export class FiscalYearRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<FiscalYearEntity[]> {
    return this.dataSource.getRepository(FiscalYearEntity).find({ order: { year: 'DESC' } });
  }

  get(m: EntityManager, year: number): Promise<FiscalYearEntity> {
    return m.getRepository(FiscalYearEntity).findOneByOrFail({ year });
  }

  /**
   * The year's status under a shared lock, for a money movement: a concurrent close (which takes the
   * exclusive lock) waits for the movement to commit, and stops new ones. Undefined when no such year.
   */
  async shareLockStatus(m: EntityManager, year: number): Promise<string | undefined> {
    return (await one<{ status: string }>(m, 'SELECT status FROM fiscal_year WHERE year = ? LOCK IN SHARE MODE', [year]))?.status;
  }

  /** The year's status under the exclusive lock (closing). */
  async lockStatus(m: EntityManager, year: number): Promise<string | undefined> {
    return (await one<{ status: string }>(m, 'SELECT status FROM fiscal_year WHERE year = ? FOR UPDATE', [year]))?.status;
  }

  /**
   * Every year's exclusive lock, taken in the caller's transaction: it waits until each money movement holding a
   * year's shared lock (`shareLockStatus`, taken before its ledger entry is written) has committed or rolled back.
   */
  async lockAll(m: EntityManager): Promise<void> {
    await m.query('SELECT year FROM fiscal_year ORDER BY year FOR UPDATE');
  }

  /** Opens a year (at `openedAt`, default now); false when it already exists. */
  async insertOpen(m: EntityManager, year: number, openedAt: string | null = null): Promise<boolean> {
    const res = await m.query(`INSERT IGNORE INTO fiscal_year (year, status, opened_at) VALUES (?, 'OPEN', COALESCE(?, UTC_TIMESTAMP(3)))`, [year, openedAt]);
    return res.affectedRows > 0;
  }

  /** Closes an open year (at `closedAt`, default now). */
  async close(m: EntityManager, year: number, closedBy: string, closedAt: string | null = null): Promise<void> {
    await m.query(`UPDATE fiscal_year SET status = 'CLOSED', closed_at = COALESCE(?, UTC_TIMESTAMP(3)), closed_by = ? WHERE year = ? AND status = 'OPEN'`, [closedAt, closedBy, year]);
  }
}
