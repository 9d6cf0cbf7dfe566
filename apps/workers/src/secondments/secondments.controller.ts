import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, Permissions, Roles } from '@cws/platform';
import { READ_ROLES, WORKERS_READ, WRITE_ROLES } from '../common/access';
import { AvailabilityMonthQueryDto, AvailabilityQueryDto, CreateSecondmentDto, EndSecondmentDto } from './secondments.dto';
import { SecondmentsService } from './secondments.service';
import { AvailableWorkers, AvailableWorkersMonth, Secondment } from '@cws/workers-contracts';

@ApiTags('secondments')
@ApiBearerAuth()
@Controller('v1')
export class SecondmentsController {
  constructor(private readonly secondments: SecondmentsService) {}

  @Post('secondments')
  @Roles(...WRITE_ROLES)
  @Creates(Secondment, '开始借调（挂职）', 'Start a secondment (挂职) out of or into a community')
  @ApiConflictResponse({ description: 'SECONDMENT_OVERLAP, WORKER_LEFT' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateSecondmentDto) {
    return this.secondments.create(p, dto);
  }

  @Post('secondments/:id/end')
  @Roles(...WRITE_ROLES)
  @Answers(Secondment, '结束借调', 'End a secondment (a later last day than planned extends it, if it then overlaps no other)')
  @ApiConflictResponse({ description: 'SECONDMENT_NOT_ACTIVE, SECONDMENT_OVERLAP' })
  end(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: EndSecondmentDto) {
    return this.secondments.end(p, id, dto);
  }

  @Get('workers/:id/secondments')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @Answers([Secondment], '社区工作者的借调记录')
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.secondments.list(p, id);
  }

  @Get('availability')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ, 'scheduler:read')
  @Answers(AvailableWorkers, '某日可排班的人员', 'Workers available for rosters in a community on a date (outward secondments excluded)')
  available(@CurrentPrincipal() p: Principal, @Query() q: AvailabilityQueryDto) {
    return this.secondments.available(p, q.community, q.date);
  }

  @Get('availability/month')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ, 'scheduler:read')
  @Answers(AvailableWorkersMonth, '某月每日可排班的人员', 'Each day of a month, who is available for rosters in a community: what the daily read answers, in one request (a roster solve reads its month with it)')
  availableMonth(@CurrentPrincipal() p: Principal, @Query() q: AvailabilityMonthQueryDto) {
    return this.secondments.availableMonth(p, q.community, q.month);
  }
}
