import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, CurrentPrincipal, Permissions, Roles } from '@cws/platform';
import { READ_ROLES, SCHEDULER_READ } from '../common/access';
import { HoursQueryDto } from '../rosters/rosters.dto';
import { HoursService } from './hours.service';
import { MonthHours } from '@cws/scheduler-contracts';

@ApiTags('hours')
@Controller('v1/hours')
export class HoursController {
  constructor(private readonly hours: HoursService) {}

  @Get()
  @Roles(...READ_ROLES)
  // Payroll's API client reads with payroll:read as well as scheduler:read.
  @Permissions(SCHEDULER_READ, 'payroll:read')
  @Answers(MonthHours, '月度工时、加班与班次统计', 'Hours, overtime by kind (150/200/300 %) and shift counts per worker, from the month’s published rosters; with `worker`, `community` and `from` and/or `through`, that worker only, their shifts outside those days dropped')
  month(@CurrentPrincipal() p: Principal, @Query() q: HoursQueryDto) {
    return this.hours.read(p, q);
  }
}
