import { defineJob } from '@cws/kernel';
import type { ServiceConfig } from '@cws/platform';
import type { JobProducer } from './job-producer';
import { jobSchedule, JobSchedules } from './job-schedules';
import { MessagingModule } from './messaging.module';

const Nightly = defineJob<{ reason: string }>('maintenance', 'nightly');
const Hourly = defineJob<Record<string, never>>('maintenance', 'hourly');

describe('job schedules', () => {
  it('upserts each schedule by its id at boot, the payload in a request-less envelope', async () => {
    const upserts: unknown[][] = [];
    const queues: string[] = [];
    const producer = {
      queue: (name: string) => {
        queues.push(name);
        return { upsertJobScheduler: async (...args: unknown[]) => void upserts.push(args) };
      },
    } as unknown as JobProducer;
    const schedules = [
      jobSchedule(Nightly, 'nightly-x', { pattern: '5 0 * * *', tz: 'Asia/Shanghai' }, { reason: 'nightly' }, { attempts: 3 }),
      jobSchedule(Hourly, 'hourly-y', { every: 3600_000 }, {}),
    ];
    await new JobSchedules(schedules, producer).onApplicationBootstrap();
    expect(queues).toEqual(['maintenance', 'maintenance']);
    expect(upserts).toEqual([
      ['nightly-x', { pattern: '5 0 * * *', tz: 'Asia/Shanghai' }, { name: 'nightly', data: { payload: { reason: 'nightly' }, meta: {} }, opts: { attempts: 3 } }],
      // no opts key at all when none is given: the queue's defaults apply
      ['hourly-y', { every: 3600_000 }, { name: 'hourly', data: { payload: {}, meta: {} } }],
    ]);
  });

  it('refuses to start a service that schedules a job it does not consume', () => {
    const config = { service: 'budget', redisUrl: 'redis://127.0.0.1:6379', queuePrefix: 'x' } as unknown as ServiceConfig;
    const schedules = [jobSchedule(Hourly, 'hourly-y', { every: 1000 }, {})];
    expect(() => MessagingModule.forRoot(config, { consumes: [Nightly], schedules })).toThrow('scheduled jobs this service does not consume: hourly-y');
    expect(() => MessagingModule.forRoot(config, { consumes: [Nightly, Hourly], schedules })).not.toThrow();
  });
});
