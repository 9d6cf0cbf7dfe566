/** One ioredis connection per service for health checks and small keys; BullMQ makes its own. */
import { Logger } from '@nestjs/common';
import IORedis, { type RedisOptions } from 'ioredis';

const logger = new Logger('Redis');

export const REDIS = Symbol('REDIS');

export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname && u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * A command on a connection that stays open but stops answering (a stalled server, a partition
 * without a reset) would otherwise wait for ever, and with it every request behind the rate limit's
 * count: after this long it fails, and the callers' Redis-down paths answer (fail open, or 503).
 */
const REDIS_COMMAND_TIMEOUT_MS = 2000;

export function createRedis(url: string, commandTimeout = REDIS_COMMAND_TIMEOUT_MS): IORedis {
  const redis = new IORedis({ ...redisOptionsFromUrl(url), maxRetriesPerRequest: 1, lazyConnect: false, enableOfflineQueue: false, commandTimeout });
  // ioredis reconnects by itself; the health check reports the outage. Without a listener an
  // 'error' event would be printed as unhandled on every retry.
  redis.on('error', (err) => logger.debug({ msg: 'redis connection error', error: err.message }));
  return redis;
}

/**
 * Closes a connection once, letting sent commands finish (QUIT); a connection that cannot send it
 * (Redis down) is dropped. Every later call returns the same promise: a second QUIT on the closing
 * connection fails, and the disconnect() it fell back to left ioredis's 2 s stream timer running
 * after the stream had gone (a Jest "did not exit" per test file).
 */
export function closeRedis(redis: IORedis): Promise<void> {
  let closing = closings.get(redis);
  if (!closing) {
    closing = redis.quit().then(
      () => undefined,
      () => redis.disconnect(),
    );
    closings.set(redis, closing);
  }
  return closing;
}

const closings = new WeakMap<IORedis, Promise<void>>();
