/**
 * Revoked login sessions, kept in Redis until the last access token of the session expires. Every
 * service checks it, so a token is refused everywhere right after logout (or refresh-token reuse).
 */
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type IORedis from 'ioredis';
import { REDIS } from './redis';

/** Shared by all services (not per queue prefix): a session revoked by workers is revoked in payroll too. */
const KEY_PREFIX = 'cws:auth:revoked-session:';

/** The key listing a revoked session (the rate limiter's script reads it too: rate-limit.ts). */
export const revokedSessionKey = (sessionId: string): string => KEY_PREFIX + sessionId;

@Injectable()
export class SessionRevocations {
  constructor(@Inject(REDIS) private readonly redis: IORedis) {}

  /** Revokes a session for `ttlSeconds` (at least the access-token lifetime). */
  async revoke(sessionId: string, ttlSeconds: number): Promise<void> {
    await this.redis.set(revokedSessionKey(sessionId), '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)));
  }

  /** Fails closed: when Redis cannot answer, the request is refused (503) rather than trusting a maybe-revoked token. */
  async isRevoked(sessionId: string): Promise<boolean> {
    const found = await this.redis.exists(revokedSessionKey(sessionId)).catch(() => {
      throw new SessionCheckUnavailable();
    });
    return found === 1;
  }
}

/** A session that cannot be checked because Redis does not answer: 503 UNAVAILABLE (the caller may retry), not a 500. */
export class SessionCheckUnavailable extends ServiceUnavailableException {
  constructor() {
    super('Session check unavailable (Redis down); try again shortly');
  }
}
