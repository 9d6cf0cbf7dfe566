import { placeByPolicy, type GradePolicy } from '@cws/workers-core';
import type { EntityManager } from 'typeorm';
import { GradeRepository, type NewGradeRow } from './grade.repository';

/**
 * Gives every worker without a grade row the grade the policy derives on `asOf` (on the leaving date
 * for those who left earlier): entry grade for the band held then and the education, plus one step
 * per period of service, marked `derived`. Used by the migration that introduced recorded grades, by
 * the import and the seed (bulk hires), and by the yearly job as a safety net. The row takes effect
 * from its last step (the anchor) or the hire date, whichever is later. Returns how many it wrote.
 */
export async function deriveMissingGrades(m: EntityManager, asOf: string, opts: { workerIds?: number[]; chunk?: number } = {}): Promise<number> {
  if (opts.workerIds && !opts.workerIds.length) return 0;
  const chunk = opts.chunk ?? 5000;
  const policy = await GradeRepository.policyOn(m, asOf);
  if (opts.workerIds) {
    // named workers (an import): slices of 1,000 ids, each read once
    let written = 0;
    for (let i = 0; i < opts.workerIds.length; i += 1000) {
      const slice = opts.workerIds.slice(i, i + 1000);
      written += await deriveChunk(m, policy, asOf, await GradeRepository.workersWithoutGrade(m, asOf, 0, slice.length, slice));
    }
    return written;
  }
  let after = 0;
  let written = 0;
  for (;;) {
    const workers = await GradeRepository.workersWithoutGrade(m, asOf, after, chunk);
    if (!workers.length) return written;
    written += await deriveChunk(m, policy, asOf, workers);
    after = workers[workers.length - 1].id;
  }
}

type Unrecorded = Awaited<ReturnType<typeof GradeRepository.workersWithoutGrade>>;

async function deriveChunk(m: EntityManager, policy: GradePolicy, asOf: string, workers: Unrecorded): Promise<number> {
  const rows: NewGradeRow[] = [];
  for (const w of workers) {
    const on = w.leftDate && w.leftDate < asOf ? w.leftDate : asOf;
    const p = placeByPolicy(policy, w.band, w, on);
    const from = p.anchorDate > w.hireDate ? p.anchorDate : w.hireDate;
    rows.push({ workerId: w.id, grade: p.grade, band: p.band, from, anchorDate: p.anchorDate, cause: 'DERIVED', derived: true, eventId: null, policyRefs: p.policyRefs, note: `derived on ${on}` });
  }
  for (let i = 0; i < rows.length; i += 1000) await GradeRepository.insertMany(m, rows.slice(i, i + 1000));
  return rows.length;
}
