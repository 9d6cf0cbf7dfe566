/** Entry grade on the 三岗十八级 scale: base grade for education, one step every N years, capped at the band top. */
import { validationError } from '@cws/kernel';
import type { PayrollPolicy, PostBand } from './policy';

export interface EntryGradeResult {
  grade: number;
  /** The entry-grade row (band × education) that gave the starting grade. */
  policyRowId: string;
  cappedAtBandTop: boolean;
}

export function entryGrade(policy: PayrollPolicy, band: PostBand, education: string, yearsOfService: number): EntryGradeResult {
  const rule = policy.entryGrade;
  const row = rule.rows.find((r) => r.band === band && r.education === education);
  if (!row) throw validationError('ENTRY_GRADE_UNKNOWN', 'education', `no entry grade for band ${band} and education ${education}`);
  const range = policy.payScale.bands.find((b) => b.band === band);
  if (!range) throw validationError('BAND_UNKNOWN', 'band', `no grade range for band ${band}`);
  if (!Number.isInteger(yearsOfService) || yearsOfService < 0) throw validationError('YEARS_INVALID', 'yearsOfService', 'years of service must be a whole number ≥ 0');
  const uncapped = Math.max(range.minGrade, row.baseGrade + Math.floor(yearsOfService / rule.yearsPerStep));
  return { grade: Math.min(uncapped, range.maxGrade), policyRowId: row.id, cappedAtBandTop: uncapped > range.maxGrade };
}
