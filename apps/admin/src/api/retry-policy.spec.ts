import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { queryRetryDelay, shouldRetryQuery } from './retry-policy';

describe('query retries', () => {
  const limited = (seconds: number | null) => new ApiError(429, 'RATE_LIMITED', 'Too many requests', [], seconds);

  it('asks again once after a 429, not before its Retry-After', () => {
    expect(shouldRetryQuery(0, limited(5))).toBe(true);
    expect(queryRetryDelay(0, limited(5))).toBe(5000);
    expect(shouldRetryQuery(1, limited(5))).toBe(false);
  });

  it('leaves a long or unstated wait to the person (the message says when)', () => {
    expect(shouldRetryQuery(0, limited(600))).toBe(false);
    expect(shouldRetryQuery(0, limited(null))).toBe(false);
  });

  it('retries server and network errors twice with back-off, other client errors never', () => {
    expect([0, 1, 2].map((n) => shouldRetryQuery(n, new ApiError(503, 'UNAVAILABLE', 'down')))).toEqual([true, true, false]);
    expect(shouldRetryQuery(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(queryRetryDelay(1, new TypeError('Failed to fetch'))).toBe(2000);
    expect(shouldRetryQuery(0, new ApiError(404, 'NOT_FOUND', 'gone'))).toBe(false);
    expect(shouldRetryQuery(0, new ApiError(400, 'VALIDATION_FAILED', 'bad'))).toBe(false);
  });
});
