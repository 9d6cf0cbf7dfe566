import { Injectable, Logger } from '@nestjs/common';
import type { PayloadOf } from '@cws/kernel';
import { JobHandler, jobSchedule } from '@cws/messaging';
import { inTransaction } from '@cws/persistence';
import { ApplyGradeProgressionJob } from '@cws/workers-contracts';
import { DataSource } from 'typeorm';
import { jobDate } from '../common/sql';
import { WorkersService } from '../workers/workers.service';
import { deriveMissingGrades } from './grade-backfill';
import { GradeRepository } from './grade.repository';
import { GradesService } from './grades.service';

export interface GradeProgressionResult {
  asOf: string;
  derived: number;
  examined: number;
  progressed: number;
}

/**
 * `apply-grade-progression`: one READ COMMITTED transaction per chunk of workers (run again on a deadlock); each worker row is
 * locked, its latest grade re-read under the lock and advanced when a step is due, so a GRADE_CHANGE
 * recorded meanwhile is seen and a re-run changes nothing.
 */
@Injectable()
export class ApplyGradeProgressionHandler {
  private readonly logger = new Logger('GradeProgression');
  constructor(
    private readonly dataSource: DataSource,
    private readonly grades: GradesService,
    private readonly workers: WorkersService,
  ) {}

  @JobHandler(ApplyGradeProgressionJob)
  async handle(payload: PayloadOf<typeof ApplyGradeProgressionJob>): Promise<GradeProgressionResult> {
    const asOf = jobDate(payload.asOf, 'asOf');
    const derived = await inTransaction(this.dataSource, (m) => deriveMissingGrades(m, asOf));
    let after = 0;
    let examined = 0;
    let progressed = 0;
    for (;;) {
      const chunk = await GradeRepository.latestOfEmployed(this.dataSource.manager, asOf, after, 500);
      if (!chunk.length) break;
      // a deadlock victim (the outbox relay, a hire of the same worker) runs the chunk again: nothing of it was kept
      progressed += await inTransaction(this.dataSource, async (m) => {
        let n = 0;
        for (const candidate of chunk) {
          const w = await this.workers.gradeSubject(m, candidate.workerId, { lock: true });
          const current = await GradeRepository.inForce(m, candidate.workerId, asOf);
          if (current && (await this.grades.progress(m, w, current, asOf))) n++;
        }
        return n;
      }, { isolation: 'READ COMMITTED' });
      examined += chunk.length;
      after = chunk[chunk.length - 1].workerId;
    }
    this.logger.log(`grade progression ${asOf}: ${progressed} of ${examined} workers stepped up, ${derived} derived`);
    return { asOf, derived, examined, progressed };
  }
}

/** The yearly run at 00:30 on 1 January, China time. */
export const GRADE_PROGRESSION_SCHEDULE = jobSchedule(ApplyGradeProgressionJob, 'yearly-grade-progression', { pattern: '30 0 1 1 *', tz: 'Asia/Shanghai' }, {});
