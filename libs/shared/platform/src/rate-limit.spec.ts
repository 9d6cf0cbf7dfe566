import { ServiceUnavailableException } from '@nestjs/common';
import { RedisThrottlerStorage } from './rate-limit';
import { SessionRevocations } from './revocations';

/** Redis failing under the counting script: a session cannot be checked (503), a count fails open. */
describe('RedisThrottlerStorage with Redis down', () => {
  let storage: RedisThrottlerStorage;
  let connection: { disconnect(): void };

  beforeEach(() => {
    // a port nothing listens on: the unit test needs no Redis (the client is replaced below anyway)
    storage = new RedisThrottlerStorage({ redisUrl: 'redis://127.0.0.1:9', queuePrefix: 'cwsunit', service: 'workers' });
    connection = (storage as unknown as { redis: { disconnect(): void } }).redis;
    // the counting script rejects as it does when Redis is unreachable
    Object.assign(storage, { redis: { countRequest: () => Promise.reject(new Error('connect ECONNREFUSED')) } });
  });
  afterEach(() => connection.disconnect());

  it('refuses a request whose session it cannot check with 503, not a raw error', async () => {
    await expect(storage.incrementUnlessRevoked('user:1', 60_000, 10, 60_000, 'default', 'session-1'))
      .rejects.toBeInstanceOf(ServiceUnavailableException);
  });

  it('refuses the same way where no rate limit applies (the AuthGuard asks SessionRevocations itself)', async () => {
    const revocations = new SessionRevocations({ exists: () => Promise.reject(new Error('connect ECONNREFUSED')) } as never);
    await expect(revocations.isRevoked('session-1')).rejects.toBeInstanceOf(ServiceUnavailableException);
  });

  it('lets a request without a session through uncounted', async () => {
    await expect(storage.increment('ip:1', 60_000, 10, 60_000, 'default'))
      .resolves.toEqual({ totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 });
  });
});
