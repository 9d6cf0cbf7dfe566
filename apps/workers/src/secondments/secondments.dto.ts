import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, IsYearMonth } from '@cws/platform';
import { SECONDMENT_DIRECTIONS, SECONDMENT_PAYERS, type SecondmentDirection, type SecondmentPayer } from '@cws/workers-contracts';

export class CreateSecondmentDto {
  @ApiProperty({ example: 1024 }) @IsInt() @Min(1) workerId!: number;
  @ApiProperty({ enum: SECONDMENT_DIRECTIONS, example: 'OUT', description: 'OUT: a community worker to an office; IN: an agency cadre to a community' })
  @IsIn(SECONDMENT_DIRECTIONS) direction!: SecondmentDirection;
  @ApiProperty({ example: '翠苑街道办事处', description: 'OUT: the host office; IN: the cadre’s home agency' }) @IsString() @Length(1, 100) organisation!: string;
  @ApiProperty({ example: '2025-03-01', format: 'date' }) @IsCalendarDate() from!: string;
  @ApiPropertyOptional({ example: '2025-08-31', format: 'date' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiProperty({ enum: SECONDMENT_PAYERS, example: 'HOME', description: 'Who pays the salary during the secondment' }) @IsIn(SECONDMENT_PAYERS) payer!: SecondmentPayer;
  @ApiPropertyOptional({ example: '区委组织部安排' }) @IsOptional() @IsString() @MaxLength(300) note?: string;
}

export class EndSecondmentDto {
  @ApiProperty({ example: '2025-06-30', format: 'date' }) @IsCalendarDate() to!: string;
}

export class AvailabilityQueryDto {
  @ApiProperty({ example: '330106001001' }) @Matches(/^\d{12}$/) community!: string;
  @ApiPropertyOptional({ example: '2025-05-01', format: 'date' }) @IsOptional() @IsCalendarDate() date?: string;
}

export class AvailabilityMonthQueryDto {
  @ApiProperty({ example: '330106001001' }) @Matches(/^\d{12}$/) community!: string;
  @ApiProperty({ example: '2026-03', description: 'YYYY-MM' }) @IsYearMonth() month!: string;
}
