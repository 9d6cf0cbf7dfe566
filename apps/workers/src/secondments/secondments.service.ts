import { Injectable } from '@nestjs/common';
import { addDays, conflict, monthDates, validationError, type Principal } from '@cws/kernel';
import { OutboxService } from '@cws/messaging';
import { AuditService } from '@cws/platform';
import { type AvailableWorkersMonthView, type AvailableWorkersView, SecondmentEndedEvent, SecondmentStartedEvent, type SecondmentView } from '@cws/workers-contracts';
import { inTransaction } from '@cws/persistence';
import { arrivalOn, availableDays } from '@cws/workers-core';
import { DataSource, type EntityManager } from 'typeorm';
import { communityInScope } from '../common/org-scope';
import { today } from '../common/sql';
import { StatusCalendarReader } from '../status-calendar/status-calendar.reader';
import { WorkerLeaveRepository } from '../workers/worker-leave.repository';
import { WorkerByDayRepository } from '../workers/worker-by-day.repository';
import { refOf, WorkersService } from '../workers/workers.service';
import type { CreateSecondmentDto, EndSecondmentDto } from './secondments.dto';
import { SecondmentRepository } from './secondment.repository';

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
  create(p: Principal, dto: CreateSecondmentDto): Promise<SecondmentView> {
    return inTransaction(this.dataSource, async (m) => {
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
      const rival = await SecondmentRepository.overlapping(m, worker.id, dto.from, dto.to ?? null);
      if (rival !== null) throw conflict('SECONDMENT_OVERLAP', `The worker already has a secondment in that period (secondment ${rival})`, { secondmentId: rival });
      const id = await SecondmentRepository.insert(m, {
        workerId: worker.id, direction: dto.direction, organisation: dto.organisation, communityCode: worker.communityCode, from: dto.from, to: dto.to ?? null,
        payer: dto.payer, note: dto.note ?? null,
      });
      const now = today();
      await this.followCalendar(m, worker, now);
      const after: SecondmentView = { id, workerId: worker.id, direction: dto.direction, organisation: dto.organisation, communityCode: worker.communityCode, from: dto.from, to: dto.to ?? null, payer: dto.payer, status: 'ACTIVE' };
      await this.audit.record(m, { entity: 'secondment', entityId: id, action: 'CREATE', after, districtCode: worker.districtCode });
      // Announced once, when it has begun / ended: now if already so, else by the nightly status calendar.
      if (dto.from <= now) {
        await this.outbox.add(m, SecondmentStartedEvent, { ...refOf(worker), secondmentId: id, direction: dto.direction, payer: dto.payer, from: dto.from, to: dto.to ?? null });
        await SecondmentRepository.markStartNotified(m, id);
      }
      if (dto.to && dto.to < now) {
        await this.outbox.add(m, SecondmentEndedEvent, { ...refOf(worker), secondmentId: id, to: dto.to });
        await SecondmentRepository.markEndNotified(m, id, { closing: true });
        after.status = 'ENDED';
      }
      return after;
    }, { isolation: 'READ COMMITTED' });
  }

  end(p: Principal, id: number, dto: EndSecondmentDto): Promise<SecondmentView> {
    return inTransaction(this.dataSource, async (m) => {
      const before = await SecondmentRepository.inScope(m, p.scope, id);
      const worker = await this.workers.workerInScope(m, p, before.workerId, { lock: true });
      if (before.status !== 'ACTIVE') throw conflict('SECONDMENT_NOT_ACTIVE', `secondment ${id} is ${before.status}`);
      if (dto.to < before.from) throw validationError('SECONDMENT_ENDS_BEFORE_START', 'to', 'must not be before the start date');
      // a later end than planned extends it: it must not then run into another of the worker's secondments
      const rival = await SecondmentRepository.overlapping(m, worker.id, before.from, dto.to, id);
      if (rival !== null) throw conflict('SECONDMENT_OVERLAP', `The worker already has a secondment in that period (secondment ${rival})`, { secondmentId: rival });
      await SecondmentRepository.end(m, id, dto.to);
      const now = today();
      await this.followCalendar(m, worker, now);
      const after = { ...before, to: dto.to, status: 'ENDED' };
      await this.audit.record(m, { entity: 'secondment', entityId: id, action: 'END', before, after, districtCode: worker.districtCode });
      // secondment.ended goes out once the last day has passed: now, or from the nightly status calendar.
      if (dto.to < now) {
        await this.outbox.add(m, SecondmentEndedEvent, { ...refOf(worker), secondmentId: id, to: dto.to });
        await SecondmentRepository.markEndNotified(m, id, { closing: false });
      }
      return after;
    }, { isolation: 'READ COMMITTED' });
  }

  /** Brings the worker's status in line with the calendar on `date` (LEFT stays LEFT). */
  private async followCalendar(m: EntityManager, worker: { id: number; status: string }, date: string): Promise<void> {
    if (worker.status === 'LEFT') return;
    const status = await StatusCalendarReader.statusOn(m, worker.id, date);
    if (status !== worker.status) {
      await this.workers.setStatus(m, worker.id, status);
    }
  }

  async list(p: Principal, workerId: number): Promise<SecondmentView[]> {
    await this.workers.workerInScope(this.dataSource.manager, p, workerId);
    return SecondmentRepository.ofWorker(this.dataSource.manager, workerId);
  }

  /**
   * Who can be rostered in a community on a date: its workers who are neither gone nor on leave
   * that day (leave periods by date), minus those on an OUT secondment that day; seconded-in cadres belong to their host community.
   */
  async available(p: Principal, communityCode: string, date = today()): Promise<AvailableWorkersView> {
    const m = this.dataSource.manager;
    await communityInScope(m, p, communityCode);
    const workers = await this.availability(m, communityCode, [date]);
    return { communityCode, date, workers: workers.map(({ id, name, employmentType, status }) => ({ id, name, employmentType, status })) };
  }

  /**
   * The same for each day of a month, in one request: a roster solve used to read its month one day at a time (31
   * calls a centre, 40,000 for the city's flow, throttled by the per-client rate limit). A worker transferred in on a
   * day of the month (the 1st included) is named with that day (`arrivedOn`) and the community they were placed in the
   * day before (`arrivedFrom`, their place then as the snapshot reads it): the scheduler carries that centre's days
   * before the transfer, as it carries its own last days of the month before.
   */
  async availableMonth(p: Principal, communityCode: string, month: string): Promise<AvailableWorkersMonthView> {
    const m = this.dataSource.manager;
    await communityInScope(m, p, communityCode);
    const dates = monthDates(month);
    const available = await this.availability(m, communityCode, dates);
    const arrivals = new Map(available.flatMap((w) => {
      const day = arrivalOn(dates, w);
      return day ? [[w.id, day] as const] : [];
    }));
    // one snapshot page per day before an arrival (a few a month)
    const from = new Map<number, string>();
    for (const eve of new Set([...arrivals.values()].map((day) => addDays(day, -1)))) {
      const ids = [...arrivals].filter(([, day]) => addDays(day, -1) === eve).map(([id]) => id);
      const page = await WorkerByDayRepository.employedPage(m, { level: 'CITY' }, { asOf: eve, workerIds: ids, limit: ids.length, fullBank: false });
      for (const w of page.items) from.set(Number(w.id), w.communityCode);
    }
    return {
      communityCode, month,
      workers: available.map(({ id, name, employmentType, status, availableOn }) => {
        const arrivedFrom = from.get(id) ?? null;
        return { id, name, employmentType, status, availableOn, arrivedFrom, arrivedOn: arrivedFrom ? arrivals.get(id)! : null };
      }),
    };
  }

  /**
   * The daily rule (`availableDays`) over `dates` (ascending), for the workers placed in the community on any of them: five
   * reads whatever the number of days — who is placed here when, their leave and their OUT secondments (session 22; the
   * month took the daily rule's three reads a day). Those available on none of the days are left out; by id.
   */
  private async availability(m: EntityManager, communityCode: string, dates: readonly string[]) {
    const [first, last] = [dates[0], dates[dates.length - 1]];
    const placed = await WorkerByDayRepository.placedBetween(m, communityCode, first, last);
    const ids = [...new Set(placed.map((r) => r.id))].sort((a, b) => a - b);
    const [leaves, secondments] = await Promise.all([WorkerLeaveRepository.periodsIn(m, ids, first, last), SecondmentRepository.outIn(m, ids, first, last)]);
    const byWorker = <T extends { workerId: number }>(rows: T[], id: number) => rows.filter((r) => r.workerId === id);
    return ids.flatMap((id) => {
      const rows = placed.filter((r) => r.id === id);
      const { name, employmentType, status, hireDate, leftDate } = rows[0];
      const here = rows.map((r) => ({ from: r.fromDay, to: r.toDay }));
      const availableOn = availableDays(dates, { hireDate, leftDate, placed: here, leaves: byWorker(leaves, id), secondedOut: byWorker(secondments, id) });
      return availableOn.length ? [{ id, name, employmentType, status, hireDate, placed: here, availableOn }] : [];
    });
  }
}
