import { Injectable, type Logger } from '@nestjs/common';
import { defineJob } from '@cws/kernel';
import type { EncryptedColumn, PiiKeyRotation } from '@cws/platform';
import { JOB_HANDLER } from './job-handler';
import type { JobProducer } from './job-producer';
import { PII_REENCRYPTION_JOB_ID, PiiReencryptionJob } from './pii-reencryption-job';

const Reencrypt = defineJob<{ batchSize?: number }>('svc-maintenance', 'reencrypt-pii');
const COLUMNS: readonly EncryptedColumn[] = [{ table: 't', column: 'c' }];

@Injectable()
class SvcPiiReencryption extends PiiReencryptionJob(Reencrypt, COLUMNS, 'values re-encrypted') {}

function started(pending: boolean) {
  const enqueued: unknown[][] = [];
  const runs: Array<[readonly EncryptedColumn[], number, { logger: Logger; msg: string }]> = [];
  const producer = { enqueue: async (...args: unknown[]) => (enqueued.push(args), { id: PII_REENCRYPTION_JOB_ID }) } as unknown as JobProducer;
  const rotation = {
    pending,
    run: async (...args: (typeof runs)[number]) => (runs.push(args), { reencrypted: 0, byColumn: {} }),
  } as unknown as PiiKeyRotation;
  return { job: new SvcPiiReencryption(producer, rotation), enqueued, runs };
}

describe('PiiReencryptionJob, the re-encryption job every service with personal data runs', () => {
  it('queues itself once at start-up while retired keys are configured, under one job id', async () => {
    const { job, enqueued } = started(true);
    await job.onApplicationBootstrap();
    expect(enqueued).toEqual([[Reencrypt, {}, { jobId: 'reencrypt-pii', removeOnComplete: true, removeOnFail: 100 }]]);
    expect(await job.enqueue()).toEqual({ jobId: 'reencrypt-pii' });
  });

  it('queues nothing at start-up when no key is retired', async () => {
    const { job, enqueued } = started(false);
    await job.onApplicationBootstrap();
    expect(enqueued).toEqual([]);
  });

  it("is the handler of the service's job and runs the rotation over its columns, 500 a batch unless the payload says", async () => {
    expect(Reflect.getMetadata(JOB_HANDLER, SvcPiiReencryption.prototype.run)).toBe(Reencrypt);
    const { job, runs } = started(true);
    await job.run({});
    await job.run({ batchSize: 2 });
    expect(runs.map(([columns, batch, log]) => [columns, batch, log.msg])).toEqual([
      [COLUMNS, 500, 'values re-encrypted'],
      [COLUMNS, 2, 'values re-encrypted'],
    ]);
    // the log lines carry the service provider's name, as before the job was shared
    expect((runs[0][2].logger as unknown as { context: string }).context).toBe('SvcPiiReencryption');
  });
});
