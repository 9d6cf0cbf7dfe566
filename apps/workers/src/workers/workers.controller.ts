import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, NoContent, Permissions, Roles } from '@cws/platform';
import { CreatedId, IncomingTransfers, WorkerDetail, WorkerListPage, WorkerLookupResult, WorkerPii, WorkerRecord, WorkerWriteResult } from '@cws/workers-contracts';
import { PII_ROLES, READ_ROLES, WORKERS_READ, WRITE_ROLES } from '../common/access';
import { CareerEventDto, CreateWorkerDto, LeaveWorkerDto, UpdateWorkerDto, WorkerLookupDto, WorkerQueryDto } from './workers.dto';
import { WorkersService } from './workers.service';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('v1/workers')
export class WorkersController {
  constructor(private readonly workers: WorkersService) {}

  @Get()
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @Answers(WorkerListPage, '花名册（游标分页）', 'The register, filtered by scope and query, keyset-paginated; resident IDs masked')
  list(@CurrentPrincipal() p: Principal, @Query() q: WorkerQueryDto) {
    return this.workers.list(p, q);
  }

  @Post()
  @Roles(...WRITE_ROLES)
  @Creates(WorkerWriteResult, '登记社区工作者', 'Register a worker; the response carries warnings (e.g. a bank account failing Luhn)')
  @ApiConflictResponse({ description: 'RESIDENT_ID_TAKEN, COMMUNITY_INACTIVE' })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateWorkerDto) {
    return this.workers.create(p, dto);
  }

  @Post('lookup')
  @HttpCode(200)
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @Answers(WorkerLookupResult, '按身份证号查找（批量，留痕）', 'Workers in your scope by full resident ID, up to 2,000 at once, matched by position; audited (how many, not which). The IDs go in the body so that no URL or access log carries them.')
  lookup(@CurrentPrincipal() p: Principal, @Body() dto: WorkerLookupDto) {
    return this.workers.lookup(p, dto.residentIds);
  }

  @Get('incoming-transfers')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @Answers(IncomingTransfers, '即将调入的人员', 'Workers a transfer recorded ahead will bring into your scope: who, from which community, to which, from when (by date; at most 500). Until the date they are outside your scope')
  incomingTransfers(@CurrentPrincipal() p: Principal) {
    return this.workers.incomingTransfers(p);
  }

  @Get(':id')
  @Roles(...READ_ROLES)
  @Permissions(WORKERS_READ)
  @Answers(WorkerDetail, '社区工作者详情', 'Worker detail with appointments, training, secondments and career events')
  @ApiNotFoundResponse({ description: 'WORKER_NOT_FOUND (also when outside your scope)' })
  detail(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.workers.detail(p, id);
  }

  @Get(':id/pii')
  @Roles(...PII_ROLES)
  @Answers(WorkerPii, '查看完整身份证号与银行卡号（留痕）', 'Full resident ID and bank account; each view is written to the audit log')
  pii(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.workers.pii(p, id);
  }

  @Patch(':id')
  @Roles(...WRITE_ROLES)
  @Answers(WorkerWriteResult, '修改社区工作者信息', 'Change a worker (optimistic lock with `version`); a community change is a transfer')
  update(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: UpdateWorkerDto) {
    return this.workers.update(p, id, dto);
  }

  @Delete(':id/planned-transfer')
  @Roles(...WRITE_ROLES)
  @NoContent('撤销尚未到日期的调动', 'Cancel a transfer recorded ahead of its date (404 when none is planned)')
  async cancelPlannedTransfer(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    await this.workers.cancelPlannedTransfer(p, id);
  }

  @Post(':id/leave')
  @Roles(...WRITE_ROLES)
  @Answers(WorkerRecord, '办理离职', 'The worker leaves: status LEFT with date and reason; open appointments end that day')
  leave(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: LeaveWorkerDto) {
    return this.workers.leave(p, id, dto);
  }

  @Post(':id/events')
  @Roles(...WRITE_ROLES)
  @Creates(CreatedId, '登记职业经历事件', 'Record a career event (grade change, promotion, commendation, leave, return)')
  event(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: CareerEventDto) {
    return this.workers.recordEvent(p, id, dto);
  }
}
