import { Injectable } from '@nestjs/common';
import type { Scope } from '@cws/kernel';
import type { RunStatus, RunType } from '@cws/payroll-contracts';
import { applyScope, keysetPage, type KeysetPage } from '@cws/persistence';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { PayrollRunEntity } from './payroll-run.entities';

export interface NewRun {
  period: string;
  type: RunType;
  scopeCode: string | null;
  districtCode: string | null;
  streetCode: string | null;
  correctsRunId: string | null;
  createdBy: string;
  createdByName: string;
}

export interface RunListQuery {
  period?: string;
  status?: RunStatus;
  after?: string;
  limit: number;
}

/** The only owner of `payroll_run` and `payroll_period` SQL. */
@Injectable()
export class PayrollRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Locks the period row (created on first use): run creation for a period is serialised behind it. */
  async lockPeriod(m: EntityManager, period: string): Promise<void> {
    // One statement that takes the exclusive lock whether the row is new or not (INSERT IGNORE + FOR UPDATE deadlocks: shared, then exclusive).
    await m.query('INSERT INTO payroll_period (period, created_at) VALUES (?, UTC_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE period = period', [period]);
  }

  /**
   * Runs of the period and type (not cancelled) whose scope overlaps `scopeCode` (null = the city). A TOP_UP
   * pays the year's stored top-ups, so for it the whole year's open ones count (DRAFT, SUBMITTED): a second one beside
   * them would pay them again, while one after a settled run pays only the difference (`topUpsDue`).
   */
  async overlapping(m: EntityManager, period: string, type: RunType, scopeCode: string | null): Promise<PayrollRunEntity[]> {
    const qb = m
      .getRepository(PayrollRunEntity)
      .createQueryBuilder('r')
      .where('r.type = :type AND r.status <> :cancelled', { type, cancelled: 'CANCELLED' })
      .andWhere(type === 'TOP_UP' ? "LEFT(r.period, 4) = :year AND r.status IN ('DRAFT', 'SUBMITTED')" : 'r.period = :period', { period, year: period.slice(0, 4) });
    if (scopeCode !== null) {
      // Overlap: one is the city, or one code is a prefix of the other (district ⊃ street).
      qb.andWhere('(r.scopeCode IS NULL OR r.scopeCode = LEFT(:code, CHAR_LENGTH(r.scopeCode)) OR :code = LEFT(r.scopeCode, CHAR_LENGTH(:code)))', { code: scopeCode });
    }
    return qb.orderBy('r.id').getMany();
  }

  async insert(m: EntityManager, run: NewRun): Promise<string> {
    const r = await m.insert(PayrollRunEntity, { ...run, status: 'DRAFT', generation: 0, computeState: 'QUEUED', createdAt: new Date() });
    return String(r.identifiers[0].id);
  }

  async findById(id: string, manager?: EntityManager, lock = false): Promise<PayrollRunEntity | null> {
    const qb = this.m(manager).getRepository(PayrollRunEntity).createQueryBuilder('r').where('r.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async findByIds(ids: string[]): Promise<PayrollRunEntity[]> {
    if (!ids.length) return [];
    return this.dataSource.getRepository(PayrollRunEntity).createQueryBuilder('r').where('r.id IN (:...ids)', { ids }).getMany();
  }

  /** A keyset page of runs, newest first. */
  async list(scope: Scope, q: RunListQuery): Promise<KeysetPage<PayrollRunEntity>> {
    const qb = this.dataSource.getRepository(PayrollRunEntity).createQueryBuilder('r');
    if (q.period) qb.andWhere('r.period = :period', { period: q.period });
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    applyScope(qb, scope, { district: 'r.districtCode', street: 'r.streetCode' });
    return keysetPage(qb, { column: 'r.id', order: 'DESC', after: q.after, limit: q.limit, keyOf: (r) => r.id });
  }

  /** The PAID runs of a calendar year (every type and scope), oldest period first: what the benchmark counts as paid. */
  async paidInYear(year: number): Promise<PayrollRunEntity[]> {
    return this.dataSource
      .getRepository(PayrollRunEntity)
      .createQueryBuilder('r')
      .where('r.status = :paid AND r.period BETWEEN :from AND :to', { paid: 'PAID', from: `${year}-01`, to: `${year}-12` })
      .orderBy('r.period', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .getMany();
  }

  async update(m: EntityManager, id: string, patch: Partial<PayrollRunEntity>): Promise<void> {
    await m.update(PayrollRunEntity, { id }, patch);
  }

  /** Starts a new computation generation (older chunk jobs then find nothing to do). */
  async nextGeneration(m: EntityManager, id: string): Promise<number> {
    await m.query(
      "UPDATE payroll_run SET generation = generation + 1, compute_state = 'QUEUED', compute_error = NULL, compute_started_at = NULL, compute_finished_at = NULL WHERE id = ?",
      [id],
    );
    const [row] = await m.query('SELECT generation FROM payroll_run WHERE id = ?', [id]);
    return Number(row.generation);
  }

  /** Compare-and-set on the generation, so a stale job never overwrites a newer computation's state. */
  async setComputeState(id: string, generation: number, patch: Partial<PayrollRunEntity>, manager?: EntityManager): Promise<boolean> {
    const r = await this.m(manager).update(PayrollRunEntity, { id, generation }, patch);
    return (r.affected ?? 0) > 0;
  }

  /** Every DRAFT (the nightly batch recomputes them). */
  async openDraftIds(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query("SELECT id FROM payroll_run WHERE status = 'DRAFT' ORDER BY id");
    return rows.map((r) => String(r.id));
  }

  /** APPROVED runs whose scheduled pay day is `today` or earlier (the pay-day batch pays them), oldest first. */
  async dueForPayment(today: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query("SELECT id FROM payroll_run WHERE status = 'APPROVED' AND pay_on <= ? ORDER BY pay_on, id", [today]);
    return rows.map((r) => String(r.id));
  }

  /** A paid or approved run of the period whose scope covers (district, street): its inputs are final. */
  async settledCovering(period: string, district: string | null, street: string | null, manager?: EntityManager): Promise<PayrollRunEntity | null> {
    return this.m(manager)
      .getRepository(PayrollRunEntity)
      .createQueryBuilder('r')
      .where('r.period = :period AND r.status IN (:...settled)', { period, settled: ['APPROVED', 'PAID'] })
      .andWhere('(r.districtCode IS NULL OR (r.districtCode = :district AND (r.streetCode IS NULL OR r.streetCode = :street)))', { district, street })
      .orderBy('r.id')
      .getOne();
  }

  /** The latest approved or paid run of `period` or later (any scope, any type). */
  async settledSince(period: string): Promise<PayrollRunEntity | null> {
    return this.dataSource
      .getRepository(PayrollRunEntity)
      .createQueryBuilder('r')
      .where('r.period >= :period AND r.status IN (:...settled)', { period, settled: ['APPROVED', 'PAID'] })
      .orderBy('r.period', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getOne();
  }

  /** The earliest open (DRAFT) regular run after `period` covering the place: where arrears land. */
  async nextOpenRegular(period: string, district: string | null, street: string | null): Promise<PayrollRunEntity | null> {
    return this.dataSource
      .getRepository(PayrollRunEntity)
      .createQueryBuilder('r')
      .where("r.period > :period AND r.status = 'DRAFT' AND r.type = 'REGULAR'", { period })
      .andWhere('(r.districtCode IS NULL OR (r.districtCode = :district AND (r.streetCode IS NULL OR r.streetCode = :street)))', { district, street })
      .orderBy('r.period')
      .getOne();
  }

  /** Correction runs of `runId` not yet paid nor cancelled: a worker's slip is corrected by one open run at a time. */
  async openCorrectionsOf(m: EntityManager, runId: string): Promise<PayrollRunEntity[]> {
    return m
      .getRepository(PayrollRunEntity)
      .createQueryBuilder('r')
      .where("r.correctsRunId = :runId AND r.type = 'CORRECTION' AND r.status IN ('DRAFT', 'SUBMITTED', 'APPROVED')", { runId })
      .orderBy('r.id')
      .getMany();
  }

  /** The period's REGULAR run (not cancelled) whose scope is the place's or encloses it (the city, the street's district). */
  async regularCovering(m: EntityManager, period: string, district: string | null, street: string | null): Promise<PayrollRunEntity | null> {
    const qb = m
      .getRepository(PayrollRunEntity)
      .createQueryBuilder('r')
      .where("r.period = :period AND r.type = 'REGULAR' AND r.status <> 'CANCELLED'", { period });
    if (district === null) qb.andWhere('r.districtCode IS NULL');
    else qb.andWhere('(r.districtCode IS NULL OR (r.districtCode = :district AND (r.streetCode IS NULL OR r.streetCode = :street)))', { district, street });
    return qb.orderBy('r.id').getOne();
  }

  /**
   * A settled run of the same tax year, overlapping `run`'s scope, approved after `run`'s computation
   * started: each slip starts from its worker's latest settled year-to-date state (tax, recovery owed,
   * the separate-bonus option), so `run`'s slips start from one that another run has since moved on.
   * From the start, not the finish: a chunk computed after that approval saw it, one before did not.
   */
  async settledSinceComputed(m: EntityManager, run: PayrollRunEntity): Promise<PayrollRunEntity | null> {
    if (!run.computeStartedAt) return null;
    const qb = m
      .getRepository(PayrollRunEntity)
      .createQueryBuilder('r')
      .where("r.id <> :id AND r.status IN ('APPROVED', 'PAID') AND r.approvedAt > :started AND LEFT(r.period, 4) = :year", {
        id: run.id, started: run.computeStartedAt, year: run.period.slice(0, 4),
      });
    overlappingPlace(qb, run);
    return qb.orderBy('r.approvedAt', 'DESC').getOne();
  }

  /**
   * A REGULAR run of an earlier month of the same tax year, overlapping `run`'s scope, still DRAFT or
   * SUBMITTED: months settle in order, else the later month's slips start from a state that misses it.
   */
  async earlierRegularOpen(m: EntityManager, run: PayrollRunEntity): Promise<PayrollRunEntity | null> {
    const qb = m
      .getRepository(PayrollRunEntity)
      .createQueryBuilder('r')
      .where("r.type = 'REGULAR' AND r.status IN ('DRAFT', 'SUBMITTED') AND r.period < :period AND LEFT(r.period, 4) = :year", {
        period: run.period, year: run.period.slice(0, 4),
      });
    overlappingPlace(qb, run);
    return qb.orderBy('r.period').addOrderBy('r.id').getOne();
  }
}

/** Runs whose scope overlaps `run`'s: either is the city, or they share the district and one is the district or both the same street. */
function overlappingPlace(qb: SelectQueryBuilder<PayrollRunEntity>, run: Pick<PayrollRunEntity, 'districtCode' | 'streetCode'>): void {
  if (run.districtCode === null) return;
  qb.andWhere('(r.districtCode IS NULL OR (r.districtCode = :district AND (r.streetCode IS NULL OR :street IS NULL OR r.streetCode = :street)))', {
    district: run.districtCode, street: run.streetCode,
  });
}
