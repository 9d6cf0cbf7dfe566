import { createHash } from 'node:crypto';
import { stableJson } from '@cws/kernel';

/** What an Idempotency-Key is bound to: sha256 over the route and the body with keys sorted, so key order does not matter. */
export function fingerprint(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\n').update(stableJson(body)).digest('hex');
}
