/**
 * PII key rotation for the workers schema (docs/security.md): the shared re-encryption job
 * (`PiiReencryptionJob`: the platform's PiiKeyRotation as a BullMQ job) over the columns below. When
 * `remaining` reaches 0 everywhere, the old key can be dropped from PII_OLD_KEYS.
 */
import { Controller, Get, Injectable, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { PiiReencryptionJob } from '@cws/messaging';
import { Roles, type EncryptedColumn, Accepts, Answers } from '@cws/platform';
import { PiiKeyUsage, QueuedJob, ReencryptPiiJob } from '@cws/workers-contracts';
import { CandidateRepository } from '../recruitment/candidate.repository';
import { WorkerRepository } from '../workers/worker.repository';

/** Every encrypted column of the workers schema, as each table's repository lists it. A new one must be listed there to take part in rotation. */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [...WorkerRepository.ENCRYPTED_COLUMNS, ...CandidateRepository.ENCRYPTED_COLUMNS];

/** The workers schema's re-encryption job (the shared `PiiReencryptionJob`), also queued on a city administrator's request. */
@Injectable()
export class PiiReencryption extends PiiReencryptionJob(ReencryptPiiJob, ENCRYPTED_COLUMNS, 'personal data re-encrypted under the current key') {}

@ApiTags('maintenance')
@ApiBearerAuth()
@Roles('CITY_ADMIN')
@Controller('v1/maintenance/pii-keys')
export class PiiKeysController {
  constructor(private readonly reencryption: PiiReencryption) {}

  @Get()
  @Answers(PiiKeyUsage, '个人信息加密密钥的使用情况', undefined, { returns: 'Values per key id and column; drop a retired key once every `remaining` is 0' })
  usage() {
    return this.reencryption.usage();
  }

  @Post('reencryption')
  @Accepts(QueuedJob, '用现行密钥重新加密个人信息（排队执行）', undefined, { returns: 'The re-encryption job is queued (once)' })
  reencrypt() {
    return this.reencryption.enqueue();
  }
}
