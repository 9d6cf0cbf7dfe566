import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ExecutionReport, FundingStandard, HouseholdCount, HouseholdStandardReport, type ExecutionReportView } from '@cws/budget-contracts';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { FUNDING_STREAMS } from '@cws/budget-contracts';
import type { Principal } from '@cws/kernel';
import { apiArraySchema, apiSchema, CurrentPrincipal } from '@cws/platform';
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
  @ApiOperation({ summary: '预算执行情况报表', description: 'Budget execution grouped by stream, funder, district, street, community or month' })
  @ApiOkResponse({ schema: apiSchema(ExecutionReport) })
  execution(@CurrentPrincipal() p: Principal, @Query() q: ExecutionQueryDto): Promise<ExecutionReportView> {
    return this.reports.execution(p, q);
  }

  @Get('reports/execution.xlsx')
  @CanRead()
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: '下载预算执行情况报表（xlsx）', description: 'The execution report as an .xlsx workbook' })
  async executionXlsx(@CurrentPrincipal() p: Principal, @Query() q: ExecutionQueryDto, @Res() res: Response) {
    const buffer = await this.reports.executionXlsx(p, q);
    res
      .status(200)
      .set({
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="budget-execution-${q.fiscalYear}-${q.groupBy}.xlsx"`,
      })
      .send(buffer);
  }

  @Get('reports/household-standard')
  @CanRead()
  @ApiOperation({ summary: '按户核定标准检查社区经费', description: 'Per-household funding standard check: communities allocated less than standard × households are flagged' })
  @ApiOkResponse({ schema: apiSchema(HouseholdStandardReport) })
  householdStandard(@CurrentPrincipal() p: Principal, @Query() q: HouseholdStandardQueryDto) {
    return this.reports.householdStandard(p, q);
  }

  @Get('household-counts')
  @ApiOperation({ summary: '各社区户数' })
  @CanRead()
  @ApiOkResponse({ schema: apiArraySchema(HouseholdCount) })
  households(@CurrentPrincipal() p: Principal, @Query() q: PlaceFilterDto) {
    return this.reports.listHouseholds(p, q);
  }

  @Put('household-counts/:communityCode')
  @CanPost()
  @ApiParam({ name: 'communityCode', example: '330106001001' })
  @ApiOperation({ summary: '设置社区户数', description: 'Set the number of households of a community (data for the standard check)' })
  @ApiOkResponse({ schema: apiSchema(HouseholdCount) })
  putHouseholds(@CurrentPrincipal() p: Principal, @Param() { communityCode }: CommunityParam, @Body() dto: HouseholdCountDto) {
    return this.reports.putHouseholds(p, communityCode, dto);
  }

  @Get('funding-standards')
  @ApiOperation({ summary: '按户经费标准列表' })
  @CanRead()
  @ApiOkResponse({ schema: apiArraySchema(FundingStandard) })
  standards() {
    return this.reports.listStandards();
  }

  @Put('funding-standards/:year/:stream')
  @CanPost()
  @ApiParam({ name: 'year', schema: { type: 'integer', example: 2026 } })
  @ApiParam({ name: 'stream', enum: FUNDING_STREAMS, enumName: 'FundingStream' })
  @ApiOperation({ summary: '设置某渠道某年度的按户经费标准', description: 'Set the per-household funding standard of a stream for a year (city scope)' })
  @ApiOkResponse({ schema: apiSchema(FundingStandard) })
  putStandard(
    @CurrentPrincipal() p: Principal,
    @Param() { year, stream }: StandardParams,
    @Body() dto: FundingStandardDto,
  ) {
    return this.reports.putStandard(p, year, stream, dto.perHousehold);
  }
}
