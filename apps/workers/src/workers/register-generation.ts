/**
 * The register generation: a Redis value every committed write to a table the register's count
 * reads (`worker`, `worker_name_gram`, `appointment`) replaces, so a cached count (register-count-cache.ts)
 * is used only while nothing it counts has changed. The repositories' write methods call
 * `registerWritten`; inside a transaction that marks the transaction and the bump runs after its
 * commit (this subscriber), outside one it runs at once. A random token, not an INCR: a generation
 * key lost (evicted, deleted) and made again can never repeat a value a cached count was stored under.
 */
import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { REDIS, SERVICE_CONFIG, type ServiceConfig } from '@cws/platform';
import type IORedis from 'ioredis';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';

/** The transaction's mark (queryRunner.data): it wrote the register. */
const WRITTEN = 'registerWritten';

const newGeneration = (): string => randomBytes(12).toString('base64url');

/** Called by every write to a table the register's count reads, after the write's statement. */
export async function registerWritten(m: EntityManager): Promise<void> {
  const runner = m.queryRunner;
  if (runner?.isTransactionActive) {
    runner.data[WRITTEN] = true;
    return;
  }
  // no transaction: the write is committed already (a DataSource without the subscriber, like a bare seed, has no cache to keep)
  const generation = m.connection.subscribers.find((s): s is RegisterGeneration => s instanceof RegisterGeneration);
  await generation?.bump();
}

@Injectable()
export class RegisterGeneration implements EntitySubscriberInterface {
  private readonly logger = new Logger(RegisterGeneration.name);
  /** The keys of this service's schema under its Redis prefix (instances sharing a schema share them). */
  readonly keyPrefix: string;
  readonly key: string;

  constructor(@Inject(REDIS) readonly redis: IORedis, @Inject(SERVICE_CONFIG) config: ServiceConfig, dataSource: DataSource) {
    this.keyPrefix = `${config.queuePrefix}:${config.database}:register:`;
    this.key = `${this.keyPrefix}generation`;
    dataSource.subscribers.push(this);
  }

  /** After the outermost commit (a savepoint's release broadcasts too, with the transaction still open). */
  async afterTransactionCommit(e: TransactionCommitEvent): Promise<void> {
    if (e.queryRunner.isTransactionActive || !e.queryRunner.data[WRITTEN]) return;
    delete e.queryRunner.data[WRITTEN];
    await this.bump();
  }

  afterTransactionRollback(e: TransactionRollbackEvent): void {
    // a savepoint rolled back keeps the mark: an extra bump is harmless, a missed one is not
    if (!e.queryRunner.isTransactionActive) delete e.queryRunner.data[WRITTEN];
  }

  /** Never fails the write (it is committed): a count cached before it expires by its TTL at the latest. */
  async bump(): Promise<void> {
    await this.redis.set(this.key, newGeneration()).catch((err: Error) => this.logger.warn({ msg: 'register generation not bumped', error: err.message }));
  }

  /** Makes the generation when there is none: the new value, or null if another made it first (or Redis failed). */
  async start(): Promise<string | null> {
    const generation = newGeneration();
    return (await this.redis.set(this.key, generation, 'NX')) === 'OK' ? generation : null;
  }
}
