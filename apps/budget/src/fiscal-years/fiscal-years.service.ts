import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict, notFound, type Principal } from '@cws/kernel';
import { AuditService } from '@cws/platform';
import { requireCityScope } from '../common/access';
import { FiscalYearEntity } from './fiscal-year.entity';
import { FiscalYearRepository } from './fiscal-year.repository';

@Injectable()
export class FiscalYearsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly years: FiscalYearRepository,
  ) {}

  list(): Promise<FiscalYearEntity[]> {
    return this.years.list();
  }

  async open(p: Principal, year: number): Promise<FiscalYearEntity> {
    requireCityScope(p);
    return this.dataSource.transaction(async (m) => {
      if (!(await this.years.insertOpen(m, year))) throw conflict('FISCAL_YEAR_EXISTS', `Fiscal year ${year} already exists`);
      const row = await this.years.get(m, year);
      await this.audit.record(m, { entity: 'fiscal_year', entityId: year, action: 'OPEN', after: row });
      return row;
    });
  }

  /** Closing waits for postings in flight (they hold a shared lock on the year row) and stops new ones. */
  async close(p: Principal, year: number): Promise<FiscalYearEntity> {
    requireCityScope(p);
    return this.dataSource.transaction(async (m) => {
      const status = await this.years.lockStatus(m, year);
      if (!status) throw notFound('fiscal_year', year);
      if (status === 'CLOSED') throw conflict('FISCAL_YEAR_CLOSED', `Fiscal year ${year} is already closed`);
      await this.years.close(m, year, p.id);
      const after = await this.years.get(m, year);
      await this.audit.record(m, { entity: 'fiscal_year', entityId: year, action: 'CLOSE', before: { status: 'OPEN' }, after });
      return after;
    });
  }
}
