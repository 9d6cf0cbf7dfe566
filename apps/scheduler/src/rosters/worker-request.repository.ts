import { Injectable } from '@nestjs/common';
import type { REQUEST_KINDS } from '@cws/scheduler-contracts';
import type { EntityManager } from 'typeorm';

/** UNAVAILABLE is declared unavailability (hard); OFF and SHIFT are preferences (soft). */
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface WorkerRequestRow {
  workerId: number;
  date: string;
  kind: RequestKind;
  shift: string | null;
}

/** The only owner of `worker_request`: one request per worker and day. */
@Injectable()
export class WorkerRequestRepository {
  /** Records requests (a day each), replacing any the workers already have on those days: one multi-row statement. */
  async upsertMany(m: EntityManager, rows: Array<WorkerRequestRow & { communityCode: string; districtCode: string; streetCode: string; note: string | null; createdBy: string }>): Promise<void> {
    if (rows.length === 0) return;
    await m.query(
      `INSERT INTO worker_request (community_code, district_code, street_code, worker_id, day, kind, shift, note, created_by, created_at)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3))').join(', ')}
       ON DUPLICATE KEY UPDATE community_code = VALUES(community_code), district_code = VALUES(district_code), street_code = VALUES(street_code),
         kind = VALUES(kind), shift = VALUES(shift), note = VALUES(note), created_by = VALUES(created_by), created_at = VALUES(created_at)`,
      rows.flatMap((r) => [r.communityCode, r.districtCode, r.streetCode, r.workerId, r.date, r.kind, r.shift, r.note, r.createdBy]),
    );
  }

  /** The month's requests of a community as HR lists them: by day, then worker, with the note and who recorded them. */
  async listMonth(m: EntityManager, community: string, month: string): Promise<Array<WorkerRequestRow & { note: string | null; createdBy: string }>> {
    const rows = await m.query(
      `SELECT worker_id AS workerId, DATE_FORMAT(day, '%Y-%m-%d') AS date, kind, shift, note, created_by AS createdBy FROM worker_request
        WHERE community_code = ? AND day BETWEEN ? AND LAST_DAY(?) ORDER BY day, worker_id`,
      [community, `${month}-01`, `${month}-01`],
    );
    return rows.map((r: WorkerRequestRow & { note: string | null; createdBy: string }) => ({ ...r, workerId: Number(r.workerId) }));
  }

  /** Withdraws a worker's request of a day in the community: the row withdrawn, null when there is none. */
  async remove(m: EntityManager, community: string, workerId: number, date: string): Promise<WorkerRequestRow | null> {
    const [row] = await m.query(
      `SELECT worker_id AS workerId, DATE_FORMAT(day, '%Y-%m-%d') AS date, kind, shift FROM worker_request WHERE community_code = ? AND worker_id = ? AND day = ? FOR UPDATE`,
      [community, workerId, date],
    );
    if (!row) return null;
    await m.query('DELETE FROM worker_request WHERE community_code = ? AND worker_id = ? AND day = ?', [community, workerId, date]);
    return { ...row, workerId: Number(row.workerId) };
  }

  /** The month's requests as a solve reads them: by worker, then day (the list's rows, one statement). */
  async forMonth(m: EntityManager, community: string, month: string): Promise<WorkerRequestRow[]> {
    const rows = await this.listMonth(m, community, month);
    return rows.map(({ workerId, date, kind, shift }) => ({ workerId, date, kind, shift })).sort((a, b) => a.workerId - b.workerId || a.date.localeCompare(b.date));
  }
}
