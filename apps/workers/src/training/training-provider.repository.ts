/** The only owner of `training_provider` SQL. */
import type { EntityManager } from 'typeorm';

export class TrainingProviderRepository {
  static list(m: EntityManager): Promise<Array<{ id: number; name: string; uscc: string | null }>> {
    return m.query('SELECT id, name, uscc FROM training_provider ORDER BY id');
  }

  /** Inserts a provider and returns its id (a taken name raises the driver's ER_DUP_ENTRY). */
  static async insert(m: EntityManager, p: { name: string; uscc: string | null }): Promise<number> {
    const res = await m.query('INSERT INTO training_provider (name, uscc) VALUES (?, ?)', [p.name, p.uscc]);
    return Number(res.insertId);
  }

  static async exists(m: EntityManager, id: number): Promise<boolean> {
    const [provider] = await m.query('SELECT id FROM training_provider WHERE id = ?', [id]);
    return !!provider;
  }
}
