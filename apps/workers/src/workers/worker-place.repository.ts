/**
 * The only writer of `worker_place_history` and `worker_planned_transfer`: the places a worker left, one closed
 * period each [valid_from, valid_to], written by a transfer; and the one transfer planned for a later day. The
 * current place is on `worker` (since `place_since`); together they answer "where is this worker on that day",
 * which `WorkerByDayRepository`'s reads (the payroll snapshot, roster availability) join in with `worker`.
 */
import type { Scope } from '@cws/kernel';
import { applyScope, insertRows } from '@cws/persistence';
import type { IncomingTransfersView } from '@cws/workers-contracts';
import type { LeftPeriod } from '@cws/workers-core';
import type { DataSource, EntityManager } from 'typeorm';

/** A community with its street and district. */
export interface PlaceCodes {
  communityCode: string;
  streetCode: string;
  districtCode: string;
}

/** A transfer recorded ahead of its date. */
export interface PlannedTransfer extends PlaceCodes {
  workerId: number;
  /** the first day in the new community */
  date: string;
  plannedBy: string;
}

/** A place a worker left and the period they held it. */
export interface ClosedPlace extends LeftPeriod, PlaceCodes {
  workerId: number;
}

export class WorkerPlaceRepository {
  /** Records the place a transfer left (`leftPeriodOf` in @cws/workers-core decides the period). */
  static async close(m: EntityManager, p: ClosedPlace): Promise<void> {
    await insertRows(m, 'INSERT INTO worker_place_history (worker_id, community_code, street_code, district_code, valid_from, valid_to)', [
      [p.workerId, p.communityCode, p.streetCode, p.districtCode, p.validFrom, p.validTo],
    ]);
  }

  /**
   * How many periods of workers who served in the community and were transferred out, and transfers planned into it (a
   * deleted community would leave them pointing nowhere).
   */
  static async countInCommunity(m: EntityManager, communityCode: string): Promise<number> {
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM worker_place_history WHERE community_code = ?', [communityCode]);
    return Number(n) + (await WorkerPlaceRepository.countPlannedInto(m, communityCode));
  }

  /** How many transfers are planned into the community (a deactivation waits for them to be cancelled or made). */
  static async countPlannedInto(m: EntityManager, communityCode: string): Promise<number> {
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM worker_planned_transfer WHERE community_code = ?', [communityCode]);
    return Number(n);
  }

  /** Records a planned transfer, replacing the worker's earlier plan. */
  static async plan(m: EntityManager, t: PlannedTransfer): Promise<void> {
    await m.query(
      `INSERT INTO worker_planned_transfer (worker_id, community_code, street_code, district_code, transfer_date, planned_by, planned_at) VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))
       ON DUPLICATE KEY UPDATE community_code = VALUES(community_code), street_code = VALUES(street_code), district_code = VALUES(district_code),
         transfer_date = VALUES(transfer_date), planned_by = VALUES(planned_by), planned_at = VALUES(planned_at)`,
      [t.workerId, t.communityCode, t.streetCode, t.districtCode, t.date, t.plannedBy],
    );
  }

  static async plannedOf(m: EntityManager, workerId: number): Promise<PlannedTransfer | undefined> {
    const [row] = await m.query(
      `SELECT worker_id AS workerId, community_code AS communityCode, street_code AS streetCode, district_code AS districtCode,
         transfer_date AS date, planned_by AS plannedBy
       FROM worker_planned_transfer WHERE worker_id = ?`,
      [workerId],
    );
    return row ? { ...row, workerId: Number(row.workerId) } : undefined;
  }

  /** Drops the worker's planned transfer, if any. */
  static async cancelPlan(m: EntityManager, workerId: number): Promise<void> {
    await m.query('DELETE FROM worker_planned_transfer WHERE worker_id = ?', [workerId]);
  }

  /**
   * The planned transfers into the scope (by the target community's place), by date then worker, at most `limit`: who is
   * coming, from where. Until the date the worker is outside that scope, so this is all its HR sees of them.
   */
  static async incoming(m: EntityManager, scope: Scope, limit: number): Promise<IncomingTransfersView['items']> {
    const qb = m.createQueryBuilder()
      .select(`t.worker_id AS workerId, w.name AS name, t.transfer_date AS date, w.community_code AS fromCommunityCode, fc.name AS fromCommunityName,
        t.community_code AS toCommunityCode, tc.name AS toCommunityName`)
      .from('worker_planned_transfer', 't')
      .innerJoin('worker', 'w', 'w.id = t.worker_id')
      .innerJoin('community', 'fc', 'fc.code = w.community_code')
      .innerJoin('community', 'tc', 'tc.code = t.community_code')
      .orderBy('t.transfer_date').addOrderBy('t.worker_id').limit(limit);
    applyScope(qb, scope, { district: 't.district_code', street: 't.street_code' });
    const rows: Array<IncomingTransfersView['items'][number] & { workerId: unknown }> = await qb.getRawMany();
    return rows.map((r) => ({ ...r, workerId: Number(r.workerId) }));
  }

  /** Workers whose planned transfer is due by `today`, by id (the status calendar moves them). */
  static async dueWorkerIds(db: DataSource | EntityManager, today: string): Promise<number[]> {
    const rows: Array<{ workerId: unknown }> = await db.query('SELECT worker_id AS workerId FROM worker_planned_transfer WHERE transfer_date <= ? ORDER BY worker_id', [today]);
    return rows.map((r) => Number(r.workerId));
  }
}
