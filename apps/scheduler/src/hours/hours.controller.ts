import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiSchema, CurrentPrincipal, Permissions, Roles } from '@cws/platform';
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
  @ApiOperation({ summary: '月度工时、加班与班次统计', description: 'Hours, overtime by kind (150/200/300 %) and shift counts per worker, from the month’s published rosters' })
  @ApiOkResponse({ schema: apiSchema(MonthHours) })
  month(@CurrentPrincipal() p: Principal, @Query() q: HoursQueryDto) {
    return this.hours.month(p, q.month, q.community);
  }
}
