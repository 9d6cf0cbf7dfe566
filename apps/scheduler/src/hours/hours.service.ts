import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validationError, type Principal } from '@cws/kernel';
import type { MonthHoursResponse } from '@cws/scheduler-contracts';
import { hoursBetween } from '@cws/scheduler-solver';
import { hoursOf } from '../rosters/roster-view';
import { RosterRepository } from '../rosters/roster.repository';

/** `GET /v1/hours`: a month, optionally one community; `worker` with `from` and/or `through` keeps that worker's days in between. */
export interface HoursQuery {
  month: string;
  community?: string;
  worker?: string;
  from?: string;
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
    const days = q.from !== undefined || q.through !== undefined;
    if (q.worker === undefined && !days) return this.month(p, q.month, q.community);
    // one worker's days: the worker, the community and at least one end go together
    if (q.worker === undefined) throw validationError('HOURS_DAYS_NEED_WORKER', 'worker', '`from` and `through` bound one worker’s days: name the worker');
    if (!days) throw validationError('HOURS_WORKER_NEEDS_DAYS', 'through', '`worker` asks for some of one worker’s days: give `from` and/or `through`');
    if (q.community === undefined) throw validationError('HOURS_WORKER_NEEDS_COMMUNITY', 'community', 'one worker’s days are read from one community’s roster: give `community`');
    for (const [path, day] of [['from', q.from], ['through', q.through]] as const) {
      if (day !== undefined && day.slice(0, 7) !== q.month) throw validationError('HOURS_DAY_OUTSIDE_MONTH', path, `${day} is not in ${q.month}`);
    }
    if (q.from !== undefined && q.through !== undefined && q.from > q.through) throw validationError('HOURS_FROM_AFTER_THROUGH', 'from', `${q.from} is after ${q.through}`);
    return this.workerBetween(p, q.month, q.community, Number(q.worker), q.from ?? null, q.through ?? null);
  }

  async month(p: Principal, month: string, community?: string): Promise<MonthHoursResponse> {
    const rows = await this.rosters.published(this.dataSource.manager, month, p.scope, community);
    return { month, communities: rows.map(hoursOf) };
  }

  /**
   * One worker's hours of the community's published roster on the days `from`…`through`: payroll pays a leaver up to
   * their last day and a transferred worker each community's part of the month, whether or not the rosters were
   * re-planned since.
   */
  async workerBetween(p: Principal, month: string, community: string, workerId: number, from: string | null, through: string | null): Promise<MonthHoursResponse> {
    const rows = await this.rosters.published(this.dataSource.manager, month, p.scope, community);
    return {
      month,
      communities: rows.map((r) => {
        const h = r.problem && r.assignments ? hoursBetween(r.problem, r.assignments, workerId, from, through) : null;
        return { ...hoursOf(r), workers: h ? [h] : [] };
      }),
    };
  }
}
