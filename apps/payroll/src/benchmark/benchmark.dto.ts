import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate, PageLimit } from '@cws/platform';
import { BENCHMARK_RESULT_KINDS, TOP_UP_RULES } from '@cws/payroll-contracts';

const SCOPE = /^(\d{6}|\d{9})$/;
const RATIO_PATTERN = /^\d{1,2}(\.\d{1,4})?$/;

export class CalibrationRequestDto {
  @ApiProperty({ example: 2026, description: 'payroll year Y: benchmark W(Y−1), growth W(Y−1)/W(Y−2) − 1' }) @IsInt() @Min(2020) @Max(2100) year!: number;
  @ApiPropertyOptional({ example: '330106', description: 'a district (6 digits) or street (9) within your scope; default: your whole scope' })
  @IsOptional() @Matches(SCOPE, { message: 'must be a district (6 digits) or street (9 digits) code' }) scope?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: 'workforce snapshot date; default 1 January of the year' })
  @IsOptional() @IsCalendarDate() asOf?: string;
}

export class ComplianceQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2020) @Max(2100) year!: number;
  @ApiPropertyOptional({ enum: ['district', 'street'], default: 'district' }) @IsOptional() @IsIn(['district', 'street']) groupBy?: 'district' | 'street';
  @ApiPropertyOptional({ example: '330106' }) @IsOptional() @Matches(SCOPE, { message: 'must be a district (6 digits) or street (9 digits) code' }) scope?: string;
  @ApiPropertyOptional({ example: '2026-06-30', description: 'year-to-date up to this date (whole months); default today, within the year' })
  @IsOptional() @IsCalendarDate() asOf?: string;
  @ApiPropertyOptional({ example: '3828.84', description: 'project at this unit value instead of the one in the policy (e.g. a calibrated value)' })
  @IsOptional() @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'must be an amount such as "3828.84"' }) unitValue?: string;
}

export class TopUpRequestDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2020) @Max(2100) year!: number;
  @ApiPropertyOptional({ enum: TOP_UP_RULES, description: 'default: the TOP_UP_RULE row in force' }) @IsOptional() @IsIn(TOP_UP_RULES) rule?: 'AVERAGE' | 'PER_WORKER';
  // the pattern is stated so the document does not take this ratio (4 places) for money (2 places)
  @ApiPropertyOptional({ example: '1.00', pattern: RATIO_PATTERN.source, description: 'PER_WORKER: lift each worker to ratio × benchmark' }) @IsOptional() @Matches(RATIO_PATTERN) ratio?: string;
  @ApiPropertyOptional({ enum: ['DISTRICT', 'STREET'], description: 'AVERAGE: the group whose average must reach the benchmark' }) @IsOptional() @IsIn(['DISTRICT', 'STREET']) level?: 'DISTRICT' | 'STREET';
  @ApiPropertyOptional({ example: '330106' }) @IsOptional() @Matches(SCOPE, { message: 'must be a district (6 digits) or street (9 digits) code' }) scope?: string;
  @ApiPropertyOptional({ example: '3828.84', description: 'project at this unit value instead of the one in the policy' }) @IsOptional() @Matches(/^\d{1,9}(\.\d{1,2})?$/) unitValue?: string;
}

export class TopUpLinesQueryDto {
  @ApiPropertyOptional({ example: '1024', description: 'keyset cursor: worker ids after this one' }) @IsOptional() @Matches(/^\d{1,19}$/) after?: string;
  @PageLimit(500, 5000) limit?: number;
  @ApiPropertyOptional({ description: 'only workers with a top-up' }) @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean() onlyPositive?: boolean;
}

export class ApplyCalibrationDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'first day the new UNIT_VALUE row is in force; default today (or the open row\'s start, if later)' })
  @IsOptional() @IsCalendarDate() validFrom?: string;
}

export class FundingRequirementQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2020) @Max(2100) year!: number;
  @ApiPropertyOptional({ example: '330106' }) @IsOptional() @Matches(SCOPE, { message: 'must be a district (6 digits) or street (9 digits) code' }) scope?: string;
  @ApiPropertyOptional({ example: '2026-06-30', description: 'workforce snapshot date for the months not yet paid; default today, within the year' })
  @IsOptional() @IsCalendarDate() asOf?: string;
}

/** `GET /benchmark/results`: the stored runs, newest first. */
export class BenchmarkResultsQueryDto {
  @ApiPropertyOptional({ enum: BENCHMARK_RESULT_KINDS }) @IsOptional() @IsIn(BENCHMARK_RESULT_KINDS) kind?: (typeof BENCHMARK_RESULT_KINDS)[number];
  @ApiPropertyOptional({ example: 2026 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2020) @Max(2100) year?: number;
  @ApiPropertyOptional({ example: '41', description: 'keyset cursor: the previous page’s nextAfter (older runs)' }) @IsOptional() @Matches(/^\d{1,19}$/) after?: string;
  @PageLimit(50, 200) limit?: number;
}
