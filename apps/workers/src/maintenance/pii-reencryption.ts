/**
 * PII key rotation for the workers schema (docs/security.md): the platform's PiiKeyRotation over
 * the columns below, as a BullMQ job. When `remaining` reaches 0 everywhere, the old key can be
 * dropped from PII_OLD_KEYS.
 */
import { Controller, Get, Injectable, Logger, Post, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PayloadOf } from '@cws/kernel';
import { JobHandler, JobProducer } from '@cws/messaging';
import { PiiKeyRotation, type EncryptedColumn, Accepts, Answers } from '@cws/platform';
import { CanAdminister } from '../common/access';
import { PiiKeyUsage, QueuedJob, ReencryptPiiJob, type PiiKeyUsageView, type QueuedJobView } from '@cws/workers-contracts';
import { CandidateRepository } from '../recruitment/candidate.repository';
import { WorkerRepository } from '../workers/worker.repository';

/** Every encrypted column of the workers schema, as each table's repository lists it. A new one must be listed there to take part in rotation. */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [...WorkerRepository.ENCRYPTED_COLUMNS, ...CandidateRepository.ENCRYPTED_COLUMNS];
const DEFAULT_BATCH = 500;
/** One job per rotation state: a second enqueue while one waits is a no-op. */
const JOB_ID = 'reencrypt-pii';

@Injectable()
export class PiiReencryption implements OnApplicationBootstrap {
  private readonly logger = new Logger('PiiReencryption');
  constructor(
    private readonly producer: JobProducer,
    private readonly rotation: PiiKeyRotation,
  ) {}

  /** While retired keys are configured, rotation finishes by itself after a restart. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.rotation.pending) await this.enqueue();
  }

  async enqueue(): Promise<QueuedJobView> {
    const job = await this.producer.enqueue(ReencryptPiiJob, {}, { jobId: JOB_ID, removeOnComplete: true, removeOnFail: 100 });
    return { jobId: job.id ?? JOB_ID };
  }

  /** How many values each key holds, per column; `remaining` = not yet under the current key. */
  usage(): Promise<PiiKeyUsageView> {
    return this.rotation.usage(ENCRYPTED_COLUMNS);
  }

  @JobHandler(ReencryptPiiJob)
  run(payload: PayloadOf<typeof ReencryptPiiJob>): Promise<{ reencrypted: number; byColumn: Record<string, number> }> {
    return this.rotation.run(ENCRYPTED_COLUMNS, payload.batchSize ?? DEFAULT_BATCH, { logger: this.logger, msg: 'personal data re-encrypted under the current key' });
  }
}

@ApiTags('maintenance')
@Controller('v1/maintenance/pii-keys')
export class PiiKeysController {
  constructor(private readonly reencryption: PiiReencryption) {}

  @Get()
  @CanAdminister()
  @Answers(PiiKeyUsage, '个人信息加密密钥的使用情况', undefined, { returns: 'Values per key id and column; drop a retired key once every `remaining` is 0' })
  usage() {
    return this.reencryption.usage();
  }

  @Post('reencryption')
  @CanAdminister()
  @Accepts(QueuedJob, '用现行密钥重新加密个人信息（排队执行）', undefined, { returns: 'The re-encryption job is queued (once)' })
  reencrypt() {
    return this.reencryption.enqueue();
  }
}
