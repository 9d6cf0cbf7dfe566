import { Injectable } from '@nestjs/common';
import type { Scope } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import type { CentreConfig } from '@cws/scheduler-solver';
import type { EntityManager } from 'typeorm';
import { scopeColumns } from '../common/access';
import { fromJson, iso, toJson } from '../common/json';

export interface StoredCentre {
  communityCode: string;
  districtCode: string;
  streetCode: string;
  config: CentreConfig;
  updatedAt: string | null;
  updatedBy: string;
}

/** The only owner of `service_centre`: one row per community that has its own set-up. */
@Injectable()
export class ServiceCentreRepository {
  /** The centre if it is stored and in `scope` (null scope: no filter, for jobs); `lock`: FOR UPDATE. */
  async find(m: EntityManager, community: string, scope: Scope | null, opts: { lock?: boolean } = {}): Promise<StoredCentre | null> {
    const qb = m.createQueryBuilder().select('c.*').from('service_centre', 'c').where('c.community_code = :community', { community });
    if (scope) applyScope(qb, scope, scopeColumns('c'));
    if (opts.lock) qb.setLock('pessimistic_write');
    const row = await qb.getRawOne();
    return row ? view(row) : null;
  }

  /** Stored configs for many communities at once (the city-wide flow). */
  async findMany(m: EntityManager, communities: string[]): Promise<Map<string, StoredCentre>> {
    const out = new Map<string, StoredCentre>();
    for (let i = 0; i < communities.length; i += 1000) {
      const chunk = communities.slice(i, i + 1000);
      const rows = await m.query(`SELECT * FROM service_centre WHERE community_code IN (${chunk.map(() => '?').join(',')})`, chunk);
      for (const r of rows) out.set(r.community_code, view(r));
    }
    return out;
  }

  async upsert(m: EntityManager, c: Omit<StoredCentre, 'updatedAt'>): Promise<void> {
    await m.query(
      `INSERT INTO service_centre (community_code, district_code, street_code, config, updated_at, updated_by) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3), ?)
       ON DUPLICATE KEY UPDATE district_code = VALUES(district_code), street_code = VALUES(street_code), config = VALUES(config),
         updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)`,
      [c.communityCode, c.districtCode, c.streetCode, toJson(c.config), c.updatedBy],
    );
  }
}

function view(r: Record<string, unknown>): StoredCentre {
  return {
    communityCode: String(r.community_code), districtCode: String(r.district_code), streetCode: String(r.street_code),
    config: fromJson<CentreConfig>(r.config)!, updatedAt: iso(r.updated_at), updatedBy: String(r.updated_by),
  };
}
