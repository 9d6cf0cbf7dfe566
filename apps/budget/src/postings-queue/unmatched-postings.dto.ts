import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, Matches, ValidateNested } from 'class-validator';
import { PageDto, SourceRefPrefixFilter } from '../common/filters.dto';
import { OverrideDto } from '../postings/postings.dto';

export class UnmatchedQueryDto extends PageDto {
  @ApiPropertyOptional({ enum: ['OPEN', 'RESOLVED'], default: 'OPEN' }) @IsOptional() @IsIn(['OPEN', 'RESOLVED']) state?: 'OPEN' | 'RESOLVED';
  @SourceRefPrefixFilter('parked postings') sourceRefPrefix?: string;
}

export class ResolveUnmatchedDto {
  @ApiProperty({ example: '40', description: 'the allocation to book the parked cost on' }) @Matches(/^\d{1,19}$/) allocationId!: string;
  @ApiPropertyOptional({ type: OverrideDto }) @IsOptional() @ValidateNested() @Type(() => OverrideDto) override?: OverrideDto;
}
