import net from 'node:net';
import { createRedis, settledWithin } from './redis';

/**
 * A server that answers ioredis's handshake (CLIENT SETINFO …: +OK, INFO: a ready server) until
 * `stall()`, then never answers again: a Redis that stopped responding on an open connection.
 */
async function stallingRedis(): Promise<{ server: net.Server; stall: () => void }> {
  let stalled = false;
  const server = net.createServer((socket) => {
    socket.on('data', (chunk) => {
      if (stalled) return;
      // one RESP array per command: "*<n>\r\n$<len>\r\n<name>…"
      for (const command of chunk.toString().split(/\*\d+\r\n/).filter(Boolean)) {
        const info = 'redis_version:7.0.15\r\nloading:0\r\n';
        socket.write(/\binfo\b/i.test(command) ? `$${Buffer.byteLength(info)}\r\n${info}\r\n` : '+OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, stall: () => (stalled = true) };
}

describe('createRedis', () => {
  it('fails a command the server never answers, after the command timeout, instead of waiting for ever', async () => {
    const { server, stall } = await stallingRedis();
    const { port } = server.address() as net.AddressInfo;
    const redis = createRedis(`redis://127.0.0.1:${port}`, 300);
    try {
      await new Promise<void>((resolve) => redis.once('ready', () => resolve()));
      expect(await redis.set('anything', '1')).toBe('OK');
      stall();
      const started = Date.now();
      await expect(redis.get('anything')).rejects.toThrow(/timed out/i);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      redis.disconnect();
      server.close();
    }
  });
});

describe('settledWithin', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves when the promise resolves or rejects, and leaves no timer behind', async () => {
    await expect(settledWithin(Promise.resolve('x'), 1000)).resolves.toBeUndefined();
    await expect(settledWithin(Promise.reject(new Error('gone')), 1000)).resolves.toBeUndefined();
    expect(jest.getTimerCount()).toBe(0);
  });

  it('resolves after the time limit when the promise never settles', async () => {
    let done = false;
    const waiting = settledWithin(new Promise(() => undefined), 1000).then(() => (done = true));
    await jest.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    await waiting;
  });
});
