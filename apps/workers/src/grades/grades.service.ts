import { Injectable } from '@nestjs/common';
import { OutboxService } from '@cws/messaging';
import { GradeChangedEvent, type GradeCause, type PostBand, type WorkerRef } from '@cws/workers-contracts';
import { addDays } from '@cws/kernel';
import { assertGradeInBand, nextStepDate, placeByPolicy, placeForBand, progressionDue, type GradePlacement, type GradePolicy } from '@cws/workers-core';
import type { EntityManager } from 'typeorm';
import { today } from '../common/sql';
import { GradeRepository, type GradeRow } from './grade.repository';

/** What the grade rules need to know of a worker, plus the org codes events carry. */
export interface GradeWorker extends WorkerRef {
  education: string;
  hireDate: string;
  priorServiceMonths: number;
}

/** Rows the service writes by rule (a yearly step, the one-off backfill), as opposed to decided ones: a back-dated decision re-derives them. */
const AUTOMATIC: ReadonlySet<GradeCause> = new Set(['ANNUAL_PROGRESSION', 'DERIVED']);

/** The system notes on the rows a rule writes are in Chinese, as HR reads them on the 等级 tab (the admin's enum.gradeCause names). */
const CAUSE_NAME: Readonly<Record<GradeCause, string>> = { ENTRY: '入职定级', ANNUAL_PROGRESSION: '年度晋级', GRADE_CHANGE: '等级调整', BAND_CHANGE: '岗位类别变化', DERIVED: '回填推算' };

/**
 * Records grades (worker_grade) and announces each new row (`worker.grade-changed`). Callers hold
 * the worker row lock and their own transaction; the rules are in @cws/workers-core.
 */
@Injectable()
export class GradesService {
  constructor(private readonly outbox: OutboxService) {}

  /**
   * At hire: the entry grade for the band and education with the credited prior service, effective on
   * the hire date; then, for a hire dated in the past, each step due up to today on its own date (so
   * snapshots of past dates see the grade of that date). Not announced on its own: the caller's
   * `worker.created` carries the grade (one outbox row per hire).
   */
  async recordEntry(m: EntityManager, w: GradeWorker, band: PostBand): Promise<GradeRow> {
    const policy = await GradeRepository.policyOnOrFirst(m, w.hireDate);
    const entry = await this.write(m, w, placeByPolicy(policy, band, w, w.hireDate), w.hireDate, 'ENTRY', null, null, null, false);
    const now = today();
    return this.stepsAfter(m, w, entry, policy, { until: now, recorded: [], yearlyRunsFrom: addDays(now, 1), note: '登记前已到期的晋级', publish: false });
  }

  /** A primary post of another band starting on `from` re-places the grade in that band (no row when the band is unchanged). */
  async onPrimaryPost(m: EntityManager, w: GradeWorker, band: PostBand, from: string): Promise<GradeRow | null> {
    const current = await GradeRepository.inForce(m, w.workerId, from);
    if (!current || current.band === band) return null;
    const policy = await GradeRepository.policyOnOrFirst(m, from);
    return this.writeBackdatable(m, w, placeForBand(policy, current, band, w, from), from, 'BAND_CHANGE', current, null, `band ${current.band} → ${band}`);
  }

  /**
   * Undoes the band change a voided primary post made (a withdrawn election's): the placement before it is in
   * force again from the same date (a new row, announced), and the yearly steps after it are re-derived.
   * MOVED_ON when a decision was recorded on top of it since (a later band or grade change: a person decides);
   * UNCHANGED when the post changed no band.
   */
  async undoBandChange(m: EntityManager, w: GradeWorker, band: PostBand, from: string, note: string): Promise<'RESTORED' | 'MOVED_ON' | 'UNCHANGED'> {
    if (!(await GradeRepository.hasBandChange(m, w.workerId, band, from))) return 'UNCHANGED';
    const change = (await GradeRepository.inForce(m, w.workerId, from))!;
    const decidedSince = (await GradeRepository.takingOverAfter(m, w.workerId, from)).some((r) => !AUTOMATIC.has(r.cause));
    if (change.cause !== 'BAND_CHANGE' || change.band !== band || change.from !== from || decidedSince) return 'MOVED_ON';
    const before = await GradeRepository.previous(m, change);
    if (!before) return 'MOVED_ON';
    const placement = { grade: before.grade, band: before.band, anchorDate: before.anchorDate, cappedAtBandTop: false, policyRefs: before.policyRefs ?? [] };
    await this.writeBackdatable(m, w, placement, from, 'BAND_CHANGE', change, null, note);
    return 'RESTORED';
  }

