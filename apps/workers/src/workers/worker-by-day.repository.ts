/**
 * The workers service's reads **by day**: where each worker is placed on a date — their own place on `worker`
 * (since `place_since`), a place left since (`worker_place_history`), a transfer planned ahead
 * (`worker_planned_transfer`, written by `WorkerPlaceRepository`) — for roster availability (a day, a month)
 * and the payroll snapshot (which also answers where named workers were on a day).
 */
import { addDays, type Scope } from '@cws/kernel';
import { applyScope, keysetPage, keysetPageOf, type KeysetPage } from '@cws/persistence';
import type { EmploymentType, WorkerSnapshot, WorkerStatus } from '@cws/workers-contracts';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A worker and one period they are placed in a community (`toDay` null: open-ended). */
export interface PlacedPeriod {
  id: number;
  name: string;
  employmentType: EmploymentType;
  status: WorkerStatus;
  hireDate: string;
  leftDate: string | null;
  fromDay: string;
  toDay: string | null;
}

/** A page of the workers employed on a date, for the payroll snapshot. */
export interface EmployedPageQuery {
  asOf: string;
  after?: string;
  limit: number;
  /** a district (6), street (9) or community (12) code */
  scope?: string;
  /** only these workers */
  workerIds?: readonly number[];
  /** with the encrypted resident id */
  identities?: boolean;
  /** the encrypted whole bank account, else the masked one */
  fullBank: boolean;
}

/** A snapshot row of the register: the snapshot's own fields as stored (status as on the register, not as of `asOf`), and the protected ones it decrypts. */
export type EmployedWorkerRow = Pick<WorkerSnapshot, 'name' | 'districtCode' | 'streetCode' | 'communityCode' | 'placeSince' | 'employmentType' | 'status' | 'education' | 'hireDate'
  | 'qualificationLevel' | 'priorServiceMonths'> & {
  id: number;
  /** with `fullBank` */
  bankEnc?: string | null;
  /** without `fullBank` */
  bankMasked?: string | null;
  /** with `identities` */
  residentIdEnc?: string;
};

export class WorkerByDayRepository {
  /**
   * Who may be placed in a community some day of [first, last], each period they are placed there (one row a period):
   * their own place — until the day before a planned transfer, if one is due by `last` —, a place left since
   * (`worker_place_history`), a planned transfer in (`worker_planned_transfer`); with the dates that bound their
   * employment. Roster availability (`availableDays` in @cws/workers-core) is worked out from these, the leave periods
   * and the OUT secondments, for a day or a month alike.
   */
  static async placedBetween(m: EntityManager, communityCode: string, first: string, last: string): Promise<PlacedPeriod[]> {
    const worker = `w.id, w.name, w.employment_type AS employmentType, w.status, w.hire_date AS hireDate, w.left_date AS leftDate`;
    const employed = 'w.hire_date <= ? AND (w.left_date IS NULL OR w.left_date >= ?)';
    const [own, left, planned] = await Promise.all([
      m.query(`SELECT ${worker}, COALESCE(w.place_since, w.hire_date) AS fromDay, (SELECT t0.transfer_date FROM worker_planned_transfer t0 WHERE t0.worker_id = w.id) AS movesOn
        FROM worker w WHERE w.community_code = ? AND (w.place_since IS NULL OR w.place_since <= ?) AND ${employed}`, [communityCode, last, last, first]),
      m.query(`SELECT ${worker}, h.valid_from AS fromDay, h.valid_to AS toDay FROM worker_place_history h JOIN worker w ON w.id = h.worker_id
        WHERE h.community_code = ? AND h.valid_from <= ? AND h.valid_to >= ? AND ${employed}`, [communityCode, last, first, last, first]),
      m.query(`SELECT ${worker}, t.transfer_date AS fromDay FROM worker_planned_transfer t JOIN worker w ON w.id = t.worker_id
        WHERE t.community_code = ? AND t.transfer_date <= ? AND ${employed}`, [communityCode, last, last, first]),
    ]);
    type Row = Omit<PlacedPeriod, 'id' | 'toDay'> & { id: unknown; toDay?: string | null; movesOn?: string | null };
    return ([...own, ...left, ...planned] as Row[]).map(({ movesOn, toDay, ...r }) => ({ ...r, id: Number(r.id), toDay: movesOn ? addDays(movesOn, -1) : (toDay ?? null) }));
  }

