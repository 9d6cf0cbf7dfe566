/** The only owner of `training_class` SQL. */
import type { Scope } from '@cws/kernel';
import type { EntityManager } from 'typeorm';

export interface NewTrainingClass {
  courseId: number;
  providerId: number;
  title: string;
  startDate: string;
  endDate: string;
  /** Tenths of an hour as a decimal string. */
  hours: string;
  /** Yuan as a decimal string (DECIMAL(15,2)). */
  cost: string;
  /** The organising district; null for a city class. */
  districtCode: string | null;
  chargeCommunityCode: string | null;
}

export class TrainingClassRepository {
  /** How many classes charge their cost to the community. */
  static async countChargedTo(m: EntityManager, communityCode: string): Promise<number> {
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM training_class WHERE charge_community_code = ?', [communityCode]);
    return Number(n);
  }

  /** Inserts a class and returns its id. */
  static async insert(m: EntityManager, k: NewTrainingClass): Promise<number> {
    const res = await m.query(
      `INSERT INTO training_class (course_id, provider_id, title, start_date, end_date, hours, cost, district_code, charge_community_code, created_at)
       VALUES (?,?,?,?,?,?,?,?,?,?)`,
      [k.courseId, k.providerId, k.title, k.startDate, k.endDate, k.hours, k.cost, k.districtCode, k.chargeCommunityCode, new Date()],
    );
    return Number(res.insertId);
  }

  /** What recording a result needs of a class, or null. */
  static async find(m: EntityManager, id: number): Promise<{ id: number; hours: string; endDate: string; districtCode: string | null } | null> {
    const [k] = await m.query('SELECT id, hours, end_date AS endDate, district_code AS districtCode FROM training_class WHERE id = ?', [id]);
    return k ?? null;
  }

  /** The classes a scope sees (city classes and its own district's), latest first. */
  static list(m: EntityManager, scope: Scope) {
    const qb = m.createQueryBuilder()
      .select(`k.id AS id, k.title AS title, k.course_id AS courseId, k.provider_id AS providerId, k.start_date AS startDate, k.end_date AS endDate,
        k.hours AS hours, k.cost AS cost, k.district_code AS districtCode, k.charge_community_code AS chargeCommunityCode`)
      .from('training_class', 'k').orderBy('k.start_date', 'DESC');
    if (scope.level !== 'CITY') qb.where('(k.district_code IS NULL OR k.district_code = :d)', { d: scope.district });
    return qb.getRawMany();
  }
}
