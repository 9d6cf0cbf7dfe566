/**
 * The register's read path: a worker as the API shows it, the detail page, the register's pages and
 * their count, in as few SQL statements as they can be, because under load the cost of a request is
 * mostly its round trips (docs/benchmarks.md "API under load", third round): the detail reads the
 * worker and its five lists in one statement, and the first page carries its count as a column of the page.
 */
import { notFound, type Scope } from '@cws/kernel';
import { applyScope, keysetPageByKeys, type KeysetCodec, type KeysetKey, type KeysetPage } from '@cws/persistence';
import {
  POST_BANDS, type CareerEventView, type WorkerListItem, type WorkerPostView, type WorkerRecordView, type WorkerSecondmentView, type WorkerTrainingView,
} from '@cws/workers-contracts';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { rawOneInScope } from '../common/org-scope';
import { gradeRow, type GradeRow } from '../grades/grade.repository';
import { WorkerNameGramRepository } from './worker-name-gram.repository';
import type { WorkerQueryDto } from './workers.dto';

/** The record as a write answers it (the register's contract). */
export type WorkerView = WorkerRecordView;

type Row = Record<string, unknown>;

/**
 * How a field of a detail list comes back through the union below, whose columns take the type of
 * every list's field in that position (mostly text): converted back to what its own query returned.
 * Dates and decimals are text either way (mysql2 `dateStrings`, `decimalNumbers: false`).
 */
type FieldKind = 'int' | 'text' | 'bool' | 'json';
const CONVERT: Record<FieldKind, (v: unknown) => unknown> = {
  int: (v) => (v === null ? null : Number(v)),
  text: (v) => (v === null ? null : String(v)),
  bool: (v) => !!Number(v),
  // MariaDB returns JSON columns as text, MySQL 8 parsed
  json: (v) => (typeof v === 'string' ? JSON.parse(v) : v),
};

/** The worker fields anyone with read access may see (never the encrypted or hashed ones), as the API names them. */
// Birth year, not date: with the date, the last four of the ID and an area guessed from the district,
// the whole resident ID could be rebuilt (docs/security.md "Masking").
const VIEW_FIELDS: ReadonlyArray<readonly [sql: string, key: string, kind: FieldKind]> = [
  ['w.id', 'id', 'int'], ['w.name', 'name', 'text'], ['w.sex', 'sex', 'text'], ['YEAR(w.birth_date)', 'birthYear', 'int'],
  ['w.resident_id_masked', 'residentIdMasked', 'text'], ['w.phone', 'phone', 'text'], ['w.education', 'education', 'text'],
  ['w.political_status', 'politicalStatus', 'text'], ['w.qualification_level', 'qualificationLevel', 'text'], ['w.qualification_cert', 'qualificationCert', 'text'],
  ['w.hire_date', 'hireDate', 'text'], ['w.employment_type', 'employmentType', 'text'], ['w.status', 'status', 'text'], ['w.left_date', 'leftDate', 'text'],
  ['w.left_reason', 'leftReason', 'text'], ['w.bank_account_masked', 'bankAccountMasked', 'text'], ['w.bank_luhn_ok', 'bankLuhnOk', 'int'],
  ['w.community_code', 'communityCode', 'text'], ['w.street_code', 'streetCode', 'text'], ['w.district_code', 'districtCode', 'text'],
  ['COALESCE(w.place_since, w.hire_date)', 'placeSince', 'text'], ['w.prior_service_months', 'priorServiceMonths', 'int'], ['w.version', 'version', 'int'],
  // at most one planned transfer a worker (its primary key), as 'date community' in one read of its row: nested as
  // `plannedTransfer` by normaliseView
  ["(SELECT CONCAT(t.transfer_date, ' ', t.community_code) FROM worker_planned_transfer t WHERE t.worker_id = w.id)", 'plannedTransfer', 'text'],
];

const WORKER_VIEW_COLUMNS = VIEW_FIELDS.map(([sql, key]) => `${sql} AS ${key}`).join(', ');

/** One list of the detail: its fields (SQL, key, kind), where it reads, and the order its own query had (newest first). */
interface DetailList {
  fields: ReadonlyArray<readonly [sql: string, key: string, kind: FieldKind]>;
  from: string;
  /** the column naming the worker */
  worker: string;
  order: readonly string[];
}

