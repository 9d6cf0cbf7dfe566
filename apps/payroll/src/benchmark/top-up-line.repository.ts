import { Injectable } from '@nestjs/common';
import type { Scope } from '@cws/kernel';
import type { TopUpLineView } from '@cws/payroll-contracts';
import { applyScope, keysetPage, type KeysetPage } from '@cws/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { placeFilter } from '../common/place-filter';
import { TopUpLineEntity } from './benchmark-result.entities';

const LINE_CHUNK = 1000;

/** The only owner of `benchmark_top_up_line` SQL: a stored TOP_UP run's lines (年终补差), and what a TOP_UP payroll run pays from them. */
@Injectable()
export class TopUpLineRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The lines of stored run `resultId`, in statements of 1000. */
  async insertMany(m: EntityManager, resultId: string, lines: readonly TopUpLineView[]): Promise<void> {
    for (let i = 0; i < lines.length; i += LINE_CHUNK) {
      await m.insert(TopUpLineEntity, lines.slice(i, i + LINE_CHUNK).map((l) => ({
        resultId, workerId: String(l.workerId), workerName: l.workerName, districtCode: l.districtCode, streetCode: l.streetCode, communityCode: l.communityCode, annualPay: l.annualPay, topUp: l.topUp,
      })));
    }
  }

  /** A keyset page (by worker id) of the run's lines that the scope sees; `onlyPositive`: those with a top-up. */
  page(resultId: string, scope: Scope, q: { after?: string; limit: number; onlyPositive?: boolean }): Promise<KeysetPage<TopUpLineEntity>> {
    const qb = this.dataSource.getRepository(TopUpLineEntity).createQueryBuilder('l').where('l.resultId = :id', { id: resultId });
    if (q.onlyPositive) qb.andWhere('l.topUp > 0');
    applyScope(qb, scope, { district: 'l.districtCode', street: 'l.streetCode' });
    return keysetPage(qb, { column: 'l.workerId', after: q.after, limit: q.limit, keyOf: (l) => l.workerId });
  }

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
