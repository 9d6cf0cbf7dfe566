import { defineJob } from '@cws/kernel';

/** The payroll service's own queue for run computations (a BullMQ flow per computation). */
export const PAYROLL_RUNS_QUEUE = 'payroll-runs';

/** Freezes a run's inputs (snapshot, policy rows, hours) into chunks, then adds the flow below. Stale generations do nothing. */
export const ComputeRunJob = defineJob<{ runId: string; generation: number }>(PAYROLL_RUNS_QUEUE, 'compute-run');
/** A flow child: computes and upserts one chunk's payslips (idempotent per run and worker). */
export const ComputeRunChunkJob = defineJob<{ runId: string; generation: number; chunkNo: number }>(PAYROLL_RUNS_QUEUE, 'compute-run-chunk');
/** The flow parent: runs once every chunk is done; removes slips of older generations and marks the computation DONE. */
export const FinishRunJob = defineJob<{ runId: string; generation: number }>(PAYROLL_RUNS_QUEUE, 'finish-run');
/** The nightly batch (a job scheduler, cron in Asia/Shanghai): recomputes every open DRAFT. */
export const NightlyRecomputeJob = defineJob<{ reason?: string }>(PAYROLL_RUNS_QUEUE, 'nightly-recompute');
/** The pay-day batch (a job scheduler, cron in Asia/Shanghai): marks PAID every APPROVED run whose scheduled pay day has come (`today`, default the city's date). */
export const PayDayJob = defineJob<{ today?: string }>(PAYROLL_RUNS_QUEUE, 'pay-day');

/** The payroll service's maintenance queue. */
export const PAYROLL_MAINTENANCE_QUEUE = 'payroll-maintenance';
/**
 * PII key rotation in the payroll schema (whole bank accounts on payslips): re-encrypts every value
 * still under a retired key with the current PII_KEY. Enqueued at start-up while PII_OLD_KEYS are set.
 */
export const ReencryptPayrollPiiJob = defineJob<{ batchSize?: number }>(PAYROLL_MAINTENANCE_QUEUE, 'reencrypt-pii');
