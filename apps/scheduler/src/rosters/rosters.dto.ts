import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CommunityFilter, IsCalendarDate, IsYearMonth, PageLimit } from '@cws/platform';
import { REQUEST_KINDS, ROSTER_STATUSES, type RosterStatus } from '@cws/scheduler-contracts';
import type { RequestKind } from './worker-request.repository';

export class CreateRosterDto {
  @ApiProperty({ example: '330106001001' }) @Matches(/^\d{12}$/, { message: 'community must be 12 digits' }) community!: string;
  @ApiProperty({ example: '2026-05' }) @IsYearMonth() month!: string;
  @ApiPropertyOptional({ example: 1, description: 'Solver seed: the same seed and input give the same roster' }) @IsOptional() @IsInt() @Min(1) @Max(2_000_000_000) seed?: number;
}

export class RosterListQueryDto {
  @ApiPropertyOptional({ example: '2026-05' }) @IsOptional() @IsYearMonth() month?: string;
  @CommunityFilter() community?: string;
  @ApiPropertyOptional({ enum: ROSTER_STATUSES }) @IsOptional() @IsIn(ROSTER_STATUSES) status?: RosterStatus;
  @ApiPropertyOptional({ example: '4', description: 'the versions one city-wide (or district, street) generation made' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'generation must be a positive integer' })
  generation?: string;
  @PageLimit(50, 500) limit?: number;
  @ApiPropertyOptional({ description: 'keyset cursor (versions newest first): versions with an id below this one' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'must be a numeric id' })
  after?: string;
}

export class GenerateDto {
  @ApiProperty({ example: '2026-05' }) @IsYearMonth() month!: string;
  @ApiPropertyOptional({ example: '330106', description: 'A district (6 digits) or street (9 digits) code within your scope; default: all of your scope' })
  @IsOptional()
  @Matches(/^(\d{6}|\d{9})$/, { message: 'scope must be a district (6 digits) or street (9 digits) code' })
  scope?: string;
}

export class SwapDto {
  @ApiProperty({ example: '2026-05-12' }) @IsCalendarDate() date!: string;
  @ApiProperty({ example: 101 }) @IsInt() @Min(1) workerId!: number;
  @ApiProperty({ example: 102, description: 'The other worker; both have accepted the swap' }) @IsInt() @Min(1) withWorkerId!: number;
}

export class WorkerRequestDto {
  @ApiProperty({ example: 101 }) @IsInt() @Min(1) workerId!: number;
  @ApiProperty({ example: '2026-05-12', description: 'the day, or the first day of a span' }) @IsCalendarDate() date!: string;
  @ApiPropertyOptional({ example: '2026-05-16', description: 'the last day of a span (inclusive, at most 31 days from date): each day is recorded, all or none' })
  @IsOptional()
  @IsCalendarDate()
  until?: string;
  @ApiProperty({ enum: REQUEST_KINDS, description: 'UNAVAILABLE is binding; OFF and SHIFT are preferences' }) @IsIn(REQUEST_KINDS) kind!: RequestKind;
  @ApiPropertyOptional({ example: 'LATE' }) @IsOptional() @Matches(/^[A-Z0-9_]{1,20}$/) shift?: string;
  @ApiPropertyOptional({ example: '孩子家长会' }) @IsOptional() @IsString() @Length(0, 200) note?: string;
}

export class WorkerShiftsQueryDto {
  @ApiProperty({ example: '2026-05', description: 'the month whose published shifts are listed' }) @IsYearMonth() month!: string;
}

export class RequestsQueryDto {
  @ApiProperty({ example: '2026-05', description: 'the month whose requests are listed' }) @IsYearMonth() month!: string;
}

export class RequestParam {
  @ApiProperty({ example: '330106001001' }) @Matches(/^\d{12}$/, { message: 'community must be 12 digits' }) community!: string;
  @ApiProperty({ example: '101' }) @Matches(/^[1-9]\d{0,17}$/, { message: 'workerId must be a positive integer' }) workerId!: string;
  @ApiProperty({ example: '2026-05-12' }) @IsCalendarDate() date!: string;
}

export class HoursQueryDto {
  @ApiProperty({ example: '2026-05' }) @IsYearMonth() month!: string;
  @ApiPropertyOptional({ example: '330106001001' }) @IsOptional() @Matches(/^\d{12}$/, { message: 'community must be 12 digits' }) community?: string;
  @ApiPropertyOptional({ example: '101', description: 'With `community` and `from` and/or `through`: only this worker, their shifts outside those days dropped (a leaver’s last day, a transfer’s first day)' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'worker must be a positive integer' })
  worker?: string;
  @ApiPropertyOptional({ example: '2026-05-16', description: 'The worker’s first day in the community this month (inclusive); needs `worker`' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2026-05-15', description: 'The worker’s last day in the community this month (inclusive); needs `worker`' }) @IsOptional() @IsCalendarDate() through?: string;
}
