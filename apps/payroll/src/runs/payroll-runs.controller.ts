import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { apiSchema, CurrentPrincipal, IdParam } from '@cws/platform';
import { CanApproveRuns, CanPayRuns, CanPrepareRuns, CanRead } from '../common/access';
import { PayrollRunReadsService } from './payroll-run-reads.service';
import { CreateRunDto, PayslipPageQueryDto, RejectRunDto, RunListQueryDto } from './payroll-runs.dto';
import { PayrollRunsService } from './payroll-runs.service';
import { PayrollRun, PayrollRunPage, PayslipPageSchema } from '@cws/payroll-contracts';

/**
 * Monthly payroll runs: DRAFT → SUBMITTED → APPROVED → PAID (reject → DRAFT with a reason; cancel
 * before approval). Four eyes: the approver is never the submitter.
 */
@ApiTags('payroll-runs')
@Controller('v1/runs')
export class PayrollRunsController {
  constructor(
    private readonly reads: PayrollRunReadsService,
    private readonly runs: PayrollRunsService,
  ) {}

  @Post()
  @CanPrepareRuns()
  @ApiOperation({
    summary: '创建工资批次（草稿）并排队计算',
    description: 'Create a DRAFT run for a period and scope; its computation is queued at once. One REGULAR run per period and scope (409 PAYROLL_RUN_EXISTS); a run overlapping another of the same period and type (a street inside a district) is 409 PAYROLL_RUN_OVERLAPS.',
  })
  @ApiCreatedResponse({ schema: apiSchema(PayrollRun) })
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateRunDto) {
    return this.runs.create(p, dto);
  }

  @Get()
  @CanRead()
  @ApiOperation({ summary: '工资批次列表（游标分页）', description: 'Runs in your scope, newest first, in keyset pages' })
  @ApiOkResponse({ schema: apiSchema(PayrollRunPage) })
  list(@CurrentPrincipal() p: Principal, @Query() q: RunListQueryDto) {
    return this.reads.list(p, q);
  }

  @Get(':id')
  @CanRead()
  @ApiOperation({ summary: '查看工资批次及进度', description: 'A run with its progress (done / total / failed) and totals' })
  @ApiOkResponse({ schema: apiSchema(PayrollRun) })
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.reads.get(p, id);
  }

  @Get(':id/payslips')
  @CanRead()
  @ApiOperation({ summary: '批次的工资条（游标分页）', description: "A run's payslips in your scope, keyset pages { items, nextAfter }" })
  @ApiOkResponse({ schema: apiSchema(PayslipPageSchema) })
  payslips(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Query() q: PayslipPageQueryDto) {
    return this.reads.payslipPage(p, id, q);
  }

  @Post(':id/recalculate')
  @HttpCode(200)
  @CanPrepareRuns()
  @ApiOperation({ summary: '重新取数并计算草稿批次', description: 'Freeze the inputs again and recompute a DRAFT' })
  @ApiOkResponse({ schema: apiSchema(PayrollRun) })
  recalculate(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.recalculate(p, id);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @CanPrepareRuns()
  @ApiOperation({ summary: '提交批次审批', description: 'Submit a computed DRAFT for approval' })
  @ApiOkResponse({ schema: apiSchema(PayrollRun) })
  submit(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.submit(p, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @CanApproveRuns()
  @ApiOperation({ summary: '审批通过批次', description: 'Approve a SUBMITTED run (not by its submitter); its payslips become immutable' })
  @ApiOkResponse({ schema: apiSchema(PayrollRun) })
  approve(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.approve(p, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @CanApproveRuns()
  @ApiOperation({ summary: '退回批次', description: 'Send a SUBMITTED run back to DRAFT with a reason' })
  @ApiOkResponse({ schema: apiSchema(PayrollRun) })
  reject(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: RejectRunDto) {
    return this.runs.reject(p, id, dto.reason);
  }

  @Post(':id/pay')
  @HttpCode(200)
  @CanPayRuns()
  @ApiOperation({ summary: '标记批次已发放', description: 'Mark an APPROVED run PAID (the bank confirmed); the run is then locked' })
  @ApiOkResponse({ schema: apiSchema(PayrollRun) })
  pay(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.pay(p, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @CanPrepareRuns()
  @ApiOperation({ summary: '作废批次', description: 'Cancel a DRAFT or SUBMITTED run' })
  @ApiOkResponse({ schema: apiSchema(PayrollRun) })
  cancel(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.cancel(p, id);
  }
}
