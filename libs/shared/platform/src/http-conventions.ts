/**
 * HTTP conventions shared by the services (docs/finance-api.md):
 * - `Idempotent-Replayed: true` on a response replayed from a stored Idempotency-Key;
 * - `ETag` on a record's read, `If-Match` on the writes that edit it. If-Match is optional
 *   (absent = last write wins as before, or the body's `version` where a route has one); a
 *   stale one answers 412 PRECONDITION_FAILED and writes nothing.
 */
import { createHash } from 'node:crypto';
import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { DomainError, stableJson } from '@cws/kernel';
import { requestContext } from './request-context';

export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** Marks the current HTTP response as a replay of a stored one. */
export function markIdempotentReplay(): void {
  requestContext.setResponseHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
}

/** A strong entity tag: from a version counter when the record has one, else a hash of its view. */
export function etagOf(versionOrView: number | string | object): string {
  if (typeof versionOrView === 'number' || typeof versionOrView === 'string') return `"${versionOrView}"`;
  return `"${createHash('sha256').update(stableJson(versionOrView)).digest('base64url').slice(0, 27)}"`;
}

/** Sets ETag on the current response and returns the value unchanged (for `return withEtag(...)`). */
export function withEtag<T>(value: T, tag: string): T {
  requestContext.setResponseHeader('ETag', tag);
  return value;
}

/**
 * Checks an If-Match header against the record's current tag; call it after locking the record,
 * before writing. `*` matches any existing record; a list matches if any entry does.
 */
export function assertIfMatch(ifMatch: string | undefined, current: string | null, entity: string, id: string | number): void {
  if (ifMatch === undefined || ifMatch.trim() === '') return;
  const tags = ifMatch.split(',').map((t) => t.trim());
  if (current !== null && (tags.includes('*') || tags.includes(current))) return;
  // current === null: the record is gone (e.g. no open row any more), so no If-Match can hold
  throw new DomainError('PRECONDITION_FAILED', 'PRECONDITION_FAILED', `${entity} ${id} was changed since you read it; read it again${current ? ` (ETag ${current})` : ''}`, [
    { path: 'header:If-Match', issue: current ? `does not match the current ETag ${current}` : 'the record no longer exists in the state you read' },
  ]);
}

/** OpenAPI for a write guarded by If-Match. */
export const ApiIfMatch = () =>
  applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag from your last read. When sent and stale, the write is refused with 412 and nothing changes.' }),
    ApiResponse({ status: 412, description: 'PRECONDITION_FAILED: the record changed since the ETag in If-Match was read' }),
  );
