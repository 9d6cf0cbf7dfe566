import { Injectable } from '@nestjs/common';
import { parseMoney, type Fen, type Scope } from '@cws/kernel';
import { applyScope, keysetPage, keysetPageByKeys, type KeysetCodec, type KeysetPage } from '@cws/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { placeFilter } from '../common/place-filter';
import { decodeLines } from './line-items';
import { PayslipEntity, type SlipKind } from './payroll-run.entities';

/** A payslip as written: money already formatted as DECIMAL text, lines and tax state as JSON text. */
export interface PayslipRow {
  runId: string;
  workerId: number;
  slipKind: SlipKind;
  correctsPayslipId: string | null;
  period: string;
  generation: number;
  chunkNo: number;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  workerName: string;
  bankAccount: string | null;
  status: 'COMPUTED' | 'FAILED';
  failureCode: string | null;
  failureMessage: string | null;
  band: string | null;
  grade: number | null;
  gradeSource: 'REGISTER' | 'DERIVED' | null;
  payer: 'HOME' | 'HOST';
  gross: string;
  employeeContributions: string;
  tax: string;
  recoveries: string;
  net: string;
  employerContributions: string;
  recoveryCarried: string;
  flags: string;
  lines: string | null;
  taxState: string | null;
}

const COLUMNS = [
  'run_id', 'worker_id', 'slip_kind', 'corrects_payslip_id', 'period', 'generation', 'chunk_no', 'district_code', 'street_code', 'community_code', 'worker_name', 'bank_account',
  'status', 'failure_code', 'failure_message', 'band', 'grade', 'grade_source', 'payer', 'gross', 'employee_contributions', 'tax', 'recoveries',
  'net', 'employer_contributions', 'recovery_carried', 'flags', 'line_items', 'tax_state',
] as const;
/** On a retry every column but the key (run, worker, kind) is replaced; the row keeps its id. */
const UPDATE_ON_DUPLICATE = COLUMNS.filter((c) => c !== 'run_id' && c !== 'worker_id' && c !== 'slip_kind').map((c) => `${c} = VALUES(${c})`).join(', ');
const ROW_PLACEHOLDER = `(${COLUMNS.map(() => '?').join(', ')}, UTC_TIMESTAMP(3))`;

/** What a list of slips shows (no lines, tax state or bank account). */
const LIST_COLUMNS = [
  's.id', 's.runId', 's.slipKind', 's.correctsPayslipId', 's.period', 's.workerId', 's.workerName', 's.districtCode', 's.streetCode', 's.communityCode',
  's.status', 's.gross', 's.employeeContributions', 's.tax', 's.net', 's.employerContributions', 's.flags',
];

/** What a run's cost postings read of a slip (`costPage`). */
export interface CostRow {
  id: string;
  workerId: number;
  slipKind: SlipKind;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  payer: 'HOME' | 'HOST';
  gross: string;
  employerContributions: string;
}

/** Settled state a new payslip starts from: the worker's latest approved or paid slip of the year. */
export interface SettledSlip {
  workerId: number;
  period: string;
  runType: string;
  slipKind: SlipKind;
  taxState: string | null;
  recoveryCarried: string;
  /** What the contribution base is averaged from (the engine's `wageRecordOf`). */
  gross: string;
  payer: 'HOME' | 'HOST';
  proRated: boolean;
}

