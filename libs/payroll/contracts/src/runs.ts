/**
 * Monthly payroll runs and payslips as the payroll API reports them (`/api/payroll/v1/runs`,
 * `/v1/payslips`). Amounts are decimal strings with two places ("1234.56"); fen inside.
 */
import type { TaxStateJson } from '@cws/payroll-engine';

export const RUN_TYPES = ['REGULAR', 'CORRECTION', 'BONUS', 'TOP_UP'] as const;
export type RunType = (typeof RUN_TYPES)[number];

/**
 * DRAFT → SUBMITTED → APPROVED → PAID. A rejection sends a SUBMITTED run back to DRAFT with a
 * reason (`rejection`); CANCELLED ends a run before approval.
 */
export const RUN_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'PAID', 'CANCELLED'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses whose payslips are final (immutable, and the base of later runs' year-to-date tax state). */
export const SETTLED_RUN_STATUSES: readonly RunStatus[] = ['APPROVED', 'PAID'];

/** Where the computation of the current generation stands. */
export type RunComputeState = 'QUEUED' | 'COMPUTING' | 'DONE' | 'FAILED';

export interface RunTotals {
  gross: string;
  employeeContributions: string;
  tax: string;
  /** Recovery deducted after tax (earlier overpayments). */
  recoveries: string;
  net: string;
  employerContributions: string;
}

export interface RunProgress {
  done: number;
  total: number;
  failed: number;
}

/** What a run froze, so a recalculation is reproducible and a paid run can be explained. */
export interface RunInputs {
  /** The workers snapshot date: the period's last day. */
  asOf: string;
  /** Every policy row id the computation used. */
  policyRowIds: string[];
  /** Roster hours: `NONE` until the scheduler publishes them for the period. */
  hours: 'NONE' | 'SCHEDULER';
  /** Workers in the frozen snapshot (in scope, employed during the period). */
  snapshotWorkers: number;
  frozenAt: string;
  /** BONUS runs: how the bonus is taxed, and the amount each worker receives — or, with per-worker amounts, how many workers are listed and their total. */
  bonus?: { method: 'SEPARATE' | 'MERGED'; amount?: string; workers?: number; total?: string };
  /** CORRECTION runs: the workers whose slips of the corrected run are reversed and re-issued. */
  correction?: { workerIds: number[] };
}

export interface RunActorStamp {
  by: string;
  at: string;
}

export interface RunView {
  id: string;
  period: string;
  type: RunType;
  /** Org code (district 6 / street 9 digits); null = the whole city. */
  scope: string | null;
  status: RunStatus;
  /** CORRECTION runs: the run whose payslips they reverse and re-issue. */
  correctsRunId: string | null;
  progress: RunProgress;
  totals: RunTotals;
  computation: { state: RunComputeState; generation: number; startedAt: string | null; finishedAt: string | null; error: string | null };
  inputs: RunInputs | null;
  rejection: { reason: string; by: string; at: string } | null;
  created: RunActorStamp;
  submitted: RunActorStamp | null;
  approved: RunActorStamp | null;
  paid: RunActorStamp | null;
  cancelled: RunActorStamp | null;
}

export type PayslipLineKind = 'EARNING' | 'EMPLOYEE_CONTRIBUTION' | 'EMPLOYER_CONTRIBUTION' | 'TAX' | 'DEDUCTION' | 'INFO';

/**
 * Component codes of payslip lines. Earnings: BASE, QUALIFICATION, LONG_SERVICE,
 * CROSS_APPOINTMENT, SHIFT, SECONDED_IN, SERVICE_AWARD_* (one-off awards, code from the policy),
 * OVERTIME_WORKDAY / OVERTIME_REST_DAY / OVERTIME_HOLIDAY, ARREARS (± with `refPeriod`),
 * REVERSAL (− a reversed payslip's gross, CORRECTION runs), YEAR_END_BONUS, TOP_UP.
 * Contributions (employee and employer): PENSION, MEDICAL, UNEMPLOYMENT, WORK_INJURY, HOUSING_FUND.
 * Tax: IIT (cumulative withholding), IIT_BONUS (separately taxed annual bonus).
 * Deductions after tax: RECOVERY (an earlier shortfall recovered now).
 * INFO (amount not part of any total): RECOVERY_CARRIED (what this slip could not recover and
 * carries to the next run).
 */
export type PayslipComponentCode = string;

export interface PayslipLine {
  kind: PayslipLineKind;
  code: PayslipComponentCode;
  label: string;
  amount: string;
  /** Stable rule code: which formula produced the amount. */
  rule: string;
  policyRowId: string | null;
  /** Arrears, claw-back and reversal lines: the period they correct (YYYY-MM). */
  refPeriod?: string;
  /** True when an input was derived instead of read from the register (e.g. the grade). */
  derived?: boolean;
}

export type PayslipStatus = 'COMPUTED' | 'FAILED';

/**
 * Flags for review: RECOVERY_CARRIED (net would have been negative), GRADE_DERIVED (no grade on the
 * register), PRO_RATED, SECONDED_OUT_HOST_PAYS (nothing paid here), ARREARS, plus the engine's
 * warnings (OVERTIME_OVER_36_HOURS, EXTRA_BODIES_CAPPED, SHIFTS_CAPPED).
 */
export type PayslipFlag = string;

/** Cumulative withholding state after this payslip (the next month starts from it): the engine's JSON form. */
export type PayslipTaxState = TaxStateJson;

export interface PayslipListItem {
  id: string;
  runId: string;
  period: string;
  workerId: number;
  name: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  status: PayslipStatus;
  /** REGULAR, or in a CORRECTION run the REVERSAL of `correctsPayslipId` and its REISSUE. */
  slipKind: 'REGULAR' | 'REVERSAL' | 'REISSUE';
  correctsPayslipId: string | null;
  gross: string;
  employeeContributions: string;
  tax: string;
  net: string;
  employerContributions: string;
  flags: PayslipFlag[];
}

export interface PayslipView extends PayslipListItem {
  /** The post band and grade the slip used; gradeSource DERIVED = computed from the entry grade rules. */
  band: string | null;
  grade: number | null;
  gradeSource: 'REGISTER' | 'DERIVED' | null;
  /** Who pays this worker: HOME (this scope) or HOST (a seconded-out worker paid by the host). */
  payer: 'HOME' | 'HOST';
  recoveries: string;
  /** Shortfall carried to the next run (positive = still to recover). */
  recoveryCarried: string;
  failure: { code: string; message: string } | null;
  lines: PayslipLine[];
  taxState: PayslipTaxState | null;
  computedAt: string;
}

/** One of a worker's slips across runs (`GET /v1/payslips?workerId=`), with its run's type and status. */
export interface WorkerPayslipItem extends PayslipListItem {
  runType: RunType;
  runStatus: RunStatus;
}

export interface WorkerPayslipPage {
  items: WorkerPayslipItem[];
  nextAfter: string | null;
}

export interface PayslipPage {
  items: PayslipListItem[];
  nextAfter: string | null;
}
