import net from 'node:net';
import { createRedis } from './redis';

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
