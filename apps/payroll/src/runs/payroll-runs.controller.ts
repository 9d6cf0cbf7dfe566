import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, IdParam } from '@cws/platform';
import { CanApproveRuns, CanPayRuns, CanPrepareRuns, CanRead } from '../common/access';
import { PayrollRunReadsService } from './payroll-run-reads.service';
import { CreateRunDto, PayslipPageQueryDto, RejectRunDto, RunListQueryDto, SchedulePaymentDto } from './payroll-runs.dto';
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
  @Creates(
    PayrollRun,
    '创建工资批次（草稿）并排队计算',
    'Create a DRAFT run for a period and scope; its computation is queued at once. One REGULAR run per period and scope (409 PAYROLL_RUN_EXISTS); a run overlapping another of the same period and type (a street inside a district) is 409 PAYROLL_RUN_OVERLAPS.',
  )
  create(@CurrentPrincipal() p: Principal, @Body() dto: CreateRunDto) {
    return this.runs.create(p, dto);
  }

  @Get()
  @CanRead()
  @Answers(PayrollRunPage, '工资批次列表（游标分页）', 'Runs in your scope, newest first, in keyset pages')
  list(@CurrentPrincipal() p: Principal, @Query() q: RunListQueryDto) {
    return this.reads.list(p, q);
  }

  @Get(':id')
  @CanRead()
  @Answers(PayrollRun, '查看工资批次及进度', 'A run with its progress (done / total / failed) and totals')
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.reads.get(p, id);
  }

  @Get(':id/payslips')
  @CanRead()
  @Answers(PayslipPageSchema, '批次的工资条（游标分页）', "A run's payslips in your scope, keyset pages { items, nextAfter }")
  payslips(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Query() q: PayslipPageQueryDto) {
    return this.reads.payslipPage(p, id, q);
  }

  @Post(':id/recalculate')
  @CanPrepareRuns()
  @Answers(PayrollRun, '重新取数并计算草稿批次', 'Freeze the inputs again and recompute a DRAFT')
  recalculate(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.recalculate(p, id);
  }

  @Post(':id/submit')
  @CanPrepareRuns()
  @Answers(PayrollRun, '提交批次审批', 'Submit a computed DRAFT for approval')
  submit(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.submit(p, id);
  }

  @Post(':id/approve')
  @CanApproveRuns()
  @Answers(PayrollRun, '审批通过批次', 'Approve a SUBMITTED run (not by its submitter); its payslips become immutable')
  approve(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.approve(p, id);
  }

  @Post(':id/reject')
  @CanApproveRuns()
  @Answers(PayrollRun, '退回批次', 'Send a SUBMITTED run back to DRAFT with a reason')
  reject(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: RejectRunDto) {
    return this.runs.reject(p, id, dto.reason);
  }

  @Post(':id/pay')
  @CanPayRuns()
  @Answers(PayrollRun, '标记批次已发放', 'Mark an APPROVED run PAID (the bank confirmed); the run is then locked')
  pay(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.pay(p, id);
  }

  @Post(':id/schedule-payment')
  @CanPayRuns()
  @Answers(PayrollRun, '预约发放日', 'Schedule the payment of an APPROVED run on the value date given to the bank (today or later, ≤ 90 days ahead); the pay-day batch marks it PAID on that date. Again to move the date.')
  schedulePayment(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: SchedulePaymentDto) {
    return this.runs.schedulePayment(p, id, dto.payOn);
  }

  @Post(':id/unschedule-payment')
  @CanPayRuns()
  @Answers(PayrollRun, '取消预约发放', 'Take back the scheduled payment of an APPROVED run (409 PAYROLL_PAYMENT_NOT_SCHEDULED when none); it is then paid by hand')
  unschedulePayment(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.unschedulePayment(p, id);
  }

  @Post(':id/cancel')
  @CanPrepareRuns()
  @Answers(PayrollRun, '作废批次', 'Cancel a DRAFT or SUBMITTED run')
  cancel(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.runs.cancel(p, id);
  }
}
