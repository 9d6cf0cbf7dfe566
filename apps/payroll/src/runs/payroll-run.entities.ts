import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { RunComputeState, RunStatus, RunType } from '@cws/payroll-contracts';
import { lineItemsTransformer, taxStateTransformer } from './line-items';

/** One row per period that has (or had) a run: locked FOR UPDATE to serialise run creation per period. */
@Entity('payroll_period')
export class PayrollPeriodEntity {
  @PrimaryColumn({ type: 'varchar', length: 7 }) period!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}

/** A monthly payroll run (the generated `regular_key` column is the database's one-regular-run rule). */
@Entity('payroll_run')
@Index('idx_payroll_run_period', ['period', 'status', 'id'])
@Index('idx_payroll_run_status', ['status', 'id'])
@Index('idx_payroll_run_scope', ['districtCode', 'streetCode', 'id'])
export class PayrollRunEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'varchar', length: 7 }) period!: string;
  @Column({ type: 'varchar', length: 12 }) type!: RunType;
  @Column({ name: 'scope_code', type: 'varchar', length: 12, nullable: true }) scopeCode!: string | null;
  @Column({ name: 'district_code', type: 'varchar', length: 6, nullable: true }) districtCode!: string | null;
  @Column({ name: 'street_code', type: 'varchar', length: 9, nullable: true }) streetCode!: string | null;
  @Column({ type: 'varchar', length: 12 }) status!: RunStatus;
  @Column({ name: 'corrects_run_id', type: 'bigint', nullable: true }) correctsRunId!: string | null;
  @Column({ type: 'int', default: 0 }) generation!: number;
  @Column({ name: 'compute_state', type: 'varchar', length: 12 }) computeState!: RunComputeState;
  @Column({ name: 'compute_started_at', type: 'datetime', precision: 3, nullable: true }) computeStartedAt!: Date | null;
  @Column({ name: 'compute_finished_at', type: 'datetime', precision: 3, nullable: true }) computeFinishedAt!: Date | null;
  @Column({ name: 'compute_error', type: 'varchar', length: 500, nullable: true }) computeError!: string | null;
  @Column({ type: 'json', nullable: true }) inputs!: object | null;
  @Column({ name: 'reject_reason', type: 'varchar', length: 500, nullable: true }) rejectReason!: string | null;
  @Column({ name: 'rejected_by', type: 'varchar', length: 100, nullable: true }) rejectedBy!: string | null;
  @Column({ name: 'rejected_at', type: 'datetime', precision: 3, nullable: true }) rejectedAt!: Date | null;
  @Column({ name: 'created_by', type: 'varchar', length: 64 }) createdBy!: string;
  @Column({ name: 'created_by_name', type: 'varchar', length: 100 }) createdByName!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'submitted_by', type: 'varchar', length: 64, nullable: true }) submittedBy!: string | null;
  @Column({ name: 'submitted_by_name', type: 'varchar', length: 100, nullable: true }) submittedByName!: string | null;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'approved_by', type: 'varchar', length: 64, nullable: true }) approvedBy!: string | null;
  @Column({ name: 'approved_by_name', type: 'varchar', length: 100, nullable: true }) approvedByName!: string | null;
  @Column({ name: 'approved_at', type: 'datetime', precision: 3, nullable: true }) approvedAt!: Date | null;
  @Column({ name: 'paid_by', type: 'varchar', length: 64, nullable: true }) paidBy!: string | null;
  @Column({ name: 'paid_by_name', type: 'varchar', length: 100, nullable: true }) paidByName!: string | null;
  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true }) paidAt!: Date | null;
  @Column({ name: 'cancelled_by', type: 'varchar', length: 64, nullable: true }) cancelledBy!: string | null;
  @Column({ name: 'cancelled_by_name', type: 'varchar', length: 100, nullable: true }) cancelledByName!: string | null;
  @Column({ name: 'cancelled_at', type: 'datetime', precision: 3, nullable: true }) cancelledAt!: Date | null;
  /** The value date finance gave the bank; the pay-day batch marks the APPROVED run PAID on it. */
  @Column({ name: 'pay_on', type: 'date', nullable: true }) payOn!: string | null;
  @Column({ name: 'pay_scheduled_by', type: 'varchar', length: 64, nullable: true }) payScheduledBy!: string | null;
  @Column({ name: 'pay_scheduled_by_name', type: 'varchar', length: 100, nullable: true }) payScheduledByName!: string | null;
  @Column({ name: 'pay_scheduled_at', type: 'datetime', precision: 3, nullable: true }) payScheduledAt!: Date | null;
}

/** The unique index on the generated `regular_key`: one REGULAR run per period and scope. */
export const REGULAR_RUN_KEY = 'uq_payroll_run_regular';

