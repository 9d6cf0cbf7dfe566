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

export class AllocationDoc {
  @ApiProperty({ example: '40' }) id!: string;
  @ApiProperty({ example: '12' }) appropriationId!: string;
  @ApiProperty({ example: 2026 }) fiscalYear!: number;
  @ApiProperty({ example: 'CITY' }) funder!: string;
  @ApiProperty({ example: 'PARTY_BUILDING' }) stream!: string;
  @ApiProperty({ example: 'COMMUNITY', enum: ['STREET', 'COMMUNITY'] }) targetLevel!: string;
  @ApiProperty({ example: '330106' }) districtCode!: string;
  @ApiProperty({ example: '330106001' }) streetCode!: string;
  @ApiProperty({ example: '330106001001', nullable: true }) communityCode!: string | null;
  @ApiProperty({ example: '100000.00', description: 'current amount, after transfers' }) amount!: string;
  @ApiProperty({ example: '5000.00' }) committed!: string;
  @ApiProperty({ example: '20000.00' }) spent!: string;
  @ApiProperty({ example: '75000.00', description: 'amount − committed − spent' }) available!: string;
}

export class AllocationQueryDto extends PageDto {
  @ApiPropertyOptional({ example: '12' }) @IsOptional() @Matches(/^\d{1,19}$/) appropriationId?: string;
}
