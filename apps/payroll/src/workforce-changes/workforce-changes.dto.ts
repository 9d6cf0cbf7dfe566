import { ApiPropertyOptional } from '@nestjs/swagger';
// instants (date-times), not calendar dates
// eslint-disable-next-line no-restricted-imports
import { IsISO8601, IsOptional, Matches } from 'class-validator';
import { PageLimit } from '@cws/platform';

const ID = /^\d{1,19}$/;

export class WorkforceChangesQueryDto {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'only changes received at or after this date or instant (ISO 8601)' })
  @IsOptional() @IsISO8601({ strict: true }) since?: string;
  @ApiPropertyOptional({ example: '1024', description: "one worker's changes" }) @IsOptional() @Matches(ID, { message: 'must be a numeric id' }) workerId?: string;
  @PageLimit(500, 5000) limit?: number;
  @ApiPropertyOptional({ example: '2048', description: 'keyset cursor: changes with an id after this one (nextAfter of the previous page)' })
  @IsOptional() @Matches(ID, { message: 'must be a numeric id' }) after?: string;
}
