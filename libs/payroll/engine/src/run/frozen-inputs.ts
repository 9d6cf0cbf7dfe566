/**
 * What a payroll run freezes per worker: the workers snapshot row of the period's last day (or,
 * for a leaver, of the period's first day with the leaving date), the roster hours when the
 * scheduler has published them, and the tax and recovery state carried from earlier settled runs.
 * Plain data: stored as JSON in `payroll_run_chunk.inputs`, read back by any worker process.
 */
import type { OvertimeKind, PostBand } from '../policy';

export interface FrozenSecondment {
  direction: 'OUT' | 'IN';
  payer: 'HOME' | 'HOST';
  from: string;
  to: string | null;
}

export interface FrozenHours {
  /** Shifts worked in the month (shift allowance). */
  shifts: number;
  /** Overtime minutes by kind (150 / 200 / 300 %), from the published roster. */
  overtime: { kind: OvertimeKind; minutes: number }[];
  rosterVersion: number;
}

export interface FrozenWorker {
  workerId: number;
  name: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  employmentType: string;
  /** The band of the recorded grade when there is one, else the band of the primary post. */
  postBand: PostBand;
  education: string;
  hireDate: string;
  /** The first day of the place above (a transfer's date, else the hire date); absent in runs frozen before it was read. */
  placeSince?: string;
  /** Set for a worker who left during the period (their last day). */
  leftDate: string | null;
  qualificationLevel: string | null;
  bodiesHeld: number;
  secondment: FrozenSecondment | null;
  /**
   * The days of the period a host pays for (outward secondments whose host pays, clipped to the month): home
   * pays the rest. Absent in runs frozen before it was read: then the secondment in force on the last day decides.
   */
  hostPaidInMonth?: Array<{ from: string; to: string }>;
  /** The grade recorded on the register in force on the snapshot date; null = none recorded: payroll derives it (and says so). */
  grade: number | null;
  /** The register's grade itself came from its backfill (entry grade + steps), not a decision: the slip says so too. */
  gradeDerived: boolean;
  /** Ciphertext of the account on the snapshot (PiiCipher), copied to the payslip. */
  bankAccountEnc: string | null;
  /** Body of the primary post on the snapshot date (PARTY / COMMITTEE / STATION): its COST_STREAM row routes the cost to the budget. Absent in runs frozen before it existed. */
  primaryBody?: string | null;
  /**
   * The worker's special additional deductions (专项附加扣除) this year through the period's month, fen as a
   * decimal integer string: cumulative withholding subtracts them. Absent in runs frozen before they were read.
   */
  specialDeductionsYtdFen?: string;
  /** The withholding flags HR set for the year in the register (null each = payroll's default); absent = none set. */
  taxFlags?: { firstJobOfYear: boolean | null; lowIncomeLastYear: boolean | null } | null;
  hours: FrozenHours | null;
  /** TOP_UP runs: this worker's year-end top-up (fen as a decimal integer string) from the stored top-up result. */
  topUpFen?: string;
}
