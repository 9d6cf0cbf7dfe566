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
 * Closes a connection once, letting sent commands finish (QUIT); one that cannot send it (Redis down)
 * is dropped. Every later call returns the same promise. Each of ioredis's disconnects leaves a 2 s
 * timer that only the socket's close clears, so none may come after the socket has gone: a second
 * QUIT (the rate limit's storage is shut down twice) fell back to one, and so did a QUIT during the
 * handshake (a service that failed at start), which ioredis's failing ready check followed with its own.
 */
export function closeRedis(redis: IORedis): Promise<void> {
  let closing = closings.get(redis);
  if (!closing) {
    closing = quitOrDrop(redis);
    closings.set(redis, closing);
  }
  return closing;
}

const closings = new WeakMap<IORedis, Promise<void>>();

async function quitOrDrop(redis: IORedis): Promise<void> {
  const status = (): string => redis.status; // read afresh after each wait
  // a connection on its way (the handshake takes a round trip or two) is let arrive, or fail, first
  if (status() === 'connecting' || status() === 'connect') await settled(redis, ['ready', 'close'], REDIS_COMMAND_TIMEOUT_MS);
  if (status() === 'end') return;
  try {
    if (status() === 'ready') {
      await redis.quit();
      if (status() !== 'end') await settled(redis, ['end'], REDIS_COMMAND_TIMEOUT_MS); // QUIT answers before the socket closes
      return;
    }
  } catch {
    /* the connection went meanwhile */
  }
  if (status() !== 'end') redis.disconnect();
}

/** Resolves at the first of `events`, or after `ms`. */
function settled(redis: IORedis, events: string[], ms: number): Promise<void> {
  let fired!: () => void;
  const first = new Promise<void>((resolve) => {
    fired = resolve;
    for (const e of events) redis.once(e, fired);
  });
  return settledWithin(first, ms).finally(() => {
    for (const e of events) redis.off(e, fired);
  });
}

/** Resolves when `p` settles (either way) or after `ms`, whichever is first: a bounded wait at shutdown. */
export function settledWithin(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([p.then(() => undefined, () => undefined), elapsed]).finally(() => clearTimeout(timer));
}