/** The frozen inputs of one chunk of a run's computation, with the chunk's progress and totals. */
@Entity('payroll_run_chunk')
export class PayrollRunChunkEntity {
  @PrimaryColumn({ name: 'run_id', type: 'bigint' }) runId!: string;
  @PrimaryColumn({ name: 'chunk_no', type: 'int' }) chunkNo!: number;
  @Column({ type: 'int' }) generation!: number;
  @Column({ name: 'worker_count', type: 'int' }) workerCount!: number;
  /** JSON array of FrozenWorker (snapshot row + hours) — LONGTEXT: read and written whole. */
  @Column({ type: 'longtext' }) inputs!: string;
  @Column({ type: 'varchar', length: 10 }) state!: 'PENDING' | 'DONE';
  @Column({ type: 'int', default: 0 }) done!: number;
  @Column({ type: 'int', default: 0 }) failed!: number;
  @Column({ type: 'decimal', precision: 15, scale: 2, default: 0 }) gross!: string;
  @Column({ name: 'employee_contributions', type: 'decimal', precision: 15, scale: 2, default: 0 }) employeeContributions!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2, default: 0 }) tax!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2, default: 0 }) recoveries!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2, default: 0 }) net!: string;
  @Column({ name: 'employer_contributions', type: 'decimal', precision: 15, scale: 2, default: 0 }) employerContributions!: string;
  @Column({ name: 'computed_at', type: 'datetime', precision: 3, nullable: true }) computedAt!: Date | null;
  /** Milliseconds spent computing the chunk's slips, and writing them (the upsert transaction). */
  @Column({ name: 'compute_ms', type: 'int', default: 0 }) computeMs!: number;
  @Column({ name: 'persist_ms', type: 'int', default: 0 }) persistMs!: number;
}

export type SlipKind = 'REGULAR' | 'REVERSAL' | 'REISSUE';

/** One worker's payslip in one run; immutable once the run is approved. */
@Entity('payslip')
@Index('uq_payslip_run_worker_kind', ['runId', 'workerId', 'slipKind'], { unique: true })
@Index('idx_payslip_worker', ['workerId', 'period'])
@Index('idx_payslip_run_scope', ['runId', 'districtCode', 'streetCode', 'id'])
export class PayslipEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'run_id', type: 'bigint' }) runId!: string;
  @Column({ name: 'worker_id', type: 'bigint' }) workerId!: string;
  /** REGULAR (every run but corrections), or a CORRECTION run's REVERSAL / REISSUE of `correctsPayslipId`. */
  @Column({ name: 'slip_kind', type: 'varchar', length: 10, default: 'REGULAR' }) slipKind!: SlipKind;
  @Column({ name: 'corrects_payslip_id', type: 'bigint', nullable: true }) correctsPayslipId!: string | null;
  @Column({ type: 'varchar', length: 7 }) period!: string;
  @Column({ type: 'int' }) generation!: number;
  @Column({ name: 'chunk_no', type: 'int' }) chunkNo!: number;
  @Column({ name: 'district_code', type: 'varchar', length: 6 }) districtCode!: string;
  @Column({ name: 'street_code', type: 'varchar', length: 9 }) streetCode!: string;
  @Column({ name: 'community_code', type: 'varchar', length: 12 }) communityCode!: string;
  @Column({ name: 'worker_name', type: 'varchar', length: 100 }) workerName!: string;
  /** PiiCipher ciphertext of the account number on the snapshot (bank files decrypt it). */
  @Column({ name: 'bank_account', type: 'varchar', length: 255, nullable: true }) bankAccount!: string | null;
  @Column({ type: 'varchar', length: 10 }) status!: 'COMPUTED' | 'FAILED';
  @Column({ name: 'failure_code', type: 'varchar', length: 60, nullable: true }) failureCode!: string | null;
  @Column({ name: 'failure_message', type: 'varchar', length: 500, nullable: true }) failureMessage!: string | null;
  @Column({ type: 'varchar', length: 10, nullable: true }) band!: string | null;
  @Column({ type: 'int', nullable: true }) grade!: number | null;
  @Column({ name: 'grade_source', type: 'varchar', length: 10, nullable: true }) gradeSource!: 'REGISTER' | 'DERIVED' | null;
  @Column({ type: 'varchar', length: 10 }) payer!: 'HOME' | 'HOST';
  @Column({ type: 'decimal', precision: 15, scale: 2, default: 0 }) gross!: string;
  @Column({ name: 'employee_contributions', type: 'decimal', precision: 15, scale: 2, default: 0 }) employeeContributions!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2, default: 0 }) tax!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2, default: 0 }) recoveries!: string;
  @Column({ type: 'decimal', precision: 15, scale: 2, default: 0 }) net!: string;
  @Column({ name: 'employer_contributions', type: 'decimal', precision: 15, scale: 2, default: 0 }) employerContributions!: string;
  @Column({ name: 'recovery_carried', type: 'decimal', precision: 15, scale: 2, default: 0 }) recoveryCarried!: string;
  /** Comma-separated PayslipFlag codes. */
  @Column({ type: 'varchar', length: 255, default: '' }) flags!: string;
  /** JSON text of `PayslipLine[]` (amounts as decimal strings); stored compact (line-items.ts), decoded on read. */
  @Column({ name: 'line_items', type: 'longtext', nullable: true, transformer: lineItemsTransformer }) lines!: string | null;
  /** JSON text of the `PayslipTaxState` after this slip; stored compact (`encodeTaxState`), decoded on read. */
  @Column({ name: 'tax_state', type: 'longtext', nullable: true, transformer: taxStateTransformer }) taxState!: string | null;
  @Column({ name: 'computed_at', type: 'datetime', precision: 3 }) computedAt!: Date;
}

/** Who pays a scheduled run on its pay day: the batch, on finance's schedule (the audit row names who scheduled it). */
export const PAY_DAY_BATCH = { kind: 'user' as const, id: 'pay-day-batch', name: '发放日批处理 pay-day batch' };
