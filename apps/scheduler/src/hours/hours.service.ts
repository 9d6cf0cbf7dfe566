import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '@cws/kernel';
import type { MonthHoursResponse } from '@cws/scheduler-contracts';
import { hoursOf } from '../rosters/roster-view';
import { RosterRepository } from '../rosters/roster.repository';

/** The month's hours per worker from published rosters, for payroll (the same data the outbox event carries). */
@Injectable()
export class HoursService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rosters: RosterRepository,
  ) {}

  async month(p: Principal, month: string, community?: string): Promise<MonthHoursResponse> {
    const rows = await this.rosters.published(this.dataSource.manager, month, p.scope, community);
    return { month, communities: rows.map(hoursOf) };
  }
}
