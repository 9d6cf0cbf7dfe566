import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate, PageLimit } from '@cws/platform';
import { SNAPSHOT_WORKERS_MAX } from '@cws/workers-contracts';

export class SnapshotQueryDto {
  @ApiProperty({ example: '2025-06-30', format: 'date', description: 'The workforce as of this date' }) @IsCalendarDate() asOf!: string;
  @ApiPropertyOptional({
    example: '330106',
    description: 'An org code narrowing the snapshot: a district (6 digits), street (9) or community (12); intersected with your own scope',
  })
  @IsOptional() @Matches(/^(\d{6}|\d{9}|\d{12})$/) scope?: string;
  @PageLimit(1000, 5000) limit?: number;
  @ApiPropertyOptional({ example: '2048', description: 'nextAfter of the previous page (a worker id)' }) @IsOptional() @Matches(/^\d{1,10}$/) after?: string;
  @ApiPropertyOptional({
    example: '2048,2051',
    description: `only these workers (ids, comma-separated, at most ${SNAPSHOT_WORKERS_MAX}): payroll reads each leaver as of their own last day`,
  })
  @IsOptional() @Matches(new RegExp(`^\\d{1,10}(,\\d{1,10}){0,${SNAPSHOT_WORKERS_MAX - 1}}$`), { message: `workers must be up to ${SNAPSHOT_WORKERS_MAX} worker ids, comma-separated` }) workers?: string;
  @ApiPropertyOptional({ description: 'add each worker\'s whole resident ID (`residentId`) for the income-tax declaration: the payroll:read API client only (403 otherwise); audited as PULL_WITH_IDENTITIES' })
  @IsOptional() @Transform(({ value }) => value === true || value === 'true') @IsBoolean() identities?: boolean;
}