const APPOINTMENTS: DetailList = {
  fields: [
    ['a.id', 'id', 'int'], ['a.body_kind', 'bodyKind', 'text'], ['a.role', 'role', 'text'], ['a.band', 'band', 'text'], ['a.is_primary', 'isPrimary', 'bool'],
    ['a.obtained_by', 'obtainedBy', 'text'], ['a.start_date', 'from', 'text'], ['a.end_date', 'to', 'text'], ['a.end_reason', 'endReason', 'text'],
    ['a.community_code', 'communityCode', 'text'], ['a.election_id', 'electionId', 'int'], ['a.term_end', 'termEnd', 'text'],
  ],
  from: 'appointment a',
  worker: 'a.worker_id',
  order: ['from', 'id'],
};
const TRAINING: DetailList = {
  fields: [
    ['r.id', 'id', 'int'], ['r.class_id', 'classId', 'int'], ['k.title', 'title', 'text'], ['co.name', 'course', 'text'], ['co.category', 'category', 'text'],
    ['r.result', 'result', 'text'], ['r.hours', 'hours', 'text'], ['r.certificate_no', 'certificateNo', 'text'], ['r.completed_on', 'completedOn', 'text'],
  ],
  from: 'training_record r JOIN training_class k ON k.id = r.class_id JOIN training_course co ON co.id = k.course_id',
  worker: 'r.worker_id',
  order: ['completedOn'],
};
const SECONDMENTS: DetailList = {
  fields: [
    ['s.id', 'id', 'int'], ['s.direction', 'direction', 'text'], ['s.organisation', 'organisation', 'text'], ['s.community_code', 'communityCode', 'text'],
    ['s.start_date', 'from', 'text'], ['s.end_date', 'to', 'text'], ['s.payer', 'payer', 'text'], ['s.status', 'status', 'text'], ['s.note', 'note', 'text'],
  ],
  from: 'secondment s',
  worker: 's.worker_id',
  order: ['from'],
};
const EVENTS: DetailList = {
  // the void marker a withdrawn election put in data, as a field of its own
  fields: [
    ['e.id', 'id', 'int'], ['e.kind', 'kind', 'text'], ['e.event_date', 'date', 'text'], ['e.note', 'note', 'text'], ['e.data', 'data', 'json'],
    ["JSON_EXTRACT(e.data, '$.voided')", 'voided', 'json'],
  ],
  from: 'worker_event e',
  worker: 'e.worker_id',
  order: ['date', 'id'],
};
// GradeRepository's columns under its names; its gradeRow converts them as it does its own rows
const GRADES: DetailList = {
  fields: [
    ['g.id', 'id', 'int'], ['g.worker_id', 'workerId', 'int'], ['g.grade', 'grade', 'int'], ['g.band', 'band', 'text'], ['g.valid_from', 'from', 'text'],
    ['g.anchor_date', 'anchorDate', 'text'], ['g.cause', 'cause', 'text'], ['g.derived', 'derived', 'bool'], ['g.event_id', 'eventId', 'int'],
    ['g.policy_refs', 'policyRefs', 'json'], ['g.note', 'note', 'text'],
  ],
  from: 'worker_grade g',
  worker: 'g.worker_id',
  order: ['from', 'id'],
};

/** The worker's own row, as one more "list" of the union: first. */
const WORKER: DetailList = { fields: VIEW_FIELDS, from: 'worker w', worker: 'w.id', order: [] };
const DETAIL_LISTS = [WORKER, APPOINTMENTS, TRAINING, SECONDMENTS, EVENTS, GRADES] as const;
const WIDTH = Math.max(...DETAIL_LISTS.map((l) => l.fields.length));

/**
 * The detail in one statement: a UNION ALL with a branch per list (tagged by its index), padded
 * with NULLs to one width, each joined to `visible` — the worker's id if the caller's scope sees the
 * worker, else no row, so a 404 reads no list. Not JSON_ARRAYAGG columns of the worker's row: MariaDB
 * prepares a temporary table for each aggregate, about 1 ms a list even when no row is read (measured).
 */
