/**
 * The only owner of the `worker` row shape and its writes. The API (one hire), the import and the
 * demo seed (thousands of rows) all insert through `insertMany`, so the 26 columns are spelled once;
 * updates, status moves, row locks and the other modules' reads of a worker go through the methods below;
 * the reads of where a worker is on a day are `WorkerByDayRepository`'s.
 */
import { notFound, type Scope } from '@cws/kernel';
import type { EncryptedColumn } from '@cws/platform';
import { applyScope, insertRows, keysetPage, selectIn, type KeysetPage } from '@cws/persistence';
import type { Education, EmploymentType, PoliticalStatus, QualificationLevel, WorkerStatus } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';
import type { ProtectedValue } from '../common/pii';
import { registerWritten } from './register-generation';
import { WorkerNameGramRepository } from './worker-name-gram.repository';

export interface NewWorker {
  /** An explicit id (the demo seed numbers its workers); absent = AUTO_INCREMENT. */
  id?: number;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  residentId: ProtectedValue;
  phone: string | null;
  education: Education;
  politicalStatus: PoliticalStatus;
  qualificationLevel: QualificationLevel;
  qualificationCert: string | null;
  hireDate: string;
  employmentType: EmploymentType;
  /** Default ACTIVE. */
  status?: WorkerStatus;
  bankAccount: ProtectedValue | null;
  /** null when there is no account (or its check was not made). */
  bankLuhnOk: boolean | null;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  /** Months of earlier service credited to the entry grade (default 0). */
  priorServiceMonths?: number;
}

const INSERT_WORKER = `INSERT INTO worker (id, name, sex, birth_date, resident_id_enc, resident_id_hash, resident_id_masked, phone, education,
  political_status, qualification_level, qualification_cert, hire_date, employment_type, status, bank_account_enc, bank_account_hash,
  bank_account_masked, bank_luhn_ok, community_code, street_code, district_code, prior_service_months, version, created_at, updated_at)`;

function values(w: NewWorker, now: Date): unknown[] {
  return [
    // NULL in an AUTO_INCREMENT column takes the next id
    w.id ?? null, w.name, w.sex, w.birthDate, w.residentId.enc, w.residentId.hash, w.residentId.masked, w.phone, w.education,
    w.politicalStatus, w.qualificationLevel, w.qualificationCert, w.hireDate, w.employmentType, w.status ?? 'ACTIVE',
    w.bankAccount?.enc ?? null, w.bankAccount?.hash ?? null, w.bankAccount?.masked ?? null, w.bankLuhnOk,
    w.communityCode, w.streetCode, w.districtCode, w.priorServiceMonths ?? 0, 1, now, now,
  ];
}

/** What the grade rules need of a worker, with the org codes events carry. */
export interface WorkerGradeFacts {
  workerId: number;
  education: string;
  hireDate: string;
  priorServiceMonths: number;
  districtCode: string;
  streetCode: string;
  communityCode: string;
}

/** A change to a worker's record (absent = unchanged). */
export interface WorkerChanges {
  name?: string;
  phone?: string | null;
  education?: Education;
  politicalStatus?: PoliticalStatus;
  qualificationLevel?: QualificationLevel;
  qualificationCert?: string | null;
  employmentType?: EmploymentType;
  bankAccount?: { value: ProtectedValue; luhnOk: boolean | null };
  /** A transfer: the new community and its street and district, from `since`. */
  place?: { communityCode: string; streetCode: string; districtCode: string; since: string };
}

/** The export's filters (all optional). */
export interface ExportFilter {
  district?: string;
  street?: string;
  community?: string;
  status?: string;
}

/** Column of each plain field of `WorkerChanges`. */
const CHANGE_COLUMNS: ReadonlyArray<[keyof WorkerChanges, string]> = [
  ['name', 'name'], ['phone', 'phone'], ['education', 'education'], ['politicalStatus', 'political_status'],
  ['qualificationLevel', 'qualification_level'], ['qualificationCert', 'qualification_cert'], ['employmentType', 'employment_type'],
];

/** The place columns another table's reads need of a worker (scope checks, audit rows, events). */
export interface WorkerPlace {
  districtCode: string;
  streetCode: string;
}

