import { Body, Controller, Get, Param, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Principal } from '@cws/kernel';
import { Answers, attachment, BearerToken, Creates, CurrentPrincipal, Downloads, FILE_MEDIA_TYPES, IdParam } from '@cws/platform';
import { CanEditPolicy, CanRead, CanRun } from '../common/access';
import {
  ApplyCalibrationDto, BenchmarkResultsQueryDto, CalibrationRequestDto, ComplianceQueryDto, FundingRequirementQueryDto, TopUpLinesQueryDto, TopUpRequestDto,
} from './benchmark.dto';
import { BenchmarkService } from './benchmark.service';
import { fundingRequirementXlsx } from '../run-outputs/xlsx-writers';
import { FundingRequirementService } from './funding-requirement.service';
import { BenchmarkResultPage, CalibrationResult, ComplianceReport, FundingRequirementReport, PolicyRow, TopUpLinePage, TopUpSummary } from '@cws/payroll-contracts';

/** The sign of `gap` (the admin UI relies on it: positive = short of the benchmark). */
const GAP_MEANING =
  '`gap` = benchmark − projectedAverage per group: **positive when the group is SHORT of the benchmark** (it pays less than W(Y−1) on average), zero or negative when it meets or exceeds it (e.g. "-1200.00" = 1 200.00 above). `shortfall` is the least extra pay that closes the gap (0.00 when compliant).';

/**
 * The benchmark (市委发〔2010〕45号): community workers' average pay for Y ≥ the city's W(Y−1), and
 * its growth ≥ the city's. The workforce comes from the workers snapshot, pulled with the payroll service's own credential and narrowed to the caller's scope here; district names come with the caller's token.
 */
@ApiTags('benchmark')
@Controller('v1/benchmark')
export class BenchmarkController {
  constructor(
    private readonly benchmark: BenchmarkService,
    private readonly funding: FundingRequirementService,
  ) {}

  @Post('calibrations')
  @CanRun()
  @Creates(
    CalibrationResult,
    '测算单位值（满足不低于上年社平工资与增长要求）',
    'Calibrate: the least unit value (元 per coefficient point) whose projected average meets W(Y−1) and the growth test; stored. Projects the workforce as of asOf (default 1 January of Y) over the pay scale; returns the unit value, the projected average and, as proof of minimality, the same check at unitValue − 0.01.',
  )
  calibrate(@CurrentPrincipal() p: Principal, @Body() dto: CalibrationRequestDto) {
    return this.benchmark.calibrate(p, dto);
  }

  @Get('results')
  @CanRead()
  @Answers(BenchmarkResultPage, '已保存的测算、达标报告与年终补差', 'The stored runs in your scope (a city-wide one only for city users), newest first, filtered by kind and year: each reopens by its kind’s GET (calibrations/{id}, compliance-reports/{id}, top-ups/{id})')
  results(@CurrentPrincipal() p: Principal, @Query() q: BenchmarkResultsQueryDto) {
    return this.benchmark.storedRuns(p, q);
  }

  @Get('calibrations/:id')
  @CanRead()
  @Answers(CalibrationResult, '查看一次测算')
  calibration(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.benchmark.get(p, 'CALIBRATION', id);
  }

  @Post('calibrations/:id/apply')
  @CanEditPolicy()
  @Answers(PolicyRow, '采用测算结果（写入政策表）', "Adopt a city-wide calibration: its unit value becomes the year's UNIT_VALUE policy row (the open row is closed; audited)", { returns: 'the new policy row' })
  apply(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Body() dto: ApplyCalibrationDto) {
    return this.benchmark.applyCalibration(p, id, dto.validFrom);
  }

  @Get('compliance')
  @CanRead()
  @Answers(
    ComplianceReport,
    '薪酬达标情况（按区或街道）',
    `Compliance by district or street at the policy unit value (or a given one): headcount, projected and year-to-date averages, benchmark, gap; not stored. ${GAP_MEANING}`,
    { returns: GAP_MEANING },
  )
  compliance(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Query() q: ComplianceQueryDto) {
    return this.benchmark.compliance(p, token, q, false);
  }

  @Get('funding-requirement')
  @CanRead()
  @Answers(
    FundingRequirementReport,
    '经费核定报表（需求与已分配对比）',
    '核定 report: per district and street, average headcount × (W(Y−1) + employer insurance and housing fund) against the budget allocated in the pay streams, with the shortfall. Headcount counts like the benchmark (paid months by employment, the rest projected from the workforce of asOf; seconded-in cadres and host-paid secondees excluded). The budget is read from the budget service with your token (its scope applies).',
  )
  fundingRequirement(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Query() q: FundingRequirementQueryDto) {
    return this.funding.report(p, token, q);
  }

  @Get('funding-requirement.xlsx')
  @CanRead()
  @Downloads('xlsx', '下载经费核定报表（xlsx）', 'The 核定 report as a workbook for the finance bureau: a row per district (bold) and its streets, then the totals; the same figures and query as the JSON report')
  async fundingRequirementXlsx(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Query() q: FundingRequirementQueryDto): Promise<StreamableFile> {
    const report = await this.funding.report(p, token, q);
    return attachment({ buffer: await fundingRequirementXlsx(report), filename: `funding-requirement-${report.year}-${report.scope ?? 'city'}.xlsx`, type: FILE_MEDIA_TYPES.xlsx });
  }

  @Post('compliance-reports')
  @CanRun()
  @Creates(ComplianceReport, '生成并保存达标报告', `The compliance report, stored. ${GAP_MEANING}`, { returns: GAP_MEANING })
  complianceReport(@CurrentPrincipal() p: Principal, @BearerToken() token: string | undefined, @Body() q: ComplianceQueryDto) {
    return this.benchmark.compliance(p, token, q, true);
  }

  @Get('compliance-reports/:id')
  @CanRead()
  @Answers(ComplianceReport, '查看已保存的达标报告', undefined, { returns: GAP_MEANING })
  storedCompliance(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.benchmark.get(p, 'COMPLIANCE', id);
  }

  @Post('top-ups')
  @CanRun()
  @Creates(TopUpSummary, '计算年终补差', 'Year-end top-up (年终补差) under the configured rule (AVERAGE per group, or PER_WORKER with a ratio); per-worker lines stored')
  topUp(@CurrentPrincipal() p: Principal, @Body() dto: TopUpRequestDto) {
    return this.benchmark.topUp(p, dto);
  }

  @Get('top-ups/:id')
  @CanRead()
  @Answers(TopUpSummary, '查看一次年终补差')
  storedTopUp(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam) {
    return this.benchmark.get(p, 'TOP_UP', id);
  }

  @Get('top-ups/:id/lines')
  @CanRead()
  @Answers(TopUpLinePage, '年终补差逐人明细（游标分页）', undefined, { returns: 'Per-worker top-up lines within your scope, keyset pages' })
  topUpLines(@CurrentPrincipal() p: Principal, @Param() { id }: IdParam, @Query() q: TopUpLinesQueryDto) {
    return this.benchmark.topUpLines(p, id, q);
  }
}
