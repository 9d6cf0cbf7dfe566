import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict, notFound, type Principal } from '@cws/kernel';
import { AuditService } from '@cws/platform';
import { requireCityScope } from '../common/access';
import { one } from '../common/tx';
import { FiscalYearEntity } from './fiscal-year.entity';

@Injectable()
export class FiscalYearsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  list(): Promise<FiscalYearEntity[]> {
    return this.dataSource.getRepository(FiscalYearEntity).find({ order: { year: 'DESC' } });
  }

  async open(p: Principal, year: number): Promise<FiscalYearEntity> {
    requireCityScope(p);
    return this.dataSource.transaction(async (m) => {
      const res = await m.query(`INSERT IGNORE INTO fiscal_year (year, status, opened_at) VALUES (?, 'OPEN', NOW(3))`, [year]);
      if (res.affectedRows === 0) throw conflict('FISCAL_YEAR_EXISTS', `Fiscal year ${year} already exists`);
      const row = await m.getRepository(FiscalYearEntity).findOneByOrFail({ year });
      await this.audit.record(m, { entity: 'fiscal_year', entityId: year, action: 'OPEN', after: row });
      return row;
    });
  }

  /** Closing waits for postings in flight (they hold a shared lock on the year row) and stops new ones. */
  async close(p: Principal, year: number): Promise<FiscalYearEntity> {
    requireCityScope(p);
    return this.dataSource.transaction(async (m) => {
      const row = await one<{ status: string }>(m, 'SELECT status FROM fiscal_year WHERE year = ? FOR UPDATE', [year]);
      if (!row) throw notFound('fiscal_year', year);
      if (row.status === 'CLOSED') throw conflict('FISCAL_YEAR_CLOSED', `Fiscal year ${year} is already closed`);
      await m.query(`UPDATE fiscal_year SET status = 'CLOSED', closed_at = NOW(3), closed_by = ? WHERE year = ?`, [p.id, year]);
      const after = await m.getRepository(FiscalYearEntity).findOneByOrFail({ year });
      await this.audit.record(m, { entity: 'fiscal_year', entityId: year, action: 'CLOSE', before: { status: 'OPEN' }, after });
      return after;
    });
  }
}

/**
 * Inside a posting transaction: the year must exist and be OPEN. The shared lock keeps a
 * concurrent close from slipping in before this posting commits.
 */
export async function assertYearOpen(m: EntityManager, year: number): Promise<void> {
  const row = await one<{ status: string }>(m, 'SELECT status FROM fiscal_year WHERE year = ? LOCK IN SHARE MODE', [year]);
  if (!row) throw notFound('fiscal_year', year);
  if (row.status !== 'OPEN') throw conflict('FISCAL_YEAR_CLOSED', `Fiscal year ${year} is closed and takes no postings`, { fiscalYear: year });
}
