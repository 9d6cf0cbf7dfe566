/**
 * Rate limits kept in Redis, so every instance of a service shares them (in process memory a
 * second instance doubled them). Counted per authenticated subject — a user or an API client —
 * not per IP: a whole district office behind one NAT address no longer shares one budget. Login is
 * counted per IP + username, the OAuth token endpoint per IP + client id. A refusal is a 429 in the
 * suite's error shape with `Retry-After` (seconds).
 * A user's request makes one Redis round trip, not two: the AuthGuard leaves the revoked-session
 * check to this guard, whose counting script looks the session up first (docs/security.md).
 */
import {
  type DynamicModule, type ExecutionContext, HttpException, Injectable, Logger, Module, type OnApplicationShutdown,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions, type ThrottlerRequest,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type IORedis from 'ioredis';
import type { Request } from 'express';
import { invalidToken, type AuthenticatedRequest } from './auth';
import type { ServiceConfig } from './config';
import { closeRedis, createRedis } from './redis';
import { revokedSessionKey, SessionCheckUnavailable, SessionRevocations } from './revocations';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key; a key over its limit stays blocked for `blockMs`. Atomic in Redis.
 * KEYS[3], when not empty, is a revoked-session key: if it exists nothing is counted and the answer is -1.
 */
const INCREMENT = `
if KEYS[3] ~= '' and redis.call('EXISTS', KEYS[3]) == 1 then return { -1, 0, 0 } end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return { hits, ttl, blocked }`;

type CountingRedis = IORedis & {
  /** INCREMENT by its SHA (EVALSHA; ioredis sends the script itself only when Redis does not know it yet). */
  countRequest(key: string, blockedKey: string, revokedKey: string, ttlMs: number, limit: number, blockMs: number): Promise<number[]>;
};

@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: CountingRedis;
  private readonly prefix: string;

  constructor(config: Pick<ServiceConfig, 'redisUrl' | 'queuePrefix' | 'service'>) {
    this.redis = createRedis(config.redisUrl) as CountingRedis;
    this.redis.defineCommand('countRequest', { numberOfKeys: 3, lua: INCREMENT });
    this.prefix = `${config.queuePrefix}:ratelimit:${config.service}`;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    return (await this.incrementUnlessRevoked(key, ttl, limit, blockDuration, throttlerName, null)) ?? noLimit();
  }

  /**
   * `increment`, after checking in the same round trip that `sessionId` is not revoked: null when it
   * is (nothing counted). Redis down: the count fails open, but a session check fails closed (throws),
   * as the AuthGuard's own check did.
   */
  async incrementUnlessRevoked(
    key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string, sessionId: string | null,
  ): Promise<ThrottlerStorageRecord | null> {
    const k = `${this.prefix}:${throttlerName}:${key}`;
    try {
      const [hits, ttlMs, blockedMs] = await this.redis.countRequest(k, `${k}:blocked`, sessionId ? revokedSessionKey(sessionId) : '', ttl, limit, blockDuration || ttl);
      if (hits < 0) return null;
      return { totalHits: hits, timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000), isBlocked: blockedMs > 0, timeToBlockExpire: Math.ceil(Math.max(blockedMs, 0) / 1000) };
    } catch (err) {
      // Redis down: a session that cannot be checked is refused (503 UNAVAILABLE, not a 500: the caller
      // may retry); without a session the count fails open (the health check reports the outage).
      this.logger.warn({ msg: sessionId ? 'session not checked: redis unavailable' : 'rate limit not applied: redis unavailable', error: (err as Error).message });
      if (sessionId) throw new SessionCheckUnavailable();
      return noLimit();
    }
  }

  /** Called twice: Nest holds this instance under its own token and under the throttler's `ThrottlerStorage`. */
  onApplicationShutdown(): Promise<void> {
    return closeRedis(this.redis);
  }
}

function noLimit(): ThrottlerStorageRecord {
  return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
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
 * its verified subject; one budget per subject across the service (not per route). When the
 * AuthGuard left a session's revocation check to it (`sessionCheckPending`), the count and the
 * check are one Redis script, and a revoked session is refused (401) without being counted.
 */
@Injectable()
export class SubjectThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() private readonly counts: RedisThrottlerStorage,
    reflector: Reflector,
    private readonly revocations: SessionRevocations,
  ) {
    super(options, counts, reflector);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = await super.canActivate(context);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // A route this guard does not count (@SkipThrottle): the session is checked on its own.
    const sessionId = req.sessionCheckPending;
    req.sessionCheckPending = undefined;
    if (sessionId && (await this.revocations.isRevoked(sessionId))) throw invalidToken();
    return allowed;
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { context, limit, ttl, throttler, blockDuration, getTracker, generateKey } = props;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const sessionId = req.sessionCheckPending;
    if (!sessionId) return super.handleRequest(props);
    req.sessionCheckPending = undefined;
    // The library's handleRequest, with the revocation check in the same round trip as the count.
    const name = throttler.name ?? 'default';
    const tracker = await getTracker(req, context);
    const key = generateKey(context, tracker, name);
    const counted = await this.counts.incrementUnlessRevoked(key, ttl, limit, blockDuration, name, sessionId);
    if (!counted) throw invalidToken();
    const res = context.switchToHttp().getResponse<Record<string, unknown>>();
    const suffix = name === 'default' ? '' : `-${name}`;
    if (counted.isBlocked) {
      this.setResponseHeader(res, `Retry-After${suffix}`, counted.timeToBlockExpire);
      await this.throwThrottlingException(context, { limit, ttl, key, tracker, ...counted });
    }
    this.setResponseHeader(res, `${this.headerPrefix}-Limit${suffix}`, limit);
    this.setResponseHeader(res, `${this.headerPrefix}-Remaining${suffix}`, Math.max(0, limit - counted.totalHits));
    this.setResponseHeader(res, `${this.headerPrefix}-Reset${suffix}`, counted.timeToExpire);
    return true;
  }

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