function detailUnion(visible: string): string {
  return DETAIL_LISTS.map((list, i) => {
    const columns = Array.from({ length: WIDTH }, (_, c) => `${list.fields[c]?.[0] ?? 'NULL'}${i === 0 ? ` AS c${c}` : ''}`);
    return `SELECT ${i}${i === 0 ? ' AS list' : ''}, ${columns.join(', ')} FROM ${list.from} JOIN (${visible}) v ON v.id = ${list.worker}`;
  }).join('\nUNION ALL ');
}

/** Each list's rows from the union, keyed, converted and ordered as its own query returned them (stable: ties keep the read order). */
function detailLists(rows: Row[]): Row[][] {
  return DETAIL_LISTS.map((list, i) => rows
    .filter((r) => Number(r.list) === i)
    .map((r) => Object.fromEntries(list.fields.map(([, key, kind], c) => [key, CONVERT[kind](r[`c${c}`])])))
    .sort((x, y) => {
      for (const key of list.order) {
        const [a, b] = [x[key] as string | number, y[key] as string | number];
        if (a !== b) return a < b ? 1 : -1;
      }
      return 0;
    }));
}

/** The detail's lists as the API answers them: the workers contracts (DETAIL_LISTS spells their fields). */
export interface WorkerDetailRows {
  worker: WorkerView;
  appointments: WorkerPostView[];
  training: WorkerTrainingView[];
  secondments: WorkerSecondmentView[];
  events: CareerEventView[];
  /** newest first */
  grades: GradeRow[];
}

/** How the register is sorted: a column, and whether it walks down. */
const SORT_COLUMNS = { id: 'w.id', name: 'w.name', hireDate: 'w.hire_date' } as const;
const PRIMARY_POST_ON = 'pa.worker_id = w.id AND pa.is_primary = 1 AND pa.start_date <= :on AND (pa.end_date IS NULL OR pa.end_date >= :on)';

export interface RegisterPageQuery extends Omit<WorkerQueryDto, 'limit'> {
  limit: number;
  /** today (the grade and primary post in force) */
  on: string;
  cursors: KeysetCodec;
}

export class WorkerReadRepository {
  /** The worker as the API shows it, if the scope sees it (else 404); `lock` takes the row lock that serialises its changes. */
  static async viewInScope(m: EntityManager, scope: Scope, id: number, opts: { lock?: boolean } = {}): Promise<WorkerView> {
    const qb = m.createQueryBuilder().select(WORKER_VIEW_COLUMNS).from('worker', 'w').where('w.id = :id', { id });
    return normaliseView(await rawOneInScope(qb, scope, { district: 'w.district_code', street: 'w.street_code' }, 'worker', id, opts));
  }

  /** The workers registered under these resident-ID hashes that the scope sees, by hash (one statement). */
  static async viewsByResidentHash(m: EntityManager, scope: Scope, hashes: readonly string[]): Promise<Map<string, WorkerView>> {
    if (hashes.length === 0) return new Map();
    const qb = m.createQueryBuilder().select(WORKER_VIEW_COLUMNS).addSelect('w.resident_id_hash', 'residentIdHash').from('worker', 'w').where('w.resident_id_hash IN (:...hashes)', { hashes });
    applyScope(qb, scope, { district: 'w.district_code', street: 'w.street_code' });
    const rows: Row[] = await qb.getRawMany();
    return new Map(rows.map(({ residentIdHash, ...view }) => [String(residentIdHash), normaliseView(view)]));
  }

  /**
   * The detail page's rows in one statement: the worker (404 if missing or outside the scope) with
   * its appointments, training, secondments, career events and grades (they were six statements).
   */
  static async detail(m: EntityManager, scope: Scope, id: number): Promise<WorkerDetailRows> {
    const visible = m.createQueryBuilder().select('w.id', 'id').from('worker', 'w').where('w.id = :id', { id });
    applyScope(visible, scope, { district: 'w.district_code', street: 'w.street_code' });
    const [sql, params] = visible.getQueryAndParameters();
    const [[worker], appointments, training, secondments, events, grades] = detailLists(await m.query(detailUnion(sql), DETAIL_LISTS.flatMap(() => params)));
    if (!worker) throw notFound('worker', id);
    // each list's rows carry the fields and kinds DETAIL_LISTS declares for it: the contract's
    return {
      worker: normaliseView(worker), appointments: appointments as unknown as WorkerPostView[], training: training as unknown as WorkerTrainingView[],
      secondments: secondments as unknown as WorkerSecondmentView[], events: events as unknown as CareerEventView[], grades: grades.map(gradeRow),
    };
  }

