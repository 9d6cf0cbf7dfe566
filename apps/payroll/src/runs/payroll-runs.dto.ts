import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsYearMonth, PageLimit } from '@cws/platform';
import { RUN_STATUSES, RUN_TYPES, type RunStatus, type RunType } from '@cws/payroll-contracts';

const ID = /^\d{1,19}$/;

const AMOUNT = /^\d{1,11}(\.\d{1,2})?$/;

export class RunBonusAmountDto {
  @ApiProperty({ example: 1024 }) @IsInt() @Min(1) workerId!: number;
  @ApiProperty({ example: '12000.00' }) @Matches(AMOUNT, { message: 'must be a positive amount such as "36000.00"' }) amount!: string;
}

export class RunBonusDto {
  @ApiPropertyOptional({ example: '36000.00', description: 'the bonus each worker of the scope receives (or give `amounts`)' })
  @IsOptional() @Matches(AMOUNT, { message: 'must be a positive amount such as "36000.00"' }) amount?: string;
  @ApiPropertyOptional({ type: [RunBonusAmountDto], description: 'per-worker bonuses (instead of `amount`): only these workers are paid, each its own amount' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(200000) @ValidateNested({ each: true }) @Type(() => RunBonusAmountDto) amounts?: RunBonusAmountDto[];
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
  @ApiPropertyOptional({ type: [Number], example: [1024], description: 'CORRECTION runs (required there): the workers whose slips are reversed and re-issued' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5000) @ArrayUnique() @IsInt({ each: true }) @Min(1, { each: true }) workerIds?: number[];
  @ApiPropertyOptional({ type: RunBonusDto, description: 'BONUS runs (required there): the year-end bonus paid' })
  @IsOptional() @ValidateNested() @Type(() => RunBonusDto) bonus?: RunBonusDto;
}

export class RunListQueryDto {
  @ApiPropertyOptional({ example: '2026-11' }) @IsOptional() @IsYearMonth() period?: string;
  @ApiPropertyOptional({ enum: RUN_STATUSES }) @IsOptional() @IsIn(RUN_STATUSES as unknown as string[]) status?: RunStatus;
  @PageLimit(50, 500) limit?: number;
  @ApiPropertyOptional({ description: 'keyset cursor (runs newest first): runs with an id below this one' })
  @IsOptional() @Matches(ID, { message: 'must be a numeric id' }) after?: string;
}

export class SchedulePaymentDto {
  @ApiProperty({ example: '2026-12-15', description: 'The value date given to the bank with the transfer file: today or later (Asia/Shanghai), at most 90 days ahead' })
  @IsCalendarDate()
  payOn!: string;
}

export class RejectRunDto {
  @ApiProperty({ example: '社区补贴金额有误，请核对后重新提交' }) @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

export class PayslipPageQueryDto {
  @PageLimit(500, 5000) limit?: number;
  @ApiPropertyOptional({ description: 'keyset cursor: slips with an id after this one (nextAfter of the previous page)' })
  @IsOptional() @Matches(ID, { message: 'must be a numeric id' }) after?: string;
}

export class WorkerPayslipsQueryDto {
  @ApiProperty({ example: 1024, description: "the worker (the register's id)" }) @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) workerId!: number;
  @PageLimit(24, 200) limit?: number;
  @ApiPropertyOptional({ description: 'keyset cursor: nextAfter of the previous page (signed; newest period first)' })
  @IsOptional() @IsString() @MaxLength(300) after?: string;
}
