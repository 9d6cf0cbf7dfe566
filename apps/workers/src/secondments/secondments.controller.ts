import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiArraySchema, apiSchema, CurrentPrincipal, Permissions, Roles } from '@cws/platform';
import { READ_ROLES, WORKERS_READ, WRITE_ROLES } from '../common/access';
import { AvailabilityQueryDto, CreateSecondmentDto, EndSecondmentDto } from './secondments.dto';
import { SecondmentsService } from './secondments.service';
import { AvailableWorkers, Secondment } from '@cws/workers-contracts';

@ApiTags('secondments')
@ApiBearerAuth()
@Controller('v1')
export class SecondmentsController {
  constructor(private readonly secondments: SecondmentsService) {}

  @Post('secondments')
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '开始借调（挂职）', description: 'Start a secondment (挂职) out of or into a community' })
  @ApiConflictResponse({ description: 'SECONDMENT_OVERLAP, WORKER_LEFT' })
  @ApiCreatedResponse({ schema: apiSchema(Secondment) })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateSecondmentDto) {
    return this.secondments.create(p, dto);
  }

  @Post('secondments/:id/end')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '结束借调', description: 'End a secondment' })
  @ApiOkResponse({ schema: apiSchema(Secondment) })
  end(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: EndSecondmentDto) {
    return this.secondments.end(p, id, dto);
  }

  @Get('workers/:id/secondments')
  @ApiOperation({ summary: '社区工作者的借调记录' })
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @ApiOkResponse({ schema: apiArraySchema(Secondment) })
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.secondments.list(p, id);
  }

  @Get('availability')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ, 'scheduler:read')
  @ApiOperation({ summary: '某日可排班的人员', description: 'Workers available for rosters in a community on a date (outward secondments excluded)' })
  @ApiOkResponse({ schema: apiSchema(AvailableWorkers) })
  available(@CurrentPrincipal() p: Principal, @Query() q: AvailabilityQueryDto) {
    return this.secondments.available(p, q.community, q.date);
  }
}
