import { Injectable } from '@nestjs/common';
import { conflict, validationError, type Principal } from '@cws/kernel';
import { OutboxService } from '@cws/messaging';
import { AuditService } from '@cws/platform';
import { SecondmentEndedEvent, SecondmentStartedEvent } from '@cws/workers-contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { communityInScope, rawOneInScope } from '../common/org-scope';
import { FAR_FUTURE, today } from '../common/sql';
import { calendarStatusOn } from '../status-calendar/status-on';
import { refOf, WorkersService } from '../workers/workers.service';
import type { CreateSecondmentDto, EndSecondmentDto } from './secondments.dto';

@Injectable()
export class SecondmentsService {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly workers: WorkersService,
  ) {}

  /**
   * Overlapping secondments of one worker are rejected (the worker row lock serialises rivals).
   * OUT needs a full-time worker; IN needs a seconded-in cadre. An OUT secondment running today
   * moves the worker's status to SECONDED_OUT now; one starting later is moved by the nightly
   * status calendar on its first day.
   */
  create(p: Principal, dto: CreateSecondmentDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      if (dto.to && dto.to < dto.from) throw validationError('SECONDMENT_ENDS_BEFORE_START', 'to', 'must not be before from');
      const worker = await this.workers.workerInScope(m, p, dto.workerId, { lock: true });
      if (worker.status === 'LEFT') throw conflict('WORKER_LEFT', `worker ${worker.id} has left`);
      if (dto.direction === 'OUT' && worker.employmentType !== 'FULL_TIME') {
        throw validationError('SECONDMENT_DIRECTION_MISMATCH', 'direction', 'OUT secondments are for full-time community workers');
      }
      if (dto.direction === 'IN' && worker.employmentType !== 'SECONDED_IN') {
        throw validationError('SECONDMENT_DIRECTION_MISMATCH', 'direction', 'IN secondments are for seconded-in cadres');
      }
      if (dto.from < worker.hireDate) throw validationError('SECONDMENT_BEFORE_HIRE', 'from', 'must not be before the hire date');
      const [rival] = await m.query(
        `SELECT id FROM secondment WHERE worker_id = ? AND status <> 'CANCELLED' AND start_date <= ? AND COALESCE(end_date, ?) >= ? LIMIT 1`,
        [worker.id, dto.to ?? FAR_FUTURE, FAR_FUTURE, dto.from],
      );
      if (rival) throw conflict('SECONDMENT_OVERLAP', `The worker already has a secondment in that period (secondment ${rival.id})`, { secondmentId: Number(rival.id) });
      const res = await m.query(
        `INSERT INTO secondment (worker_id, direction, organisation, community_code, start_date, end_date, payer, status, note, created_at)
         VALUES (?,?,?,?,?,?,?,'ACTIVE',?,?)`,
        [worker.id, dto.direction, dto.organisation, worker.communityCode, dto.from, dto.to ?? null, dto.payer, dto.note ?? null, new Date()],
      );
      const id = Number(res.insertId);
      const now = today();
      await this.followCalendar(m, worker, now);
      const after = { id, workerId: worker.id, direction: dto.direction, organisation: dto.organisation, communityCode: worker.communityCode, from: dto.from, to: dto.to ?? null, payer: dto.payer, status: 'ACTIVE' };
      await this.audit.record(m, { entity: 'secondment', entityId: id, action: 'CREATE', after, districtCode: worker.districtCode });
      // Announced once, when it has begun / ended: now if already so, else by the nightly status calendar.
      if (dto.from <= now) {
        await this.outbox.add(m, SecondmentStartedEvent, { ...refOf(worker), secondmentId: id, direction: dto.direction, payer: dto.payer, from: dto.from, to: dto.to ?? null });
        await m.query('UPDATE secondment SET started_notified_at = ? WHERE id = ?', [new Date(), id]);
      }
      if (dto.to && dto.to < now) {
        await this.outbox.add(m, SecondmentEndedEvent, { ...refOf(worker), secondmentId: id, to: dto.to });
        await m.query(`UPDATE secondment SET ended_notified_at = ?, status = 'ENDED' WHERE id = ?`, [new Date(), id]);
        after.status = 'ENDED';
      }
      return after;
    });
  }

  end(p: Principal, id: number, dto: EndSecondmentDto) {
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const before = await this.secondmentInScope(m, p, id);
      const worker = await this.workers.workerInScope(m, p, before.workerId, { lock: true });
      if (before.status !== 'ACTIVE') throw conflict('SECONDMENT_NOT_ACTIVE', `secondment ${id} is ${before.status}`);
      if (dto.to < before.from) throw validationError('SECONDMENT_ENDS_BEFORE_START', 'to', 'must not be before the start date');
      await m.query(`UPDATE secondment SET end_date = ?, status = 'ENDED' WHERE id = ?`, [dto.to, id]);
      const now = today();
      await this.followCalendar(m, worker, now);
      const after = { ...before, to: dto.to, status: 'ENDED' };
      await this.audit.record(m, { entity: 'secondment', entityId: id, action: 'END', before, after, districtCode: worker.districtCode });
      // secondment.ended goes out once the last day has passed: now, or from the nightly status calendar.
      if (dto.to < now) {
        await this.outbox.add(m, SecondmentEndedEvent, { ...refOf(worker), secondmentId: id, to: dto.to });
        await m.query('UPDATE secondment SET ended_notified_at = ? WHERE id = ?', [new Date(), id]);
      }
      return after;
    });
  }

  /** Brings the worker's status in line with the calendar on `date` (LEFT stays LEFT). */
  private async followCalendar(m: EntityManager, worker: { id: number; status: string }, date: string): Promise<void> {
    if (worker.status === 'LEFT') return;
    const status = await calendarStatusOn(m, worker.id, date);
    if (status !== worker.status) {
      await this.workers.setStatus(m, worker.id, status);
    }
  }

  async list(p: Principal, workerId: number) {
    await this.workers.workerInScope(this.dataSource.manager, p, workerId);
    return this.dataSource.query(
      `SELECT id, worker_id AS workerId, direction, organisation, community_code AS communityCode, start_date AS \`from\`, end_date AS \`to\`, payer, status, note
         FROM secondment WHERE worker_id = ? ORDER BY start_date DESC`, [workerId]);
  }

  /**
   * Who can be rostered in a community on a date: its workers who are neither gone nor on leave
   * that day (leave periods by date), minus those on an OUT secondment that day; seconded-in cadres belong to their host community.
   */
  async available(p: Principal, communityCode: string, date = today()) {
    await communityInScope(this.dataSource.manager, p, communityCode);
    const rows = await this.dataSource.query(
      `SELECT w.id, w.name, w.employment_type AS employmentType, w.status FROM worker w
        WHERE w.community_code = ? AND w.hire_date <= ? AND (w.left_date IS NULL OR w.left_date >= ?)
          AND NOT EXISTS (SELECT 1 FROM worker_leave l WHERE l.worker_id = w.id AND l.start_date <= ? AND (l.return_date IS NULL OR l.return_date > ?))
          AND NOT EXISTS (SELECT 1 FROM secondment s WHERE s.worker_id = w.id AND s.direction = 'OUT' AND s.status <> 'CANCELLED'
                          AND s.start_date <= ? AND (s.end_date IS NULL OR s.end_date >= ?))
        ORDER BY w.id`,
      [communityCode, date, date, date, date, date, date],
    );
    return { communityCode, date, workers: rows.map((r: { id: number }) => ({ ...r, id: Number(r.id) })) };
  }

  private async secondmentInScope(m: EntityManager, p: Principal, id: number) {
    const qb = m
      .createQueryBuilder()
      .select(`s.id AS id, s.worker_id AS workerId, s.direction AS direction, s.organisation AS organisation, s.start_date AS \`from\`,
        s.end_date AS \`to\`, s.payer AS payer, s.status AS status`)
      .from('secondment', 's')
      .innerJoin('worker', 'w', 'w.id = s.worker_id')
      .where('s.id = :id', { id });
    const row = await rawOneInScope(qb, p.scope, { district: 'w.district_code', street: 'w.street_code' }, 'secondment', id);
    return { ...row, id: Number(row.id), workerId: Number(row.workerId) };
  }
}
