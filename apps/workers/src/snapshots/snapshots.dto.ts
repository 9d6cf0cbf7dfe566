import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate, PageLimit } from '@cws/platform';
import { BODY_KINDS } from '@cws/workers-contracts';

export class SnapshotQueryDto {
  @ApiProperty({ example: '2025-06-30', format: 'date', description: 'The workforce as of this date' }) @IsCalendarDate() asOf!: string;
  @ApiPropertyOptional({
    example: '330106',
    description: 'An org code narrowing the snapshot: a district (6 digits), street (9) or community (12); intersected with your own scope',
  })
  @IsOptional() @Matches(/^(\d{6}|\d{9}|\d{12})$/) scope?: string;
  @PageLimit(1000, 5000) limit?: number;
  @ApiPropertyOptional({ example: '2048', description: 'nextAfter of the previous page (a worker id)' }) @IsOptional() @Matches(/^\d{1,10}$/) after?: string;
  @ApiPropertyOptional({ description: 'add each worker\'s whole resident ID (`residentId`) for the income-tax declaration: the payroll:read API client only (403 otherwise); audited as PULL_WITH_IDENTITIES' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean() identities?: boolean;
}

class SnapshotAppointmentDto {
  @ApiProperty({ example: 'PARTY' }) bodyKind!: string;
  @ApiProperty({ example: 'SECRETARY' }) role!: string;
  @ApiProperty({ example: '2021-01-15' }) from!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) to!: string | null;
}

class SnapshotSecondmentDto {
  @ApiProperty({ example: 'OUT' }) direction!: string;
  @ApiProperty({ example: 'HOST' }) payer!: string;
  @ApiProperty({ example: '2025-03-01' }) from!: string;
  @ApiProperty({ example: '2025-08-31', nullable: true, type: String }) to!: string | null;
}

export class WorkerSnapshotDto {
  @ApiProperty({ example: 1024 }) workerId!: number;
  @ApiProperty({ example: '张丽华' }) name!: string;
  @ApiProperty({ example: '330106' }) districtCode!: string;
  @ApiProperty({ example: '330106001' }) streetCode!: string;
  @ApiProperty({ example: '330106001001' }) communityCode!: string;
  @ApiProperty({ example: 'FULL_TIME' }) employmentType!: string;
  @ApiProperty({ example: 'ACTIVE' }) status!: string;
  @ApiProperty({ enum: ['HEAD', 'DEPUTY', 'OTHER'], example: 'HEAD' }) postBand!: string;
  @ApiProperty({ example: 'BACHELOR' }) education!: string;
  @ApiProperty({ example: '2012-07-01' }) hireDate!: string;
  @ApiProperty({ example: 12 }) serviceYears!: number;
  @ApiProperty({ enum: ['NONE', 'ASSISTANT', 'SOCIAL_WORKER', 'SENIOR'] }) qualificationLevel!: string;
  @ApiProperty({ type: [SnapshotAppointmentDto] }) appointments!: SnapshotAppointmentDto[];
  @ApiProperty({ example: 2 }) bodiesHeld!: number;
  @ApiProperty({ enum: BODY_KINDS, nullable: true, example: 'STATION', description: 'body of the primary post in force (payroll cost stream); null with none' }) primaryBody!: string | null;
  @ApiProperty({ type: SnapshotSecondmentDto, nullable: true }) secondment!: SnapshotSecondmentDto | null;
  @ApiProperty({ example: '6225768888888888', nullable: true, type: String, description: 'Whole only for API clients holding payroll:read; the last four digits for every user' })
  bankAccount!: string | null;
}

export class WorkerSnapshotPageDto {
  @ApiProperty({ example: '2025-06-30' }) asOf!: string;
  @ApiProperty({ type: [WorkerSnapshotDto] }) items!: WorkerSnapshotDto[];
  @ApiProperty({ example: '2048', nullable: true, type: String }) nextAfter!: string | null;
}
