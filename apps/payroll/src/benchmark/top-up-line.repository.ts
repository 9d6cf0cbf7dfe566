import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { placeFilter } from '../common/place-filter';

/** Reads of stored year-end top-ups (年终补差) that a TOP_UP payroll run pays; BenchmarkService writes them. */
@Injectable()
export class TopUpLineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Per worker, the positive top-up of the latest stored TOP_UP result for `year` whose scope covers
   * the place (a city-wide result, or one of the district or street), limited to the place's workers.
   */
  async latestFor(year: number, district: string | null, street: string | null): Promise<{ resultId: string | null; amounts: Map<number, string> }> {
    const params: unknown[] = [year];
    let cover = 'r.district_code IS NULL';
    if (district) {
      cover += ' OR (r.district_code = ? AND (r.street_code IS NULL OR r.street_code = ?))';
      params.push(district, street);
    }
    const [latest] = await this.dataSource.query(`SELECT r.id FROM benchmark_result r WHERE r.kind = 'TOP_UP' AND r.year = ? AND (${cover}) ORDER BY r.id DESC LIMIT 1`, params);
    if (!latest) return { resultId: null, amounts: new Map() };
    const lineParams: unknown[] = [latest.id];
    const where = `l.result_id = ? AND l.top_up > 0${placeFilter(district, street, lineParams, 'l')}`;
    const rows: Array<{ workerId: string; topUp: string }> = await this.dataSource.query(`SELECT l.worker_id AS workerId, l.top_up AS topUp FROM benchmark_top_up_line l WHERE ${where}`, lineParams);
    return { resultId: String(latest.id), amounts: new Map(rows.map((r) => [Number(r.workerId), String(r.topUp)])) };
  }
}
