import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PayloadOf } from '@cws/kernel';
import { JobHandler } from '@cws/messaging';
import { PruneRefreshTokensJob } from '@cws/workers-contracts';
import { RefreshTokenRepository } from '../identity/refresh-token.repository';

/**
 * Idempotent by nature: deleting what is already gone deletes nothing. Revoked tokens are kept
 * until they expire, so reusing a rotated one is still recognised (and revokes its family).
 */
@Injectable()
export class PruneRefreshTokensHandler {
  private readonly logger = new Logger('PruneRefreshTokens');
  constructor(private readonly dataSource: DataSource) {}

  @JobHandler(PruneRefreshTokensJob)
  async handle(payload: PayloadOf<typeof PruneRefreshTokensJob>): Promise<{ deleted: number }> {
    const deleted = await RefreshTokenRepository.deleteExpiredBefore(this.dataSource, payload.olderThanDays);
    this.logger.log({ msg: 'pruned refresh tokens', deleted });
    return { deleted };
  }
}
