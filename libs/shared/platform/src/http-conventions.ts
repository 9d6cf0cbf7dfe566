/**
 * HTTP conventions shared by the services (docs/finance-api.md):
 * - `Idempotent-Replayed: true` on a response replayed from a stored Idempotency-Key;
 * - `ETag` on a record's read, `If-Match` on the writes that edit it. If-Match is optional
 *   (absent = last write wins as before, or the body's `version` where a route has one); a
 *   stale one answers 412 PRECONDITION_FAILED and writes nothing;
 * - `If-None-Match: *` on a write that may create its record (a PUT of a year's calendar, a POST of a
 *   policy key's first row): create only, so of two first saves the second is 412 rather than
 *   overwriting (or superseding) the first.
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

/**
 * Checks `If-None-Match: *` on a write that may create its record: the record must not exist yet (RFC 9110
 * §13.1.2). Call it after locking, beside `assertIfMatch`; any other value is ignored.
 */
export function assertIfNoneMatch(ifNoneMatch: string | undefined, current: string | null, entity: string, id: string | number): void {
  if (current === null || ifNoneMatch?.trim() !== '*') return;
  throw new DomainError('PRECONDITION_FAILED', 'PRECONDITION_FAILED', `${entity} ${id} was created by someone else since you read it; read it again (ETag ${current})`, [
    { path: 'header:If-None-Match', issue: `the record exists now (ETag ${current})` },
  ]);
}

/** OpenAPI for a write guarded by If-Match (and, with `{ create: true }`, a write that may create: If-None-Match: *). */
export const ApiIfMatch = (opts: { create?: boolean } = {}) =>
  applyDecorators(
    ApiHeader({ name: 'If-Match', required: false, description: 'The ETag from your last read. When sent and stale, the write is refused with 412 and nothing changes.' }),
    ...(opts.create
      ? [ApiHeader({ name: 'If-None-Match', required: false, description: '`*`: create only. When the record exists by then (someone else saved it first), the write is refused with 412 and nothing changes.' })]
      : []),
    ApiResponse({ status: 412, description: `PRECONDITION_FAILED: the record changed since the ETag in If-Match was read${opts.create ? ', or exists despite If-None-Match: *' : ''}` }),
  );
