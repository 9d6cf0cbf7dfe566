import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@cws/kernel';
import type { MonthHoursResponse } from '@cws/scheduler-contracts';
import { hoursBetween, workerDaysOf, type HoursQuery, type WorkerDays } from '@cws/scheduler-solver';
import { hoursOf } from '../rosters/roster-view';
import { RosterRepository } from '../rosters/roster.repository';

/** The month's hours per worker from published rosters, for payroll (the same data the outbox event carries). */
@Injectable()
export class HoursService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rosters: RosterRepository,
  ) {}

  read(p: Principal, q: HoursQuery): Promise<MonthHoursResponse> {
    const one = workerDaysOf(q);
    return one ? this.workerBetween(p, q.month, one) : this.month(p, q.month, q.community);
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
  async workerBetween(p: Principal, month: string, { community, workerId, from, through }: WorkerDays): Promise<MonthHoursResponse> {
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
