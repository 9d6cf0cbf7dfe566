import { Injectable, Logger } from '@nestjs/common';
import { isIsoDate, validationError, type PayloadOf } from '@cws/kernel';
import { JobHandler, OutboxService } from '@cws/messaging';
import { AuditService } from '@cws/platform';
import { ApplyStatusCalendarJob, SecondmentEndedEvent, SecondmentStartedEvent, WorkerChangedEvent, type WorkerStatus } from '@cws/workers-contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { today as serverToday } from '../common/sql';
import { refOf, WorkersService } from '../workers/workers.service';
import { calendarStatusOn } from './status-on';

export interface StatusCalendarResult {
  today: string;
  workers: number;
  statusChanges: number;
  secondmentsStarted: number;
  secondmentsEnded: number;
  leavesStarted: number;
  leavesEnded: number;
}

interface DueSecondment {
  id: number;
  direction: 'OUT' | 'IN';
  payer: 'HOME' | 'HOST';
  from: string;
  to: string | null;
  status: string;
  startDue: number;
  endDue: number;
}

/**
 * The nightly status calendar (`apply-status-calendar`, 00:05 Asia/Shanghai). For each worker with
 * something due up to `today` — an OUT/IN secondment whose start or end has not been announced, a
 * leave period whose start or return has not been applied — one READ COMMITTED transaction locks the
 * worker row, recomputes the status from the dates (`calendarStatusOn`) and, when it differs, writes
 * the status, a STATUS_CHANGE career event, an audit row and `worker.changed`; it announces each due
 * secondment start / end through the outbox and marks it, so it is announced once. A re-run finds
 * nothing due and changes nothing; a crash mid-way leaves the unprocessed workers for the retry.
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
    const today = payload.today ?? serverToday();
    if (!isIsoDate(today)) throw validationError('INVALID_DATE', 'today', 'must be YYYY-MM-DD');
    const due: Array<{ workerId: number }> = await this.dataSource.query(
      `SELECT worker_id AS workerId FROM secondment WHERE started_notified_at IS NULL AND start_date <= ? AND status <> 'CANCELLED'
       UNION SELECT worker_id FROM secondment WHERE ended_notified_at IS NULL AND end_date < ? AND status <> 'CANCELLED'
       UNION SELECT worker_id FROM worker_leave WHERE start_applied = 0 AND start_date <= ?
       UNION SELECT worker_id FROM worker_leave WHERE return_applied = 0 AND return_date <= ?
       ORDER BY workerId`,
      [today, today, today, today],
    );
    const result: StatusCalendarResult = { today, workers: 0, statusChanges: 0, secondmentsStarted: 0, secondmentsEnded: 0, leavesStarted: 0, leavesEnded: 0 };
    for (const { workerId } of due) {
      await this.dataSource.transaction('READ COMMITTED', (m) => this.applyForWorker(m, Number(workerId), today, result));
      result.workers++;
    }
    this.logger.log({ msg: 'status calendar applied', ...result });
    return result;
  }

  private async applyForWorker(m: EntityManager, workerId: number, today: string, result: StatusCalendarResult): Promise<void> {
    const [worker] = await m.query(
      `SELECT id, status, district_code AS districtCode, street_code AS streetCode, community_code AS communityCode FROM worker WHERE id = ? FOR UPDATE`,
      [workerId],
    );
    if (!worker) return;
    const ref = refOf({ ...worker, id: Number(worker.id) });
    // Read after the lock (READ COMMITTED): a rival run that got here first has already marked its rows.
    const secondments: DueSecondment[] = await m.query(
      `SELECT id, direction, payer, start_date AS \`from\`, end_date AS \`to\`, status,
              (started_notified_at IS NULL AND start_date <= ?) AS startDue,
              (ended_notified_at IS NULL AND end_date IS NOT NULL AND end_date < ?) AS endDue
         FROM secondment WHERE worker_id = ? AND status <> 'CANCELLED'
          AND ((started_notified_at IS NULL AND start_date <= ?) OR (ended_notified_at IS NULL AND end_date < ?))
        ORDER BY start_date, id`,
      [today, today, workerId, today, today],
    );
    const leaves: Array<{ id: number; startDue: number; returnDue: number }> = await m.query(
      `SELECT id, (start_applied = 0 AND start_date <= ?) AS startDue, (return_applied = 0 AND return_date IS NOT NULL AND return_date <= ?) AS returnDue
         FROM worker_leave WHERE worker_id = ? AND ((start_applied = 0 AND start_date <= ?) OR (return_applied = 0 AND return_date <= ?)) ORDER BY start_date, id`,
      [today, today, workerId, today, today],
    );
    if (!secondments.length && !leaves.length) return;
    const now = new Date();

    const before: WorkerStatus = worker.status;
    if (before !== 'LEFT') {
      const after = await calendarStatusOn(m, workerId, today);
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
        await m.query('UPDATE secondment SET started_notified_at = ? WHERE id = ?', [now, id]);
        result.secondmentsStarted++;
      }
      if (Number(s.endDue) && s.to) {
        await this.outbox.add(m, SecondmentEndedEvent, { ...ref, secondmentId: id, to: s.to });
        await m.query(`UPDATE secondment SET ended_notified_at = ?, status = 'ENDED' WHERE id = ?`, [now, id]);
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
        await m.query('UPDATE worker_leave SET start_applied = 1 WHERE id = ?', [l.id]);
        result.leavesStarted++;
      }
      if (Number(l.returnDue)) {
        await m.query('UPDATE worker_leave SET start_applied = 1, return_applied = 1 WHERE id = ?', [l.id]);
        result.leavesEnded++;
      }
    }
  }

  /** What moved the status, for the career event and the audit row. */
  private causeOf(secondments: DueSecondment[], leaves: Array<{ id: number; startDue: number; returnDue: number }>, before: WorkerStatus, after: WorkerStatus) {
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
