/** Bulk maintenance of `refresh_token` (the sign-in flows read and revoke single tokens through RefreshTokenEntity in AuthService). */
import type { DataSource, EntityManager } from 'typeorm';

export class RefreshTokenRepository {
  /** Deletes tokens expired more than `days` days ago; returns how many. */
  static async deleteExpiredBefore(db: DataSource | EntityManager, days: number): Promise<number> {
    const res = await db.query('DELETE FROM refresh_token WHERE expires_at < NOW(3) - INTERVAL ? DAY', [days]);
    return res.affectedRows;
  }
}
