import { ApiError } from './errors';

/** The longest Retry-After a query waits out by itself; beyond it the page shows when to try again. */
const MAX_AUTO_RETRY_AFTER_SECONDS = 60;

/**
 * Whether a failed query asks again: server and network errors twice; a 429 once, and only when the
 * server said how long to wait (Retry-After) and that is short; other client errors (403, 404,
 * validation) never, they will not go away by asking again.
 */
export function shouldRetryQuery(count: number, err: unknown): boolean {
  if (err instanceof ApiError && err.status === 429) return count < 1 && err.retryAfter !== null && err.retryAfter <= MAX_AUTO_RETRY_AFTER_SECONDS;
  return !(err instanceof ApiError && err.status < 500) && count < 2;
}

/** How long before asking again: a 429 waits what its Retry-After said, anything else backs off from 1 s. */
export function queryRetryDelay(count: number, err: unknown): number {
  if (err instanceof ApiError && err.status === 429 && err.retryAfter !== null) return err.retryAfter * 1000;
  return Math.min(1000 * 2 ** count, 30_000);
}
