import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import type { Principal } from '@cws/kernel';
import { CurrentPrincipal } from '@cws/platform';
import { CanPost, CanRead } from '../common/access';
import { FiscalYearEntity } from './fiscal-year.entity';
import { FiscalYearsService } from './fiscal-years.service';

export class OpenFiscalYearDto {
  @ApiProperty({ example: 2027 }) @IsInt() @Min(2000) @Max(2100) year!: number;
}

class FiscalYearDoc {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ example: 'OPEN', enum: ['OPEN', 'CLOSED'] }) status!: string;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) openedAt!: Date;
  @ApiProperty({ nullable: true, example: null }) closedAt!: Date | null;
  @ApiProperty({ nullable: true, example: null }) closedBy!: string | null;
}

@ApiTags('fiscal-years')
@Controller('v1/fiscal-years')
export class FiscalYearsController {
  constructor(private readonly years: FiscalYearsService) {}

  @Get()
  @ApiOperation({ summary: '财政年度列表' })
  @CanRead()
  @ApiOkResponse({ type: [FiscalYearDoc] })
  list(): Promise<FiscalYearEntity[]> {
    return this.years.list();
  }

  @Post()
  @CanPost()
  @ApiOperation({ summary: '开启财政年度', description: 'Open a fiscal year (city scope only)' })
  @ApiOkResponse({ type: FiscalYearDoc })
  open(@CurrentPrincipal() p: Principal, @Body() dto: OpenFiscalYearDto) {
    return this.years.open(p, dto.year);
  }

  @Post(':year/close')
  @HttpCode(200)
  @CanPost()
  @ApiOperation({ summary: '关闭财政年度（不再记账）', description: 'Close a fiscal year: it takes no further postings (city scope only)' })
  @ApiOkResponse({ type: FiscalYearDoc })
  close(@CurrentPrincipal() p: Principal, @Param('year', ParseIntPipe) year: number) {
    return this.years.close(p, year);
  }
}