/** The only owner of `payslip` SQL. */
@Injectable()
export class PayslipRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes a batch of slips as one multi-row INSERT … ON DUPLICATE KEY UPDATE (idempotent per run and worker). */
  async upsertMany(m: EntityManager, rows: PayslipRow[], batchSize = 500): Promise<void> {
    for (let i = 0; i < rows.length; i += batchSize) {
      const batch = rows.slice(i, i + batchSize);
      const params: unknown[] = new Array(batch.length * COLUMNS.length);
      let k = 0;
      for (const r of batch) {
        params[k++] = r.runId; params[k++] = r.workerId; params[k++] = r.slipKind; params[k++] = r.correctsPayslipId; params[k++] = r.period; params[k++] = r.generation; params[k++] = r.chunkNo;
        params[k++] = r.districtCode; params[k++] = r.streetCode; params[k++] = r.communityCode; params[k++] = r.workerName; params[k++] = r.bankAccount;
        params[k++] = r.status; params[k++] = r.failureCode; params[k++] = r.failureMessage; params[k++] = r.band; params[k++] = r.grade;
        params[k++] = r.gradeSource; params[k++] = r.payer; params[k++] = r.gross; params[k++] = r.employeeContributions; params[k++] = r.tax;
        params[k++] = r.recoveries; params[k++] = r.net; params[k++] = r.employerContributions; params[k++] = r.recoveryCarried; params[k++] = r.flags;
        params[k++] = r.lines; params[k++] = r.taxState;
      }
      await m.query(
        `INSERT INTO payslip (${COLUMNS.join(', ')}, computed_at) VALUES ${batch.map(() => ROW_PLACEHOLDER).join(', ')} ON DUPLICATE KEY UPDATE ${UPDATE_ON_DUPLICATE}, computed_at = VALUES(computed_at)`,
        params,
      );
    }
  }

  /** The raw column list and placeholder (the benchmark measures a plain INSERT of the same rows). */
  static readonly columns = COLUMNS;

  /** Slips of older generations: workers no longer in the frozen snapshot of a recalculated draft. */
  async deleteStale(m: EntityManager, runId: string, generation: number): Promise<void> {
    await m.query('DELETE FROM payslip WHERE run_id = ? AND generation < ?', [runId, generation]);
  }

  async deleteForRun(m: EntityManager, runId: string): Promise<void> {
    await m.query('DELETE FROM payslip WHERE run_id = ?', [runId]);
  }

  /** A keyset page of a run's slips within the caller's scope, by id. */
  async page(runId: string, scope: Scope, after: string | undefined, limit: number): Promise<KeysetPage<PayslipEntity>> {
    const qb = this.dataSource
      .getRepository(PayslipEntity)
      .createQueryBuilder('s')
      .select(LIST_COLUMNS)
      .where('s.runId = :runId', { runId });
    applyScope(qb, scope, { district: 's.districtCode', street: 's.streetCode' });
    return keysetPage(qb, { column: 's.id', after, limit, keyOf: (s) => s.id });
  }

  /**
   * A keyset page of one worker's slips across runs within a scope, newest period first (ties by id,
   * newest first); `after` is a signed cursor of the last row's (period, id). Served by idx_payslip_worker.
   */
  async pageForWorker(workerId: number, scope: Scope, after: string | undefined, limit: number, cursors: KeysetCodec): Promise<KeysetPage<PayslipEntity>> {
    const qb = this.dataSource
      .getRepository(PayslipEntity)
      .createQueryBuilder('s')
      .select(LIST_COLUMNS)
      .where('s.workerId = :workerId', { workerId: String(workerId) });
    applyScope(qb, scope, { district: 's.districtCode', street: 's.streetCode' });
    const keys = [
      { column: 's.period', part: 'text' as const, valueOf: (s: PayslipEntity) => s.period },
      { column: 's.id', part: 'int' as const, valueOf: (s: PayslipEntity) => Number(s.id) },
    ];
    return keysetPageByKeys(qb, { keys, order: 'DESC', after, limit, cursors });
  }

  /** A keyset page (by id) of a run's COMPUTED slips within a scope, every column: what the run outputs read. */
  async computedPage(runId: string, scope: Scope, after: string | undefined, limit: number, manager?: EntityManager): Promise<PayslipEntity[]> {
    const qb = (manager ?? this.dataSource.manager)
      .getRepository(PayslipEntity)
      .createQueryBuilder('s')
      .where('s.runId = :runId AND s.status = :computed', { runId, computed: 'COMPUTED' })
      .orderBy('s.id', 'ASC')
      .take(limit);
    if (after) qb.andWhere('s.id > :after', { after });
    applyScope(qb, scope, { district: 's.districtCode', street: 's.streetCode' });
    return qb.getMany();
  }

  /**
   * A keyset page (by id) of a run's COMPUTED slips with only what the cost postings need — no lines,
   * no entity hydration — so paying a run of 100,000 reads a few MB, not every slip's lines.
   */
  async costPage(m: EntityManager, runId: string, after: string, limit: number): Promise<CostRow[]> {
    const rows: Array<Record<string, string>> = await m.query(
      `SELECT id, worker_id AS workerId, slip_kind AS slipKind, district_code AS districtCode, street_code AS streetCode, community_code AS communityCode,
              payer, gross, employer_contributions AS employerContributions
         FROM payslip WHERE run_id = ? AND status = 'COMPUTED' AND id > ? ORDER BY id LIMIT ?`,
      [runId, after, limit],
    );
    return rows.map((r) => ({
      id: String(r.id), workerId: Number(r.workerId), slipKind: r.slipKind as SlipKind, districtCode: r.districtCode, streetCode: r.streetCode,
      communityCode: r.communityCode, payer: r.payer as 'HOME' | 'HOST', gross: String(r.gross), employerContributions: String(r.employerContributions),
    }));
  }

  async findById(id: string): Promise<PayslipEntity | null> {
    return this.dataSource.getRepository(PayslipEntity).findOneBy({ id });
  }

  async findByRunAndWorker(runId: string, workerId: number, manager?: EntityManager): Promise<PayslipEntity | null> {
    return (manager ?? this.dataSource.manager).getRepository(PayslipEntity).findOneBy({ runId, workerId: String(workerId) });
  }

  /**
   * Of `workerIds`, those with a computed REGULAR slip of `period` in another REGULAR run that is not cancelled (any
   * status, or only APPROVED and PAID with `settledOnly`): worker id → that run's id. A worker is paid once a month.
   */
  async regularInOtherRuns(workerIds: number[], period: string, runId: string, opts: { settledOnly?: boolean; manager?: EntityManager } = {}): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (!workerIds.length) return out;
    const rows: Array<{ workerId: string; runId: string }> = await (opts.manager ?? this.dataSource.manager).query(
      `SELECT s.worker_id AS workerId, MIN(s.run_id) AS runId
         FROM payslip s JOIN payroll_run r ON r.id = s.run_id
        WHERE s.worker_id IN (${workerIds.map(() => '?').join(', ')}) AND s.period = ? AND s.run_id <> ? AND s.slip_kind = 'REGULAR' AND s.status = 'COMPUTED'
          AND r.type = 'REGULAR' AND r.status IN (${opts.settledOnly ? "'APPROVED', 'PAID'" : "'DRAFT', 'SUBMITTED', 'APPROVED', 'PAID'"})
        GROUP BY s.worker_id`,
      [...workerIds, period, runId],
    );
    for (const r of rows) out.set(Number(r.workerId), String(r.runId));
    return out;
  }

  /** Up to 50 workers of REGULAR run `runId` whose slip of the month another REGULAR run, approved or paid, also holds. */
  async regularSettledElsewhere(m: EntityManager, runId: string): Promise<Array<{ workerId: number; runId: string }>> {
    const rows: Array<{ workerId: string; runId: string }> = await m.query(
      `SELECT s.worker_id AS workerId, MIN(o.run_id) AS runId
         FROM payslip s
         JOIN payslip o ON o.worker_id = s.worker_id AND o.period = s.period AND o.run_id <> s.run_id AND o.slip_kind = 'REGULAR' AND o.status = 'COMPUTED'
         JOIN payroll_run r ON r.id = o.run_id AND r.type = 'REGULAR' AND r.status IN ('APPROVED', 'PAID')
        WHERE s.run_id = ? AND s.slip_kind = 'REGULAR' AND s.status = 'COMPUTED'
        GROUP BY s.worker_id ORDER BY s.worker_id LIMIT 50`,
      [runId],
    );
    return rows.map((r) => ({ workerId: Number(r.workerId), runId: String(r.runId) }));
  }

  /**
   * For each worker, the settled (approved or paid) slips from `fromPeriod` up to before `period`,
   * in settlement order (approval time, then id): the caller takes the latest one's tax state and
   * recovery, last year's for the ≤ 60,000 flag, and the reference year's wages for the contribution
   * base. Settlement order, not period order, so a CORRECTION of an earlier month settled since is the
   * latest state (it carries the corrected YTD).
   */
  async settledSince(workerIds: number[], fromPeriod: string, period: string, manager?: EntityManager): Promise<SettledSlip[]> {
    if (!workerIds.length) return [];
    type Row = { workerId: string; period: string; runType: string; slipKind: SlipKind; taxState: string | object | null; recoveryCarried: string; gross: string; payer: 'HOME' | 'HOST'; proRated: string | number };
    const rows: Row[] = await (manager ?? this.dataSource.manager).query(
      `SELECT s.worker_id AS workerId, s.period, r.type AS runType, s.slip_kind AS slipKind, s.tax_state AS taxState, s.recovery_carried AS recoveryCarried,
              s.gross, s.payer, FIND_IN_SET('PRO_RATED', s.flags) > 0 AS proRated
         FROM payslip s JOIN payroll_run r ON r.id = s.run_id
        WHERE s.worker_id IN (${workerIds.map(() => '?').join(', ')}) AND s.period >= ? AND s.period < ? AND s.status = 'COMPUTED'
          AND r.status IN ('APPROVED', 'PAID')
        ORDER BY s.worker_id, r.approved_at, s.run_id, s.id`,
      [...workerIds, fromPeriod, period],
    );
    return rows.map((r) => ({
      workerId: Number(r.workerId), period: r.period, runType: r.runType, slipKind: r.slipKind, recoveryCarried: String(r.recoveryCarried),
      taxState: r.taxState === null ? null : typeof r.taxState === 'string' ? r.taxState : JSON.stringify(r.taxState),
      gross: String(r.gross), payer: r.payer, proRated: Number(r.proRated) === 1,
    }));
  }

  /**
   * The slip a CORRECTION of run `runId` reverses, per worker: the re-issue of the latest settled
   * correction of that run when there is one, else the run's own slip (COMPUTED only).
   */
  async correctable(runId: string, workerIds: number[], manager?: EntityManager): Promise<Map<number, PayslipEntity>> {
    const out = new Map<number, PayslipEntity>();
    if (!workerIds.length) return out;
    const rows = await (manager ?? this.dataSource.manager)
      .getRepository(PayslipEntity)
      .createQueryBuilder('s')
      .innerJoin('payroll_run', 'r', 'r.id = s.run_id')
      .where('s.workerId IN (:...ids) AND s.status = :computed', { ids: workerIds, computed: 'COMPUTED' })
      .andWhere(
        "((s.runId = :runId AND s.slipKind = 'REGULAR') OR (r.corrects_run_id = :runId AND r.type = 'CORRECTION' AND r.status IN ('APPROVED', 'PAID') AND s.slipKind = 'REISSUE'))",
        { runId },
      )
      .orderBy('s.workerId')
      .addOrderBy('r.approved_at', 'ASC')
      .addOrderBy('s.id')
      .getMany();
    for (const s of rows) out.set(Number(s.workerId), s); // the last one per worker wins
    return out;
  }

  /** Settled slips' lines of the workers in [fromPeriod, period): what arrears are measured against. */
  async settledLines(workerIds: number[], fromPeriod: string, period: string): Promise<Array<{ workerId: number; period: string; runType: string; lines: Array<{ kind: string; code: string; amount: string; refPeriod?: string }> }>> {
    if (!workerIds.length) return [];
    const rows: Array<{ workerId: string; period: string; runType: string; lineItems: unknown }> = await this.dataSource.query(
      `SELECT s.worker_id AS workerId, s.period, r.type AS runType, s.line_items AS lineItems
         FROM payslip s JOIN payroll_run r ON r.id = s.run_id
        WHERE s.worker_id IN (${workerIds.map(() => '?').join(', ')}) AND s.period >= ? AND s.period < ? AND s.status = 'COMPUTED'
          AND r.status IN ('APPROVED', 'PAID')
        ORDER BY s.worker_id, s.period, r.approved_at, s.id`,
      [...workerIds, fromPeriod, period],
    );
    return rows.map((r) => ({ workerId: Number(r.workerId), period: r.period, runType: r.runType, lines: typeof r.lineItems === 'string' ? decodeLines(r.lineItems) : [] }));
  }

  /**
   * What the year's settled TOP_UP runs paid each worker of the place (null = the city; by the slip's place): their slips'
   * gross (the top-up is a TOP_UP slip's only earning).
   */
  async topUpsPaid(year: number, district: string | null, street: string | null): Promise<Map<number, Fen>> {
    const params: unknown[] = [`${year}-01`, `${year}-12`];
    const where = `r.type = 'TOP_UP' AND r.status IN ('APPROVED', 'PAID') AND r.period >= ? AND r.period <= ? AND s.status = 'COMPUTED'${placeFilter(district, street, params, 's')}`;
    const rows: Array<{ workerId: string; paid: string }> = await this.dataSource.query(
      `SELECT s.worker_id AS workerId, SUM(s.gross) AS paid FROM payslip s JOIN payroll_run r ON r.id = s.run_id WHERE ${where} GROUP BY s.worker_id`,
      params,
    );
    return new Map(rows.map((r) => [Number(r.workerId), parseMoney(String(r.paid))]));
  }

  /** The workers a run has a slip for (computed or failed; a correction's pair once). */
  async workersOf(m: EntityManager, runId: string): Promise<Set<number>> {
    const rows: Array<{ workerId: string }> = await m.query('SELECT DISTINCT worker_id AS workerId FROM payslip WHERE run_id = ?', [runId]);
    return new Set(rows.map((r) => Number(r.workerId)));
  }

  /**
   * Workers with a slip of a REGULAR run of the period that was not cancelled: among `workerIds`, or
   * paid in `community` (someone a re-published roster dropped). Late roster hours concern them.
   */
  async regularSlipWorkers(period: string, community: string, workerIds: number[]): Promise<number[]> {
    const ids = workerIds.length ? workerIds : [0];
    const rows: Array<{ workerId: string }> = await this.dataSource.query(
      `SELECT DISTINCT s.worker_id AS workerId
         FROM payslip s JOIN payroll_run r ON r.id = s.run_id
        WHERE s.period = ? AND r.type = 'REGULAR' AND r.status <> 'CANCELLED'
          AND (s.community_code = ? OR s.worker_id IN (${ids.map(() => '?').join(', ')}))`,
      [period, community, ...ids],
    );
    return rows.map((r) => Number(r.workerId));
  }
}
