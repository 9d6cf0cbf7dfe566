import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { POSTING_KINDS, SOURCE_REF_PREFIX_PATTERN } from '@cws/budget-contracts';
import { PageDto, SourceRefPrefixFilter } from '../common/filters.dto';

export class OverrideDto {
  @ApiProperty({ example: '防汛应急物资，区政府专题会议纪要〔2026〕12号同意先行支出', description: 'why the overspend is allowed; recorded on the posting and in the audit log' })
  @IsString()
  @Length(5, 500)
  reason!: string;
}

const MANUAL_SOURCES = ['MANUAL', 'FINANCE_API'] as const;

export class CreatePostingDto {
  @ApiProperty({ example: '1250.00', description: 'decimal string, two places, > 0' }) @IsString() amount!: string;
  @ApiProperty({ example: 'OFFICE', description: 'spending category (free code, e.g. OFFICE, ACTIVITY, SUBSIDY, PAYROLL, TRAINING)' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/)
  category!: string;
  @ApiProperty({ example: '社区党员活动室办公用品' }) @IsString() @Length(1, 500) description!: string;
  @ApiProperty({ enum: MANUAL_SOURCES, example: 'FINANCE_API', description: 'PAYROLL and TRAINING postings arrive through the queue' })
  @IsIn(MANUAL_SOURCES)
  source!: 'MANUAL' | 'FINANCE_API';
  @ApiPropertyOptional({ example: 'GK-2026-000123', description: 'reference in the source system (e.g. the treasury payment voucher)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sourceRef?: string;
  @ApiPropertyOptional({ type: OverrideDto, description: 'spend beyond what is available (CITY_ADMIN users, or clients with budget:override)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverrideDto)
  override?: OverrideDto;
}

export class CreateExpenditureDto extends CreatePostingDto {
  @ApiPropertyOptional({ example: '388', description: 'the commitment this expenditure settles; it draws from the commitment first' })
  @IsOptional()
  @Matches(/^\d{1,19}$/)
  commitmentId?: string;
}

export class ReversalDto {
  @ApiProperty({ example: '重复录入，冲销' }) @IsString() @Length(2, 500) reason!: string;
}

export class TransferDto {
  @ApiProperty({ example: '40' }) @Matches(/^\d{1,19}$/) fromAllocationId!: string;
  @ApiProperty({ example: '41' }) @Matches(/^\d{1,19}$/) toAllocationId!: string;
  @ApiProperty({ example: '20000.00' }) @IsString() amount!: string;
  @ApiProperty({ example: '居家养老服务站移交翠苑二区社区运营，经费随之划转（费随事转）' }) @IsString() @Length(2, 500) reason!: string;
  @ApiProperty({ example: 'TASK-2026-0042', description: 'the task the money follows' }) @IsString() @Length(1, 100) taskRef!: string;
}

export class PostingQueryDto extends PageDto {
  @ApiPropertyOptional({ enum: POSTING_KINDS })
  @IsOptional()
  @IsIn(POSTING_KINDS)
  kind?: string;
  @ApiPropertyOptional({ example: '40' }) @IsOptional() @Matches(/^\d{1,19}$/) allocationId?: string;
  @SourceRefPrefixFilter('postings') sourceRefPrefix?: string;
  @ApiPropertyOptional({ example: 'training-class:12', description: 'Keeps the postings of exactly this source reference (a prefix filter would also keep training-class:120…)' })
  @IsOptional()
  @Matches(SOURCE_REF_PREFIX_PATTERN)
  sourceRef?: string;
}

