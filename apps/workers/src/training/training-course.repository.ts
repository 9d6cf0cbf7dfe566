/** The only owner of `training_course` SQL. */
import type { EntityManager } from 'typeorm';
import type { TrainingCourseView } from '@cws/workers-contracts';

export class TrainingCourseRepository {
  static list(m: EntityManager): Promise<TrainingCourseView[]> {
    return m.query('SELECT id, name, category, active FROM training_course ORDER BY id');
  }

  /** Inserts a course and returns its id (a taken name raises the driver's ER_DUP_ENTRY). */
  static async insert(m: EntityManager, c: { name: string; category: string }): Promise<number> {
    const res = await m.query('INSERT INTO training_course (name, category) VALUES (?, ?)', [c.name, c.category]);
    return Number(res.insertId);
  }

  static async exists(m: EntityManager, id: number): Promise<boolean> {
    const [course] = await m.query('SELECT id FROM training_course WHERE id = ?', [id]);
    return !!course;
  }
}
