import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validationError, type Principal } from '@cws/kernel';
import type { MonthHoursResponse } from '@cws/scheduler-contracts';
import { hoursThrough } from '@cws/scheduler-solver';
import { hoursOf } from '../rosters/roster-view';
import { RosterRepository } from '../rosters/roster.repository';

/** `GET /v1/hours`: a month, optionally one community; `worker` with `through` cuts that worker's month at their last day. */
export interface HoursQuery {
  month: string;
  community?: string;
  worker?: string;
  through?: string;
}

/** The month's hours per worker from published rosters, for payroll (the same data the outbox event carries). */
@Injectable()
export class HoursService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rosters: RosterRepository,
  ) {}

  read(p: Principal, q: HoursQuery): Promise<MonthHoursResponse> {
    if (q.worker === undefined && q.through === undefined) return this.month(p, q.month, q.community);
    // A leaver's month: the three go together.
    if (q.worker === undefined) throw validationError('HOURS_THROUGH_NEEDS_WORKER', 'worker', '`through` cuts one worker’s month: name the worker');
    if (q.through === undefined) throw validationError('HOURS_WORKER_NEEDS_THROUGH', 'through', '`worker` asks for one worker’s month up to a day: give `through`');
    if (q.community === undefined) throw validationError('HOURS_WORKER_NEEDS_COMMUNITY', 'community', 'one worker’s month is read from one community’s roster: give `community`');
    return this.workerThrough(p, q.month, q.community, Number(q.worker), q.through);
  }

  async month(p: Principal, month: string, community?: string): Promise<MonthHoursResponse> {
    const rows = await this.rosters.published(this.dataSource.manager, month, p.scope, community);
    return { month, communities: rows.map(hoursOf) };
  }

  /**
   * One worker's hours of the community's published roster, without the shifts after `through`: payroll pays a
   * leaver for the days they served, whether or not the roster was re-planned after they left.
   */
  async workerThrough(p: Principal, month: string, community: string, workerId: number, through: string): Promise<MonthHoursResponse> {
    if (through.slice(0, 7) !== month) throw validationError('HOURS_THROUGH_OUTSIDE_MONTH', 'through', `${through} is not in ${month}`);
    const rows = await this.rosters.published(this.dataSource.manager, month, p.scope, community);
    return {
      month,
      communities: rows.map((r) => {
        const h = r.problem && r.assignments ? hoursThrough(r.problem, r.assignments, workerId, through) : null;
        return { ...hoursOf(r), workers: h ? [h] : [] };
      }),
    };
  }
}
