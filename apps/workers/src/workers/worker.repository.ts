/**
 * The only owner of the `worker` row shape and its writes. The API (one hire), the import and the
 * demo seed (thousands of rows) all insert through `insertMany`, so the 26 columns are spelled once.
 */
import { insertRows, selectIn } from '@cws/persistence';
import type { Education, EmploymentType, PoliticalStatus, QualificationLevel, WorkerStatus } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';
import type { ProtectedValue } from '../common/pii';
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

export class WorkerRepository {
  /** Inserts one worker and returns its id (a taken resident ID raises the driver's ER_DUP_ENTRY). */
  static async insert(m: EntityManager, w: NewWorker): Promise<number> {
    const inserted = await insertRows(m, INSERT_WORKER, [values(w, new Date())]);
    const id = w.id ?? inserted;
    await WorkerNameGramRepository.refresh(m, [id]);
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
    await WorkerNameGramRepository.refresh(m, [...ids.values()]);
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
}
