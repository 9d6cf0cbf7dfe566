/** The only owner of `household_count` and `funding_standard` SQL: the data of the per-household check. */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Fen, Principal } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import { money } from '../common/money';
import { FundingStandardEntity, HouseholdCountEntity } from './household.entities';

export interface HouseholdCountRow {
  communityCode: string;
  streetCode: string;
  districtCode: string;
  communityName: string | null;
  households: number;
}

/** Rows per multi-row INSERT (not `insertRows`: these are upserts stamped with the database's UTC_TIMESTAMP(3)). */
const CHUNK = 1000;

@Injectable()
export class HouseholdRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Writes household counts in multi-row statements. `overwrite`: an existing count takes the new one
   * (a name only when given); otherwise existing rows are kept (the seed never undoes an edit).
   */
  async writeCounts(m: EntityManager, rows: readonly HouseholdCountRow[], overwrite: boolean): Promise<void> {
    const onDuplicate = overwrite
      ? 'households = VALUES(households), community_name = COALESCE(VALUES(community_name), community_name), updated_at = UTC_TIMESTAMP(3)'
      : 'community_code = community_code';
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO household_count (community_code, street_code, district_code, community_name, households, updated_at)
         VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, UTC_TIMESTAMP(3))').join(', ')} ON DUPLICATE KEY UPDATE ${onDuplicate}`,
        chunk.flatMap((r) => [r.communityCode, r.streetCode, r.districtCode, r.communityName, r.households]),
      );
    }
  }

  /** Writes a standard (yuan per household per year and stream); `overwrite` as for counts. */
  async writeStandard(m: EntityManager, fiscalYear: number, stream: string, perHousehold: Fen, overwrite: boolean): Promise<void> {
    await m.query(
      `INSERT INTO funding_standard (fiscal_year, stream, per_household, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(3))
       ON DUPLICATE KEY UPDATE ${overwrite ? 'per_household = VALUES(per_household), updated_at = UTC_TIMESTAMP(3)' : 'fiscal_year = fiscal_year'}`,
      [fiscalYear, stream, money(perHousehold)],
    );
  }

  /** A community's count under the exclusive lock (the row, or the gap where there is none yet), for a writer. */
  lockCount(m: EntityManager, communityCode: string): Promise<HouseholdCountEntity | null> {
    return m.getRepository(HouseholdCountEntity).findOne({ where: { communityCode }, lock: { mode: 'pessimistic_write' } });
  }

  getCount(m: EntityManager, communityCode: string): Promise<HouseholdCountEntity> {
    return m.getRepository(HouseholdCountEntity).findOneByOrFail({ communityCode });
  }

  /** Counts in community order, within the filter and the caller's scope. */
  counts(p: Principal, f: { district?: string; street?: string; community?: string }): Promise<HouseholdCountEntity[]> {
    const hq = this.dataSource.getRepository(HouseholdCountEntity).createQueryBuilder('h').orderBy('h.communityCode');
    if (f.district) hq.andWhere('h.districtCode = :district', { district: f.district });
    if (f.street) hq.andWhere('h.streetCode = :street', { street: f.street });
    if (f.community) hq.andWhere('h.communityCode = :community', { community: f.community });
    return applyScope(hq, p.scope, { district: 'h.districtCode', street: 'h.streetCode' }).getMany();
  }

  /** Community names where known (for report labels). */
  async communityNames(): Promise<Map<string, string>> {
    const rows = await this.dataSource.getRepository(HouseholdCountEntity).find({ select: { communityCode: true, communityName: true } });
    return new Map(rows.filter((r) => r.communityName).map((r) => [r.communityCode, r.communityName!]));
  }

  standard(fiscalYear: number, stream: string): Promise<FundingStandardEntity | null> {
    return this.dataSource.getRepository(FundingStandardEntity).findOneBy({ fiscalYear, stream });
  }

  lockStandard(m: EntityManager, fiscalYear: number, stream: string): Promise<FundingStandardEntity | null> {
    return m.getRepository(FundingStandardEntity).findOne({ where: { fiscalYear, stream }, lock: { mode: 'pessimistic_write' } });
  }

  getStandard(m: EntityManager, fiscalYear: number, stream: string): Promise<FundingStandardEntity> {
    return m.getRepository(FundingStandardEntity).findOneByOrFail({ fiscalYear, stream });
  }

  standards(): Promise<FundingStandardEntity[]> {
    return this.dataSource.getRepository(FundingStandardEntity).find({ order: { fiscalYear: 'DESC', stream: 'ASC' } });
  }
}
