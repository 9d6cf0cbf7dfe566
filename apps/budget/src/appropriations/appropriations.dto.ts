import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate } from '@cws/platform';
import { FUNDING_STREAMS } from '@cws/budget-contracts';
import { PageDto } from '../common/filters.dto';

export class CreateAppropriationDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2000) @Max(2100) fiscalYear!: number;
  @ApiProperty({ example: '330106', description: "'CITY' or the funding district's code" }) @Matches(/^(CITY|\d{6})$/) funder!: string;
  @ApiProperty({ enum: FUNDING_STREAMS, example: 'PARTY_BUILDING' }) @IsIn(FUNDING_STREAMS) stream!: string;
  @ApiProperty({ enum: ['ORIGINAL', 'SUPPLEMENTARY'], example: 'ORIGINAL' }) @IsIn(['ORIGINAL', 'SUPPLEMENTARY']) kind!: 'ORIGINAL' | 'SUPPLEMENTARY';
  @ApiProperty({ example: '1200000.00', description: 'decimal string, two places' }) @IsString() amount!: string;
  @ApiProperty({ example: '西财预〔2026〕3号', description: 'the enacting document number' }) @IsString() @Length(1, 100) documentNo!: string;
  @ApiProperty({ example: '2026-01-15' }) @IsCalendarDate() documentDate!: string;
  @ApiPropertyOptional({ example: '2026年社区党建工作经费年初预算' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class AppropriationQueryDto extends PageDto {
  @ApiPropertyOptional({ enum: ['DRAFT', 'ENACTED'] }) @IsOptional() @IsIn(['DRAFT', 'ENACTED']) status?: string;
}

