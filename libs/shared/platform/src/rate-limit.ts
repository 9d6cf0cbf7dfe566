/**
 * Rate limits kept in Redis, so every instance of a service shares them (in process memory a
 * second instance doubled them). Counted per authenticated subject — a user or an API client —
 * not per IP: a whole district office behind one NAT address no longer shares one budget. Login is
 * counted per IP + username, the OAuth token endpoint per IP + client id. A refusal is a 429 in the
 * suite's error shape with `Retry-After` (seconds).
 */
import {
  type DynamicModule, type ExecutionContext, HttpException, Injectable, Logger, Module, type OnApplicationShutdown,
} from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type IORedis from 'ioredis';
import type { Request } from 'express';
import type { AuthenticatedRequest } from './auth';
import type { ServiceConfig } from './config';
import { createRedis } from './redis';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** One fixed window per key; a key over its limit stays blocked for `blockMs`. Atomic in Redis. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }`;

@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: IORedis;
  private readonly prefix: string;

  constructor(config: Pick<ServiceConfig, 'redisUrl' | 'queuePrefix' | 'service'>) {
    this.redis = createRedis(config.redisUrl);
    this.prefix = `${config.queuePrefix}:ratelimit:${config.service}`;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const k = `${this.prefix}:${throttlerName}:${key}`;
    try {
      const [hits, ttlMs, blockedMs] = (await this.redis.eval(INCREMENT, 2, k, `${k}:blocked`, ttl, limit, blockDuration || ttl)) as number[];
      return { totalHits: hits, timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000), isBlocked: blockedMs > 0, timeToBlockExpire: Math.ceil(Math.max(blockedMs, 0) / 1000) };
    } catch (err) {
      // Redis down: fail open (the services stay usable; the health check reports the outage).
      this.logger.warn({ msg: 'rate limit not applied: redis unavailable', error: (err as Error).message });
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

@Module({})
export class RateLimitStorageModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: RateLimitStorageModule,
      providers: [{ provide: RedisThrottlerStorage, useFactory: () => new RedisThrottlerStorage(config) }],
      exports: [RedisThrottlerStorage],
    };
  }
}

/** Who a request counts against. Exported for tests. */
export function rateLimitSubject(req: AuthenticatedRequest): string {
  const ip = req.ip ?? req.socket?.remoteAddress ?? 'unknown';
  const path = req.path ?? '';
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (/\/auth\/login$/.test(path)) return `login:${ip}:${String(body.username ?? '').trim().toLowerCase().slice(0, 60)}`;
  if (/\/auth\/token$/.test(path)) return `token:${ip}:${tokenClientId(req, body)}`;
  const p = req.principal;
  return p ? `${p.kind}:${p.id}` : `ip:${ip}`;
}

function tokenClientId(req: Request, body: Record<string, unknown>): string {
  const basic = /^basic\s+([A-Za-z0-9+/=]+)$/i.exec(req.headers.authorization ?? '');
  if (basic) return Buffer.from(basic[1], 'base64').toString('utf8').split(':')[0].slice(0, 60);
  return String(body.client_id ?? '').slice(0, 60);
}

/**
 * Runs after the AuthGuard (registered after it), so an authenticated request is counted against
 * its verified subject; one budget per subject across the service (not per route).
 */
@Injectable()
export class SubjectThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    return rateLimitSubject(req as unknown as AuthenticatedRequest);
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfterSeconds = Math.max(1, detail.timeToBlockExpire);
    throw new HttpException(
      { code: 'RATE_LIMITED', message: `Too many requests; retry in ${retryAfterSeconds} s`, details: [], retryAfterSeconds },
      429,
    );
  }
}
