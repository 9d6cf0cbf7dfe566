import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ExecutionReport, FundingStandard, HouseholdCount, HouseholdStandardReport, type ExecutionReportView } from '@cws/budget-contracts';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { FUNDING_STREAMS } from '@cws/budget-contracts';
import type { Principal } from '@cws/kernel';
import { Answers, attachment, CurrentPrincipal, Downloads, FILE_MEDIA_TYPES } from '@cws/platform';
import { CanPost, CanRead } from '../common/access';
import { PlaceFilterDto } from '../common/filters.dto';
import { ExecutionQueryDto, FundingStandardDto, HouseholdCountDto, HouseholdStandardQueryDto } from './reports.dto';
import { ReportsService } from './reports.service';

class CommunityParam {
  @Matches(/^\d{12}$/, { message: 'must be a 12-digit community code' }) communityCode!: string;
}

class StandardParams {
  @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year!: number;
  @IsIn(FUNDING_STREAMS) stream!: string;
}

@ApiTags('reports')
@Controller('v1')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('reports/execution')
  @CanRead()
  @Answers(ExecutionReport, '预算执行情况报表', 'Budget execution grouped by stream, funder, district, street, community or month')
  execution(@CurrentPrincipal() p: Principal, @Query() q: ExecutionQueryDto): Promise<ExecutionReportView> {
    return this.reports.execution(p, q);
  }

  @Get('reports/execution.xlsx')
  @CanRead()
  @Downloads('xlsx', '下载预算执行情况报表（xlsx）', 'The execution report as an .xlsx workbook')
  async executionXlsx(@CurrentPrincipal() p: Principal, @Query() q: ExecutionQueryDto) {
    const buffer = await this.reports.executionXlsx(p, q);
    return attachment({ buffer, filename: `budget-execution-${q.fiscalYear}-${q.groupBy}.xlsx`, type: FILE_MEDIA_TYPES.xlsx });
  }

  @Get('reports/household-standard')
  @CanRead()
  @Answers(HouseholdStandardReport, '按户核定标准检查社区经费', 'Per-household funding standard check: communities allocated less than standard × households are flagged')
  householdStandard(@CurrentPrincipal() p: Principal, @Query() q: HouseholdStandardQueryDto) {
    return this.reports.householdStandard(p, q);
  }

  @Get('household-counts')
  @CanRead()
  @Answers([HouseholdCount], '各社区户数')
  households(@CurrentPrincipal() p: Principal, @Query() q: PlaceFilterDto) {
    return this.reports.listHouseholds(p, q);
  }

  @Put('household-counts/:communityCode')
  @CanPost()
  @Answers(HouseholdCount, '设置社区户数', 'Set the number of households of a community (data for the standard check)')
  @ApiParam({ name: 'communityCode', example: '330106001001' })
  putHouseholds(@CurrentPrincipal() p: Principal, @Param() { communityCode }: CommunityParam, @Body() dto: HouseholdCountDto) {
    return this.reports.putHouseholds(p, communityCode, dto);
  }

  @Get('funding-standards')
  @CanRead()
  @Answers([FundingStandard], '按户经费标准列表')
  standards() {
    return this.reports.listStandards();
  }

  @Put('funding-standards/:year/:stream')
  @CanPost()
  @Answers(FundingStandard, '设置某渠道某年度的按户经费标准', 'Set the per-household funding standard of a stream for a year (city scope)')
  @ApiParam({ name: 'year', schema: { type: 'integer', example: 2026 } })
  @ApiParam({ name: 'stream', enum: FUNDING_STREAMS, enumName: 'FundingStream' })
  putStandard(
    @CurrentPrincipal() p: Principal,
    @Param() { year, stream }: StandardParams,
    @Body() dto: FundingStandardDto,
  ) {
    return this.reports.putStandard(p, year, stream, dto.perHousehold);
  }
}
