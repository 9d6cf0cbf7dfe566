import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, attachment, CurrentPrincipal, Downloads, IdParam } from '@cws/platform';
import { CanRead } from '../common/access';
import { RunOutputsService } from '../run-outputs/run-outputs.service';
import { PayrollRunReadsService } from './payroll-run-reads.service';
import { WorkerPayslipsQueryDto } from './payroll-runs.dto';
import { Payslip, WorkerPayslipPageSchema } from '@cws/payroll-contracts';

@ApiTags('payroll-runs')
@Controller('v1/payslips')
export class PayslipsController {
  constructor(
    private readonly outputs: RunOutputsService,
    private readonly reads: PayrollRunReadsService,
  ) {}

  @Get()
  @CanRead()
  @Answers(WorkerPayslipPageSchema, '某社区工作者的工资条（跨批次，游标分页）', "One worker's payslips across runs in your scope, newest period first, keyset pages { items, nextAfter }")
  forWorker(@CurrentPrincipal() p: Principal, @Query() q: WorkerPayslipsQueryDto) {
    return this.reads.workerPayslips(p, q);
  }

  // Declared before ':id', which would otherwise take "12.pdf" as an id.
  @Get(':id.pdf')
  @CanRead()
  @Downloads('pdf', '下载工资条（PDF）', 'The payslip as a PDF with Chinese text (Noto Sans SC embedded from its npm package)', { returns: 'The payslip as a PDF' })
  async pdf(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam): Promise<StreamableFile> {
    return attachment(await this.outputs.payslipPdf(p, id));
  }

  @Get(':id')
  @CanRead()
  @Answers(Payslip, '查看一张工资条', 'One payslip: lines with component codes, totals, the tax state after it, flags for review')
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.reads.payslip(p, id);
  }
}
