import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { IsYearMonth } from '@cws/platform';
import { RUN_STATUSES, RUN_TYPES, type RunStatus, type RunType } from '@cws/payroll-contracts';

const ID = /^\d{1,19}$/;

export class RunBonusDto {
  @ApiProperty({ example: '36000.00', description: 'the bonus each worker of the scope receives' })
  @Matches(/^\d{1,11}(\.\d{1,2})?$/, { message: 'must be a positive amount such as "36000.00"' }) amount!: string;
  @ApiProperty({ enum: ['SEPARATE', 'MERGED'], description: 'SEPARATE: taxed on its own (at most once per worker per year; a second one is merged)' })
  @IsIn(['SEPARATE', 'MERGED']) method!: 'SEPARATE' | 'MERGED';
}

export class CreateRunDto {
  @ApiProperty({ example: '2026-11', description: 'the month paid (YYYY-MM)' }) @IsYearMonth() period!: string;
  @ApiProperty({ enum: RUN_TYPES, example: 'REGULAR' }) @IsIn(RUN_TYPES as unknown as string[]) type!: RunType;
  @ApiPropertyOptional({ example: '330106', description: 'district (6 digits) or street (9 digits) code; default: your whole scope' })
  @IsOptional() @Matches(/^(\d{6}|\d{9})$/, { message: 'must be a district (6 digits) or street (9 digits) code' }) scope?: string;
  @ApiPropertyOptional({ example: '12', description: 'CORRECTION runs: the paid run whose slips are reversed and re-issued' })
  @IsOptional() @Matches(ID, { message: 'must be a numeric id' }) correctsRunId?: string;
  @ApiPropertyOptional({ type: RunBonusDto, description: 'BONUS runs (required there): the year-end bonus paid' })
  @IsOptional() @ValidateNested() @Type(() => RunBonusDto) bonus?: RunBonusDto;
}

export class RunListQueryDto {
  @ApiPropertyOptional({ example: '2026-11' }) @IsOptional() @IsYearMonth() period?: string;
  @ApiPropertyOptional({ enum: RUN_STATUSES }) @IsOptional() @IsIn(RUN_STATUSES as unknown as string[]) status?: RunStatus;
  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional({ description: 'keyset cursor (runs newest first): runs with an id below this one' })
  @IsOptional() @Matches(ID, { message: 'must be a numeric id' }) after?: string;
}

export class RejectRunDto {
  @ApiProperty({ example: '社区补贴金额有误，请核对后重新提交' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class PayslipPageQueryDto {
  @ApiPropertyOptional({ default: 500, maximum: 5000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5000) limit?: number;
  @ApiPropertyOptional({ description: 'keyset cursor: slips with an id after this one (nextAfter of the previous page)' })
  @IsOptional() @Matches(ID, { message: 'must be a numeric id' }) after?: string;
}
