/**
 * The only owner of `refresh_token` SQL: the sign-in flows' single-token reads, rotations and family
 * revocations (through the entity, so expiresAt/revokedAt come back as Dates), and the bulk prune.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { RefreshTokenEntity } from './identity.entities';

export class RefreshTokenRepository {
  static async insert(db: DataSource | EntityManager, row: RefreshTokenEntity): Promise<void> {
    await db.getRepository(RefreshTokenEntity).insert(row);
  }

  static findByHash(db: DataSource | EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return db.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
  }

  /** The token, locked: two refreshes with one token are serialised, the second sees it revoked. */
  static lockByHash(m: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return m.getRepository(RefreshTokenEntity).findOne({ where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  /** Revokes one token (its rotation). */
  static async revoke(m: EntityManager, id: string): Promise<void> {
    await m.update(RefreshTokenEntity, { id }, { revokedAt: new Date() });
  }

  /** Revokes the family's open tokens; returns how many. */
  static async revokeFamily(m: EntityManager, familyId: string): Promise<number> {
    const res = await m.createQueryBuilder().update(RefreshTokenEntity).set({ revokedAt: new Date() })
      .where('familyId = :familyId AND revokedAt IS NULL', { familyId }).execute();
    return res.affected ?? 0;
  }

  /** The families of the user's unexpired tokens (revoked or not: an access token of the family may still live). */
  static async unexpiredFamiliesOf(m: EntityManager, userId: string): Promise<string[]> {
    const rows: { familyId: string }[] = await m.createQueryBuilder(RefreshTokenEntity, 'r').select('DISTINCT r.familyId', 'familyId')
      .where('r.userId = :userId AND r.expiresAt > :now', { userId, now: new Date() }).getRawMany();
    return rows.map((r) => r.familyId);
  }

  /** Revokes every open token of the user. */
  static async revokeAllOf(m: EntityManager, userId: string): Promise<void> {
    await m.createQueryBuilder().update(RefreshTokenEntity).set({ revokedAt: new Date() })
      .where('userId = :userId AND revokedAt IS NULL', { userId }).execute();
  }

  /** Deletes tokens expired more than `days` days ago; returns how many. */
  static async deleteExpiredBefore(db: DataSource | EntityManager, days: number): Promise<number> {
    const res = await db.query('DELETE FROM refresh_token WHERE expires_at < UTC_TIMESTAMP(3) - INTERVAL ? DAY', [days]);
    return res.affectedRows;
  }
}
