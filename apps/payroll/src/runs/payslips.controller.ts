import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { CurrentPrincipal } from '@cws/platform';
import { CanRead } from '../common/access';
import { IdParam } from '../common/id-param';
import { PayrollRunReadsService } from './payroll-run-reads.service';

@ApiTags('payroll-runs')
@Controller('v1/payslips')
export class PayslipsController {
  constructor(private readonly reads: PayrollRunReadsService) {}

  @Get(':id')
  @CanRead()
  @ApiOperation({ summary: 'One payslip: lines with component codes, totals, the tax state after it, flags for review' })
  @ApiOkResponse({ description: 'PayslipView' })
  get(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.reads.payslip(p, id);
  }
}
