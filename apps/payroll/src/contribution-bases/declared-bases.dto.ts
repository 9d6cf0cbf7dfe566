import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsMoney, IsYearMonth, PageLimit } from '@cws/platform';

const ID = /^\d{1,19}$/;

export class DeclaredBaseItemDto {
  @ApiProperty({ example: 1024, description: "the worker (the register's id)" }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) workerId!: number;
  @ApiProperty({ example: '7500.00', description: 'the base before each item’s floor and ceiling (元)' }) @IsMoney({ positive: true }) base!: string;
  @ApiPropertyOptional({ example: '8000.00', description: 'the housing fund’s own base, when it differs (元)' }) @IsOptional() @IsMoney({ positive: true }) housingFundBase?: string;
  @ApiPropertyOptional({ example: '社保中心核定', description: 'where the figure comes from' }) @IsOptional() @IsString() @Length(1, 200) note?: string;
}

export class DeclareBasesDto {
  @ApiProperty({ example: '2027-07', description: 'the first month the bases apply to (YYYY-MM); they hold to the end of that contribution year' })
  @IsYearMonth() validFrom!: string;
  @ApiProperty({ type: [DeclaredBaseItemDto], description: '1 to 5,000 workers, each once' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5000) @ValidateNested({ each: true }) @Type(() => DeclaredBaseItemDto) items!: DeclaredBaseItemDto[];
}

export class DeclaredBasesQueryDto {
  @ApiPropertyOptional({ example: '1024', description: "one worker's declarations" }) @IsOptional() @Matches(ID, { message: 'must be a numeric id' }) workerId?: string;
  @ApiPropertyOptional({ example: '2027-07', description: 'the declarations of one first month' }) @IsOptional() @IsYearMonth() validFrom?: string;
  @PageLimit(100, 1000) limit?: number;
  @ApiPropertyOptional({ example: '2048', description: 'keyset cursor: nextAfter of the previous page' }) @IsOptional() @Matches(ID, { message: 'must be a numeric id' }) after?: string;
}
