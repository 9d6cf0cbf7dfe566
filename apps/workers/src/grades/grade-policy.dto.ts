import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDate } from '@cws/platform';
import { EDUCATION_LEVELS, GRADE_POLICY_KINDS, POST_BANDS, type PostBand } from '@cws/workers-contracts';

type GradePolicyKind = (typeof GRADE_POLICY_KINDS)[number];

export class GradePolicyQueryDto {
  @ApiPropertyOptional({ example: '2026-06-30', format: 'date', description: 'Defaults to today' }) @IsOptional() @IsCalendarDate() date?: string;
}

export class GradePolicyHistoryQueryDto {
  @ApiPropertyOptional({ enum: GRADE_POLICY_KINDS, description: 'Only the rows of this kind' }) @IsOptional() @IsIn(GRADE_POLICY_KINDS) kind?: GradePolicyKind;
}

/** A new row from `validFrom`; the row of the same key in force then is closed the day before. */
export class GradePolicyRowDto {
  @ApiProperty({ enum: GRADE_POLICY_KINDS }) @IsIn(GRADE_POLICY_KINDS) kind!: GradePolicyKind;
  @ApiPropertyOptional({ enum: POST_BANDS, description: 'ENTRY_GRADE and BAND_RANGE' }) @IsOptional() @IsIn(POST_BANDS) band?: PostBand;
  @ApiPropertyOptional({ enum: EDUCATION_LEVELS, description: 'ENTRY_GRADE' }) @IsOptional() @IsIn(EDUCATION_LEVELS) education?: string;
  @ApiPropertyOptional({ example: 3, description: 'ENTRY_GRADE: the base grade' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(18) baseGrade?: number;
  @ApiPropertyOptional({ example: 1, description: 'BAND_RANGE' }) @IsOptional() @IsInt() @Min(1) @Max(18) minGrade?: number;
  @ApiPropertyOptional({ example: 12, description: 'BAND_RANGE' }) @IsOptional() @IsInt() @Min(1) @Max(18) maxGrade?: number;
  @ApiPropertyOptional({ example: 3, description: 'GRADE_PROGRESSION: one grade up every N years' }) @IsOptional() @IsInt() @Min(1) @Max(10) yearsPerStep?: number;
  @ApiProperty({ example: '2027-01-01', format: 'date' }) @IsCalendarDate() validFrom!: string;
  @ApiProperty({ example: '杭州市社区工作者薪酬管理办法（2027）' }) @IsString() @Length(1, 200) sourceRef!: string;
}
