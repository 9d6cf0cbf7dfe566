import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageDto } from '../common/filters.dto';

export class CreateAllocationDto {
  @ApiProperty({ example: '12', description: 'the enacted appropriation to allocate from' }) @Matches(/^\d{1,19}$/) appropriationId!: string;
  @ApiProperty({ example: '330106001', description: 'the receiving street (9 digits)' }) @Matches(/^\d{9}$/) streetCode!: string;
  @ApiPropertyOptional({ example: '330106001001', description: 'the receiving community (12 digits); omit to allocate to the street' })
  @IsOptional()
  @Matches(/^\d{12}$/)
  communityCode?: string;
  @ApiPropertyOptional({ example: '翠苑一区社区' }) @IsOptional() @IsString() @MaxLength(100) targetName?: string;
  @ApiProperty({ example: '100000.00' }) @IsString() amount!: string;
  @ApiPropertyOptional({ example: '年初分配' }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class AllocationQueryDto extends PageDto {
  @ApiPropertyOptional({ example: '12' }) @IsOptional() @Matches(/^\d{1,19}$/) appropriationId?: string;
}
