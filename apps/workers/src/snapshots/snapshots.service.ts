import { Injectable } from '@nestjs/common';
import { fullYearsBetween, type Principal } from '@cws/kernel';
import { applyScope, PiiCipher } from '@cws/persistence';
import type { AppointmentRole, BodyKind, PostBand, WorkerSnapshot, WorkerSnapshotPage, WorkerStatus } from '@cws/workers-contracts';
import { DataSource } from 'typeorm';
import { mayReadBankAccounts } from '../common/access';
import type { SnapshotQueryDto } from './snapshots.dto';

const BAND_RANK: Record<PostBand, number> = { HEAD: 0, DEPUTY: 1, OTHER: 2 };

/**
 * Effective-dated snapshots for payroll: one keyset page of workers employed on `asOf`, with the
 * posts and secondment in force that day. Three indexed range queries per page, no N+1.
 */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly cipher: PiiCipher,
    private readonly dataSource: DataSource,
  ) {}

  async page(p: Principal, q: SnapshotQueryDto): Promise<WorkerSnapshotPage> {
    const limit = q.limit ?? 1000;
    const asOf = q.asOf;
    const qb = this.dataSource
      .createQueryBuilder()
      .select(`w.id AS id, w.name AS name, w.district_code AS districtCode, w.street_code AS streetCode, w.community_code AS communityCode,
        w.employment_type AS employmentType, w.status AS status, w.education AS education, w.hire_date AS hireDate,
        w.qualification_level AS qualificationLevel, w.bank_account_enc AS bankEnc, w.bank_account_masked AS bankMasked`)
      .from('worker', 'w')
      .where('w.hire_date <= :asOf AND (w.left_date IS NULL OR w.left_date >= :asOf)', { asOf })
      .orderBy('w.id', 'ASC')
      .limit(limit + 1);
    if (q.after) qb.andWhere('w.id > :after', { after: Number(q.after) });
    if (q.scope?.length === 6) qb.andWhere('w.district_code = :sd', { sd: q.scope });
    if (q.scope?.length === 9) qb.andWhere('w.street_code = :ss', { ss: q.scope });
    if (q.scope?.length === 12) qb.andWhere('w.community_code = :sc', { sc: q.scope });
    applyScope(qb, p.scope, { district: 'w.district_code', street: 'w.street_code' });
    const rows = await qb.getRawMany();
    const page = rows.slice(0, limit);
    if (!page.length) return { asOf, items: [], nextAfter: null };
    const first = Number(page[0].id);
    const last = Number(page[page.length - 1].id);
    const [posts, secondments, leaves] = await Promise.all([
      this.dataSource.query(
        `SELECT worker_id AS workerId, body_kind AS bodyKind, role, band, is_primary AS isPrimary, start_date AS \`from\`, end_date AS \`to\`
           FROM appointment WHERE worker_id BETWEEN ? AND ? AND start_date <= ? AND (end_date IS NULL OR end_date >= ?) ORDER BY worker_id, id`,
        [first, last, asOf, asOf],
      ),
      this.dataSource.query(
        `SELECT worker_id AS workerId, direction, payer, start_date AS \`from\`, end_date AS \`to\`
           FROM secondment WHERE worker_id BETWEEN ? AND ? AND status <> 'CANCELLED' AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
        [first, last, asOf, asOf],
      ),
      this.dataSource.query(
        `SELECT DISTINCT worker_id AS workerId FROM worker_leave WHERE worker_id BETWEEN ? AND ? AND start_date <= ? AND (return_date IS NULL OR return_date > ?)`,
        [first, last, asOf, asOf],
      ),
    ]);
    const onLeave = new Set<number>(leaves.map((l: { workerId: number }) => Number(l.workerId)));
    const postsBy = new Map<number, Array<{ bodyKind: BodyKind; role: AppointmentRole; band: PostBand; isPrimary: number | string; from: string; to: string | null }>>();
    for (const post of posts) {
      const id = Number(post.workerId);
      const list = postsBy.get(id);
      if (list) list.push(post);
      else postsBy.set(id, [post]);
    }
    const secondmentBy = new Map<number, { direction: 'OUT' | 'IN'; payer: 'HOME' | 'HOST'; from: string; to: string | null }>();
    for (const s of secondments) secondmentBy.set(Number(s.workerId), { direction: s.direction, payer: s.payer, from: s.from, to: s.to });
    const fullBank = mayReadBankAccounts(p);

    const items: WorkerSnapshot[] = page.map((w) => {
      const id = Number(w.id);
      const held = postsBy.get(id) ?? [];
      const primary = held.find((a) => Number(a.isPrimary) === 1);
      const postBand: PostBand = primary?.band ?? held.reduce<PostBand>((best, a) => (BAND_RANK[a.band] < BAND_RANK[best] ? a.band : best), 'OTHER');
      const secondment = secondmentBy.get(id) ?? null;
      const status: WorkerStatus = secondment?.direction === 'OUT' ? 'SECONDED_OUT' : onLeave.has(id) ? 'ON_LEAVE' : 'ACTIVE';
      return {
        workerId: id,
        name: w.name,
        districtCode: w.districtCode,
        streetCode: w.streetCode,
        communityCode: w.communityCode,
        employmentType: w.employmentType,
        status,
        postBand,
        education: w.education,
        hireDate: w.hireDate,
        serviceYears: fullYearsBetween(w.hireDate, asOf),
        qualificationLevel: w.qualificationLevel,
        appointments: held.map((a) => ({ bodyKind: a.bodyKind, role: a.role, from: a.from, to: a.to })),
        bodiesHeld: new Set(held.map((a) => a.bodyKind)).size,
        secondment,
        bankAccount: w.bankEnc ? (fullBank ? this.cipher.decrypt(w.bankEnc) : w.bankMasked) : null,
      };
    });
    return { asOf, items, nextAfter: rows.length > limit ? String(last) : null };
  }
}