  /**
   * The statement counting the register's rows under the caller's scope and filters. Every input that
   * reaches the count is in its text or parameters, so they key the count cache (register-count-cache.ts).
   * Counted on worker alone: the community always matches (foreign key) and the primary post only
   * matters when filtering by band, so the count need not walk 10,000s of appointment rows.
   */
  static countQuery(m: EntityManager, scope: Scope, q: RegisterPageQuery): SelectQueryBuilder<ObjectLiteral> {
    const counter = m.createQueryBuilder().select('COUNT(*)').from('worker', 'w');
    if (q.post && (POST_BANDS as readonly string[]).includes(q.post)) counter.innerJoin('appointment', 'pa', PRIMARY_POST_ON, { on: q.on });
    filterRegister(counter, scope, q);
    return counter;
  }

  /**
   * A page of the register in the caller's scope, filtered and keyset-paged by the sort; the first
   * page (no `after`) also says how many rows the filter has (the register shows "共 N 条"): `count.known`
   * when the caller has it (a valid cached count), else counted by the page's statement with
   * `count.counter` (the caller's `countQuery`, built once for the cache key) or one built here.
   */
  static async page(
    m: EntityManager, scope: Scope, q: RegisterPageQuery, count: { known?: number; counter?: SelectQueryBuilder<ObjectLiteral> } = {},
  ): Promise<KeysetPage<WorkerListItem> & { total?: number }> {
    const knownTotal = count.known;
    const sort = q.sort ?? 'id';
    const desc = sort.startsWith('-');
    const key = SORT_COLUMNS[(desc ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
    const qb = m
      .createQueryBuilder()
      .select(`w.id AS id, w.name AS name, w.sex AS sex, YEAR(w.birth_date) AS birthYear, w.resident_id_masked AS residentIdMasked, w.phone AS phone,
        w.community_code AS communityCode, (SELECT c.name FROM community c WHERE c.code = w.community_code) AS communityName, w.street_code AS streetCode, w.district_code AS districtCode,
        w.status AS status, w.employment_type AS employmentType, pa.band AS postBand, w.qualification_level AS qualificationLevel, w.hire_date AS hireDate,
        (SELECT CONCAT(g.grade, ' ', g.band) FROM worker_grade g WHERE g.worker_id = w.id AND g.valid_from <= :on ORDER BY g.valid_from DESC, g.id DESC LIMIT 1) AS gradeAndBand,
        (SELECT t.transfer_date FROM worker_planned_transfer t WHERE t.worker_id = w.id) AS plannedTransferDate`)
      .from('worker', 'w')
      // The community name by primary key per row of the page, not a join: joined, MariaDB drove the
      // page from community (5,000 rows), joined every worker and sorted them — 0.8 s for 50 rows.
      .leftJoin('appointment', 'pa', PRIMARY_POST_ON, { on: q.on });
    filterRegister(qb, scope, q);
    const counted = !q.after && knownTotal === undefined;
    if (counted) {
      // The count rides in the page's statement as an uncorrelated subquery (MariaDB runs it once),
      // so the first page is one round trip. Its `w` is its own (the inner alias hides the outer);
      // its parameters are named as the page's, with the same values.
      qb.addSelect(`(${(count.counter ?? WorkerReadRepository.countQuery(m, scope, q)).getQuery()})`, 'total');
    }
    // signed, and shaped by the sort: a cursor from another sort (or crafted) is a 400, not SQL
    const sortKey: KeysetKey<Row>[] = key === 'w.name' ? [{ column: key, part: 'text', valueOf: (r) => String(r.name) }]
      : key === 'w.hire_date' ? [{ column: key, part: 'date', valueOf: (r) => String(r.hireDate) }] : [];
    const page = await keysetPageByKeys<ObjectLiteral, Row>(qb, {
      keys: [...sortKey, { column: 'w.id', part: 'int', valueOf: (r) => Number(r.id) }], cursors: q.cursors, after: q.after, limit: q.limit,
      order: desc ? 'DESC' : 'ASC', fetch: 'raw',
    });
    const items = page.items.map(listItem);
    if (q.after) return { items, nextAfter: page.nextAfter };
    if (!counted) return { items, nextAfter: page.nextAfter, total: knownTotal };
    // no row on the first page: nothing matches
    return { items, nextAfter: page.nextAfter, total: page.items.length ? Number(page.items[0].total) : 0 };
  }
}

/** The register's filters (scope first), shared by the page and its count; parameters by name, the same in both. */
function filterRegister(qb: SelectQueryBuilder<ObjectLiteral>, scope: Scope, q: RegisterPageQuery): void {
  applyScope(qb, scope, { district: 'w.district_code', street: 'w.street_code' });
  if (q.district) qb.andWhere('w.district_code = :district', { district: q.district });
  if (q.street) qb.andWhere('w.street_code = :street', { street: q.street });
  if (q.community) qb.andWhere('w.community_code = :community', { community: q.community });
  if (q.status) qb.andWhere('w.status = :status', { status: q.status });
  if (q.qualification) qb.andWhere('w.qualification_level = :qual', { qual: q.qualification });
  if (q.q) {
    const contains = WorkerNameGramRepository.containsCondition('w', q.q, scope, { district: q.district, street: q.street });
    qb.andWhere(contains.sql, contains.params);
  }
  if (q.post) {
    if ((POST_BANDS as readonly string[]).includes(q.post)) qb.andWhere('pa.band = :band', { band: q.post });
    else {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM appointment ra WHERE ra.worker_id = w.id AND ra.role = :role AND ra.start_date <= :on AND (ra.end_date IS NULL OR ra.end_date >= :on))',
        { role: q.post, on: q.on },
      );
    }
  }
}

