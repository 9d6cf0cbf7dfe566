import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiSchema, CurrentPrincipal, Permissions, Roles } from '@cws/platform';
import { CreatedId, WorkerDetail, WorkerListPage, WorkerPii, WorkerRecord, WorkerWriteResult } from '@cws/workers-contracts';
import { PII_ROLES, READ_ROLES, WORKERS_READ, WRITE_ROLES } from '../common/access';
import { CareerEventDto, CreateWorkerDto, LeaveWorkerDto, UpdateWorkerDto, WorkerQueryDto } from './workers.dto';
import { WorkersService } from './workers.service';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('v1/workers')
export class WorkersController {
  constructor(private readonly workers: WorkersService) {}

  @Get()
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @ApiOperation({ summary: '花名册（游标分页）', description: 'The register, filtered by scope and query, keyset-paginated; resident IDs masked' })
  @ApiOkResponse({ schema: apiSchema(WorkerListPage) })
  list(@CurrentPrincipal() p: Principal, @Query() q: WorkerQueryDto) {
    return this.workers.list(p, q);
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '登记社区工作者', description: 'Register a worker; the response carries warnings (e.g. a bank account failing Luhn)' })
  @ApiCreatedResponse({ schema: apiSchema(WorkerWriteResult) })
  @ApiConflictResponse({ description: 'RESIDENT_ID_TAKEN, COMMUNITY_INACTIVE' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkerDto) {
    return this.workers.create(p, dto);
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @ApiOperation({ summary: '社区工作者详情', description: 'Worker detail with appointments, training, secondments and career events' })
  @ApiOkResponse({ schema: apiSchema(WorkerDetail) })
  @ApiNotFoundResponse({ description: 'WORKER_NOT_FOUND (also when outside your scope)' })
  detail(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.workers.detail(p, id);
  }

  @Get(':id/pii')
  @Roles(...PII_ROLES)
  @ApiOperation({ summary: '查看完整身份证号与银行卡号（留痕）', description: 'Full resident ID and bank account; each view is written to the audit log' })
  @ApiOkResponse({ schema: apiSchema(WorkerPii) })
  pii(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.workers.pii(p, id);
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '修改社区工作者信息', description: 'Change a worker (optimistic lock with `version`); a community change is a transfer' })
  @ApiOkResponse({ schema: apiSchema(WorkerWriteResult) })
  update(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateWorkerDto) {
    return this.workers.update(p, id, dto);
  }

  @Post(':id/leave')
  @HttpCode(200)
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '办理离职', description: 'The worker leaves: status LEFT with date and reason; open appointments end that day' })
  @ApiOkResponse({ schema: apiSchema(WorkerRecord) })
  leave(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: LeaveWorkerDto) {
    return this.workers.leave(p, id, dto);
  }

  @Post(':id/events')
  @Roles(...WRITE_ROLES)
  @ApiOperation({ summary: '登记职业经历事件', description: 'Record a career event (grade change, promotion, commendation, leave, return)' })
  @ApiCreatedResponse({ schema: apiSchema(CreatedId) })
  event(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: CareerEventDto) {
    return this.workers.recordEvent(p, id, dto);
  }
}
