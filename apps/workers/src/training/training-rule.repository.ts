/** The only owner of `training_rule` SQL: the yearly required hours. */
import type { EntityManager } from 'typeorm';

export interface TrainingRule {
  year: number;
  requiredHours: string;
  source: string;
}

export class TrainingRuleRepository {
  /** The year's rule; `lock`: FOR UPDATE (a missing year's gap too). */
  static async find(m: EntityManager, year: number, opts: { lock?: boolean } = {}): Promise<TrainingRule | null> {
    const [rule] = await m.query(`SELECT year, required_hours AS requiredHours, source FROM training_rule WHERE year = ?${opts.lock ? ' FOR UPDATE' : ''}`, [year]);
    return rule ?? null;
  }

  static async upsert(m: EntityManager, r: TrainingRule): Promise<void> {
    await m.query('INSERT INTO training_rule (year, required_hours, source) VALUES (?,?,?) ON DUPLICATE KEY UPDATE required_hours = VALUES(required_hours), source = VALUES(source)', [
      r.year, r.requiredHours, r.source,
    ]);
  }
}
