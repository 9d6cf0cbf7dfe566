/** Small helpers every service's controllers and services share (one copy, not one per app). */
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { notFound, scopeCovers, type Principal } from '@cws/kernel';

/** A record located at (district, street) must be in the caller's scope, else it does not exist for them (404). */
export function assertVisible(p: Principal, district: string | null, street: string | null, entity: string, id: string | number): void {
  if (!scopeCovers(p.scope, district, street)) throw notFound(entity, id);
}

/** A record read by id: there and in the caller's scope, else 404 (a missing record and one outside the scope answer alike). */
export function visibleRow<T extends { districtCode: string | null; streetCode?: string | null }>(p: Principal, row: T | null | undefined, entity: string, id: string | number): T {
  if (!row) throw notFound(entity, id);
  assertVisible(p, row.districtCode, row.streetCode ?? null, entity, id);
  return row;
}

/** Who did it, as the audit log and the records' created_by / decided_by columns record it. */
export function actor(p: Principal): { id: string; name: string } {
  return { id: p.id, name: p.name };
}

/** A numeric id path parameter (`:id`): ids are BIGINT, so they arrive and stay strings. */
export class IdParam {
  @ApiProperty({ example: '12' }) @Matches(/^\d{1,19}$/, { message: 'must be a numeric id' }) id!: string;
}

/**
 * A year path parameter (`:year`): a whole year of the suite's working range, so a year beyond its
 * columns (SMALLINT, YEAR) is a 400 naming `year`, not a database error (ParseIntPipe took any integer).
 */
export class YearParam {
  @ApiProperty({ example: 2026, minimum: 2000, maximum: 2100 })
  @Type(() => Number) @IsInt({ message: 'must be a whole year' }) @Min(2000) @Max(2100) year!: number;
}
