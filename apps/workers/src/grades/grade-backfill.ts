import { addDays } from '@cws/kernel';
import { nextStepDate, placeByPolicy, progressionDue, type GradePolicy } from '@cws/workers-core';
import type { EntityManager } from 'typeorm';
import { GradeRepository, type NewGradeRow } from './grade.repository';

/**
 * Gives every worker without a grade row the grades the policy derives up to `asOf` (to the leaving
 * date for those who left earlier), marked `derived`: the entry grade for the band held then and the
 * education from the hire date, then one row per step on its date (one step per period of service,
 * capped at the band top) — the last row is today's derived grade, and snapshots of past dates get
 * the grade derived for that date. Used by the migration that introduced recorded grades, by the
 * import and the seed (bulk hires), and by the yearly job as a safety net. Returns the rows written.
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
    // the derived history, so snapshots of past dates carry a grade too: the entry grade from the hire
    // date, then each step on its date, up to `on` — the last row is today's derived grade
    let current = placeByPolicy(policy, w.band, w, w.hireDate);
    const note = `${on} 按入职规则回填推算`;
    rows.push({ workerId: w.id, grade: current.grade, band: w.band, from: w.hireDate, anchorDate: current.anchorDate, cause: 'DERIVED', derived: true, eventId: null, policyRefs: current.policyRefs, note });
    for (let from = w.hireDate; ; ) {
      const stepDate = nextStepDate(policy, current.anchorDate, from, addDays(on, 1)); // all before the yearly run covers them: anniversaries
      const next = stepDate <= on ? progressionDue(policy, current, stepDate) : null;
      if (!next) break;
      rows.push({ workerId: w.id, grade: next.grade, band: w.band, from: stepDate, anchorDate: next.anchorDate, cause: 'DERIVED', derived: true, eventId: null, policyRefs: next.policyRefs, note });
      current = next;
      from = stepDate;
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await GradeRepository.insertMany(m, rows.slice(i, i + 1000));
  return rows.length;
}
