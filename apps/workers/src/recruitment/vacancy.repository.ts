/** Reads of `vacancy` for lists (the service's loaders keep the per-record SQL). */
import type { Scope } from '@cws/kernel';
import { applyScope, keysetPage, type KeysetPage } from '@cws/persistence';
import type { EntityManager } from 'typeorm';

export interface VacancyListRow {
  id: number;
  communityCode: string;
  streetCode: string;
  districtCode: string;
  bodyKind: string;
  role: string;
  headcount: number;
  opensOn: string;
  closesOn: string;
  status: string;
  writtenWeight: string;
  noticeDays: number;
  /** every applicant, and those selected (in or past their notice) or hired */
  candidates: number;
  selected: number;
  hired: number;
}

export interface VacancyFilter {
  status?: string;
  communityCode?: string;
  after?: string;
  limit: number;
}

export class VacancyRepository {
  /** Newest first, in the caller's scope, keyset by id. */
  static async page(m: EntityManager, scope: Scope, f: VacancyFilter): Promise<KeysetPage<VacancyListRow>> {
    const qb = m.createQueryBuilder()
      .select(`v.id AS id, v.community_code AS communityCode, v.street_code AS streetCode, v.district_code AS districtCode, v.body_kind AS bodyKind,
        v.role AS role, v.headcount AS headcount, v.opens_on AS opensOn, v.closes_on AS closesOn, v.status AS status, v.written_weight AS writtenWeight,
        v.notice_days AS noticeDays,
        (SELECT COUNT(*) FROM candidate c WHERE c.vacancy_id = v.id) AS candidates,
        (SELECT COUNT(*) FROM candidate c WHERE c.vacancy_id = v.id AND c.status = 'SELECTED') AS selected,
        (SELECT COUNT(*) FROM candidate c WHERE c.vacancy_id = v.id AND c.status = 'HIRED') AS hired`)
      .from('vacancy', 'v');
    if (f.status) qb.andWhere('v.status = :status', { status: f.status });
    if (f.communityCode) qb.andWhere('v.community_code = :community', { community: f.communityCode });
    applyScope(qb, scope, { district: 'v.district_code', street: 'v.street_code' });
    const page = await keysetPage<Record<string, unknown>, Record<string, unknown>>(qb, { column: 'v.id', order: 'DESC', keyOf: (r) => Number(r.id), limit: f.limit, after: f.after, fetch: 'raw' });
    return {
      nextAfter: page.nextAfter,
      items: page.items.map((r) => ({
        ...(r as unknown as VacancyListRow),
        id: Number(r.id), headcount: Number(r.headcount), noticeDays: Number(r.noticeDays), writtenWeight: String(r.writtenWeight),
        candidates: Number(r.candidates), selected: Number(r.selected), hired: Number(r.hired),
      })),
    };
  }
}
