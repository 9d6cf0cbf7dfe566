import { Injectable, Module } from '@nestjs/common';
import { defineJob } from '@cws/kernel';
import { JobHandler, JobProducer, MESSAGING_ENTITIES, MessagingModule, ServiceBaseTablesMigration } from '@cws/messaging';
import { PlatformModule, type ServiceConfig, type ServiceDefinition } from '@cws/platform';
import { DataSource } from 'typeorm';
import { startTestApp, testConfig } from './test-app';

const Slow = defineJob<{ ms: number }>('shutdown-test', 'slow');
const Next = defineJob<{ after: string }>('shutdown-test', 'next');

/** Called when the slow job starts: the test starts closing only once one is running. */
let reachedSlow: () => void = () => undefined;
/** What the slow job saw after the close began: the database's answer, or the error it met. */
let outcome: { one: number } | { error: string } | undefined;

@Injectable()
class SlowJobs {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: JobProducer,
  ) {}

  @JobHandler(Slow)
  async slow({ ms }: { ms: number }): Promise<void> {
    reachedSlow();
    await new Promise((r) => setTimeout(r, ms));
    try {
      const [row] = await this.dataSource.query('SELECT 1 AS one');
      await this.producer.enqueue(Next, { after: 'slow' });
      outcome = { one: Number(row.one) };
    } catch (e) {
      outcome = { error: e instanceof Error ? e.message : String(e) };
    }
  }

  @JobHandler(Next)
  next(): void {}
}

class BaseTables1700000000000 extends ServiceBaseTablesMigration {
  name = 'BaseTables1700000000000';
}

function jobService(config: ServiceConfig): ServiceDefinition {
  const entities = [...MESSAGING_ENTITIES];
  const migrations = [BaseTables1700000000000];
  @Module({
    imports: [MessagingModule.forRoot(config, { consumes: [Slow, Next] }), PlatformModule.forRoot(config, { entities, migrations })],
    providers: [SlowJobs],
  })
  class JobServiceModule {}
  return { config, module: JobServiceModule, title: 't', description: 't', entities, migrations };
}

describe('messaging shutdown (real MySQL and Redis)', () => {
  it('lets a running job finish on shutdown, with the database and the queues still open', async () => {
    const t = await startTestApp(jobService, testConfig('workers'));
    const reached = new Promise<void>((r) => (reachedSlow = r));
    outcome = undefined;
    await t.app.get(JobProducer).enqueue(Slow, { ms: 800 });
    await reached;
    await t.close();
    expect(outcome).toEqual({ one: 1 });
  });
});
