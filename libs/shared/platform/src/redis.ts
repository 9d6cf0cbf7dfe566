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

export function createRedis(url: string): IORedis {
  const redis = new IORedis({ ...redisOptionsFromUrl(url), maxRetriesPerRequest: 1, lazyConnect: false, enableOfflineQueue: false });
  // ioredis reconnects by itself; the health check reports the outage. Without a listener an
  // 'error' event would be printed as unhandled on every retry.
  redis.on('error', (err) => logger.debug({ msg: 'redis connection error', error: err.message }));
  return redis;
}
