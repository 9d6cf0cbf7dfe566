import { Injectable, Logger } from '@nestjs/common';
import type { PayloadOf } from '@cws/kernel';
import { JobHandler, OutboxService } from '@cws/messaging';
import { inTransaction } from '@cws/persistence';
import { AuditService } from '@cws/platform';
import { ApplyStatusCalendarJob, SecondmentEndedEvent, SecondmentStartedEvent, WorkerChangedEvent, type WorkerStatus } from '@cws/workers-contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { jobDate } from '../common/sql';
import { SecondmentRepository, type DueSecondment } from '../secondments/secondment.repository';
import { WorkerLeaveRepository, type DueLeave } from '../workers/worker-leave.repository';
import { WorkerPlaceRepository } from '../workers/worker-place.repository';
import { WorkerRepository } from '../workers/worker.repository';
import { refOf, WorkersService } from '../workers/workers.service';
import { StatusCalendarReader } from './status-calendar.reader';

/** What one worker's transaction did; counted afresh on each attempt and added to the run's totals once it commits. */
interface Tally {
  statusChanges: number;
  secondmentsStarted: number;
  secondmentsEnded: number;
  leavesStarted: number;
  leavesEnded: number;
  transfers: number;
}

export interface StatusCalendarResult extends Tally {
  today: string;
  workers: number;
}

const noTally = (): Tally => ({ statusChanges: 0, secondmentsStarted: 0, secondmentsEnded: 0, leavesStarted: 0, leavesEnded: 0, transfers: 0 });

/**
 * The nightly status calendar (`apply-status-calendar`, 00:05 Asia/Shanghai). For each worker with
 * something due up to `today` — a planned transfer, an OUT/IN secondment whose start or end has not been
 * announced, a leave period whose start or return has not been applied — one READ COMMITTED transaction
 * locks the worker row, moves the worker by a due transfer (`WorkersService.applyPlannedTransfer`), recomputes the status from the dates (`StatusCalendarReader.statusOn`) and, when it differs, writes
 * the status, a STATUS_CHANGE career event, an audit row and `worker.changed`; it announces each due
 * secondment start / end through the outbox and marks it, so it is announced once. A re-run finds
 * nothing due and changes nothing; a crash mid-way leaves the unprocessed workers for the retry. A deadlock
 * victim (the outbox relay, an HR edit of the same worker) runs that worker's transaction again.
 */
@Injectable()
export class ApplyStatusCalendarHandler {
  private readonly logger = new Logger('StatusCalendar');
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly workers: WorkersService,
  ) {}

  @JobHandler(ApplyStatusCalendarJob)
  async handle(payload: PayloadOf<typeof ApplyStatusCalendarJob>): Promise<StatusCalendarResult> {
    const today = jobDate(payload.today, 'today');
    const [dated, moving] = await Promise.all([StatusCalendarReader.dueWorkerIds(this.dataSource, today), WorkerPlaceRepository.dueWorkerIds(this.dataSource, today)]);
    const due = [...new Set([...dated, ...moving])].sort((a, b) => a - b);
    // only these workers have a transfer due (one planned while the run goes on is dated later, or moved by the next run)
    const movers = new Set(moving);
    const result: StatusCalendarResult = { today, workers: 0, ...noTally() };
    for (const workerId of due) {
      const done = await inTransaction(this.dataSource, (m) => this.applyForWorker(m, workerId, today, movers.has(workerId)), { isolation: 'READ COMMITTED' });
      for (const k of Object.keys(done) as (keyof Tally)[]) result[k] += done[k];
      result.workers++;
    }
    this.logger.log({ msg: 'status calendar applied', ...result });
    return result;
  }

  private async applyForWorker(m: EntityManager, workerId: number, today: string, mayMove: boolean): Promise<Tally> {
    const result = noTally();
    let worker = await WorkerRepository.lockStatus(m, workerId);
    if (!worker) return result;
    // Read after the lock (READ COMMITTED): a rival run that got here first has already moved the worker and marked its rows.
    // A transfer goes first, so whatever else is due is announced from the new place.
    if (mayMove && (await this.workers.applyPlannedTransfer(m, workerId, today))) {
      result.transfers++;
      worker = (await WorkerRepository.lockStatus(m, workerId))!;
    }
    const ref = refOf(worker);
    const secondments = await SecondmentRepository.dueOf(m, workerId, today);
    const leaves = await WorkerLeaveRepository.dueOf(m, workerId, today);
    if (!secondments.length && !leaves.length) return result;
    const now = new Date();

    const before: WorkerStatus = worker.status;
    if (before !== 'LEFT') {
      const after = await StatusCalendarReader.statusOn(m, workerId, today);
      if (after !== before) {
        const cause = this.causeOf(secondments, leaves, before, after);
        await this.workers.setStatus(m, workerId, after);
        await this.workers.addCareerEvent(m, workerId, 'STATUS_CHANGE', today, null, { from: before, to: after, ...cause });
        await this.audit.record(m, { entity: 'worker', entityId: workerId, action: 'STATUS_CHANGE', before: { status: before }, after: { status: after, ...cause }, districtCode: ref.districtCode });
        await this.outbox.add(m, WorkerChangedEvent, { ...ref, fields: ['status'] });
        result.statusChanges++;
      }
    }

    for (const s of secondments) {
      const id = Number(s.id);
      if (Number(s.startDue)) {
        await this.outbox.add(m, SecondmentStartedEvent, { ...ref, secondmentId: id, direction: s.direction, payer: s.payer, from: s.from, to: s.to });
        await SecondmentRepository.markStartNotified(m, id, now);
        result.secondmentsStarted++;
      }
      if (Number(s.endDue) && s.to) {
        await this.outbox.add(m, SecondmentEndedEvent, { ...ref, secondmentId: id, to: s.to });
        await SecondmentRepository.markEndNotified(m, id, { closing: true, at: now });
        if (s.status !== 'ENDED') {
          await this.audit.record(m, {
            entity: 'secondment', entityId: id, action: 'END', before: { status: s.status, to: s.to }, after: { status: 'ENDED', to: s.to, by: 'status calendar' },
            districtCode: ref.districtCode,
          });
        }
        result.secondmentsEnded++;
      }
    }
    for (const l of leaves) {
      if (Number(l.startDue)) {
        await WorkerLeaveRepository.markStartApplied(m, Number(l.id));
        result.leavesStarted++;
      }
      if (Number(l.returnDue)) {
        await WorkerLeaveRepository.markReturnApplied(m, Number(l.id));
        result.leavesEnded++;
      }
    }
    return result;
  }

  /** What moved the status, for the career event and the audit row. */
  private causeOf(secondments: DueSecondment[], leaves: DueLeave[], before: WorkerStatus, after: WorkerStatus) {
    const out = secondments.filter((s) => s.direction === 'OUT');
    if (after === 'SECONDED_OUT') {
      const s = out.find((x) => Number(x.startDue));
      if (s) return { cause: 'SECONDMENT_START', secondmentId: Number(s.id) };
    }
    if (before === 'SECONDED_OUT') {
      const s = out.find((x) => Number(x.endDue));
      if (s) return { cause: 'SECONDMENT_END', secondmentId: Number(s.id) };
    }
    if (after === 'ON_LEAVE') {
      const l = leaves.find((x) => Number(x.startDue));
      if (l) return { cause: 'LEAVE_START', leaveId: Number(l.id) };
    }
    const l = leaves.find((x) => Number(x.returnDue));
    if (l) return { cause: 'LEAVE_END', leaveId: Number(l.id) };
    return { cause: 'CALENDAR' };
  }
}
