import type { EntityManager } from 'typeorm';

/**
 * Posts obtained by ELECTION without an election record (made before elections were recorded, or by
 * the demo seed) get one back-filled REGULAR election per body and start date: term from the post's
 * start to its end (or five years), method and votes unknown, `backfilled = 1`. Set-based SQL; used
 * by the migration and the seed. Returns how many elections it wrote.
 */
export async function backfillElections(m: EntityManager): Promise<number> {
  const res = await m.query(`INSERT INTO election (body_id, body_kind, community_code, street_code, district_code, kind, method, election_date, term_years,
      term_start, term_end, backfilled, note, created_at)
    SELECT a.body_id, a.body_kind, a.community_code, c.street_code, c.district_code, 'REGULAR', NULL, a.start_date, 5,
           a.start_date, COALESCE(MAX(a.end_date), DATE_SUB(DATE_ADD(a.start_date, INTERVAL 5 YEAR), INTERVAL 1 DAY)), 1, 'back-filled from existing elected posts', NOW(3)
      FROM appointment a JOIN community c ON c.code = a.community_code
     WHERE a.obtained_by = 'ELECTION' AND a.election_id IS NULL
     GROUP BY a.body_id, a.body_kind, a.community_code, c.street_code, c.district_code, a.start_date`);
  if (!Number(res.affectedRows)) return 0;
  await m.query(`UPDATE appointment a JOIN election e ON e.body_id = a.body_id AND e.term_start = a.start_date AND e.backfilled = 1
      SET a.election_id = e.id, a.term_end = e.term_end
    WHERE a.obtained_by = 'ELECTION' AND a.election_id IS NULL`);
  await m.query(`INSERT INTO election_result (election_id, worker_id, role, votes, appointment_id)
    SELECT a.election_id, a.worker_id, a.role, NULL, a.id FROM appointment a JOIN election e ON e.id = a.election_id
     WHERE e.backfilled = 1 AND NOT EXISTS (SELECT 1 FROM election_result r WHERE r.appointment_id = a.id)`);
  return Number(res.affectedRows);
}
