/**
 * Grades on the register (三岗十八级). A worker's grade is recorded, not recomputed: these rules
 * say what to record at entry, at each yearly progression, and when the pay band changes.
 *
 * The "anchor" of a grade row is the date from which the next step counts: a step falls every
 * `yearsPerStep` years after it. Prior community service credited at hire moves the anchor back.
 */
import { addDays, validationError } from '@cws/kernel';
import { addMonths, fullMonthsBetween } from './dates';
import type { PostBand } from './vocabulary';

/** The pay post band (三岗). */
export type Band = PostBand;

/** The grade policy in force: entry grades (band × education), band ranges, and the progression step. */
export interface GradePolicy {
  entry: Array<{ id: string; band: Band; education: string; baseGrade: number }>;
  bands: Array<{ id: string; band: Band; minGrade: number; maxGrade: number }>;
  progression: { id: string; yearsPerStep: number };
}

export interface GradePlacement {
  grade: number;
  band: Band;
  /** Next step falls `yearsPerStep` years after this date. */
  anchorDate: string;
  cappedAtBandTop: boolean;
  /** The policy rows used (entry row, band range, progression). */
  policyRefs: string[];
}

export interface WorkerForGrade {
  education: string;
  hireDate: string;
  priorServiceMonths: number;
}

function bandRange(policy: GradePolicy, band: Band) {
  const range = policy.bands.find((b) => b.band === band);
  if (!range) throw validationError('GRADE_BAND_UNKNOWN', 'band', `the grade policy has no range for band ${band}`);
  return range;
}

function stepMonths(policy: GradePolicy): number {
  const years = policy.progression.yearsPerStep;
  if (!Number.isInteger(years) || years < 1) throw validationError('GRADE_PROGRESSION_INVALID', 'yearsPerStep', 'must be a whole number ≥ 1');
  return years * 12;
}

/**
 * The grade a worker holds on `asOf` when placed by the policy alone: the entry grade for (band,
 * education) plus one step per `yearsPerStep` years of service, counting the prior community
 * service credited at hire, capped at the band top. On the hire date this is the entry grade
 * (9 years' prior service at 3 years a step = base + 3).
 */
export function placeByPolicy(policy: GradePolicy, band: Band, worker: WorkerForGrade, asOf: string): GradePlacement {
  const row = policy.entry.find((r) => r.band === band && r.education === worker.education);
  if (!row) throw validationError('ENTRY_GRADE_UNKNOWN', 'education', `the grade policy has no entry grade for band ${band} and education ${worker.education}`);
  const range = bandRange(policy, band);
  const prior = worker.priorServiceMonths;
  if (!Number.isInteger(prior) || prior < 0) throw validationError('PRIOR_SERVICE_INVALID', 'priorServiceMonths', 'must be a whole number of months ≥ 0');
  const step = stepMonths(policy);
  const served = prior + fullMonthsBetween(worker.hireDate, asOf < worker.hireDate ? worker.hireDate : asOf);
  const steps = Math.floor(served / step);
  const uncapped = Math.max(range.minGrade, row.baseGrade + steps);
  return {
    grade: Math.min(uncapped, range.maxGrade),
    band,
    anchorDate: addMonths(worker.hireDate, steps * step - prior),
    cappedAtBandTop: uncapped > range.maxGrade,
    policyRefs: [row.id, range.id, policy.progression.id],
  };
}

export interface RecordedGrade {
  grade: number;
  band: Band;
  anchorDate: string;
}

/**
 * The yearly progression due on `asOf`: one step per full `yearsPerStep` years since the anchor,
 * capped at the band top. Null when nothing is due or the grade is already at the top (the row
 * would change nothing). The new anchor keeps the anniversary (anchor + steps × yearsPerStep).
 */
export function progressionDue(policy: GradePolicy, current: RecordedGrade, asOf: string): (GradePlacement & { steps: number }) | null {
  const step = stepMonths(policy);
  const steps = Math.floor(fullMonthsBetween(current.anchorDate, asOf) / step);
  if (steps < 1) return null;
  const range = bandRange(policy, current.band);
  const uncapped = current.grade + steps;
  const grade = Math.min(uncapped, range.maxGrade);
  if (grade <= current.grade) return null;
  return {
    grade, band: current.band, steps, anchorDate: addMonths(current.anchorDate, steps * step),
    cappedAtBandTop: uncapped > range.maxGrade, policyRefs: [range.id, policy.progression.id],
  };
}

/**
 * The next date after `after` on which the register steps up a grade anchored on `anchorDate`. Before
 * `yearlyRunsFrom` (the day after the worker's registration: the first day the yearly run covers them), the
 * anchor's anniversary, as a late registration or the backfill records past steps; from it, the yearly run
 * (1 January) on or after the anniversary. Whether that date changes the grade (the band top) is
 * progressionDue's call. Re-deriving from a back-dated decision walks these dates, so it writes the steps the
 * register would have written had the decision been on time.
 */
export function nextStepDate(policy: GradePolicy, anchorDate: string, after: string, yearlyRunsFrom: string): string {
  const anniversary = addMonths(anchorDate, stepMonths(policy));
  if (anniversary > after && anniversary < yearlyRunsFrom) return anniversary;
  const earliest = [anniversary, yearlyRunsFrom, addDays(after, 1)].reduce((a, b) => (a > b ? a : b));
  return earliest.endsWith('-01-01') ? earliest : `${Number(earliest.slice(0, 4)) + 1}-01-01`;
}

/**
 * The grade when a primary post of another band starts on `on`: the current grade moved into the
 * new band's range, or the policy placement for the new band (entry grade + service) if that is
 * higher — a promotion never pays less than a direct entry to the band would.
 */
export function placeForBand(policy: GradePolicy, current: RecordedGrade, band: Band, worker: WorkerForGrade, on: string): GradePlacement {
  const range = bandRange(policy, band);
  const kept = Math.min(Math.max(current.grade, range.minGrade), range.maxGrade);
  const byPolicy = placeByPolicy(policy, band, worker, on);
  if (byPolicy.grade > kept) return byPolicy;
  return { grade: kept, band, anchorDate: current.anchorDate, cappedAtBandTop: false, policyRefs: [range.id] };
}

/** An explicitly decided grade must lie in its band's range. */
export function assertGradeInBand(policy: GradePolicy, band: Band, grade: number, path = 'grade'): void {
  const range = bandRange(policy, band);
  if (!Number.isInteger(grade) || grade < range.minGrade || grade > range.maxGrade) {
    throw validationError('GRADE_OUT_OF_BAND', path, `must be a whole grade between ${range.minGrade} and ${range.maxGrade} for band ${band}`);
  }
}
