/**
 * A service's PII re-encryption job (docs/security.md "PII key rotation"), the same in every service
 * that stores personal data: while retired keys are configured, start-up queues it once, so a rotation
 * finishes by itself after a restart; it runs the platform's PiiKeyRotation over the service's
 * encrypted columns. Only the job's definition, the column list and the log line differ, so the
 * service's provider is one line:
 * `@Injectable() export class PiiReencryption extends PiiReencryptionJob(ReencryptPiiJob, COLUMNS, 'msg') {}`
 * (a class, not a helper, because `@JobHandler` must sit on the provider's method).
 */
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { JobDefinition } from '@cws/kernel';
import { PiiKeyRotation, type EncryptedColumn } from '@cws/platform';
import { JobHandler } from './job-handler';
import { JobProducer } from './job-producer';

export interface PiiReencryptionPayload {
  batchSize?: number;
}

/** One job per rotation state: a second enqueue while one waits is a no-op. */
export const PII_REENCRYPTION_JOB_ID = 'reencrypt-pii';
const DEFAULT_BATCH = 500;

export function PiiReencryptionJob(def: JobDefinition<PiiReencryptionPayload>, columns: readonly EncryptedColumn[], doneMessage: string) {
  @Injectable()
  class PiiReencryptionJobHost implements OnApplicationBootstrap {
    /** Named after the service's provider (PiiReencryption, PayrollPiiReencryption). */
    protected readonly logger = new Logger(this.constructor.name);
    constructor(
      protected readonly producer: JobProducer,
      protected readonly rotation: PiiKeyRotation,
    ) {}

    async onApplicationBootstrap(): Promise<void> {
      if (this.rotation.pending) await this.enqueue();
    }

    async enqueue(): Promise<{ jobId: string }> {
      const job = await this.producer.enqueue(def, {}, { jobId: PII_REENCRYPTION_JOB_ID, removeOnComplete: true, removeOnFail: 100 });
      return { jobId: job.id ?? PII_REENCRYPTION_JOB_ID };
    }

    /** How many values each key holds, per column; `remaining` = not yet under the current key. */
    usage() {
      return this.rotation.usage(columns);
    }

    @JobHandler(def)
    run(payload: PiiReencryptionPayload): Promise<{ reencrypted: number; byColumn: Record<string, number> }> {
      return this.rotation.run(columns, payload.batchSize ?? DEFAULT_BATCH, { logger: this.logger, msg: doneMessage });
    }
  }
  return PiiReencryptionJobHost;
}
