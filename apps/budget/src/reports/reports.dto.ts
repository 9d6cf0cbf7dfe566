import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { FUNDING_STREAMS } from '@cws/budget-contracts';
import { PlaceCodesDto } from '../common/filters.dto';

export const EXECUTION_GROUPS = ['stream', 'funder', 'district', 'street', 'community', 'month'] as const;
export type ExecutionGroup = (typeof EXECUTION_GROUPS)[number];

export class ExecutionQueryDto extends PlaceCodesDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear!: number;
  @ApiPropertyOptional({ enum: FUNDING_STREAMS, example: 'PARTY_BUILDING' }) @IsOptional() @IsIn(FUNDING_STREAMS) stream?: string;
  @ApiProperty({ enum: EXECUTION_GROUPS, example: 'stream' }) @IsIn(EXECUTION_GROUPS) groupBy!: ExecutionGroup;
}

export class HouseholdStandardQueryDto extends PlaceCodesDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear!: number;
  @ApiProperty({ enum: FUNDING_STREAMS, example: 'RESIDENTS_COMMITTEE' }) @IsIn(FUNDING_STREAMS) stream!: string;
  @ApiPropertyOptional({ description: 'only communities below the standard', example: 'true' }) @IsOptional() @IsIn(['true', 'false']) belowOnly?: string;
}

export class HouseholdCountDto {
  @ApiProperty({ example: 3120 }) @IsInt() @Min(0) @Max(1_000_000) households!: number;
  @ApiPropertyOptional({ example: '翠苑一区社区' }) @IsOptional() @IsString() @MaxLength(100) communityName?: string;
}

export class FundingStandardDto {
  @ApiProperty({ example: '20.00', description: 'yuan per household per year, decimal string' }) @IsString() perHousehold!: string;
}

