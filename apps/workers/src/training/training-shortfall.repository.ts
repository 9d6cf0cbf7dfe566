/** Reads for the training shortfall: members of the register in a year with their passed hours. */
import type { Scope } from '@cws/kernel';
import { applyScope } from '@cws/persistence';
import type { EntityManager } from 'typeorm';

export interface MemberHours {
  workerId: number;
  name: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  hireDate: string;
  leftDate: string | null;
  /** Passed hours in the year, one decimal. */
  hours: string;
}

export interface Place {
  district?: string;
  street?: string;
  community?: string;
}

export class TrainingShortfallRepository {
  /**
   * Workers who belonged to the register at some point of `year` (hired by its end, not left before it
   * starts — whatever their status today), full-time only, whose passed hours in the year are below
   * `belowHours` (the full-year requirement: nobody owes more, so the rest cannot be short).
   */
  static async fullTimeMembersBelow(m: EntityManager, scope: Scope, year: number, belowHours: string, place: Place): Promise<MemberHours[]> {
    const ys = `${year}-01-01`;
    const ye = `${year}-12-31`;
    const qb = m.createQueryBuilder()
      .select(`w.id AS workerId, w.name AS name, w.district_code AS districtCode, w.street_code AS streetCode, w.community_code AS communityCode,
        w.hire_date AS hireDate, w.left_date AS leftDate, COALESCE(SUM(r.hours), 0) AS hours`)
      .from('worker', 'w')
      .leftJoin('training_record', 'r', 'r.worker_id = w.id AND r.completed_on BETWEEN :ys AND :ye', { ys, ye })
      .where(`w.hire_date <= :ye AND (w.left_date IS NULL OR w.left_date >= :ys) AND w.employment_type <> 'SECONDED_IN'`, { ys, ye })
      .groupBy('w.id')
      .having('COALESCE(SUM(r.hours), 0) < :req', { req: belowHours })
      .orderBy('w.community_code').addOrderBy('w.id');
    TrainingShortfallRepository.filter(qb, scope, place);
    const rows = await qb.getRawMany();
    return rows.map((r) => ({ ...r, workerId: Number(r.workerId), hours: Number(r.hours).toFixed(1), leftDate: r.leftDate ?? null }));
  }

  /** Seconded-in cadres who belonged to the register in the year: excluded from the requirement, counted so the report says so. */
  static async secondedInMembers(m: EntityManager, scope: Scope, year: number, place: Place): Promise<number> {
    const qb = m.createQueryBuilder().select('COUNT(*) AS n').from('worker', 'w')
      .where(`w.hire_date <= :ye AND (w.left_date IS NULL OR w.left_date >= :ys) AND w.employment_type = 'SECONDED_IN'`, { ys: `${year}-01-01`, ye: `${year}-12-31` });
    TrainingShortfallRepository.filter(qb, scope, place);
    return Number((await qb.getRawOne())?.n ?? 0);
  }

  private static filter(qb: Parameters<typeof applyScope>[0], scope: Scope, place: Place): void {
    if (place.district) qb.andWhere('w.district_code = :d', { d: place.district });
    if (place.street) qb.andWhere('w.street_code = :s', { s: place.street });
    if (place.community) qb.andWhere('w.community_code = :c', { c: place.community });
    applyScope(qb, scope, { district: 'w.district_code', street: 'w.street_code' });
  }
}