  /** An explicit GRADE_CHANGE career event: the decided grade (in its band's range) from its date; the next step counts from that date. */
  async recordChange(m: EntityManager, w: GradeWorker, eventId: number, date: string, grade: number, band: PostBand | undefined, note: string | null): Promise<GradeRow> {
    const current = await GradeRepository.inForce(m, w.workerId, date);
    const inBand = band ?? current?.band ?? 'OTHER';
    assertGradeInBand(await GradeRepository.policyOnOrFirst(m, date), inBand, grade, 'grade');
    return this.writeBackdatable(m, w, { grade, band: inBand, anchorDate: date, cappedAtBandTop: false, policyRefs: [] }, date, 'GRADE_CHANGE', current, eventId, note);
  }

  /** The yearly step for one worker's latest row on `asOf`; null when none is due. */
  async progress(m: EntityManager, w: GradeWorker, current: GradeRow, asOf: string): Promise<GradeRow | null> {
    const due = progressionDue(await GradeRepository.policyOnOrFirst(m, asOf), current, asOf);
    return due ? this.write(m, w, due, asOf, 'ANNUAL_PROGRESSION', current, null, `自 ${current.anchorDate} 起晋 ${due.steps} 级`) : null;
  }

  /**
   * A decided row (a band or grade change) dated in the past, then the yearly steps after its date re-derived from it,
   * up to today or the next decided row (what follows that derives from that decision): else a back-dated promotion
   * would be undone by a step written before it, or miss the steps it earns where none was written.
   */
  private async writeBackdatable(
    m: EntityManager, w: GradeWorker, p: GradePlacement, from: string, cause: GradeCause, previous: GradeRow | null, eventId: number | null, note: string | null,
  ): Promise<GradeRow> {
    const written = await this.write(m, w, p, from, cause, previous, eventId, note);
    const later = await GradeRepository.takingOverAfter(m, w.workerId, from);
    const decided = later.findIndex((r) => !AUTOMATIC.has(r.cause));
    const recorded = decided < 0 ? later : later.slice(0, decided);
    const beforeDecision = decided < 0 ? null : addDays(later[decided].from, -1);
    const until = beforeDecision !== null && beforeDecision < today() ? beforeDecision : today();
    await this.stepsAfter(m, w, written, await GradeRepository.policyOnOrFirst(m, from), {
      until, recorded, yearlyRunsFrom: await GradeRepository.yearlyRunsFrom(m, w.workerId), note: `因 ${from} 的${CAUSE_NAME[cause]}重新推算`, publish: true,
    });
    return written;
  }

  /**
   * The yearly steps that follow `start` (`policy`: the grade policy on its date): one on each date the register steps
   * a grade (`nextStepDate`) up to `until`, merged with the automatic rows already `recorded` after it
   * (ANNUAL_PROGRESSION, DERIVED). Each of those that no longer follows is superseded on its own date by the step the
   * new grade earns there, or by the new grade itself when none falls due (rows are never deleted: the later row of a
   * date is the one in force). One policy read per date visited. Returns the last row in force.
   */
  private async stepsAfter(
    m: EntityManager, w: GradeWorker, start: GradeRow, policy: GradePolicy,
    o: { until: string; recorded: GradeRow[]; yearlyRunsFrom: string; note: string; publish: boolean },
  ): Promise<GradeRow> {
    let state = start;
    let cursor = start.from;
    const rows = [...o.recorded];
    for (;;) {
      const stepOn = nextStepDate(policy, state.anchorDate, cursor, o.yearlyRunsFrom);
      const row = rows[0] && (stepOn > o.until || rows[0].from <= stepOn) ? rows.shift() : undefined;
      if (!row && stepOn > o.until) return state;
      cursor = row ? row.from : stepOn;
      policy = await GradeRepository.policyOnOrFirst(m, cursor);
      const due = progressionDue(policy, state, cursor);
      if (!row) {
        if (due) state = await this.write(m, w, due, cursor, 'ANNUAL_PROGRESSION', state, null, o.note, o.publish);
        continue;
      }
      const next = due ?? { grade: state.grade, band: state.band, anchorDate: state.anchorDate, cappedAtBandTop: false, policyRefs: state.policyRefs ?? [] };
      state = next.grade === row.grade && next.band === row.band && next.anchorDate === row.anchorDate
        ? row
        : await this.write(m, w, next, row.from, 'ANNUAL_PROGRESSION', row, null, o.note, o.publish);
    }
  }

  private async write(
    m: EntityManager, w: GradeWorker, p: GradePlacement, from: string, cause: GradeCause, previous: GradeRow | null, eventId: number | null, note: string | null,
    publish = true,
  ): Promise<GradeRow> {
    const row = { workerId: w.workerId, grade: p.grade, band: p.band, from, anchorDate: p.anchorDate, cause, derived: false, eventId, policyRefs: p.policyRefs, note };
    const id = await GradeRepository.insert(m, row);
    if (publish) await this.outbox.add(m, GradeChangedEvent, {
      workerId: w.workerId, districtCode: w.districtCode, streetCode: w.streetCode, communityCode: w.communityCode,
      gradeId: id, grade: p.grade, band: p.band, from, cause, derived: false, previousGrade: previous?.grade ?? null,
    });
    return { id, ...row };
  }
}
