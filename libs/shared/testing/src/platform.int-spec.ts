import { type BeforeApplicationShutdown, Controller, Get, Injectable, Module } from '@nestjs/common';
import { Public, PlatformModule, requestContext, ServiceClient, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { inTransaction } from '@cws/persistence';
import { DataSource } from 'typeorm';
import { startTestApp, testConfig } from './test-app';
import { until } from './until';

/** Called when a request reaches the slow route: the shutdown test starts closing only once one is in flight. */
let reachedSlow: () => void = () => undefined;
/** How many times the locked route's transaction ran. */
let lockAttempts = 0;

@Controller('v1/slow')
class SlowController {
  constructor(
    private readonly client: ServiceClient,
    private readonly dataSource: DataSource,
  ) {}
  @Public()
  @Get()
  async slow(): Promise<{ done: boolean }> {
    reachedSlow();
    await new Promise((r) => setTimeout(r, 800));
    return { done: true };
  }
  /** Slow, then asks the database: a request the shutdown must let finish before the data source closes. */
  @Public()
  @Get('db')
  async slowDb(): Promise<{ one: number }> {
    reachedSlow();
    await new Promise((r) => setTimeout(r, 800));
    const [row] = await this.dataSource.query('SELECT 1 AS one');
    return { one: Number(row.one) };
  }
  /** Locks the probe row, with a 1 s lock wait: held elsewhere, the wait times out. */
  @Public()
  @Get('locked')
  async locked(): Promise<{ got: boolean }> {
    await inTransaction(this.dataSource, async (m) => {
      lockAttempts++;
      await m.query('SET SESSION innodb_lock_wait_timeout = 1');
      await m.query('SELECT id FROM lock_probe WHERE id = 1 FOR UPDATE');
    });
    return { got: true };
  }
  /** Calls itself through ServiceClient: the request id must travel along. */
  @Public()
  @Get('echo-id')
  echo(): Promise<{ requestId: string }> {
    return this.client.call('workers', '/v1/slow/own-id');
  }
  @Public()
  @Get('own-id')
  ownId(): { requestId: string | undefined } {
    return { requestId: requestContext.requestId() };
  }
}

function bareService(config: ServiceConfig): ServiceDefinition {
  @Module({ imports: [PlatformModule.forRoot(config, { entities: [], migrations: [] })], controllers: [SlowController] })
  class BareModule {}
  return { config, module: BareModule, title: 't', description: 't', entities: [], migrations: [] };
}

/** Stands for the queue workers finishing their jobs: a shutdown phase that takes a while. */
@Injectable()
class JobsDraining implements BeforeApplicationShutdown {
  beforeApplicationShutdown(): Promise<void> {
    return new Promise((r) => setTimeout(r, 2000));
  }
}

function drainingService(config: ServiceConfig): ServiceDefinition {
  @Module({ imports: [PlatformModule.forRoot(config, { entities: [], migrations: [] })], controllers: [SlowController], providers: [JobsDraining] })
  class DrainingModule {}
  return { config, module: DrainingModule, title: 't', description: 't', entities: [], migrations: [] };
}

// The platform's behaviour end to end, through the same harness every service test uses.
describe('platform (real MySQL and Redis)', () => {
  it('answers 503 naming Redis when Redis does not answer', async () => {
    const t = await startTestApp(bareService, testConfig('workers', { redisUrl: 'redis://127.0.0.1:1' }));
    try {
      const res = await t.request('GET', '/health');
      expect(res.status).toBe(503);
      expect(res.body.down).toEqual(['redis']);
      expect(res.body.checks.mysql.status).toBe('up');
    } finally {
      await t.close();
    }
  });

  it('passes the request id on to downstream calls', async () => {
    const base = testConfig('workers');
    const t = await startTestApp(bareService, base);
    try {
      const port = new URL(t.baseUrl).port;
      t.config.serviceUrls.workers = `http://127.0.0.1:${port}`;
      const res = await t.request('GET', '/v1/slow/echo-id', { headers: { 'x-request-id': 'trace-123' } });
      expect(res.status).toBe(200);
      expect(res.body.requestId).toBe('trace-123');
      expect(res.headers.get('x-request-id')).toBe('trace-123');
    } finally {
      await t.close();
    }
  });

  it('finishes in-flight requests on shutdown', async () => {
    const t = await startTestApp(bareService, testConfig('workers'));
    const reached = new Promise<void>((r) => (reachedSlow = r));
    const inFlight = t.request('GET', '/v1/slow');
    await reached; // not a fixed 200 ms: on a busy machine the request could arrive after the close began
    const closing = t.close();
    const res = await inFlight;
    await closing;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ done: true });
  });

  it('a row locked by other work past the lock wait answers 503 BUSY with Retry-After, once (no retry), and nothing is held after', async () => {
    const t = await startTestApp(bareService, testConfig('workers'));
    const ds = t.app.get(DataSource);
    const holder = ds.createQueryRunner();
    try {
      await ds.query('CREATE TABLE lock_probe (id INT PRIMARY KEY)');
      await ds.query('INSERT INTO lock_probe VALUES (1)');
      await holder.startTransaction();
      await holder.query('SELECT id FROM lock_probe WHERE id = 1 FOR UPDATE');
      const res = await t.request('GET', '/v1/slow/locked');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: 'BUSY', details: [] });
      expect(res.headers.get('retry-after')).toBe('2');
      expect(lockAttempts).toBe(1); // it waited once: a retried transaction would wait again
      await holder.rollbackTransaction();
      expect((await t.request('GET', '/v1/slow/locked')).body).toEqual({ got: true });
    } finally {
      await holder.release();
      await t.close();
    }
  });

  it('on shutdown stops taking requests at once, before the jobs drain, and a request in flight still has the database', async () => {
    const t = await startTestApp(drainingService, testConfig('workers'));
    const reached = new Promise<void>((r) => (reachedSlow = r));
    const inFlight = t.request('GET', '/v1/slow/db');
    await reached;
    const closing = t.close();
    // Before, the server went on taking requests while the jobs drained (2 s here, up to the shutdown timeout in
    // production), and the process could be killed in the middle of one; now the door closes first.
    await until('the server stops listening', async () => t.app.getHttpServer().listening, (listening) => !listening, 1_000, 10);
    const late = await fetch(`${t.baseUrl}/v1/slow/own-id`).then((r) => r.status, (err: Error) => (err.cause as NodeJS.ErrnoException)?.code ?? err.message);
    expect(late).toBe('ECONNREFUSED');
    const res = await inFlight;
    await closing;
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ one: 1 });
  });
});
