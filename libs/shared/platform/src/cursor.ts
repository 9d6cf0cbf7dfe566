/**
 * Keyset cursors that refuse what they did not issue. A cursor is the JSON tuple of the last row's
 * sort values, signed with an HMAC (key derived from the PII hash key, so every instance of a
 * service signs alike). Decoding checks the signature, then the tuple's shape: a crafted or
 * truncated cursor answers 400 INVALID_CURSOR at `after` instead of reaching SQL.
 */
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isIsoDate, isWellFormedText, validationError } from '@cws/kernel';
import { SERVICE_CONFIG, type ServiceConfig } from './config';

export type CursorPart = 'int' | 'text' | 'date';
type PartValue<P extends CursorPart> = P extends 'int' ? number : string;
export type CursorValues<S extends readonly CursorPart[]> = { [K in keyof S]: PartValue<S[K]> };

const PART_CHECKS: Record<CursorPart, (v: unknown) => boolean> = {
  int: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  text: (v) => typeof v === 'string' && v.length <= 200 && isWellFormedText(v),
  date: (v) => typeof v === 'string' && isIsoDate(v),
};

@Injectable()
export class KeysetCursor {
  private readonly key: Buffer;

  constructor(@Inject(SERVICE_CONFIG) config: Pick<ServiceConfig, 'piiHashKey'>) {
    this.key = createHmac('sha256', config.piiHashKey).update('keyset-cursor/v1').digest();
  }

  encode(values: ReadonlyArray<number | string>): string {
    const body = Buffer.from(JSON.stringify(values)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The tuple of a cursor this service issued with this shape; else 400 INVALID_CURSOR at `path`. */
  decode<const S extends readonly CursorPart[]>(cursor: string, shape: S, path = 'after'): CursorValues<S> {
    const invalid = () => validationError('INVALID_CURSOR', path, 'is not a cursor this endpoint issued');
    const dot = cursor.indexOf('.');
    if (dot <= 0) throw invalid();
    const body = cursor.slice(0, dot);
    const given = Buffer.from(cursor.slice(dot + 1), 'base64url');
    const expected = Buffer.from(this.sign(body), 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
    let values: unknown;
    try {
      values = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    if (!Array.isArray(values) || values.length !== shape.length || !shape.every((part, i) => PART_CHECKS[part](values[i]))) throw invalid();
    return values as CursorValues<S>;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest().subarray(0, 16).toString('base64url');
  }
}