/**
 * A page row as the register answers it, written out field by field in the contract's order: one
 * object of one shape a row. Copied with rest and spread three times over (the count column off, the
 * grade split, the service's conversions) the rows cost the service ≈ 220 µs more a page of 50, in
 * the copies and in serialising objects V8 no longer sees as one shape (docs/benchmarks.md "Session 5").
 * The grade in force and its band come from one subquery as 'grade band' (both NOT NULL; a band has
 * no space): two subqueries read the same `worker_grade` row twice. Both null without a grade yet.
 */
function listItem(r: Row): WorkerListItem {
  const gradeAndBand = r.gradeAndBand === null || r.gradeAndBand === undefined ? null : String(r.gradeAndBand);
  const space = gradeAndBand === null ? -1 : gradeAndBand.indexOf(' ');
  return {
    id: Number(r.id), name: r.name as string, sex: r.sex as WorkerListItem['sex'], birthYear: r.birthYear as number,
    residentIdMasked: r.residentIdMasked as string, phone: r.phone as WorkerListItem['phone'], communityCode: r.communityCode as string,
    communityName: r.communityName as string, streetCode: r.streetCode as string, districtCode: r.districtCode as string,
    status: r.status as WorkerListItem['status'], employmentType: r.employmentType as WorkerListItem['employmentType'],
    postBand: (r.postBand as WorkerListItem['postBand']) ?? null, qualificationLevel: r.qualificationLevel as WorkerListItem['qualificationLevel'],
    hireDate: r.hireDate as string,
    grade: gradeAndBand === null ? null : Number(gradeAndBand.slice(0, space)),
    gradeBand: gradeAndBand === null ? null : (gradeAndBand.slice(space + 1) as WorkerListItem['gradeBand']),
    plannedTransferDate: (r.plannedTransferDate as string | null) ?? null,
  };
}

function normaliseView({ plannedTransfer, ...row }: Row): WorkerView {
  const [date, communityCode] = plannedTransfer ? String(plannedTransfer).split(' ') : [];
  return {
    ...row,
    plannedTransfer: date ? { date, communityCode } : null,
    id: Number(row.id),
    version: Number(row.version),
    priorServiceMonths: Number(row.priorServiceMonths ?? 0),
    bankLuhnOk: row.bankLuhnOk === null || row.bankLuhnOk === undefined ? null : !!Number(row.bankLuhnOk),
  } as WorkerView;
}
