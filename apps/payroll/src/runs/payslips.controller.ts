import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { CurrentPrincipal, IdParam } from '@cws/platform';
import { CanRead } from '../common/access';
import { file } from '../run-outputs/run-outputs.controller';
import { RunOutputsService } from '../run-outputs/run-outputs.service';
import { PayrollRunReadsService } from './payroll-run-reads.service';

@ApiTags('payroll-runs')
@Controller('v1/payslips')
export class PayslipsController {
  constructor(
    private readonly outputs: RunOutputsService,
    private readonly reads: PayrollRunReadsService,
  ) {}

  // Declared before ':id', which would otherwise take "12.pdf" as an id.
  @Get(':id.pdf')
  @CanRead()
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The payslip as a PDF with Chinese text (Noto Sans SC embedded from its npm package)' })
  async pdf(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam): Promise<StreamableFile> {
    return file(await this.outputs.payslipPdf(p, id));
  }

  @Get(':id')
  @CanRead()
  @ApiOperation({ summary: 'One payslip: lines with component codes, totals, the tax state after it, flags for review' })
  @ApiOkResponse({ description: 'PayslipView' })
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.reads.payslip(p, id);
  }
}
