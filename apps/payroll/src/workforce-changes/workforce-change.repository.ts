import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { placeFilter } from '../common/place-filter';

/** Reads of `workforce_change` that the monthly runs need (the event consumer writes the rows). */
@Injectable()
export class WorkforceChangeRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Workers recorded as leaving during the period (last day employed), in the place (null = anywhere). */
  async leaversIn(period: string, district: string | null, street: string | null): Promise<Map<number, string>> {
    const params: unknown[] = [`${period}-01`, `${period}-31`];
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
