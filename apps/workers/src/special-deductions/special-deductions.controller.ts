import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, NoContent, Roles } from '@cws/platform';
import { SpecialDeduction, WorkerSpecialDeductions, WorkerTaxYear } from '@cws/workers-contracts';
import { READ_ROLES, WRITE_ROLES } from '../common/access';
import { CreateSpecialDeductionDto, EndSpecialDeductionDto, PutTaxYearDto, SpecialDeductionsQueryDto, TaxYearParams } from './special-deductions.dto';
import { SpecialDeductionsService } from './special-deductions.service';

/** 专项附加扣除 (declarations by month, and the year-to-date sum payroll withholds by), and the year's withholding flags. */
@ApiTags('special-deductions')
@ApiBearerAuth()
@Controller('v1')
export class SpecialDeductionsController {
  constructor(private readonly deductions: SpecialDeductionsService) {}

  @Get('workers/:id/special-deductions')
  @Roles(...READ_ROLES)
  @Answers(WorkerSpecialDeductions, '社区工作者的专项附加扣除', 'The worker’s declarations, newest first, and this year’s sum through asOf’s month')
  list(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Query() q: SpecialDeductionsQueryDto) {
    return this.deductions.list(p, id, q.asOf);
  }

  @Post('workers/:id/special-deductions')
  @Roles(...WRITE_ROLES)
  @Creates(SpecialDeduction, '登记一项专项附加扣除', 'Record a deduction the worker declared; 400 SPECIAL_DEDUCTION_OVER_CAP above the kind’s monthly cap')
  @ApiConflictResponse({ description: 'SPECIAL_DEDUCTION_OVERLAP (the same kind in a month twice), SPECIAL_DEDUCTION_EXCLUSIVE (rent beside loan interest), WORKER_LEFT' })
  create(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: CreateSpecialDeductionDto) {
    return this.deductions.create(p, id, dto);
  }

  @Post('special-deductions/:id/end')
  @Roles(...WRITE_ROLES)
  @Answers(SpecialDeduction, '结束一项专项附加扣除', 'Set its last month')
  end(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number, @Body() dto: EndSpecialDeductionDto) {
    return this.deductions.end(p, id, dto);
  }

  @Delete('special-deductions/:id')
  @Roles(...WRITE_ROLES)
  @NoContent('撤销误登记的专项附加扣除', 'Withdraw a declaration recorded in error (the audit log keeps it)')
  remove(@CurrentPrincipal() p: Principal, @Param('id', ParseIntPipe) id: number) {
    return this.deductions.remove(p, id);
  }

  @Get('workers/:id/tax-years/:year')
  @Roles(...READ_ROLES)
  @Answers(WorkerTaxYear, '社区工作者某年的个税预扣标志', 'The flags HR set for the year, or nulls (payroll’s defaults apply)')
  taxYear(@CurrentPrincipal() p: Principal, @Param() { id, year }: TaxYearParams) {
    return this.deductions.taxYear(p, id, year);
  }

  @Put('workers/:id/tax-years/:year')
  @Roles(...WRITE_ROLES)
  @Answers(WorkerTaxYear, '设定个税预扣标志', 'Set the year’s flags (null = back to the default); the next payroll run withholds by them')
  putTaxYear(@CurrentPrincipal() p: Principal, @Param() { id, year }: TaxYearParams, @Body() dto: PutTaxYearDto) {
    return this.deductions.putTaxYear(p, id, year, dto);
  }
}