  /**
   * The workers employed on `asOf` within the caller's scope, a keyset page by id (the payroll snapshot's hot path),
   * each at the place they held that day: those whose current place began by then (`place_since`) and who do not
   * move before it, by the `worker` row's indexed place columns, merged in id order with those who were elsewhere
   * then — a period of `worker_place_history` (a transfer since; few rows) covering `asOf` — and those a planned
   * transfer has moved by then (`worker_planned_transfer`; fewer still), each in scope by that place.
   */
  static async employedPage(m: EntityManager, callerScope: Scope, q: EmployedPageQuery): Promise<KeysetPage<EmployedWorkerRow>> {
    const after = q.after ? Number(q.after) : null;
    const current = employedOn(m, q, 'w')
      .andWhere('(w.place_since IS NULL OR w.place_since <= :asOf)')
      .andWhere(`NOT EXISTS (${MOVED_BY_PLAN})`)
      .from('worker', 'w');
    placeFilter(current, callerScope, q.scope, 'w');
    const earlier = employedOn(m, q, 'h')
      .from('worker_place_history', 'h')
      .innerJoin('worker', 'w', 'w.id = h.worker_id')
      .andWhere('h.valid_from <= :asOf AND h.valid_to >= :asOf');
    placeFilter(earlier, callerScope, q.scope, 'h');
    const planned = employedOn(m, q, 't')
      .from('worker_planned_transfer', 't')
      .innerJoin('worker', 'w', 'w.id = t.worker_id')
      .andWhere('t.transfer_date <= :asOf');
    placeFilter(planned, callerScope, q.scope, 't');
    // each side one page + 1 by id; their union's first page + 1 decides the page and whether another follows
    const keyOf = (w: EmployedWorkerRow) => Number(w.id);
    const sides = await Promise.all([
      keysetPage(current, { column: 'w.id', after, limit: q.limit + 1, keyOf, fetch: 'raw' }),
      keysetPage(earlier, { column: 'h.worker_id', after, limit: q.limit + 1, keyOf, fetch: 'raw' }),
      keysetPage(planned, { column: 't.worker_id', after, limit: q.limit + 1, keyOf, fetch: 'raw' }),
    ]);
    const [a, ...others] = sides.map((p) => p.items);
    const rows = others.some((o) => o.length) ? [a, ...others].flat().sort((x, y) => keyOf(x) - keyOf(y)) : a;
    return keysetPageOf(rows, q.limit, keyOf);
  }
}

/** A worker (`w`) whose planned transfer has taken effect by `:asOf`: they are in the planned community then. */
const MOVED_BY_PLAN = 'SELECT 1 FROM worker_planned_transfer t0 WHERE t0.worker_id = w.id AND t0.transfer_date <= :asOf';

/** The place `w` a worker's own row, `h` a period of `worker_place_history`, `t` a planned transfer. */
type PlaceAlias = 'w' | 'h' | 't';
const PLACE_SINCE: Record<PlaceAlias, string> = { w: 'COALESCE(w.place_since, w.hire_date)', h: 'h.valid_from', t: 't.transfer_date' };

/** The snapshot's columns of workers employed on `asOf` (of `workerIds` only, when named), the place read from `place`. */
function employedOn(m: EntityManager, q: EmployedPageQuery, place: PlaceAlias) {
  const qb = m
    .createQueryBuilder()
    .select(`w.id AS id, w.name AS name, ${place}.district_code AS districtCode, ${place}.street_code AS streetCode, ${place}.community_code AS communityCode,
      ${PLACE_SINCE[place]} AS placeSince,
      w.employment_type AS employmentType, w.status AS status, w.education AS education, w.hire_date AS hireDate,
      w.qualification_level AS qualificationLevel, w.prior_service_months AS priorServiceMonths, ${q.fullBank ? 'w.bank_account_enc AS bankEnc' : 'w.bank_account_masked AS bankMasked'}
      ${q.identities ? ', w.resident_id_enc AS residentIdEnc' : ''}`)
    .where('w.hire_date <= :asOf AND (w.left_date IS NULL OR w.left_date >= :asOf)', { asOf: q.asOf });
  return q.workerIds ? qb.andWhere('w.id IN (:...workerIds)', { workerIds: q.workerIds }) : qb;
}

/** The snapshot's place filter (a district, street or community code) and the caller's scope, on `place`'s columns. */
function placeFilter(qb: SelectQueryBuilder<ObjectLiteral>, callerScope: Scope, scope: string | undefined, place: PlaceAlias): void {
  if (scope?.length === 6) qb.andWhere(`${place}.district_code = :sd`, { sd: scope });
  if (scope?.length === 9) qb.andWhere(`${place}.street_code = :ss`, { ss: scope });
  if (scope?.length === 12) qb.andWhere(`${place}.community_code = :sc`, { sc: scope });
  applyScope(qb, callerScope, { district: `${place}.district_code`, street: `${place}.street_code` });
}
