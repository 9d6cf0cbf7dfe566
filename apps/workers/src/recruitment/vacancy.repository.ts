/** The only owner of `vacancy` SQL: a vacancy's row, its scoped loader and the list page. */
import type { Scope } from '@cws/kernel';
import { applyScope, keysetPage, type KeysetPage } from '@cws/persistence';
import type { AppointmentRole, BodyKind, VacancyDetailView, VacancyListItemView } from '@cws/workers-contracts';
import type { EntityManager } from 'typeorm';
import { rawOneInScope } from '../common/org-scope';

export interface NewVacancy {
  communityCode: string;
  streetCode: string;
  districtCode: string;
  bodyKind: BodyKind;
  role: AppointmentRole;
  headcount: number;
  opensOn: string;
  closesOn: string;
  /** The written exam's weight in the total, a decimal string 0–1. */
  writtenWeight: string;
  noticeDays: number;
}

/** A vacancy as the ranking shows it: the workers contract. */
export type Vacancy = VacancyDetailView;

/** A list row as the API answers it: the workers contract (every applicant, and those selected — in or past their notice — or hired). */
export type VacancyListRow = VacancyListItemView;

export interface VacancyFilter {
  status?: string;
  communityCode?: string;
  after?: string;
  limit: number;
}

export class VacancyRepository {
  /** How many vacancies (open or filled) the community has published. */
  static async countInCommunity(m: EntityManager, communityCode: string): Promise<number> {
    const [{ n }] = await m.query('SELECT COUNT(*) AS n FROM vacancy WHERE community_code = ?', [communityCode]);
    return Number(n);
  }

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

  /** Inserts an OPEN vacancy and returns its id. */
  static async insert(m: EntityManager, v: NewVacancy): Promise<number> {
    const res = await m.query(
      `INSERT INTO vacancy (community_code, street_code, district_code, body_kind, role, headcount, opens_on, closes_on, status, written_weight, notice_days, created_at)
       VALUES (?,?,?,?,?,?,?,?,'OPEN',?,?,?)`,
      [v.communityCode, v.streetCode, v.districtCode, v.bodyKind, v.role, v.headcount, v.opensOn, v.closesOn, v.writtenWeight, v.noticeDays, new Date()],
    );
    return Number(res.insertId);
  }

  /** The vacancy if the scope sees it (else 404), optionally locked. */
  static async inScope(m: EntityManager, scope: Scope, id: number, opts: { lock?: boolean } = {}): Promise<Vacancy> {
    const qb = m.createQueryBuilder()
      .select(`v.id AS id, v.community_code AS communityCode, v.street_code AS streetCode, v.district_code AS districtCode, v.body_kind AS bodyKind,
        v.role AS role, v.headcount AS headcount, v.opens_on AS opensOn, v.closes_on AS closesOn, v.status AS status, v.written_weight AS writtenWeight,
        v.notice_days AS noticeDays`)
      .from('vacancy', 'v').where('v.id = :id', { id });
    const v = await rawOneInScope(qb, scope, { district: 'v.district_code', street: 'v.street_code' }, 'vacancy', id, opts);
    return { ...v, id: Number(v.id), headcount: Number(v.headcount), noticeDays: Number(v.noticeDays), writtenWeight: String(v.writtenWeight) };
  }

  static async markFilled(m: EntityManager, id: number): Promise<void> {
    await m.query(`UPDATE vacancy SET status = 'FILLED' WHERE id = ?`, [id]);
  }
}
