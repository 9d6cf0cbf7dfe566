import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { FiscalYear } from '@cws/budget-contracts';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { Principal } from '@cws/kernel';
import { Answers, Creates, CurrentPrincipal, YearParam } from '@cws/platform';
import { CanPost, CanRead } from '../common/access';
import { FiscalYearEntity } from './fiscal-year.entity';
import { FiscalYearsService } from './fiscal-years.service';

export class OpenFiscalYearDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) year!: number;
}

@ApiTags('fiscal-years')
@Controller('v1/fiscal-years')
export class FiscalYearsController {
  constructor(private readonly years: FiscalYearsService) {}

  @Get()
  @CanRead()
  @Answers([FiscalYear], '财政年度列表')
  list(): Promise<FiscalYearEntity[]> {
    return this.years.list();
  }

  @Post()
  @CanPost()
  @Creates(FiscalYear, '开启财政年度', 'Open a fiscal year (city scope only)')
  open(@CurrentPrincipal() p: Principal, @Body() dto: OpenFiscalYearDto) {
    return this.years.open(p, dto.year);
  }

  @Post(':year/close')
  @CanPost()
  @Answers(FiscalYear, '关闭财政年度（不再记账）', 'Close a fiscal year: it takes no further postings (city scope only)')
  close(@CurrentPrincipal() p: Principal, @Param() { year }: YearParam) {
    return this.years.close(p, year);
  }
}
