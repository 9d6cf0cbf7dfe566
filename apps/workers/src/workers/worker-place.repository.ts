/**
 * The only owner of `worker_place_history` SQL: the places a worker left, one closed period each
 * [valid_from, valid_to], written by a transfer. The current place is on `worker` (since `place_since`);
 * together they answer "where was this worker on that day" for the payroll snapshot.
 */
import { insertRows } from '@cws/persistence';
import type { LeftPeriod } from '@cws/workers-core';
import type { EntityManager } from 'typeorm';

/** A place a worker left and the period they held it. */
export interface ClosedPlace extends LeftPeriod {
  workerId: number;
  communityCode: string;
  streetCode: string;
  districtCode: string;
}

export class WorkerPlaceRepository {
  /** Records the place a transfer left (`leftPeriodOf` in @cws/workers-core decides the period). */
  static async close(m: EntityManager, p: ClosedPlace): Promise<void> {
    await insertRows(m, 'INSERT INTO worker_place_history (worker_id, community_code, street_code, district_code, valid_from, valid_to)', [
      [p.workerId, p.communityCode, p.streetCode, p.districtCode, p.validFrom, p.validTo],
    ]);
  }

  /** How many periods of workers who served in the community and were transferred out (a deleted community would leave them pointing nowhere). */
  static async countInCommunity(m: EntityManager, communityCode: string): Promise<number> {
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM worker_place_history WHERE community_code = ?', [communityCode]);
    return Number(n);
  }
}
