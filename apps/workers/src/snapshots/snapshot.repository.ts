/**
 * The snapshot's reads (a read model over worker, appointment, secondment and worker_leave): a
 * keyset page of the workers employed on a date, then what was in force that day for the page's id
 * range — three indexed range queries a page, no N+1. Raw SQL for the range reads: a hot path of
 * aliased columns over tables without entities (docs/CONVENTIONS.md "Raw SQL").
 */
import type { Scope } from '@cws/kernel';
import { applyScope, keysetPage, type KeysetPage } from '@cws/persistence';
import type { EntityManager } from 'typeorm';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw rows, typed by the service that assembles them */
export type RawRow = Record<string, any>;

export interface WorkerPageQuery {
  asOf: string;
  after?: string;
  limit: number;
  /** a district (6), street (9) or community (12) code */
  scope?: string;
  /** with the encrypted resident id */
  identities?: boolean;
  /** the encrypted whole bank account, else the masked one */
  fullBank: boolean;
}

export class SnapshotRepository {
  /** The workers employed on `asOf` within the caller's scope, by id. */
  static workerPage(m: EntityManager, callerScope: Scope, q: WorkerPageQuery): Promise<KeysetPage<RawRow>> {
    const qb = m
      .createQueryBuilder()
      .select(`w.id AS id, w.name AS name, w.district_code AS districtCode, w.street_code AS streetCode, w.community_code AS communityCode,
        w.employment_type AS employmentType, w.status AS status, w.education AS education, w.hire_date AS hireDate,
        w.qualification_level AS qualificationLevel, w.prior_service_months AS priorServiceMonths, ${q.fullBank ? 'w.bank_account_enc AS bankEnc' : 'w.bank_account_masked AS bankMasked'}
        ${q.identities ? ', w.resident_id_enc AS residentIdEnc' : ''}`)
      .from('worker', 'w')
      .where('w.hire_date <= :asOf AND (w.left_date IS NULL OR w.left_date >= :asOf)', { asOf: q.asOf });
    if (q.scope?.length === 6) qb.andWhere('w.district_code = :sd', { sd: q.scope });
    if (q.scope?.length === 9) qb.andWhere('w.street_code = :ss', { ss: q.scope });
    if (q.scope?.length === 12) qb.andWhere('w.community_code = :sc', { sc: q.scope });
    applyScope(qb, callerScope, { district: 'w.district_code', street: 'w.street_code' });
    return keysetPage(qb, { column: 'w.id', after: q.after ? Number(q.after) : null, limit: q.limit, keyOf: (w: RawRow) => Number(w.id), fetch: 'raw' });
  }

  /** Posts in force on `asOf` for workers first..last, ordered by worker (the service walks them alongside the page). */
  static postsInRange(m: EntityManager, first: number, last: number, asOf: string): Promise<RawRow[]> {
    return m.query(
      `SELECT worker_id AS workerId, body_kind AS bodyKind, role, band, is_primary AS isPrimary, start_date AS \`from\`, end_date AS \`to\`
         FROM appointment WHERE worker_id BETWEEN ? AND ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY worker_id, id`,
      [first, last, asOf, asOf],
    );
  }

  /** Secondments (not cancelled) in force on `asOf` for workers first..last. */
  static secondmentsInRange(m: EntityManager, first: number, last: number, asOf: string): Promise<RawRow[]> {
    return m.query(
      `SELECT worker_id AS workerId, direction, payer, start_date AS \`from\`, end_date AS \`to\`
         FROM secondment WHERE worker_id BETWEEN ? AND ? AND status <> 'CANCELLED' AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
      [first, last, asOf, asOf],
    );
  }

  /** The workers first..last on leave on `asOf`. */
  static onLeaveInRange(m: EntityManager, first: number, last: number, asOf: string): Promise<RawRow[]> {
    return m.query(
      `SELECT DISTINCT worker_id AS workerId FROM worker_leave WHERE worker_id BETWEEN ? AND ? AND start_date <= ? AND (return_date IS NULL OR return_date > ?)`,
      [first, last, asOf, asOf],
    );
  }
}