export class WorkerRepository {
  /** The encrypted columns (key rotation re-encrypts them). */
  static readonly ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
    { table: 'worker', column: 'resident_id_enc' },
    { table: 'worker', column: 'bank_account_enc' },
  ];

  /** Inserts one worker and returns its id (a taken resident ID raises the driver's ER_DUP_ENTRY). */
  static async insert(m: EntityManager, w: NewWorker): Promise<number> {
    const inserted = await insertRows(m, INSERT_WORKER, [values(w, new Date())]);
    const id = w.id ?? inserted;
    await WorkerNameGramRepository.refresh(m, [id]); // marks the register written (registerWritten)
    return id;
  }

  /** Inserts many workers with multi-row INSERTs; returns their ids by resident-ID hash. */
  static async insertMany(m: EntityManager, workers: readonly NewWorker[]): Promise<Map<string, number>> {
    const now = new Date();
    await insertRows(m, INSERT_WORKER, workers.map((w) => values(w, now)));
    // ids: given by the seed, else found by resident ID
    const ids = workers.every((w) => w.id !== undefined)
      ? new Map(workers.map((w) => [w.residentId.hash, w.id!]))
      : await WorkerRepository.idsByResidentHash(m, workers.map((w) => w.residentId.hash));
    // the search grams of the new names
    await WorkerNameGramRepository.refresh(m, [...ids.values()]); // marks the register written (registerWritten)
    return ids;
  }

  /** The registered workers among these resident-ID hashes: hash → worker id. */
  static async idsByResidentHash(m: EntityManager, hashes: readonly string[]): Promise<Map<string, number>> {
    const rows = await selectIn<{ id: number; h: string }>(m, hashes, (list) => `SELECT id, resident_id_hash AS h FROM worker WHERE resident_id_hash IN (${list})`);
    return new Map(rows.map((r) => [r.h, Number(r.id)]));
  }

  static async count(m: EntityManager): Promise<number> {
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM worker');
    return Number(n);
  }

  /** The ids of the workers in the register on `date` (hired by then, not yet left), in order: the demo seed's trainees. */
  static async idsEmployedOn(m: EntityManager, date: string): Promise<number[]> {
    const rows: Array<{ id: number }> = await m.query('SELECT id FROM worker WHERE hire_date <= ? AND (left_date IS NULL OR left_date >= ?) ORDER BY id', [date, date]);
    return rows.map((r) => Number(r.id));
  }

  /** The worker's id registered under this resident-ID hash, or null. */
  static async idByResidentHash(m: EntityManager, hash: string): Promise<number | null> {
    const row = await m.createQueryBuilder().select('w.id AS id').from('worker', 'w').where('w.resident_id_hash = :hash', { hash }).getRawOne();
    return row ? Number(row.id) : null;
  }

  /** What the grade rules need of a worker (`lock` takes the worker row lock). */
  static async gradeFacts(m: EntityManager, id: number, opts: { lock?: boolean } = {}): Promise<WorkerGradeFacts> {
    const qb = m.createQueryBuilder()
      .select(`w.id AS id, w.education AS education, w.hire_date AS hireDate, w.prior_service_months AS priorServiceMonths, w.district_code AS districtCode,
        w.street_code AS streetCode, w.community_code AS communityCode`)
      .from('worker', 'w').where('w.id = :id', { id });
    if (opts.lock) qb.setLock('pessimistic_write');
    const w = await qb.getRawOne();
    return {
      workerId: Number(w.id), education: w.education, hireDate: w.hireDate, priorServiceMonths: Number(w.priorServiceMonths),
      districtCode: w.districtCode, streetCode: w.streetCode, communityCode: w.communityCode,
    };
  }

  /** Locks the worker row (FOR UPDATE) and returns its status and place; null when there is no such worker. */
  static async lockStatus(m: EntityManager, id: number): Promise<{ id: number; status: WorkerStatus; districtCode: string; streetCode: string; communityCode: string } | null> {
    const w = await m.createQueryBuilder()
      .select('w.id AS id, w.status AS status, w.district_code AS districtCode, w.street_code AS streetCode, w.community_code AS communityCode')
      .from('worker', 'w').where('w.id = :id', { id }).setLock('pessimistic_write').getRawOne();
    return w ? { ...w, id: Number(w.id) } : null;
  }

  /** Writes the changed fields with a new version (nothing when nothing changed); the caller holds the row lock. */
  static async update(m: EntityManager, id: number, c: WorkerChanges): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [field, column] of CHANGE_COLUMNS) {
      if (c[field] === undefined) continue;
      sets.push(`${column} = ?`);
      params.push(c[field]);
    }
    if (c.bankAccount) {
      sets.push('bank_account_enc = ?', 'bank_account_hash = ?', 'bank_account_masked = ?', 'bank_luhn_ok = ?');
      params.push(c.bankAccount.value.enc, c.bankAccount.value.hash, c.bankAccount.value.masked, c.bankAccount.luhnOk);
    }
    if (c.place) {
      sets.push('community_code = ?', 'street_code = ?', 'district_code = ?', 'place_since = ?');
      params.push(c.place.communityCode, c.place.streetCode, c.place.districtCode, c.place.since);
    }
    if (!sets.length) return;
    sets.push('version = version + 1', 'updated_at = ?');
    params.push(new Date(), id);
    await m.query(`UPDATE worker SET ${sets.join(', ')} WHERE id = ?`, params);
    // the grams carry the name and the place (a transfer moves them to the new community's street and district)
    if (c.name !== undefined || c.place) await WorkerNameGramRepository.refresh(m, [id]);
    await registerWritten(m);
  }

  /** Closes the record: LEFT on `date` for `reason`, a new version. */
  static async markLeft(m: EntityManager, id: number, date: string, reason: string): Promise<void> {
    await m.query(`UPDATE worker SET status = 'LEFT', left_date = ?, left_reason = ?, version = version + 1, updated_at = ? WHERE id = ?`, [date, reason, new Date(), id]);
    await registerWritten(m);
  }

  /** Moves a worker's status (a new version); the caller holds the worker row lock. */
  static async setStatus(m: EntityManager, id: number, status: string): Promise<void> {
    await m.query('UPDATE worker SET status = ?, version = version + 1, updated_at = ? WHERE id = ?', [status, new Date(), id]);
    await registerWritten(m);
  }

  /** The encrypted resident ID and bank account and the birth date (the audited "show" action decrypts them). */
  static async protectedPii(m: EntityManager, id: number): Promise<{ residentIdEnc: string; bankAccountEnc: string | null; birthDate: string }> {
    const row = await m.createQueryBuilder().select('w.resident_id_enc AS rid, w.bank_account_enc AS bank, w.birth_date AS birthDate')
      .from('worker', 'w').where('w.id = :id', { id }).getRawOne();
    return { residentIdEnc: row.rid, bankAccountEnc: row.bank ?? null, birthDate: row.birthDate };
  }

  /** How many workers (any status) belong to the community. */
  static async countInCommunity(m: EntityManager, communityCode: string): Promise<number> {
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM worker WHERE community_code = ?', [communityCode]);
    return Number(n);
  }

  /**
   * One keyset page of the register export (masked IDs and accounts, the primary post's band on `today`
   * and the community name), filtered by place and status within the caller's scope.
   */
  static exportPage(m: EntityManager, scope: Scope, filter: ExportFilter, today: string, after: string | null, limit: number): Promise<KeysetPage<Record<string, string>>> {
    const qb = m
      .createQueryBuilder()
      .select(`w.id AS id, w.name AS name, w.sex AS sex, YEAR(w.birth_date) AS birthYear, w.resident_id_masked AS rid, w.phone AS phone, w.education AS education,
        w.political_status AS political, w.qualification_level AS qual, w.hire_date AS hireDate, w.employment_type AS employment, w.status AS status,
        pa.band AS band, w.district_code AS district, w.street_code AS street, w.community_code AS community, c.name AS communityName, w.bank_account_masked AS bank`)
      .from('worker', 'w')
      .innerJoin('community', 'c', 'c.code = w.community_code')
      .leftJoin('appointment', 'pa', 'pa.worker_id = w.id AND pa.is_primary = 1 AND pa.start_date <= :today AND (pa.end_date IS NULL OR pa.end_date >= :today)', { today });
    if (filter.district) qb.andWhere('w.district_code = :d', { d: filter.district });
    if (filter.street) qb.andWhere('w.street_code = :s', { s: filter.street });
    if (filter.community) qb.andWhere('w.community_code = :c', { c: filter.community });
    if (filter.status) qb.andWhere('w.status = :st', { st: filter.status });
    applyScope(qb, scope, { district: 'w.district_code', street: 'w.street_code' });
    return keysetPage(qb, { column: 'w.id', after, limit, keyOf: (r) => Number(r.id), fetch: 'raw' });
  }

  /**
   * The scope check of a record that belongs to a worker: `record` as read by `id` (undefined when there is none).
   * Its worker's district and street if the scope sees the worker, else 404 `entity id` (missing and out of scope alike).
   */
  static async placeInScope(m: EntityManager, scope: Scope, record: { workerId: number | string } | undefined, entity: string, id: number): Promise<WorkerPlace> {
    const place = record ? await WorkerRepository.placeOf(m, scope, Number(record.workerId)) : undefined;
    if (!place) throw notFound(entity, id);
    return place;
  }

  private static placeOf(m: EntityManager, scope: Scope, id: number): Promise<WorkerPlace | undefined> {
    const qb = m.createQueryBuilder().select('w.district_code AS districtCode, w.street_code AS streetCode').from('worker', 'w').where('w.id = :id', { id });
    applyScope(qb, scope, { district: 'w.district_code', street: 'w.street_code' });
    return qb.getRawOne<WorkerPlace>();
  }

  /** Locks these workers' rows (FOR UPDATE, by id) and returns their places: id → place. */
  static async lockPlaces(m: EntityManager, ids: readonly number[]): Promise<Map<number, WorkerPlace>> {
    const rows = await selectIn<WorkerPlace & { id: number }>(m, ids, (list) =>
      `SELECT id, district_code AS districtCode, street_code AS streetCode FROM worker WHERE id IN (${list}) ORDER BY id FOR UPDATE`);
    return new Map(rows.map((r) => [Number(r.id), { districtCode: r.districtCode, streetCode: r.streetCode }]));
  }

  /** The names of these workers: id → name. */
  static async namesOf(m: EntityManager, ids: readonly number[]): Promise<Map<number, string>> {
    const rows = await selectIn<{ id: number; name: string }>(m, [...new Set(ids)], (list) => `SELECT id, name FROM worker WHERE id IN (${list})`);
    return new Map(rows.map((r) => [Number(r.id), r.name]));
  }
}
