/** Small helpers every service's controllers and services share (one copy, not one per app). */
import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { notFound, scopeCovers, type Principal } from '@cws/kernel';

/** A record located at (district, street) must be in the caller's scope, else it does not exist for them (404). */
export function assertVisible(p: Principal, district: string | null, street: string | null, entity: string, id: string | number): void {
  if (!scopeCovers(p.scope, district, street)) throw notFound(entity, id);
}

/** Who did it, as the audit log and the records' created_by / decided_by columns record it. */
export function actor(p: Principal): { id: string; name: string } {
  return { id: p.id, name: p.name };
}

/** A numeric id path parameter (`:id`): ids are BIGINT, so they arrive and stay strings. */
export class IdParam {
  @ApiProperty({ example: '12' }) @Matches(/^\d{1,19}$/, { message: 'must be a numeric id' }) id!: string;
}
