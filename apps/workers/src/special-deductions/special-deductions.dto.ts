import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { Type } from 'class-transformer';
import { IsCalendarDate, IsMoney, IsYearMonth } from '@cws/platform';
import { SPECIAL_DEDUCTION_TYPES, type SpecialDeductionType } from '@cws/workers-contracts';

export class CreateSpecialDeductionDto {
  @ApiProperty({ enum: SPECIAL_DEDUCTION_TYPES, example: 'CHILD_EDUCATION' }) @IsIn(SPECIAL_DEDUCTION_TYPES) type!: SpecialDeductionType;
  @ApiProperty({ example: '2000.00', description: 'the amount a month, 元, as the worker declared it (up to the kind’s cap)' })
  @IsMoney({ precision: 12, positive: true }) monthlyAmount!: string;
  @ApiProperty({ example: '2026-01', description: 'first month (inclusive); earlier months of this year are caught up in the next run' }) @IsYearMonth() fromMonth!: string;
  @ApiPropertyOptional({ example: '2026-12', description: 'last month (inclusive); absent while it lasts' }) @IsOptional() @IsYearMonth() toMonth?: string;
  @ApiPropertyOptional({ example: '两个子女，各扣 50%' }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}

export class EndSpecialDeductionDto {
  @ApiProperty({ example: '2026-06', description: 'the last month it counts (inclusive)' }) @IsYearMonth() toMonth!: string;
}

export class SpecialDeductionsQueryDto {
  @ApiPropertyOptional({ example: '2026-06-30', format: 'date', description: 'the year-to-date sum runs through this date’s month (default today)' })
  @IsOptional() @IsCalendarDate() asOf?: string;
}

export class TaxYearParams {
  @ApiProperty({ example: 1024 }) @Type(() => Number) @IsInt() @Min(1) id!: number;
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2019) @Max(2100) year!: number;
}

export class PutTaxYearDto {
  @ApiProperty({ nullable: true, type: Boolean, description: 'no wage income earlier in the year (basic deduction from January); null = the default (hired this year)' })
  @ValidateIf((o) => o.firstJobOfYear !== null) @IsBoolean() firstJobOfYear!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'last year ≤ 60,000 here (60,000 deducted from January); null = the default (from last year’s slips)' })
  @ValidateIf((o) => o.lowIncomeLastYear !== null) @IsBoolean() lowIncomeLastYear!: boolean | null;
  @ApiPropertyOptional({ example: '本人承诺本年此前无工资薪金所得' }) @IsOptional() @IsString() @MaxLength(200) note?: string;
}
